// Front-wise survival with a truncation rule; see front_truncation.hpp.
#include "front_truncation.hpp"

#include <algorithm>
#include <cmath>

#include "paretokit/algorithms/constrained_dominance.hpp"

namespace paretokit::detail {

std::vector<Index> survive_by_fronts(
    const MatrixRef& F, const VectorRef& cv, Index n_survive,
    const std::function<std::vector<Index>(const std::vector<Index>&, Index)>& truncate) {
  const auto fronts = constrained_fronts(F, cv, n_survive);
  std::vector<Index> survivors;
  for (const auto& front : fronts) {
    const Index room = n_survive - static_cast<Index>(survivors.size());
    if (room <= 0) break;
    if (static_cast<Index>(front.size()) <= room) {
      survivors.insert(survivors.end(), front.begin(), front.end());
    } else {
      const auto kept = truncate(front, room);
      survivors.insert(survivors.end(), kept.begin(), kept.end());
    }
  }
  return survivors;
}

Vector offset_reference(const MatrixRef& F, double offset) {
  const Vector worst = F.colwise().maxCoeff().transpose();
  const Vector best = F.colwise().minCoeff().transpose();
  Vector range = worst - best;
  for (Index j = 0; j < range.size(); ++j)
    if (!(range[j] > 0.0)) range[j] = std::max(1e-12, 1e-12 * std::abs(worst[j]));
  return worst + offset * range;
}

}  // namespace paretokit::detail
