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

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

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

  void clear() {
    steps_.clear();
    tree_.clear();
  }
  bool empty() const { return steps_.empty() && tree_.empty(); }

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

// From this many points on, the sweep runs by blocks with parallel searches.
constexpr std::size_t parallel_points = 1 << 15;

// First front of `fronts` in [low, high) that does not cover (y, z), or
// high; "covers" must be monotone over the range (true, then false).
std::size_t first_uncovered(const std::vector<Staircase>& fronts, std::size_t low, std::size_t high, double y,
                            double z) {
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (fronts[middle].covers(y, z)) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

void rank_sequential(const double* points, std::size_t u, std::vector<std::int32_t>& rank) {
  std::vector<Staircase> fronts;
  for (std::size_t i = 0; i < u; ++i) {
    const double y = points[3 * i + 1];
    const double z = points[3 * i + 2];
    const std::size_t low = first_uncovered(fronts, 0, fronts.size(), y, z);
    if (low == fronts.size()) fronts.emplace_back();
    fronts[low].add(y, z);
    rank[i] = static_cast<std::int32_t>(low);
  }
}

// The same ranks, by blocks of the sweep. For a point p of a block, the
// fronts of the earlier blocks alone are monotone too (a dominator's
// dominators come earlier still), so l(p), the first of them that does not
// cover p, is one read-only search: these run in parallel. The ranks of all
// points before p are monotone, and at k >= l(p) only the block's own
// earlier points can cover p; so rank(p) is the first k >= l(p) whose
// in-block front does not cover p: a search over small staircases, in
// order. The block's points then join the global staircases in sweep
// order (each staircase on its own, in parallel), which leaves each
// staircase exactly as the sequential sweep does.
void rank_blocked(const double* points, std::size_t u, std::vector<std::int32_t>& rank) {
  constexpr std::size_t block = 1024;
  std::vector<Staircase> fronts, local;
  std::vector<std::size_t> touched;
  std::vector<std::vector<std::size_t>> members;  // the block's points by rank
  std::vector<std::int32_t> lower(block);
  for (std::size_t begin = 0; begin < u; begin += block) {
    const std::size_t end = std::min(u, begin + block);
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(begin, end, 256), [&](const tbb::blocked_range<std::size_t>& range) {
          for (std::size_t i = range.begin(); i < range.end(); ++i)
            lower[i - begin] = static_cast<std::int32_t>(
                first_uncovered(fronts, 0, fronts.size(), points[3 * i + 1], points[3 * i + 2]));
        });
    std::size_t top = 0;  // past the highest rank with an in-block member
    for (std::size_t i = begin; i < end; ++i) {
      const double y = points[3 * i + 1];
      const double z = points[3 * i + 2];
      const auto low = static_cast<std::size_t>(lower[i - begin]);
      const std::size_t r = low < top ? first_uncovered(local, low, top, y, z) : low;
      if (r >= local.size()) local.resize(r + 1);
      if (local[r].empty()) touched.push_back(r);
      local[r].add(y, z);
      top = std::max(top, r + 1);
      rank[i] = static_cast<std::int32_t>(r);
    }
    // Each staircase takes its new members in sweep order; staircases are
    // independent, so they take them in parallel.
    if (top > fronts.size()) fronts.resize(top);
    if (members.size() < top) members.resize(top);
    for (std::size_t i = begin; i < end; ++i) members[static_cast<std::size_t>(rank[i])].push_back(i);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, touched.size(), 1),
                      [&](const tbb::blocked_range<std::size_t>& range) {
                        for (std::size_t t = range.begin(); t < range.end(); ++t) {
                          const std::size_t r = touched[t];
                          for (std::size_t i : members[r])
                            fronts[r].add(points[3 * i + 1], points[3 * i + 2]);
                        }
                      });
    for (std::size_t r : touched) {
      local[r].clear();
      members[r].clear();
    }
    touched.clear();
  }
}

}  // namespace

void rank_sorted_3d(const double* points, std::size_t u, std::vector<std::int32_t>& rank) {
  if (u < parallel_points) {
    rank_sequential(points, u, rank);
  } else {
    rank_blocked(points, u, rank);
  }
}

}  // namespace paretokit::detail
