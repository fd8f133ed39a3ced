// The variation settings shared by the genetic algorithms of this module
// (NSGA-II, NSGA-III, SMS-EMOA, HypE): SBX, polynomial mutation, duplicate
// elimination and the initial sampling. Defaults are pymoo's NSGA-II ones;
// each algorithm's Options states its own.
//
// vary() is the variation step itself (what PopulationAlgorithm::mate()
// applies to each batch of parent pairs), per kind of variable, as pymoo's
// mixed-variable GA does:
//
//   real, integer, ordinal  SBX then polynomial mutation on the internal
//                           coordinates; with a search space these are the
//                           encoded [0, 1] ones, so decoding rounds integers
//                           and ordinals to their nearest slice
//                           (SBX/PM followed by rounding);
//   categorical             uniform crossover (a crossing pair, with SBX's
//                           `prob`, swaps its parents' categories with
//                           probability 1/2 per variable; otherwise each
//                           child keeps its parent's) then random reset
//                           (operators/discrete_mutation.hpp): with
//                           probability prob * prob_m (prob_m < 0: min(0.5,
//                           1/n_var), as for PM) a child takes one of the
//                           other categories, uniformly. An order among
//                           categories means nothing, so neither SBX nor PM
//                           touches them.
//
// Without categorical variables vary() is exactly SBX, PM and (with a space)
// canonicalization: a problem with only real variables draws the same random
// numbers and gets the same children as before categoricals were handled.
// Cost O(n d).
#pragma once

#include "paretokit/algorithms/population_algorithm.hpp"
#include "paretokit/core/search_space.hpp"
#include "paretokit/operators/polynomial_mutation.hpp"
#include "paretokit/operators/sbx.hpp"

namespace paretokit {

struct VariationOptions {
  SbxOptions crossover{};                 // eta_c = 15, prob_c = 0.9, prob_var 0.5, swap 0.5
  PolynomialMutationOptions mutation{};   // eta_m = 20, 90% of children, prob_m = min(0.5, 1/n_var)
  bool eliminate_duplicates = true;       // redraw offspring equal to others or to the population
  Sampling sampling = Sampling::uniform;  // initial population
};

// Crosses row i of `first` with row i of `second` and mutates the children.
// Rows are internal coordinates within [lower, upper]: the problem's values
// when `space` is null, else encodings of `space` (canonical ones, as
// PopulationAlgorithm keeps them). Returns 2n rows (first children, then
// second children), canonical encodings when `space` is given.
Matrix vary(const MatrixRef& first, const MatrixRef& second, const VectorRef& lower, const VectorRef& upper,
            const SearchSpace* space, const SbxOptions& crossover, const PolynomialMutationOptions& mutation,
            Rng& rng);

}  // namespace paretokit
