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
// Two staircases with the same answers: a balanced tree (O(log s) per
// insertion, one node allocated per point) for large inputs, and a sorted
// flat array (O(s) per insertion, but a memmove of a few cache lines and no
// allocation per point) for the small inputs of NSGA-II survival, where it
// is about twice as fast (n = 200: see benchmarks_suite/perf/ndsort --small).
#include <algorithm>
#include <iterator>
#include <map>

#include "nondominated_sort_detail.hpp"

namespace paretokit::detail {

namespace {

// Minimal (f1, f2) of one front: key f1 -> value f2, f2 strictly decreasing.
class TreeStaircase {
 public:
  // Some member has f1 <= y and f2 <= z.
  bool covers(double y, double z) const {
    auto it = steps_.upper_bound(y);
    if (it == steps_.begin()) return false;
    return std::prev(it)->second <= z;  // the largest f1 <= y has the smallest f2
  }
  // Adds (y, z), known not to be covered, and drops the steps it covers.
  void add(double y, double z) {
    auto it = steps_.lower_bound(y);
    while (it != steps_.end() && it->second >= z) it = steps_.erase(it);
    steps_.emplace_hint(it, y, z);
  }

 private:
  std::map<double, double> steps_;
};

// The same staircase as a vector sorted by f1.
class FlatStaircase {
 public:
  bool covers(double y, double z) const {
    auto it = std::upper_bound(steps_.begin(), steps_.end(), y,
                               [](double value, const Step& step) { return value < step.y; });
    if (it == steps_.begin()) return false;
    return std::prev(it)->z <= z;
  }
  void add(double y, double z) {
    auto first = std::lower_bound(steps_.begin(), steps_.end(), y,
                                  [](const Step& step, double value) { return step.y < value; });
    auto last = first;
    while (last != steps_.end() && last->z >= z) ++last;
    if (first == last) {
      steps_.insert(first, Step{y, z});
    } else {
      *first = Step{y, z};
      steps_.erase(first + 1, last);
    }
  }

 private:
  struct Step {
    double y, z;
  };
  std::vector<Step> steps_;
};

template <class Staircase>
void sweep(const double* points, std::size_t u, std::vector<std::int32_t>& rank) {
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

// Up to this many points the flat staircases win (their insertions cost at
// most a few thousand bytes moved).
constexpr std::size_t flat_staircase_limit = 2048;

}  // namespace

void rank_sorted_3d(const double* points, std::size_t u, std::vector<std::int32_t>& rank) {
  if (u <= flat_staircase_limit) {
    sweep<FlatStaircase>(points, u, rank);
  } else {
    sweep<TreeStaircase>(points, u, rank);
  }
}

}  // namespace paretokit::detail
