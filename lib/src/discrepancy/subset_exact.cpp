// Exact star-discrepancy subset selection for 2-D points by branch and bound.
//
// Points are decided (taken or left) in order of their first coordinate x.
// Once every point with x < t is decided, two families of boxes are final:
//   open boxes [0,t) x [0,q2): they hold only decided points, so
//     t q2 - #{taken: y < q2} / k is the exact local discrepancy;
//   closed boxes [0,g] x [0,q2] for every closed-off x value g of a taken
//     point: #{taken: y <= q2} / k - g q2, exact likewise.
// The largest of these is a lower bound on D* of every completion, and the
// bound only grows down the tree; when all points are decided it is D* itself
// (every critical open box has q1 = some t or 1, every critical closed box
// q1 = some taken x). A branch is cut when its bound reaches the incumbent
// (initially the heuristic's subset) or when too few points remain. Each node
// costs O(k); the tree is exponential in the worst case.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>

#include "paretokit/core/error.hpp"
#include "paretokit/discrepancy/star_discrepancy.hpp"
#include "paretokit/discrepancy/subset_selection.hpp"
#include "subset_evaluator.hpp"
#include "subset_evaluator_2d.hpp"
#include "subset_refine.hpp"

namespace paretokit::discrepancy {

namespace {

using Clock = std::chrono::steady_clock;

class BranchAndBound {
 public:
  BranchAndBound(const Matrix& points, Index k, const ExactSubsetOptions& options, Clock::time_point start)
      : k_(k), options_(options), start_(start), order_(static_cast<std::size_t>(points.rows())) {
    std::iota(order_.begin(), order_.end(), 0);
    std::stable_sort(order_.begin(), order_.end(),
                     [&](Index a, Index b) { return points(a, 0) < points(b, 0); });
    for (Index id : order_) {
      x_.push_back(points(id, 0));
      y_.push_back(points(id, 1));
    }
    fixed_.assign(order_.size(), -1);
  }

  // Returns true when the search finished (the incumbent is then optimal).
  bool solve(double incumbent_value, std::vector<Index> incumbent) {
    best_ = incumbent_value;
    best_set_ = std::move(incumbent);
    forced_after_.assign(x_.size() + 1, 0);
    for (std::size_t i = x_.size(); i-- > 0;)
      forced_after_[i] = forced_after_[i + 1] + (fixed_[i] == 1 ? 1 : 0);
    dfs(0, 0.0);
    return !stopped_;
  }

  // Decisions fixed before solve(), by input row: 1 taken, 0 left, -1 free.
  void fix(const std::vector<signed char>& by_row) {
    for (std::size_t i = 0; i < order_.size(); ++i) fixed_[i] = by_row[static_cast<std::size_t>(order_[i])];
  }

  double best() const { return best_; }
  const std::vector<Index>& best_set() const { return best_set_; }
  std::uint64_t nodes() const { return nodes_; }

 private:
  double open_boxes(double t) const {
    double value = -1.0;
    for (std::size_t i = 0; i <= taken_y_.size(); ++i) {
      const double q2 = i < taken_y_.size() ? taken_y_[i] : 1.0;
      if (i > 0 && i < taken_y_.size() && taken_y_[i - 1] == q2) continue;  // first of equal y's
      value = std::max(value, t * q2 - double(i) / double(k_));
    }
    return value;
  }

  double closed_boxes(double g) const {
    double value = -1.0;
    for (std::size_t i = 0; i < taken_y_.size(); ++i) {
      if (i + 1 < taken_y_.size() && taken_y_[i + 1] == taken_y_[i]) continue;  // last of equal y's
      value = std::max(value, double(i + 1) / double(k_) - g * taken_y_[i]);
    }
    return value;
  }

  // Decides point i (in x order); `bound` covers the boxes final before it.
  void dfs(std::size_t i, double bound) {
    if (stopped_) return;
    if (++nodes_ % 4096 == 0) {
      const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
      if (nodes_ >= options_.node_limit ||
          (options_.time_limit_seconds > 0.0 && seconds >= options_.time_limit_seconds))
        stopped_ = true;
    }
    const std::size_t n = x_.size();
    const std::size_t taken = taken_.size();
    // A new x value starts at i: the previous group is closed off, and the
    // open boxes up to x_[i] are final.
    if (i == 0 || i == n || x_[i] > x_[i - 1]) {
      if (i > 0 && group_taken_) bound = std::max(bound, closed_boxes(x_[i - 1]));
      bound = std::max(bound, open_boxes(i < n ? x_[i] : 1.0));
      if (i < n) group_taken_ = false;
    }
    if (bound >= best_) return;
    if (i == n) {
      if (static_cast<Index>(taken) != k_) return;
      best_ = bound;
      best_set_ = taken_;
      return;
    }
    const bool saved_group = group_taken_;
    const auto after = static_cast<Index>(forced_after_[i + 1]);
    if (fixed_[i] != 0 && static_cast<Index>(taken) + 1 + after <= k_) {  // take point i
      const auto at = std::upper_bound(taken_y_.begin(), taken_y_.end(), y_[i]);
      const auto pos = at - taken_y_.begin();
      taken_y_.insert(at, y_[i]);
      taken_.push_back(order_[i]);
      group_taken_ = true;
      dfs(i + 1, bound);
      group_taken_ = saved_group;
      taken_.pop_back();
      taken_y_.erase(taken_y_.begin() + pos);
    }
    if (fixed_[i] != 1 && static_cast<Index>(n - i - 1 + taken) >= k_) dfs(i + 1, bound);  // leave it
    group_taken_ = saved_group;
  }

