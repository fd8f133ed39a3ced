// Deb's constrained domination; see algorithms/constrained_dominance.hpp.
#include "paretokit/algorithms/constrained_dominance.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "paretokit/core/error.hpp"
#include "paretokit/pareto/dominance.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"

namespace paretokit {

Vector constraint_violation(const MatrixRef& G) {
  if (G.cols() == 0) return Vector::Zero(G.rows());
  if (G.hasNaN()) throw InputError("a constraint value is NaN", Location::of_field("constraints"));
  return G.array().max(0.0).rowwise().sum().matrix();
}

Vector total_violation(const MatrixRef& F, const MatrixRef& G) {
  Vector cv = constraint_violation(G);
  for (Index i = 0; i < F.rows(); ++i) {
    if (!F.row(i).allFinite()) cv[i] = std::numeric_limits<double>::infinity();
  }
  return cv;
}

bool constrained_dominates(const Eigen::Ref<const RowVector>& fa, double cva,
                           const Eigen::Ref<const RowVector>& fb, double cvb) {
  if (cva > 0.0 || cvb > 0.0) return cva < cvb;
  return dominates(fa, fb);
}

std::vector<std::vector<Index>> constrained_fronts(const MatrixRef& F, const VectorRef& cv,
                                                   Index max_points) {
  if (cv.size() != F.rows())
    throw InputError("one violation per row is needed", Location::of_field("constraints"));
  std::vector<Index> feasible, infeasible;
  for (Index i = 0; i < F.rows(); ++i) (cv[i] > 0.0 ? infeasible : feasible).push_back(i);

  std::vector<std::vector<Index>> fronts;
  Index taken = 0;
  if (!feasible.empty()) {
    // Every row feasible (the common case): sort F itself, not a copy.
    const bool all_rows = static_cast<Index>(feasible.size()) == F.rows();
    Matrix feasible_f;
    if (!all_rows) {
      feasible_f.resize(static_cast<Index>(feasible.size()), F.cols());
      for (std::size_t k = 0; k < feasible.size(); ++k)
        feasible_f.row(static_cast<Index>(k)) = F.row(feasible[k]);
    }
    auto local = all_rows ? nondominated_fronts(F, max_points) : nondominated_fronts(feasible_f, max_points);
    for (auto& front : local) {
      for (auto& i : front) i = feasible[static_cast<std::size_t>(i)];
      taken += static_cast<Index>(front.size());
      fronts.push_back(std::move(front));
      if (max_points > 0 && taken >= max_points) return fronts;
    }
  }
  std::stable_sort(infeasible.begin(), infeasible.end(), [&](Index a, Index b) { return cv[a] < cv[b]; });
  for (std::size_t k = 0; k < infeasible.size();) {
    std::size_t end = k + 1;
    while (end < infeasible.size() && cv[infeasible[end]] == cv[infeasible[k]]) ++end;
    std::vector<Index> front(infeasible.begin() + static_cast<std::ptrdiff_t>(k),
                             infeasible.begin() + static_cast<std::ptrdiff_t>(end));
    std::sort(front.begin(), front.end());
    taken += static_cast<Index>(front.size());
    fronts.push_back(std::move(front));
    k = end;
    if (max_points > 0 && taken >= max_points) break;
  }
  return fronts;
}

std::vector<Index> constrained_ranks(const MatrixRef& F, const VectorRef& cv) {
  std::vector<Index> rank(static_cast<std::size_t>(F.rows()), 0);
  const auto fronts = constrained_fronts(F, cv);
  for (std::size_t r = 0; r < fronts.size(); ++r)
    for (Index i : fronts[r]) rank[static_cast<std::size_t>(i)] = static_cast<Index>(r);
  return rank;
}

}  // namespace paretokit
