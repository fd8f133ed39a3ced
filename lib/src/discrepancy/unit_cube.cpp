// Input checks and helpers shared by the discrepancy entry points.
#include <cmath>
#include <sstream>

#include "paretokit/core/error.hpp"
#include "paretokit/discrepancy/star_discrepancy.hpp"

namespace paretokit::discrepancy {

void check_unit_cube(const MatrixRef& points, const std::string& source,
                     const std::vector<std::size_t>& lines) {
  for (Index i = 0; i < points.rows(); ++i) {
    for (Index j = 0; j < points.cols(); ++j) {
      const double v = points(i, j);
      if (std::isfinite(v) && v >= 0.0 && v <= 1.0) continue;
      const std::size_t line = static_cast<std::size_t>(i) < lines.size() ? lines[static_cast<std::size_t>(i)]
                                                                          : static_cast<std::size_t>(i + 1);
      std::ostringstream reason;
      reason << "coordinate " << (j + 1) << " is " << v << ", outside [0,1]";
      throw InputError(reason.str(), Location(source, line));
    }
  }
}

Matrix normalize_columns(const MatrixRef& points) {
  Matrix result(points.rows(), points.cols());
  for (Index j = 0; j < points.cols(); ++j) {
    if (points.rows() == 0) break;
    const double low = points.col(j).minCoeff();
    const double high = points.col(j).maxCoeff();
    const double range = high - low;
    for (Index i = 0; i < points.rows(); ++i) {
      // The extremes map exactly to 0 and 1; clamping guards against rounding.
      const double v = range > 0.0 ? (points(i, j) - low) / range : 0.0;
      result(i, j) = points(i, j) == high && range > 0.0 ? 1.0 : std::min(1.0, std::max(0.0, v));
    }
  }
  return result;
}

double open_box_discrepancy(const MatrixRef& points, const VectorRef& q) {
  Index count = 0;
  for (Index i = 0; i < points.rows(); ++i)
    count += (points.row(i).transpose().array() < q.array()).all() ? 1 : 0;
  double volume = 1.0;
  for (Index j = 0; j < q.size(); ++j) volume *= q(j);
  return volume - double(count) / double(points.rows());
}

double closed_box_discrepancy(const MatrixRef& points, const VectorRef& q) {
  Index count = 0;
  for (Index i = 0; i < points.rows(); ++i)
    count += (points.row(i).transpose().array() <= q.array()).all() ? 1 : 0;
  double volume = 1.0;
  for (Index j = 0; j < q.size(); ++j) volume *= q(j);
  return double(count) / double(points.rows()) - volume;
}

StarDiscrepancyResult star_discrepancy(const MatrixRef& points, const StarDiscrepancyOptions& options) {
  const double n = double(points.rows());
  const double work = std::pow(std::max(n, 1.0), 1.0 + 0.5 * double(points.cols()));
  if (work <= options.exact_work_limit) return star_discrepancy_exact(points, options.exact);
  return star_discrepancy_bounds(points, options.bounds);
}

}  // namespace paretokit::discrepancy
