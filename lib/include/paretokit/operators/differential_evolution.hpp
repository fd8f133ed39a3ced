// DE/rand/1/bin (Storn and Price 1997): for each target row i, a mutant
// v = x_r1 + F (x_r2 - x_r3) with r1, r2, r3 distinct random rows (distinct
// from i when the population allows), binomial crossover with rate CR and
// one variable always taken from the mutant, then clipping to the bounds.
//
// Cost O(n d).
#pragma once

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit {

struct DifferentialEvolutionOptions {
  double F = 0.5;   // differential weight, in (0, 2]
  double CR = 0.9;  // crossover rate, in [0, 1]
};

void validate(const DifferentialEvolutionOptions& options);

// One trial vector per row of `targets`, donors drawn from `population`
// (which needs at least 4 rows, or 3 when targets are not its rows).
Matrix de_rand_1_bin(const MatrixRef& targets, const MatrixRef& population, const VectorRef& lower,
                     const VectorRef& upper, const DifferentialEvolutionOptions& options, Rng& rng);

}  // namespace paretokit
