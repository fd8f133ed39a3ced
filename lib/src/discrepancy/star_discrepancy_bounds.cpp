// Bounds on the star discrepancy for when the exact algorithm is out of reach.
//
// Lower bound: threshold accepting after Gnewuch, Wahlström and Winzen, "A new
// randomized algorithm to approximate the star discrepancy based on threshold
// accepting", SIAM J. Numer. Anal. 50(2), 2012. A walk over the grid of point
// coordinates; a move shifts a few corner coordinates by a random number of grid
// steps (the range shrinks as the walk proceeds); every visited corner is
// "snapped" (closed box shrunk onto the points it holds, open box grown until
// it touches a point in every direction), which can only raise its local
// discrepancy; a move is accepted when it loses less than the current
// threshold, thresholds falling linearly to zero. Each run costs
// O(iterations * n * d^2). Runs are independent (Rng::stream(seed, run)) and
// reduced in run order, so the bound does not depend on the thread count.
//
// Upper bound: bracketing on the uniform grid of spacing 1/m (cf. Thiémard,
// "An algorithm to compute bounds for the star discrepancy", J. Complexity
// 17(4), 2001, which uses adaptive brackets). For q in the grid cell [a, b]:
//   vol(q) - N[0,q)/n <= vol(b) - N(cells below a)/n,
//   N[0,q]/n - vol(q) <= N(cells up to the cell of a)/n - vol(a),
// so the maximum over all (m)^d cells bounds D*; time O((m+1)^d d + n d). The
// gap to the truth is about d/m, hence loose in high dimension.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>

#include "paretokit/core/error.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/discrepancy/star_discrepancy.hpp"

namespace paretokit::discrepancy {

namespace {

struct Walker {
  const MatrixRef& points;
  std::vector<std::vector<double>> grid;  // per dimension: sorted distinct coordinates, then 1
  std::vector<int> outside;               // scratch
  std::uint64_t evaluations = 0;

  explicit Walker(const MatrixRef& p) : points(p), grid(static_cast<std::size_t>(p.cols())) {
    for (Index j = 0; j < p.cols(); ++j) {
      auto& g = grid[static_cast<std::size_t>(j)];
      g.clear();
      for (Index i = 0; i < p.rows(); ++i) g.push_back(p(i, j));
      g.push_back(1.0);
      std::sort(g.begin(), g.end());
      g.erase(std::unique(g.begin(), g.end()), g.end());
    }
  }

  // Best of the snapped closed box and the snapped open box at corner q.
  double evaluate(const std::vector<double>& q, Box& box) {
    ++evaluations;
    const Index n = points.rows(), d = points.cols();
    // Closed box: shrink each q_j to the largest coordinate of a point inside.
    std::vector<double> shrunk(static_cast<std::size_t>(d), 0.0);
    Index inside = 0;
    for (Index i = 0; i < n; ++i) {
      bool in = true;
      for (Index j = 0; j < d && in; ++j) in = points(i, j) <= q[static_cast<std::size_t>(j)];
      if (!in) continue;
      ++inside;
      for (Index j = 0; j < d; ++j)
        shrunk[static_cast<std::size_t>(j)] = std::max(shrunk[static_cast<std::size_t>(j)], points(i, j));
    }
    double closed_volume = 1.0;
    for (double v : shrunk) closed_volume *= v;
    const double closed_value = double(inside) / double(n) - closed_volume;
    // Open box: grow each q_j in turn to the smallest x_j of a point that only
    // dimension j keeps out.
    std::vector<double> grown = q;
    for (Index j = 0; j < d; ++j) {
      double limit = 1.0;
      for (Index i = 0; i < n; ++i) {
        if (points(i, j) < grown[static_cast<std::size_t>(j)]) continue;
        bool others_in = true;
        for (Index k = 0; k < d && others_in; ++k)
          others_in = k == j || points(i, k) < grown[static_cast<std::size_t>(k)];
        if (others_in) limit = std::min(limit, points(i, j));
      }
      grown[static_cast<std::size_t>(j)] = std::max(grown[static_cast<std::size_t>(j)], limit);
    }
    Index open_count = 0;
    for (Index i = 0; i < n; ++i) {
      bool in = true;
      for (Index j = 0; j < d && in; ++j) in = points(i, j) < grown[static_cast<std::size_t>(j)];
      open_count += in ? 1 : 0;
    }
    double open_volume = 1.0;
    for (double v : grown) open_volume *= v;
    const double open_value = open_volume - double(open_count) / double(n);
    if (closed_value >= open_value) {
      box = {Eigen::Map<const Vector>(shrunk.data(), d), true, closed_volume, inside};
      return closed_value;
    }
    box = {Eigen::Map<const Vector>(grown.data(), d), false, open_volume, open_count};
    return open_value;
  }
};

struct RunResult {
  double value = -1.0;
  Box box;
  std::uint64_t evaluations = 0;
};

RunResult threshold_accepting(const MatrixRef& points, const BoundsOptions& options, int run) {
  Walker walker(points);
  Rng rng = Rng::stream(options.seed, static_cast<std::uint64_t>(run));
  const std::size_t d = static_cast<std::size_t>(points.cols());
  std::vector<std::size_t> index(d);
  std::vector<double> q(d);
  const auto corner = [&] {
    for (std::size_t j = 0; j < d; ++j) q[j] = walker.grid[j][index[j]];
  };
  // Start at a random grid corner with volume near 1/2, biased to the upper part.
  for (std::size_t j = 0; j < d; ++j) {
    const double target = std::pow(rng.uniform(), 1.0 / double(d));
    const auto& g = walker.grid[j];
    index[j] = static_cast<std::size_t>(std::lower_bound(g.begin(), g.end(), target) - g.begin());
    index[j] = std::min(index[j], g.size() - 1);
  }
  corner();
  RunResult best;
  Box box;
  double current = walker.evaluate(q, box);
  best.value = current;
  best.box = box;
  const int iterations = std::max(1, options.iterations_per_run);
  // Initial threshold: a typical loss of one random move, estimated on the fly.
  double threshold = 0.0;
  std::vector<std::size_t> trial(d);
  for (int it = 0; it < iterations; ++it) {
    const double progress = double(it) / double(iterations);
    trial = index;
    const std::size_t moved = 1 + static_cast<std::size_t>(rng.below(std::min<std::uint64_t>(d, 3)));
    for (std::size_t m = 0; m < moved; ++m) {
      const std::size_t j = static_cast<std::size_t>(rng.below(d));
      const auto size = static_cast<std::int64_t>(walker.grid[j].size());
      const auto range =
          std::max<std::int64_t>(1, static_cast<std::int64_t>(double(size) * 0.25 * (1.0 - progress)));
      const auto step =
          static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(2 * range + 1))) - range;
      trial[j] = static_cast<std::size_t>(
          std::clamp<std::int64_t>(static_cast<std::int64_t>(trial[j]) + step, 0, size - 1));
    }
    for (std::size_t j = 0; j < d; ++j) q[j] = walker.grid[j][trial[j]];
    const double value = walker.evaluate(q, box);
    if (it < 50) threshold = std::max(threshold, 0.5 * std::abs(value - current));
    const double t = threshold * (1.0 - progress);
    if (value >= current - t) {
      index = trial;
      current = value;
    }
    if (value > best.value) {
      best.value = value;
      best.box = box;
    }
  }
  best.evaluations = walker.evaluations;
  return best;
}

