// Simulated binary crossover, SBX (Deb and Agrawal 1995), with the bounded
// spread of Deb's NSGA-II code and pymoo's semantics (pymoo/operators/
// crossover/sbx.py):
//
// - each pair crosses with probability `prob` (else both children copy the
//   parents);
// - inside a crossing pair each variable crosses with probability `prob_var`,
//   unless the parents are equal there (|a - b| <= 1e-14) or its bounds are
//   equal;
// - one uniform number per variable sets the spread of both children (so
//   that, away from the bounds, they are symmetric about the parents' mean);
// - the two children of a variable are swapped with probability `prob_bin`;
// - children are clipped to the bounds.
//
// Cost O(n d), whole-matrix: random numbers are drawn as matrices.
#pragma once

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit {

struct SbxOptions {
  double eta = 15.0;      // distribution index eta_c: larger keeps children closer to parents
  double prob = 0.9;      // probability that a pair crosses at all (pymoo's `prob`)
  double prob_var = 0.5;  // per-variable crossover probability inside a crossing pair
  double prob_bin = 0.5;  // per-variable probability of swapping the two children
};

// Checks the options; throws InputError naming the field.
void validate(const SbxOptions& options);

// Crosses row i of `first` with row i of `second` (n pairs). Returns 2n rows:
// rows 0..n-1 are the first children, rows n..2n-1 the second children.
Matrix sbx(const MatrixRef& first, const MatrixRef& second, const VectorRef& lower, const VectorRef& upper,
           const SbxOptions& options, Rng& rng);

// One child per pair, as MOEA/D (and pymoo's MOEAD) take it: the same rows
// and the same Rng state afterwards as
//   children = sbx(first, second, lower, upper, options, rng);
//   row i = children.row(rng.bernoulli(0.5) ? i : n + i)   for i = 0..n-1,
// but only the kept child is computed (half the pow() calls).
Matrix sbx_one_child(const MatrixRef& first, const MatrixRef& second, const VectorRef& lower,
                     const VectorRef& upper, const SbxOptions& options, Rng& rng);

}  // namespace paretokit
