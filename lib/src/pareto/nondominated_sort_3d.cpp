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
#include <tbb/parallel_invoke.h>

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

// The same ranks, by blocks of the sweep, two stages at a time.
//
// For a point p of block i, the fronts of the blocks before i alone are
// monotone too (a dominator's dominators come earlier still), so l(p), the
// first of them that does not cover p, is a binary search; and at k >= l(p)
// only block i's own earlier points can cover p, so rank(p) is the first
// k >= l(p) whose in-block front does not cover p: a search over small
// staircases, in sweep order ("resolving" the block).
//
// l(p) for block i + 1 is found in two parts: against the global staircases,
// which hold the blocks before i (searches in parallel), then from there
// against block i's in-block staircases (the same argument, one block
// later). So while block i is resolved, block i - 1 joins the global
// staircases (each staircase on its own, in sweep order: they end up as in
// the sequential sweep) and block i + 1 is searched: the two run side by
// side. Each step reads only what earlier steps finished: the ranks do not
// depend on the thread count.
struct InBlockFronts {
  std::vector<Staircase> fronts;  // by rank
  std::vector<std::size_t> touched;
  std::size_t top = 0;  // past the highest rank with a member

  void clear() {
    for (std::size_t r : touched) fronts[r].clear();
    touched.clear();
    top = 0;
  }
};

void resolve_block(const double* points, std::size_t begin, std::size_t end,
                   const std::vector<std::int32_t>& lower, InBlockFronts& local,
                   std::vector<std::int32_t>& rank) {
  local.clear();
  for (std::size_t i = begin; i < end; ++i) {
    const double y = points[3 * i + 1];
    const double z = points[3 * i + 2];
    const auto low = static_cast<std::size_t>(lower[i]);
    const std::size_t r = low < local.top ? first_uncovered(local.fronts, low, local.top, y, z) : low;
    if (r >= local.fronts.size()) local.fronts.resize(r + 1);
    if (local.fronts[r].empty()) local.touched.push_back(r);
    local.fronts[r].add(y, z);
    local.top = std::max(local.top, r + 1);
    rank[i] = static_cast<std::int32_t>(r);
  }
}

void rank_blocked(const double* points, std::size_t u, std::vector<std::int32_t>& rank) {
  constexpr std::size_t block = 1024;
  const std::size_t n_blocks = (u + block - 1) / block;
  auto begin_of = [&](std::size_t b) { return std::min(u, b * block); };
  std::vector<Staircase> fronts;  // the blocks joined so far
  std::vector<std::vector<std::size_t>> members;
  InBlockFronts local[2];
  std::vector<std::int32_t> lower(u, 0);  // block 0: no earlier fronts
  for (std::size_t b = 0; b < n_blocks; ++b) {
    InBlockFronts& current = local[b % 2];
    tbb::parallel_invoke(
        [&] { resolve_block(points, begin_of(b), begin_of(b + 1), lower, current, rank); },
        [&] {
          if (b >= 1) {  // block b - 1 joins the global staircases
            std::size_t top = fronts.size();
            for (std::size_t i = begin_of(b - 1); i < begin_of(b); ++i)
              top = std::max(top, static_cast<std::size_t>(rank[i]) + 1);
            fronts.resize(top);
            if (members.size() < top) members.resize(top);
            std::vector<std::size_t> touched;
            for (std::size_t i = begin_of(b - 1); i < begin_of(b); ++i) {
              auto& list = members[static_cast<std::size_t>(rank[i])];
              if (list.empty()) touched.push_back(static_cast<std::size_t>(rank[i]));
              list.push_back(i);
            }
            tbb::parallel_for(tbb::blocked_range<std::size_t>(0, touched.size(), 1),
                              [&](const tbb::blocked_range<std::size_t>& range) {
                                for (std::size_t t = range.begin(); t < range.end(); ++t) {
                                  auto& list = members[touched[t]];
                                  for (std::size_t i : list)
                                    fronts[touched[t]].add(points[3 * i + 1], points[3 * i + 2]);
                                  list.clear();
                                }
                              });
          }
          // Block b + 1 against the blocks before b.
          tbb::parallel_for(tbb::blocked_range<std::size_t>(begin_of(b + 1), begin_of(b + 2), 256),
                            [&](const tbb::blocked_range<std::size_t>& range) {
                              for (std::size_t i = range.begin(); i < range.end(); ++i)
                                lower[i] = static_cast<std::int32_t>(first_uncovered(
                                    fronts, 0, fronts.size(), points[3 * i + 1], points[3 * i + 2]));
                            });
        });
    // Block b + 1 against block b.
    tbb::parallel_for(tbb::blocked_range<std::size_t>(begin_of(b + 1), begin_of(b + 2), 256),
                      [&](const tbb::blocked_range<std::size_t>& range) {
                        for (std::size_t i = range.begin(); i < range.end(); ++i) {
                          const auto low = static_cast<std::size_t>(lower[i]);
                          if (low < current.top)
                            lower[i] = static_cast<std::int32_t>(first_uncovered(
                                current.fronts, low, current.top, points[3 * i + 1], points[3 * i + 2]));
                        }
                      });
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
