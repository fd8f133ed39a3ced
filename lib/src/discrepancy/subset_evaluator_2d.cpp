#include "subset_evaluator_2d.hpp"

#include <algorithm>
#include <numeric>

namespace paretokit::discrepancy::detail {

double SubsetEvaluator2D::evaluate(const std::vector<Index>& ids, LocalBox& box, double stop_at) {
  ++evaluations_;
  const std::size_t k = ids.size();
  box_ = &box;
  best_ = -1.0;
  stop_at_ = stop_at;
  stopped_ = false;
  if (k == 0) {
    record(1.0, 1.0, 1.0, false);
    return best_;
  }
  k_ = double(k);
  x_.resize(k);
  y_.resize(k);
  for (std::size_t i = 0; i < k; ++i) {
    x_[i] = points_(ids[i], 0);
    y_[i] = points_(ids[i], 1);
  }
  by_x_.resize(k);
  by_y_.resize(k);
  std::iota(by_x_.begin(), by_x_.end(), 0);
  std::iota(by_y_.begin(), by_y_.end(), 0);
  std::sort(by_x_.begin(), by_x_.end(), [&](std::int32_t a, std::int32_t b) { return x_[a] < x_[b]; });
  std::sort(by_y_.begin(), by_y_.end(), [&](std::int32_t a, std::int32_t b) { return y_[a] < y_[b]; });
  inside_.assign(k, 1);
  // Open boxes, q1 from 1 down: [0,1) holds every point; [0, x) those below
  // the distinct x value. The volume is at most q1.
  scan(1.0, false);
  for (std::size_t end = k; end > 0 && !stopped_;) {
    const double q1 = x_[by_x_[end - 1]];
    while (end > 0 && x_[by_x_[end - 1]] == q1) inside_[by_x_[--end]] = 0;
    if (q1 <= best_) break;
    scan(q1, false);
  }
  // Closed boxes, q1 = each distinct x from the top: [0, x] holds the points
  // up to it. The value is at most (points inside) / k.
  inside_.assign(k, 1);
  for (std::size_t end = k; end > 0 && !stopped_;) {
    if (double(end) / k_ <= best_) break;
    const double q1 = x_[by_x_[end - 1]];
    scan(q1, true);
    while (end > 0 && x_[by_x_[end - 1]] == q1) inside_[by_x_[--end]] = 0;
  }
  return best_;
}

void SubsetEvaluator2D::scan(double q1, bool closed) {
  // Groups of equal y: below = inside points of lower y, group = inside ones
  // of this y. Open: q1 y - below / k; closed: (below + group) / k - q1 y.
  const std::size_t k = by_y_.size();
  std::size_t below = 0;
  for (std::size_t j = 0; j < k && !stopped_;) {
    const double y = y_[by_y_[j]];
    std::size_t group = 0;
    for (; j < k && y_[by_y_[j]] == y; ++j) group += inside_[by_y_[j]] ? 1 : 0;
    if (group > 0) {
      if (closed) {
        record(double(below + group) / k_ - q1 * y, q1, y, true);
      } else {
        record(q1 * y - double(below) / k_, q1, y, false);
      }
    }
    below += group;
  }
  if (!closed && !stopped_) record(q1 - double(below) / k_, q1, 1.0, false);
}

void SubsetEvaluator2D::record(double value, double q1, double q2, bool closed) {
  if (!(value > best_)) return;
  best_ = value;
  box_->q.assign({q1, q2});
  box_->closed = closed;
  box_->volume = q1 * q2;
  if (best_ >= stop_at_) stopped_ = true;
}

}  // namespace paretokit::discrepancy::detail
