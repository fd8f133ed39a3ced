// Non-dominated sorting by divide and conquer.
//
// M. T. Jensen (2003), "Reducing the run-time complexity of multiobjective EAs:
// the NSGA-II and other algorithms", IEEE TEVC 7(5); generalized to ties by
// F.-A. Fortin, S. Grenier, M. Parizeau (2013), GECCO; median splits that keep
// the bound O(n log^{m-1} n) by M. Buzdalov, A. Shalyto (2014), PPSN.
//
// Points are distinct and in lexicographic order (see the detail header), so
// "q dominates p" is "q < p and q_j <= p_j for j = 1..m-1". Two procedures:
//   assign(S, k):        ranks within S, looking at objectives 1..k only
//                        (the objectives above k are already known to agree
//                        with the order inside S);
//   update(L, H, k):     raise the ranks of H by the (final) ranks of L,
//                        objectives 1..k only.
// Both split on the median of objective k; at k = 1 they become a sweep in
// index order with a Fenwick tree of prefix maxima over objective 1. Small
// subproblems are solved by brute force, which is faster there.
#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "nondominated_sort_detail.hpp"

namespace paretokit::detail {

namespace {

using Ids = std::vector<PointId>;
using IdSpan = std::span<const PointId>;

constexpr std::size_t kAssignBruteForce = 48;    // |S| at or below: quadratic
constexpr std::size_t kUpdateBruteForce = 1500;  // |L| * |H| at or below: quadratic

// Prefix maximum over positions 0..i (ranks are >= 0; -1 means empty).
class MaxFenwick {
 public:
  explicit MaxFenwick(std::size_t size) : tree_(size + 1, -1) {}
  void raise(std::size_t position, std::int32_t value) {
    for (std::size_t i = position + 1; i < tree_.size(); i += i & (~i + 1))
      tree_[i] = std::max(tree_[i], value);
  }
  std::int32_t prefix_max(std::size_t position) const {
    std::int32_t best = -1;
    for (std::size_t i = position + 1; i > 0; i -= i & (~i + 1)) best = std::max(best, tree_[i]);
    return best;
  }

 private:
  std::vector<std::int32_t> tree_;
};

class DivideConquer {
 public:
  DivideConquer(const double* points, int m, std::vector<std::int32_t>& rank)
      : points_(points), m_(static_cast<std::size_t>(m)), rank_(rank) {}

  void assign(IdSpan s, int k) {
    if (s.size() < 2) return;
    if (s.size() <= kAssignBruteForce) return assign_brute_force(s, k);
    if (k == 1) return sweep(s, s);
    const double median = median_of(s, s, k);
    Ids low, mid, high;
    split(s, k, median, low, mid, high);
    if (low.empty() && high.empty()) return assign(s, k - 1);
    assign(low, k);
    update(low, mid, k - 1);
    assign(mid, k - 1);
    const Ids low_mid = merged(low, mid);
    update(low_mid, high, k - 1);
    assign(high, k);
  }

  void update(IdSpan l, IdSpan h, int k) {
    if (l.empty() || h.empty()) return;
    if (l.front() > h.back()) return;  // every candidate dominator comes later
    if (l.size() * h.size() <= kUpdateBruteForce || l.size() <= 2 || h.size() <= 2) {
      return update_brute_force(l, h, k);
    }
    if (k == 1) return sweep(l, h);
    double l_min = value(l.front(), k), l_max = l_min, h_min = value(h.front(), k), h_max = h_min;
    for (const PointId q : l) l_min = std::min(l_min, value(q, k)), l_max = std::max(l_max, value(q, k));
    for (const PointId p : h) h_min = std::min(h_min, value(p, k)), h_max = std::max(h_max, value(p, k));
    if (l_max <= h_min) return update(l, h, k - 1);
    if (l_min > h_max) return;
    const double median = median_of(l, h, k);
    Ids l_low, l_mid, l_high, h_low, h_mid, h_high;
    split(l, k, median, l_low, l_mid, l_high);
    split(h, k, median, h_low, h_mid, h_high);
    update(l_low, h_low, k);
    update(l_high, h_high, k);
    update(merged(l_low, l_mid), merged(h_mid, h_high), k - 1);
  }

