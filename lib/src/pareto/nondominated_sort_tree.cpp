// Non-dominated sorting for many objectives: ENS with a dominance tree per
// front.
//
// X. Zhang, Y. Tian, R. Cheng, Y. Jin (2015), "An efficient approach to
// nondominated sorting for evolutionary multiobjective optimization" (ENS-BS:
// points in lexicographic order, each placed by a binary search over the
// fronts); P. Gustavsson, A. Syberfeldt (2018), "A new algorithm using the
// non-dominated tree to improve non-dominated sorting" (ENS-NDT: each front
// is a bucket k-d tree over objectives 1..m-1, so "does front k dominate p"
// visits only the cells that can hold a dominator). Each node also keeps the
// component-wise minimum of its points: a subtree whose minimum is not <= p
// cannot dominate p and is skipped whole.
//
// Cost: O(n log n) for the lexicographic sort plus, per point, O(log K)
// front queries; a query is O(log s) for a well-spread front of s points and
// O(s) at worst, so O(m n^2) in the worst case and far less in practice.
// Memory O(m n).
#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "nondominated_sort_detail.hpp"

namespace paretokit::detail {

namespace {

constexpr std::size_t kBucket = 16;  // points per leaf before it splits

class FrontTree {
 public:
  FrontTree(const double* points, std::size_t m) : points_(points), m_(m), k_(m - 1) { new_node(); }

  // Some member q has q_j <= p_j for j = 1..m-1.
  bool covers(PointId p, std::vector<std::int32_t>& stack) const {
    const double* x = points_ + p * m_ + 1;
    stack.clear();
    stack.push_back(0);
    while (!stack.empty()) {
      const Node& node = nodes_[static_cast<std::size_t>(stack.back())];
      const double* low = minima_.data() + static_cast<std::size_t>(stack.back()) * k_;
      stack.pop_back();
      if (!below(low, x)) continue;
      if (node.left < 0) {
        for (const PointId q : node.bucket) {
          if (below(points_ + q * m_ + 1, x)) return true;
        }
        continue;
      }
      if (x[node.dim] >= node.value) stack.push_back(node.right);
      stack.push_back(node.left);  // smaller values first: likelier dominators
    }
    return false;
  }

  void add(PointId p) {
    const double* x = points_ + p * m_ + 1;
    std::int32_t at = 0;
    while (true) {
      lower_minimum(at, x);
      const Node& node = nodes_[static_cast<std::size_t>(at)];
      if (node.left < 0) break;
      at = x[node.dim] < node.value ? node.left : node.right;
    }
    nodes_[static_cast<std::size_t>(at)].bucket.push_back(p);
    if (nodes_[static_cast<std::size_t>(at)].bucket.size() > kBucket) split(at);
  }

 private:
  struct Node {
    std::int32_t left = -1, right = -1;  // leaf when left < 0
    std::uint32_t dim = 0;               // split objective (offset by 1)
    double value = 0;                    // left: x[dim] < value; right: >= value
    std::vector<PointId> bucket;         // the points of a leaf
  };

  bool below(const double* a, const double* b) const {
    for (std::size_t j = 0; j < k_; ++j) {
      if (a[j] > b[j]) return false;
    }
    return true;
  }

  std::int32_t new_node() {
    nodes_.emplace_back();
    minima_.insert(minima_.end(), k_, std::numeric_limits<double>::infinity());
    return static_cast<std::int32_t>(nodes_.size() - 1);
  }

  void lower_minimum(std::int32_t at, const double* x) {
    double* low = minima_.data() + static_cast<std::size_t>(at) * k_;
    for (std::size_t j = 0; j < k_; ++j) low[j] = std::min(low[j], x[j]);
  }

  // Splits a full leaf on the objective of widest spread, at the median (the
  // points of one front have distinct projections, so some spread exists).
  void split(std::int32_t at) {
    std::vector<PointId> bucket = std::move(nodes_[static_cast<std::size_t>(at)].bucket);
    std::size_t best_dim = 0;
    double best_spread = -1;
    for (std::size_t j = 0; j < k_; ++j) {
      double lo = value(bucket.front(), j), hi = lo;
      for (const PointId q : bucket) lo = std::min(lo, value(q, j)), hi = std::max(hi, value(q, j));
      if (hi - lo > best_spread) best_spread = hi - lo, best_dim = j;
    }
    std::vector<double> values;
    for (const PointId q : bucket) values.push_back(value(q, best_dim));
    std::sort(values.begin(), values.end());
    double split_value = values[values.size() / 2];
    if (split_value == values.front()) {  // keep both sides non-empty
      split_value = *std::upper_bound(values.begin(), values.end(), values.front());
    }
    const std::int32_t left = new_node();
    const std::int32_t right = new_node();
    for (const PointId q : bucket) {
      const std::int32_t child = value(q, best_dim) < split_value ? left : right;
      nodes_[static_cast<std::size_t>(child)].bucket.push_back(q);
      lower_minimum(child, points_ + q * m_ + 1);
    }
    Node& node = nodes_[static_cast<std::size_t>(at)];
    node.left = left;
    node.right = right;
    node.dim = static_cast<std::uint32_t>(best_dim);
    node.value = split_value;
  }

  double value(PointId q, std::size_t j) const { return points_[q * m_ + 1 + j]; }

  const double* points_;
  std::size_t m_, k_;
  std::vector<Node> nodes_;
  std::vector<double> minima_;  // k_ per node
};

}  // namespace

void rank_sorted_tree(const double* points, std::size_t u, int m, std::vector<std::int32_t>& rank) {
  const auto width = static_cast<std::size_t>(m);
  std::vector<FrontTree> fronts;
  std::vector<std::int32_t> stack;
  for (std::size_t i = 0; i < u; ++i) {
    const auto p = static_cast<PointId>(i);
    std::size_t low = 0, high = fronts.size();
    while (low < high) {
      const std::size_t middle = low + (high - low) / 2;
      if (fronts[middle].covers(p, stack)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    if (low == fronts.size()) fronts.emplace_back(points, width);
    fronts[low].add(p);
    rank[i] = static_cast<std::int32_t>(low);
  }
}

}  // namespace paretokit::detail
