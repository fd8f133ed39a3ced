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
#include <limits>
#include <numeric>

#include "paretokit/core/error.hpp"
#include "paretokit/discrepancy/star_discrepancy.hpp"
#include "paretokit/discrepancy/subset_selection.hpp"

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
  }

  // Returns true when the search finished (the incumbent is then optimal).
  bool solve(double incumbent_value, std::vector<Index> incumbent) {
    best_ = incumbent_value;
    best_set_ = std::move(incumbent);
    dfs(0, 0.0);
    return !stopped_;
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
    if (static_cast<Index>(taken) < k_) {  // take point i
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
    if (static_cast<Index>(n - i - 1 + taken) >= k_) dfs(i + 1, bound);  // leave it
    group_taken_ = saved_group;
  }

  Index k_;
  const ExactSubsetOptions& options_;
  Clock::time_point start_;
  std::vector<Index> order_;
  std::vector<double> x_, y_;
  std::vector<double> taken_y_;  // sorted
  std::vector<Index> taken_;
  bool group_taken_ = false;
  double best_ = 0.0;
  std::vector<Index> best_set_;
  std::uint64_t nodes_ = 0;
  bool stopped_ = false;
};

}  // namespace

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