double grid_upper_bound(const MatrixRef& points, std::uint64_t grid_cells) {
  const Index n = points.rows(), d = points.cols();
  // Largest m with (m + 1)^d <= grid_cells (at least 1).
  Index m = 1;
  while (std::pow(double(m + 2), double(d)) <= double(grid_cells)) ++m;
  std::vector<std::size_t> stride(static_cast<std::size_t>(d) + 1, 1);
  for (Index j = 0; j < d; ++j)
    stride[static_cast<std::size_t>(j) + 1] =
        stride[static_cast<std::size_t>(j)] * static_cast<std::size_t>(m + 1);
  // counts[i] over (m+1)^d: points whose cell index is i - 1 (shifted by one
  // so that the prefix sum at i counts cells strictly below i).
  std::vector<double> counts(stride.back(), 0.0);
  for (Index p = 0; p < n; ++p) {
    std::size_t flat = 0;
    for (Index j = 0; j < d; ++j) {
      const double x = points(p, j);
      Index c = std::min<Index>(m - 1, static_cast<Index>(std::floor(x * double(m))));
      while (c > 0 && x < double(c) / double(m)) --c;
      while (c < m - 1 && x >= double(c + 1) / double(m)) ++c;
      flat += static_cast<std::size_t>(c + 1) * stride[static_cast<std::size_t>(j)];
    }
    counts[flat] += 1.0;
  }
  for (Index j = 0; j < d; ++j) {
    const std::size_t s = stride[static_cast<std::size_t>(j)];
    for (std::size_t i = 0; i < counts.size(); ++i)
      if ((i / s) % static_cast<std::size_t>(m + 1) != 0) counts[i] += counts[i - s];
  }
  // A(i) = counts[i]: points with cell index < i_j in every dimension.
  double bound = 0.0;
  std::vector<Index> a(static_cast<std::size_t>(d), 0);
  while (true) {
    std::size_t low = 0, high = 0;
    double vol_low = 1.0, vol_high = 1.0;
    for (Index j = 0; j < d; ++j) {
      const Index aj = a[static_cast<std::size_t>(j)];
      low += static_cast<std::size_t>(aj) * stride[static_cast<std::size_t>(j)];
      high += static_cast<std::size_t>(aj + 1) * stride[static_cast<std::size_t>(j)];
      vol_low *= double(aj) / double(m);
      vol_high *= double(aj + 1) / double(m);
    }
    bound = std::max({bound, vol_high - counts[low] / double(n), counts[high] / double(n) - vol_low});
    Index j = 0;
    while (j < d && ++a[static_cast<std::size_t>(j)] == m) a[static_cast<std::size_t>(j++)] = 0;
    if (j == d) break;
  }
  return std::min(1.0, bound);
}

}  // namespace

StarDiscrepancyResult star_discrepancy_bounds(const MatrixRef& points, const BoundsOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (points.rows() == 0) throw InputError("star discrepancy of an empty point set");
  if (points.cols() == 0) throw InputError("star discrepancy of points with no coordinates");
  check_unit_cube(points, "points");
  std::unique_ptr<tbb::global_control> limit;
  if (options.threads > 0)
    limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                  static_cast<std::size_t>(options.threads));
  const int runs = std::max(1, options.runs);
  std::vector<RunResult> results(static_cast<std::size_t>(runs));
  double upper = 1.0;
  tbb::parallel_for(0, runs + 1, [&](int r) {
    if (r == runs)
      upper = grid_upper_bound(points, options.grid_cells);
    else
      results[static_cast<std::size_t>(r)] = threshold_accepting(points, options, r);
  });
  StarDiscrepancyResult result;
  std::size_t best = 0;
  for (std::size_t r = 0; r < results.size(); ++r) {
    result.boxes_examined += results[r].evaluations;
    if (results[r].value > results[best].value) best = r;
  }
  result.lower = result.value = results[best].value;
  result.worst_box = results[best].box;
  result.upper = std::max(upper, result.lower);
  result.exact = result.upper == result.lower;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace paretokit::discrepancy
