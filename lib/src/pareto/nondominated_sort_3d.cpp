// Non-dominated sorting of three objectives: a sweep in lexicographic order
// with one staircase per front, O(n log K log n) for K fronts.
//
// In the sweep order every earlier point q has q0 <= p0, so q dominates p
// exactly when (q1, q2) weakly dominates (p1, p2) (the points are distinct).
// Each front keeps the staircase of its members' (f1, f2): the minimal
// elements, sorted by f1 with f2 decreasing. A member can be dropped from
// the staircase when a later member weakly dominates it there, since that
// member then dominates whatever the dropped one would. "Front k dominates p"
// is monotone in k (each member of front k+1 is covered by front k), so the
// rank is found by binary search over the fronts, and p is added to the
// staircase of its front. In the spirit of the 3-D case of Jensen (2003)
// and of the ENS-BS front search of Zhang, Tian, Cheng, Jin (2015).
//
// A staircase is a flat sorted array while it is small, a tree past 512
// steps (see Staircase): at n = 200 (NSGA-II survival at pop 100) and up to
// n = 1e5 on uniform or spherical sets, about twice as fast as trees alone
// (benchmarks_suite/perf/ndsort), with the same worst case.
#include <algorithm>
#include <cstddef>
#include <iterator>
#include <map>

#include "nondominated_sort_detail.hpp"

namespace paretokit::detail {

namespace {

// Minimal (f1, f2) of one front, f2 strictly decreasing in f1: a vector
// sorted by f1 while it is small, a balanced tree once it is not.
//
// The vector costs no allocation per point and is searched without branches
// on the data (a conditional move per halving: the outcomes of a search over
// a staircase are unpredictable, and mispredictions dominated); an insertion
// moves up to flat_steps_limit steps. Past that size (a front whose (f1, f2)
// projections are mutually non-dominated, e.g. a curve) the steps move to the
// tree, whose insertions are O(log s), so the sweep keeps its O(n log K log n)
// bound. Both hold the same steps and give the same answers.
class Staircase {
 public:
  // Some member has f1 <= y and f2 <= z.
  bool covers(double y, double z) const {
    if (!tree_.empty()) {
      auto it = tree_.upper_bound(y);
      if (it == tree_.begin()) return false;
      return std::prev(it)->second <= z;  // the largest f1 <= y has the smallest f2
    }
    if (steps_.empty()) return false;
    const Step& step = steps_[last_at_most(y)];
    return step.y <= y && step.z <= z;
  }

  // Adds (y, z), known not to be covered, and drops the steps it covers.
  void add(double y, double z) {
    if (!tree_.empty()) {
      auto it = tree_.lower_bound(y);
      while (it != tree_.end() && it->second >= z) it = tree_.erase(it);
      tree_.emplace_hint(it, y, z);
      return;
    }
    // First step with f1 >= y; the steps it covers follow it contiguously.
    std::size_t first = steps_.empty() ? 0 : last_at_most(y);
    if (first < steps_.size() && steps_[first].y < y) ++first;
    std::size_t last = first;
    while (last < steps_.size() && steps_[last].z >= z) ++last;
    const auto at = steps_.begin() + static_cast<std::ptrdiff_t>(first);
    if (first == last) {
      steps_.insert(at, Step{y, z});
    } else {
      *at = Step{y, z};
      steps_.erase(at + 1, steps_.begin() + static_cast<std::ptrdiff_t>(last));
    }
    if (steps_.size() > flat_steps_limit) {
      for (const Step& step : steps_) tree_.emplace_hint(tree_.end(), step.y, step.z);
      steps_ = {};
    }
  }

 private:
  static constexpr std::size_t flat_steps_limit = 512;  // 8 KiB moved at most

  struct Step {
    double y, z;
  };

  // The last step with f1 <= y, or step 0 when there is none (steps_ not
  // empty): the callers compare with that step again.
  std::size_t last_at_most(double y) const {
    const Step* base = steps_.data();
    std::size_t size = steps_.size();
    while (size > 1) {
      const std::size_t half = size / 2;
      base = base[half].y <= y ? base + half : base;
      size -= half;
    }
    return static_cast<std::size_t>(base - steps_.data());
  }

  std::vector<Step> steps_;
  std::map<double, double> tree_;
};

}  // namespace

void rank_sorted_3d(const double* points, std::size_t u, std::vector<std::int32_t>& rank) {
  std::vector<Staircase> fronts;
  for (std::size_t i = 0; i < u; ++i) {
    const double y = points[3 * i + 1];
    const double z = points[3 * i + 2];
    // First front that does not cover p: fronts [0, low) cover it.
    std::size_t low = 0, high = fronts.size();
    while (low < high) {
      const std::size_t middle = low + (high - low) / 2;
      if (fronts[middle].covers(y, z)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    if (low == fronts.size()) fronts.emplace_back();
    fronts[low].add(y, z);
    rank[i] = static_cast<std::int32_t>(low);
  }
}

}  // namespace paretokit::detail
