// Polynomial mutation (Deb and Goyal 1996) in the bounded form of Deb's
// NSGA-II code, as pymoo's PM (pymoo/operators/mutation/pm.py): every
// variable mutates with probability prob_var, with a perturbation whose
// spread shrinks near the bounds; results are clipped to the bounds.
//
// Cost O(n d), whole-matrix.
#pragma once

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit {

struct PolynomialMutationOptions {
  double eta = 20.0;  // distribution index eta_m
  double prob = 1.0;  // probability that an individual is considered for mutation at all
  // Per-variable probability prob_m; a negative value means pymoo's default
  // min(0.5, 1 / n_var).
  double prob_var = -1.0;
};

void validate(const PolynomialMutationOptions& options);

// Mutates the rows of X in place.
void polynomial_mutation(MatrixMut X, const VectorRef& lower, const VectorRef& upper,
                         const PolynomialMutationOptions& options, Rng& rng);

}  // namespace paretokit