 private:
  double value(PointId i, int k) const { return points_[i * m_ + static_cast<std::size_t>(k)]; }

  // q_j <= p_j for j = 1..k.
  bool covers(PointId q, PointId p, int k) const {
    const double* a = points_ + q * m_;
    const double* b = points_ + p * m_;
    for (int j = 1; j <= k; ++j) {
      if (a[j] > b[j]) return false;
    }
    return true;
  }

  void assign_brute_force(IdSpan s, int k) {
    for (std::size_t i = 1; i < s.size(); ++i) {
      const PointId p = s[i];
      for (std::size_t j = 0; j < i; ++j) {
        const PointId q = s[j];
        if (rank_[q] >= rank_[p] && covers(q, p, k)) rank_[p] = rank_[q] + 1;
      }
    }
  }

  void update_brute_force(IdSpan l, IdSpan h, int k) {
    for (const PointId p : h) {
      for (const PointId q : l) {
        if (q >= p) break;  // l is in index order
        if (rank_[q] >= rank_[p] && covers(q, p, k)) rank_[p] = rank_[q] + 1;
      }
    }
  }

  // Objective 1 only, in index order: each point of h takes 1 + the largest
  // rank of an earlier point of l whose objective 1 is <= its own. With l == h
  // this is assign() at k = 1 (a point's rank is final when it is reached).
  void sweep(IdSpan l, IdSpan h) {
    const bool same = l.data() == h.data();
    std::vector<double> keys;
    keys.reserve(l.size() + (same ? 0 : h.size()));
    for (const PointId q : l) keys.push_back(value(q, 1));
    if (!same) {
      for (const PointId p : h) keys.push_back(value(p, 1));
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    auto slot = [&](PointId i) {
      return static_cast<std::size_t>(std::lower_bound(keys.begin(), keys.end(), value(i, 1)) - keys.begin());
    };
    MaxFenwick tree(keys.size());
    std::size_t a = 0, b = 0;
    while (b < h.size()) {
      if (!same && a < l.size() && l[a] < h[b]) {
        tree.raise(slot(l[a]), rank_[l[a]]);
        ++a;
        continue;
      }
      const PointId p = h[b++];
      const std::size_t position = slot(p);
      rank_[p] = std::max(rank_[p], tree.prefix_max(position) + 1);
      if (same) tree.raise(position, rank_[p]);
    }
  }

  double median_of(IdSpan a, IdSpan b, int k) const {
    std::vector<double> values;
    values.reserve(a.size() + b.size());
    for (const PointId i : a) values.push_back(value(i, k));
    if (a.data() != b.data()) {
      for (const PointId i : b) values.push_back(value(i, k));
    }
    auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
  }

  void split(IdSpan s, int k, double median, Ids& low, Ids& mid, Ids& high) const {
    for (const PointId i : s) {
      const double v = value(i, k);
      (v < median ? low : (v > median ? high : mid)).push_back(i);
    }
  }

  static Ids merged(IdSpan a, IdSpan b) {
    Ids out(a.size() + b.size());
    std::merge(a.begin(), a.end(), b.begin(), b.end(), out.begin());
    return out;
  }

  const double* points_;
  std::size_t m_;
  std::vector<std::int32_t>& rank_;
};

}  // namespace

void rank_sorted_divide_conquer(const double* points, std::size_t u, int m, std::vector<std::int32_t>& rank) {
  if (u < 2 || m < 2) return;
  Ids all(u);
  for (std::size_t i = 0; i < u; ++i) all[i] = static_cast<PointId>(i);
  DivideConquer(points, m, rank).assign(all, m - 1);
}

}  // namespace paretokit::detail
