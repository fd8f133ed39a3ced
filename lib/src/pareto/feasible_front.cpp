#include "paretokit/pareto/feasible_front.hpp"

#include "paretokit/pareto/nondominated_sort.hpp"

namespace paretokit {

std::vector<Index> feasible_front_indices(const MatrixRef& F, const MatrixRef& G) {
  std::vector<Index> feasible;
  feasible.reserve(static_cast<std::size_t>(F.rows()));
  for (Index i = 0; i < F.rows(); ++i) {
    if ((G.cols() == 0 || (G.row(i).array() <= 0).all()) && F.row(i).allFinite()) feasible.push_back(i);
  }
  if (feasible.empty()) return {};
  if (static_cast<Index>(feasible.size()) == F.rows()) return nondominated_indices(F);
  const Matrix subset = F(feasible, Eigen::all);
  std::vector<Index> front;
  for (const Index i : nondominated_indices(subset)) front.push_back(feasible[static_cast<std::size_t>(i)]);
  return front;
}

}  // namespace paretokit
