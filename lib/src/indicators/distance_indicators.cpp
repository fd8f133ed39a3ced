// GD, IGD, IGD+ and the additive epsilon indicator (see the header for the
// definitions and papers). Every indicator is "for each row of one set, the
// minimum over the rows of the other set of some pair score", followed by a
// mean or a maximum; one kernel does the minima, in parallel over rows.
// O(|A| |Z| m) time, O(|A| + |Z|) memory.
#include "paretokit/indicators/distance_indicators.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

void check_sets(const MatrixRef& points, const MatrixRef& reference_set, const char* indicator) {
  if (points.cols() != reference_set.cols()) {
    throw InputError(std::string(indicator) + ": the points have " + std::to_string(points.cols()) +
                     " objectives but the reference set has " + std::to_string(reference_set.cols()));
  }
  if (reference_set.rows() == 0) throw InputError(std::string(indicator) + ": the reference set is empty");
  if (!points.allFinite() || !reference_set.allFinite()) {
    throw InputError(std::string(indicator) + ": NaN or infinite objective values");
  }
}

// For every row r of `rows`, min over the rows c of `others` of score(r, c).
// score(a, b, m) is called with pointers to the two rows. Rows are split into
// fixed blocks; each minimum depends on its row only.
template <class Score>
std::vector<double> row_minima(const MatrixRef& rows, const MatrixRef& others, Score score) {
  const Index n = rows.rows();
  const Index k = others.rows();
  const Index m = rows.cols();
  // Contiguous copies: the inputs may be strided views.
  const Matrix row_data = rows;
  const Matrix other_data = others;
  std::vector<double> minima(static_cast<std::size_t>(n), kInfinity);
  auto work = [&](const tbb::blocked_range<Index>& range) {
    for (Index i = range.begin(); i < range.end(); ++i) {
      const double* a = row_data.data() + i * m;
      double best = kInfinity;
      for (Index c = 0; c < k; ++c) best = std::min(best, score(a, other_data.data() + c * m, m));
      minima[static_cast<std::size_t>(i)] = best;
    }
  };
  const double work_size = static_cast<double>(n) * static_cast<double>(k) * static_cast<double>(m);
  if (work_size < 1e6) {
    work(tbb::blocked_range<Index>(0, n));
  } else {
    tbb::parallel_for(tbb::blocked_range<Index>(0, n, 64), work);
  }
  return minima;
}

double squared_distance(const double* a, const double* b, Index m) {
  double sum = 0;
  for (Index j = 0; j < m; ++j) {
    const double d = a[j] - b[j];
    sum += d * d;
  }
  return sum;
}

// ||max(a - z, 0)||^2 with a the approximation point and z the reference point.
double squared_plus_distance(const double* z, const double* a, Index m) {
  double sum = 0;
  for (Index j = 0; j < m; ++j) {
    const double d = std::max(a[j] - z[j], 0.0);
    sum += d * d;
  }
  return sum;
}

// max_j (a_j - z_j): the shift a needs to weakly dominate z.
double epsilon_shift(const double* z, const double* a, Index m) {
  double worst = -kInfinity;
  for (Index j = 0; j < m; ++j) worst = std::max(worst, a[j] - z[j]);
  return worst;
}

double mean_of_roots(const std::vector<double>& squared) {
  double sum = 0;
  for (const double s : squared) sum += std::sqrt(s);
  return sum / static_cast<double>(squared.size());
}

}  // namespace

double gd(const MatrixRef& points, const MatrixRef& reference_set) {
  check_sets(points, reference_set, "GD");
  if (points.rows() == 0) throw InputError("GD: the point set is empty");
  return mean_of_roots(row_minima(points, reference_set, squared_distance));
}

double igd(const MatrixRef& points, const MatrixRef& reference_set) {
  check_sets(points, reference_set, "IGD");
  if (points.rows() == 0) return kInfinity;
  return mean_of_roots(row_minima(reference_set, points, squared_distance));
}

double igd_plus(const MatrixRef& points, const MatrixRef& reference_set) {
  check_sets(points, reference_set, "IGD+");
  if (points.rows() == 0) return kInfinity;
  return mean_of_roots(row_minima(reference_set, points, squared_plus_distance));
}

double additive_epsilon(const MatrixRef& points, const MatrixRef& reference_set) {
  check_sets(points, reference_set, "additive epsilon");
  if (points.rows() == 0) return kInfinity;
  const std::vector<double> shifts = row_minima(reference_set, points, epsilon_shift);
  return *std::max_element(shifts.begin(), shifts.end());
}

}  // namespace paretokit
