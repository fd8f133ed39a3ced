// Exact star discrepancy of small sets by branch and bound over grid corners.
//
// For an open box the optimal q_c is a coordinate of a point still inside the
// partial box (or 1), and the box keeps the points strictly below it; for a
// closed box q_c is such a coordinate and the box keeps the points at or below
// it. With the points of a partial box sorted by the current dimension, every
// child box is a prefix; a second order by the next dimension lets each child
// be listed already sorted, in O(size) and without sorting. Children are
// visited from the largest down, so that the bounds (V * q_c for open boxes,
// size / k for closed ones) end each loop early.
#include "subset_evaluator.hpp"

#include <algorithm>
#include <numeric>

namespace paretokit::discrepancy::detail {

PointColumns::PointColumns(const MatrixRef& points)
    : n_(points.rows()), d_(points.cols()), x_(static_cast<std::size_t>(n_ * d_)) {
  for (Index j = 0; j < d_; ++j)
    for (Index i = 0; i < n_; ++i) x_[static_cast<std::size_t>(j * n_ + i)] = points(i, j);
}

bool PointColumns::in_box(Index id, const LocalBox& box) const {
  for (Index j = 0; j < d_; ++j) {
    const double v = (*this)(id, j);
    const double q = box.q[static_cast<std::size_t>(j)];
    if (box.closed ? v > q : v >= q) return false;
  }
  return true;
}

SubsetEvaluator::SubsetEvaluator(const PointColumns& points)
    : points_(points),
      d_(points.dimension()),
      x_(static_cast<std::size_t>(d_)),
      set_(static_cast<std::size_t>(d_)),
      order_(static_cast<std::size_t>(d_)),
      corner_(static_cast<std::size_t>(d_), 0.0) {}

double SubsetEvaluator::evaluate(const std::vector<Index>& ids, LocalBox& box, double stop_at) {
  ++evaluations_;
  const std::size_t k = ids.size();
  k_ = double(k);
  for (Index j = 0; j < d_; ++j) {
    auto& column = x_[static_cast<std::size_t>(j)];
    column.resize(k);
    for (std::size_t i = 0; i < k; ++i) column[i] = points_(ids[i], j);
  }
  for (auto& level : set_) level.resize(k);
  for (auto& level : order_) level.resize(k);
  auto& root = set_[0];
  std::iota(root.begin(), root.end(), 0);
  const auto& x0 = x_[0];
  std::sort(root.begin(), root.end(), [&](std::int32_t a, std::int32_t b) {
    return x0[static_cast<std::size_t>(a)] < x0[static_cast<std::size_t>(b)];
  });
  best_ = -1.0;
  stop_at_ = stop_at;
  stopped_ = false;
  box_ = &box;
  if (k == 0) {
    box.q.assign(static_cast<std::size_t>(d_), 1.0);
    box.closed = false;
    box.volume = 1.0;
    return 1.0;
  }
  open_level(0, k, 1.0);
  if (!stopped_) closed_level(0, k, 1.0);
  return best_;
}

void SubsetEvaluator::record(double value, bool closed, Index c, double last) {
  if (!(value > best_)) return;
  best_ = value;
  box_->q.assign(corner_.begin(), corner_.begin() + c);
  box_->q.push_back(last);
  box_->closed = closed;
  double volume = 1.0;
  for (double q : box_->q) volume *= q;
  box_->volume = volume;
  if (best_ >= stop_at_) stopped_ = true;
}

void SubsetEvaluator::sort_next(Index c, std::size_t size) {
  auto& order = order_[static_cast<std::size_t>(c)];
  const auto& set = set_[static_cast<std::size_t>(c)];
  std::copy(set.begin(), set.begin() + static_cast<std::ptrdiff_t>(size), order.begin());
  const auto& next = x_[static_cast<std::size_t>(c) + 1];
  std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(size),
            [&](std::int32_t a, std::int32_t b) {
              return next[static_cast<std::size_t>(a)] < next[static_cast<std::size_t>(b)];
            });
}

void SubsetEvaluator::open_level(Index c, std::size_t size, double volume) {
  const auto& set = set_[static_cast<std::size_t>(c)];
  const auto& x = x_[static_cast<std::size_t>(c)];
  if (c + 1 == d_) {
    // q_c = 1 keeps all; q_c = a point's coordinate keeps the points before it.
    record(volume - double(size) / k_, false, c, 1.0);
    for (std::size_t i = size; i-- > 0 && !stopped_;) {
      const double v = x[static_cast<std::size_t>(set[i])];
      if (i > 0 && x[static_cast<std::size_t>(set[i - 1])] == v) continue;
      if (volume * v <= best_) break;
      record(volume * v - double(i) / k_, false, c, v);
    }
    return;
  }
  sort_next(c, size);
  const auto& order = order_[static_cast<std::size_t>(c)];
  auto& child = set_[static_cast<std::size_t>(c) + 1];
  // Candidates from the top: 1 (all points), then each distinct coordinate.
  std::size_t end = size;
  double q = 1.0;
  while (!stopped_) {
    if (volume * q <= best_) break;
    std::size_t count = 0;
    for (std::size_t i = 0; i < size; ++i)
      if (x[static_cast<std::size_t>(order[i])] < q) child[count++] = order[i];
    corner_[static_cast<std::size_t>(c)] = q;
    open_level(c + 1, count, volume * q);
    // Next candidate: the largest coordinate strictly below q.
    while (end > 0 && x[static_cast<std::size_t>(set[end - 1])] >= q) --end;
    if (end == 0) break;
    q = x[static_cast<std::size_t>(set[end - 1])];
  }
}

void SubsetEvaluator::closed_level(Index c, std::size_t size, double volume) {
  const auto& set = set_[static_cast<std::size_t>(c)];
  const auto& x = x_[static_cast<std::size_t>(c)];
  if (c + 1 == d_) {
    for (std::size_t i = size; i-- > 0 && !stopped_;) {
      const double v = x[static_cast<std::size_t>(set[i])];
      if (i + 1 < size && x[static_cast<std::size_t>(set[i + 1])] == v) continue;
      if (double(i + 1) / k_ <= best_) break;
      record(double(i + 1) / k_ - volume * v, true, c, v);
    }
    return;
  }
  sort_next(c, size);
  const auto& order = order_[static_cast<std::size_t>(c)];
  auto& child = set_[static_cast<std::size_t>(c) + 1];
  std::size_t end = size;  // candidates: distinct coordinates from the top
  while (end > 0 && !stopped_) {
    if (double(end) / k_ <= best_) break;
    const double q = x[static_cast<std::size_t>(set[end - 1])];
    std::size_t count = 0;
    for (std::size_t i = 0; i < size; ++i)
      if (x[static_cast<std::size_t>(order[i])] <= q) child[count++] = order[i];
    corner_[static_cast<std::size_t>(c)] = q;
    closed_level(c + 1, count, volume * q);
    while (end > 0 && x[static_cast<std::size_t>(set[end - 1])] >= q) --end;
  }
}

}  // namespace paretokit::discrepancy::detail
