// Non-dominated sorting of two objectives in O(n log K) after the
// lexicographic sort (K fronts), as in Jensen (2003) for m = 2.
//
// Points come distinct and sorted by (f0, f1). Within a front the points are
// added in increasing f0, so f1 strictly decreases and the last point added
// (the tail) holds the front's smallest f1. A point p is dominated by front k
// exactly when tail_k.f1 <= p.f1 (an earlier point with f0 <= p.f0, distinct
// from p). The tails increase with k, so the rank of p is the number of tails
// <= p.f1: one upper_bound.
#include <algorithm>

#include "nondominated_sort_detail.hpp"

namespace paretokit::detail {

void rank_sorted_2d(const double* points, std::size_t u, std::vector<std::int32_t>& rank) {
  std::vector<double> tails;
  for (std::size_t i = 0; i < u; ++i) {
    const double f1 = points[2 * i + 1];
    const auto position = std::upper_bound(tails.begin(), tails.end(), f1);
    const auto front = position - tails.begin();
    rank[i] = static_cast<std::int32_t>(front);
    if (position == tails.end()) {
      tails.push_back(f1);
    } else {
      *position = f1;
    }
  }
}

}  // namespace paretokit::detail