  Index k_;
  const ExactSubsetOptions& options_;
  Clock::time_point start_;
  std::vector<Index> order_;
  std::vector<double> x_, y_;
  std::vector<signed char> fixed_;         // by position in x order
  std::vector<std::size_t> forced_after_;  // fixed takes at positions >= i
  std::vector<double> taken_y_;            // sorted
  std::vector<Index> taken_;
  bool group_taken_ = false;
  double best_ = 0.0;
  std::vector<Index> best_set_;
  std::uint64_t nodes_ = 0;
  bool stopped_ = false;
};

}  // namespace

namespace detail {

namespace {

// Distance from (x, y) to the upper and right sides of the box [0,a] x [0,b].
double distance_to_sides(double x, double y, double a, double b) {
  const double to_right = std::hypot(x - a, y > b ? y - b : 0.0);
  const double to_top = std::hypot(y - b, x > a ? x - a : 0.0);
  return std::min(to_right, to_top);
}

}  // namespace

bool refine_subset_2d(const Matrix& points, Index k, std::vector<Index>& subset, double& value,
                      const RefineOptions& options) {
  const auto start = Clock::now();
  const Index n = points.rows();
  if (points.cols() != 2 || k >= n || options.window < 1) return false;
  const PointColumns columns(points);
  SubsetEvaluator2D evaluator(columns);
  LocalBox worst;
  bool improved_any = false;
  // Each round frees the points nearest the sides of the worst box (the
  // only box a better subset must improve), `window` of them and then twice
  // as many when that finds nothing, and re-decides them exactly.
  for (int round = 0; round < options.max_rounds; ++round) {
    evaluator.evaluate(subset, worst);
    std::vector<std::pair<double, Index>> near(static_cast<std::size_t>(n));
    for (Index i = 0; i < n; ++i)
      near[static_cast<std::size_t>(i)] = {
          distance_to_sides(points(i, 0), points(i, 1), worst.q[0], worst.q[1]), i};
    std::sort(near.begin(), near.end());
    bool improved = false;
    for (Index window = options.window; window <= 2 * options.window && !improved; window += options.window) {
      const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      if (options.time_limit_seconds > 0.0 && seconds >= options.time_limit_seconds) return improved_any;
      std::vector<signed char> fixed(static_cast<std::size_t>(n), 0);
      for (Index id : subset) fixed[static_cast<std::size_t>(id)] = 1;
      for (Index p = 0; p < std::min(n, window); ++p)
        fixed[static_cast<std::size_t>(near[static_cast<std::size_t>(p)].second)] = -1;
      ExactSubsetOptions limits;
      limits.node_limit = options.node_limit;
      if (options.time_limit_seconds > 0.0) limits.time_limit_seconds = options.time_limit_seconds - seconds;
      BranchAndBound search(points, k, limits, Clock::now());
      search.fix(fixed);
      search.solve(value, subset);
      // Only a strictly better subset replaces the incumbent (the search
      // cuts every branch that cannot beat it); checked exactly.
      if (search.best() < value && !search.best_set().empty()) {
        std::vector<Index> candidate = search.best_set();
        std::sort(candidate.begin(), candidate.end());
        const double exact = subset_discrepancy(points, candidate);
        if (exact < value) {
          subset = std::move(candidate);
          value = exact;
          improved = improved_any = true;
        }
      }
    }
    if (!improved) break;
  }
  return improved_any;
}

}  // namespace detail

SubsetResult select_subset_exact(const MatrixRef& input, Index k, const ExactSubsetOptions& options) {
  const auto start = Clock::now();
  if (input.cols() != 2)
    throw InputError("exact subset selection handles 2-D points only (got " + std::to_string(input.cols()) +
                     ")");
  if (k < 1 || k > input.rows())
    throw InputError(
        "k = " + std::to_string(k) + " must lie in [1, n] with n = " + std::to_string(input.rows()),
        Location::of_field("k"));
  Matrix points;
  if (options.normalize) {
    points = normalize_columns(input);
  } else {
    check_unit_cube(input, "points");
    points = input;
  }
  // Incumbent: the heuristic's subset, or none when a bound is given.
  SubsetResult result;
  double incumbent = std::numeric_limits<double>::infinity();
  std::vector<Index> incumbent_set;
  if (options.initial_upper_bound > 0.0) {
    incumbent = options.initial_upper_bound;
  } else {
    SubsetOptions heuristic;
    heuristic.restarts = 8;
    const SubsetResult start_result = select_subset(points, k, heuristic);
    incumbent = start_result.discrepancy;
    incumbent_set = start_result.indices;
    result.evaluations = start_result.evaluations;
  }
  BranchAndBound search(points, k, options, start);
  const bool finished = search.solve(incumbent, incumbent_set);
  result.indices = search.best_set();
  std::sort(result.indices.begin(), result.indices.end());
  result.optimal = finished && !result.indices.empty();
  result.discrepancy = result.indices.empty() ? std::numeric_limits<double>::infinity()
                                              : subset_discrepancy(points, result.indices);
  result.start_discrepancy = incumbent;
  result.restarts_run = 1;
  result.best_restart = 0;
  result.timed_out = !finished;
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return result;
}

}  // namespace paretokit::discrepancy
