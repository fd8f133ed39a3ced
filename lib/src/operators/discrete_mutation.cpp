// Integer (polynomial + rounding) and categorical (random reset) mutation;
// see operators/discrete_mutation.hpp.
#include "paretokit/operators/discrete_mutation.hpp"

#include <cmath>

#include "paretokit/core/error.hpp"

namespace paretokit {

void integer_mutation(MatrixMut X, const std::vector<Index>& columns, const VectorRef& lower,
                      const VectorRef& upper, const PolynomialMutationOptions& options, Rng& rng) {
  if (columns.empty()) return;
  const auto k = static_cast<Index>(columns.size());
  Matrix sub(X.rows(), k);
  Vector low(k), high(k);
  for (Index c = 0; c < k; ++c) {
    const Index j = columns[static_cast<std::size_t>(c)];
    if (j < 0 || j >= X.cols()) throw InputError("column out of range", Location::of_field("columns"));
    sub.col(c) = X.col(j);
    // Widen by half a unit so that the end values are as likely as the others
    // after rounding.
    low[c] = lower[j] - 0.5 + 1e-9;
    high[c] = upper[j] + 0.5 - 1e-9;
  }
  polynomial_mutation(sub, low, high, options, rng);
  for (Index c = 0; c < k; ++c) {
    const Index j = columns[static_cast<std::size_t>(c)];
    X.col(j) = sub.col(c).array().round().max(lower[j]).min(upper[j]).matrix();
  }
}

void categorical_mutation(MatrixMut X, const std::vector<Index>& columns,
                          const std::vector<Index>& n_categories, double prob_var, Rng& rng) {
  if (columns.size() != n_categories.size())
    throw InputError("one category count per column is needed", Location::of_field("n_categories"));
  if (columns.empty()) return;
  const double p = prob_var < 0.0 ? 1.0 / static_cast<double>(X.cols()) : prob_var;
  if (!(p <= 1.0)) throw InputError("must be a probability in [0, 1]", Location::of_field("prob_m"));
  for (Index i = 0; i < X.rows(); ++i)
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const Index count = n_categories[c];
      const double draw = rng.uniform();
      if (count < 2 || !(draw < p)) continue;
      const auto current = static_cast<std::uint64_t>(X(i, columns[c]));
      // A uniform choice among the other count - 1 categories.
      std::uint64_t next = rng.below(static_cast<std::uint64_t>(count - 1));
      if (next >= current) ++next;
      X(i, columns[c]) = static_cast<double>(next);
    }
}

}  // namespace paretokit
