// hypervolume() and hypervolume_contributions(): pick the algorithm by the
// number of objectives; default_reference_point(); the input checks shared by
// the low-dimensional algorithms.
//
//   d = 1: r - min x (O(n));  d = 2, 3: O(n log n) sweeps;  d = 4: HV4D+-style
//   O(n^2) sweep;  d >= 5: hypervolume_nd (WFG family).
//   Contributions: d = 2, 3: O(n log n) sweeps; d >= 4: hypervolume_contributions_nd.
#include "paretokit/indicators/hypervolume.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace detail {

std::vector<double> points_inside_reference(const MatrixRef& points, const VectorRef& reference,
                                            const char* /*function*/, std::vector<Index>* rows) {
  // The messages speak the user's terms (a reference point, objectives,
  // points numbered from 1), not the name of the algorithm that checks.
  const Index d = reference.size();
  if (d == 0) throw InputError("the reference point is empty", Location::of_field("reference"));
  if (points.rows() > 0 && points.cols() != d) {
    throw InputError("the points have " + std::to_string(points.cols()) +
                         " objectives but the reference point has " + std::to_string(d),
                     Location::of_field("reference"));
  }
  for (Index j = 0; j < d; ++j) {
    if (!std::isfinite(reference(j))) {
      throw InputError("objective " + std::to_string(j + 1) + " of the reference point is not finite",
                       Location::of_field("reference"));
    }
  }
  std::vector<double> inside;
  inside.reserve(static_cast<std::size_t>(points.rows() * d));
  if (rows) rows->clear();
  for (Index i = 0; i < points.rows(); ++i) {
    bool keep = true;
    for (Index j = 0; j < d; ++j) {
      const double x = points(i, j);
      if (!std::isfinite(x)) {
        throw InputError("objective " + std::to_string(j + 1) + " of point " + std::to_string(i + 1) +
                         " is not finite");
      }
      keep = keep && x < reference(j);
    }
    if (!keep) continue;
    for (Index j = 0; j < d; ++j) inside.push_back(points(i, j));
    if (rows) rows->push_back(i);
  }
  return inside;
}

}  // namespace detail

double hypervolume(const MatrixRef& points, const VectorRef& reference) {
  switch (reference.size()) {
    case 1: {
      const std::vector<double> inside = detail::points_inside_reference(points, reference, "hypervolume");
      if (inside.empty()) return 0.0;
      return reference(0) - *std::min_element(inside.begin(), inside.end());
    }
    case 2:
      return hypervolume_2d(points, reference);
    case 3:
      return hypervolume_3d(points, reference);
    case 4:
      return hypervolume_4d(points, reference);
    default:
      if (reference.size() == 0) detail::points_inside_reference(points, reference, "hypervolume");
      return hypervolume_nd(points, reference);
  }
}

Vector hypervolume_contributions(const MatrixRef& points, const VectorRef& reference) {
  switch (reference.size()) {
    case 1: {
      // Only the best point contributes, and only when it is unique.
      std::vector<Index> rows;
      const std::vector<double> inside =
          detail::points_inside_reference(points, reference, "hypervolume_contributions", &rows);
      Vector result = Vector::Zero(points.rows());
      if (inside.empty()) return result;
      std::size_t best = 0;
      double second = reference(0);
      for (std::size_t k = 1; k < inside.size(); ++k) {
        if (inside[k] < inside[best]) {
          second = inside[best];
          best = k;
        } else {
          second = std::min(second, inside[k]);
        }
      }
      result(rows[best]) = second - inside[best];
      return result;
    }
    case 2:
      return hypervolume_contributions_2d(points, reference);
    case 3:
      return hypervolume_contributions_3d(points, reference);
    default:
      if (reference.size() == 0)
        detail::points_inside_reference(points, reference, "hypervolume_contributions");
      return hypervolume_contributions_nd(points, reference);
  }
}

Vector default_reference_point(const MatrixRef& points) {
  if (points.rows() == 0 || points.cols() == 0) {
    throw InputError("no points to take the default reference point from");
  }
  const RowVector high = points.colwise().maxCoeff();
  const RowVector low = points.colwise().minCoeff();
  return (high + 0.1 * (high - low)).transpose();
}

}  // namespace paretokit
