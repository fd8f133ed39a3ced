// Mutation for integer and categorical variables.
//
// Integer variables: polynomial mutation on the real line followed by
// rounding to the nearest integer inside the bounds (pymoo's
// IntegerFromFloatMutation). Categorical variables: random reset, i.e. with
// probability `prob_var` the value becomes a different category drawn
// uniformly. Cost O(n d).
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/operators/polynomial_mutation.hpp"

namespace paretokit {

// Mutates the integer-valued columns `columns` of X in place (values are
// integers within [lower, upper] before and after).
void integer_mutation(MatrixMut X, const std::vector<Index>& columns, const VectorRef& lower,
                      const VectorRef& upper, const PolynomialMutationOptions& options, Rng& rng);

// Random reset of categorical columns: X(i, columns[k]) is a category index
// in [0, n_categories[k]); each mutates with probability prob_var (negative:
// 1 / number of columns of X) to one of the other categories.
void categorical_mutation(MatrixMut X, const std::vector<Index>& columns,
                          const std::vector<Index>& n_categories, double prob_var, Rng& rng);

}  // namespace paretokit
