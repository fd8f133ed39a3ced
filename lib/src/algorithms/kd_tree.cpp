// Static k-d tree for exact nearest neighbours; see kd_tree.hpp.
#include "kd_tree.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace paretokit::detail {

namespace {
constexpr Index leaf_size = 8;

// Max-heap order on (distance, index): the worst candidate on top.
bool worse(const std::pair<double, Index>& a, const std::pair<double, Index>& b) {
  return a.first < b.first || (a.first == b.first && a.second < b.second);
}
}  // namespace

KdTree::KdTree(Matrix points) : points_(std::move(points)), order_(static_cast<std::size_t>(points_.rows())) {
  std::iota(order_.begin(), order_.end(), Index{0});
  nodes_.reserve(static_cast<std::size_t>(2 * points_.rows() / leaf_size + 2));
  if (points_.rows() > 0) build(0, points_.rows());
  const Index m = points_.cols();
  leaf_points_.resize(static_cast<std::size_t>(points_.rows() * m));
  for (Index i = 0; i < points_.rows(); ++i)
    for (Index j = 0; j < m; ++j)
      leaf_points_[static_cast<std::size_t>(i * m + j)] = points_(order_[static_cast<std::size_t>(i)], j);
}

Index KdTree::build(Index begin, Index end) {
  const auto id = static_cast<Index>(nodes_.size());
  nodes_.push_back(Node{begin, end, -1, 0.0, -1, -1});
  if (end - begin <= leaf_size) return id;
  // Widest coordinate of the range.
  Index dim = 0;
  double widest = -1.0;
  for (Index j = 0; j < points_.cols(); ++j) {
    double lo = points_(order_[static_cast<std::size_t>(begin)], j), hi = lo;
    for (Index i = begin; i < end; ++i) {
      const double v = points_(order_[static_cast<std::size_t>(i)], j);
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    if (hi - lo > widest) {
      widest = hi - lo;
      dim = j;
    }
  }
  if (!(widest > 0.0)) return id;  // all equal: stay a leaf
  const Index mid = begin + (end - begin) / 2;
  auto first = order_.begin() + static_cast<std::ptrdiff_t>(begin);
  std::nth_element(first, order_.begin() + static_cast<std::ptrdiff_t>(mid),
                   order_.begin() + static_cast<std::ptrdiff_t>(end),
                   [&](Index a, Index b) { return points_(a, dim) < points_(b, dim); });
  const double split = points_(order_[static_cast<std::size_t>(mid)], dim);
  const Index left = build(begin, mid);
  const Index right = build(mid, end);
  nodes_[static_cast<std::size_t>(id)] = Node{begin, end, dim, split, left, right};
  return id;
}

void KdTree::search(Index id, const double* q, Index k, std::vector<std::pair<double, Index>>& heap) const {
  const Node& node = nodes_[static_cast<std::size_t>(id)];
  if (node.split_dim < 0) {
    for (Index i = node.begin; i < node.end; ++i) {
      const Index row = order_[static_cast<std::size_t>(i)];
      double d = 0.0;
      for (Index j = 0; j < points_.cols(); ++j) {
        const double diff = points_(row, j) - q[j];
        d += diff * diff;
      }
      const std::pair<double, Index> candidate{d, row};
      if (static_cast<Index>(heap.size()) < k) {
        heap.push_back(candidate);
        std::push_heap(heap.begin(), heap.end(), worse);
      } else if (worse(candidate, heap.front())) {
        std::pop_heap(heap.begin(), heap.end(), worse);
        heap.back() = candidate;
        std::push_heap(heap.begin(), heap.end(), worse);
      }
    }
    return;
  }
  const double diff = q[node.split_dim] - node.split;
  const Index near = diff < 0.0 ? node.left : node.right;
  const Index far = diff < 0.0 ? node.right : node.left;
  search(near, q, k, heap);
  // The far side can hold a point at distance >= |diff| only; <= keeps ties.
  if (static_cast<Index>(heap.size()) < k || diff * diff <= heap.front().first) search(far, q, k, heap);
}

void KdTree::search_one(Index id, const double* q, double& best_distance, Index& best_row) const {
  const Node& node = nodes_[static_cast<std::size_t>(id)];
  if (node.split_dim < 0) {
    // The same sum, in the same order, as search(): the same distances.
    const Index m = points_.cols();
    const double* p = leaf_points_.data() + node.begin * m;
    for (Index i = node.begin; i < node.end; ++i, p += m) {
      double d = 0.0;
      for (Index j = 0; j < m; ++j) {
        const double diff = p[j] - q[j];
        d += diff * diff;
      }
      const Index row = order_[static_cast<std::size_t>(i)];
      if (best_row < 0 || d < best_distance || (d == best_distance && row < best_row)) {  // NaN: as search()
        best_distance = d;
        best_row = row;
      }
    }
    return;
  }
  const double diff = q[node.split_dim] - node.split;
  search_one(diff < 0.0 ? node.left : node.right, q, best_distance, best_row);
  if (diff * diff <= best_distance)
    search_one(diff < 0.0 ? node.right : node.left, q, best_distance, best_row);
}

Index KdTree::nearest_one(const double* q) const {
  double best_distance = std::numeric_limits<double>::infinity();
  Index best_row = -1;
  if (points_.rows() > 0) search_one(0, q, best_distance, best_row);
  return best_row;
}

std::vector<std::pair<double, Index>> KdTree::nearest(const double* q, Index k) const {
  std::vector<std::pair<double, Index>> heap;
  heap.reserve(static_cast<std::size_t>(k) + 1);
  if (points_.rows() > 0 && k > 0) search(0, q, std::min(k, points_.rows()), heap);
  std::sort_heap(heap.begin(), heap.end(), worse);
  return heap;
}

}  // namespace paretokit::detail
