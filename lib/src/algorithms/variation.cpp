// The variation step per kind of variable; see algorithms/variation.hpp.
#include "paretokit/algorithms/variation.hpp"

#include <algorithm>
#include <vector>

#include "paretokit/operators/discrete_mutation.hpp"

namespace paretokit {

Matrix vary(const MatrixRef& first, const MatrixRef& second, const VectorRef& lower, const VectorRef& upper,
            const SearchSpace* space, const SbxOptions& crossover, const PolynomialMutationOptions& mutation,
            Rng& rng) {
  std::vector<Index> categorical, n_categories;
  if (space != nullptr)
    for (Index j = 0; j < space->size(); ++j)
      if ((*space)[j].kind == VariableKind::categorical) {
        categorical.push_back(j);
        n_categories.push_back((*space)[j].cardinality());
      }
  Matrix children = sbx(first, second, lower, upper, crossover, rng);
  if (categorical.empty()) {
    polynomial_mutation(children, lower, upper, mutation, rng);
    return space != nullptr ? space->encode(space->decode(children)) : children;
  }
  // Categoricals: uniform crossover of the parents' (canonical) encodings,
  // kept apart from PM, then random reset on the category indices.
  const Index n = first.rows();
  Matrix kept(children.rows(), static_cast<Index>(categorical.size()));
  for (Index i = 0; i < n; ++i) {
    const bool crosses = rng.uniform() < crossover.prob;
    for (std::size_t c = 0; c < categorical.size(); ++c) {
      const Index j = categorical[c];
      const bool swap = crosses && rng.uniform() < 0.5;
      kept(i, static_cast<Index>(c)) = swap ? second(i, j) : first(i, j);
      kept(n + i, static_cast<Index>(c)) = swap ? first(i, j) : second(i, j);
    }
  }
  polynomial_mutation(children, lower, upper, mutation, rng);
  for (std::size_t c = 0; c < categorical.size(); ++c)
    children.col(categorical[c]) = kept.col(static_cast<Index>(c));
  Matrix values = space->decode(children);
  const double prob_var =
      mutation.prob_var < 0.0 ? std::min(0.5, 1.0 / static_cast<double>(first.cols())) : mutation.prob_var;
  categorical_mutation(values, categorical, n_categories, mutation.prob * prob_var, rng);
  return space->encode(values);
}

}  // namespace paretokit
