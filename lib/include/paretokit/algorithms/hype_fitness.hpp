// HypE's hypervolume-based fitness (Bader and Zitzler 2011, "HypE: an
// algorithm for fast hypervolume-based many-objective optimization",
// Evolutionary Computation 19(1)), minimization.
//
// I_h^k(a) = sum_{i=1..k} (alpha_i / i) |H_i(a)|, where H_i(a) is the part of
// the space dominated by a (and bounded by the reference point) that exactly
// i points dominate, and alpha_i = prod_{l=1..i-1} (k - l) / (n - l): the
// expected hypervolume a takes with it when k random points of the n are
// removed. With k = 1 it is the exclusive contribution.
//
// exact: a sweep over the grid of all coordinate values (see
//   hype_fitness.cpp): in a slab of objective 1 the cells are dominated by
//   prefixes of the points sorted by objective 0, so suffix sums credit them,
//   and only the k + 1 first of that order matter (cells dominated by more
//   than k points earn nothing). O(n log n + n min(n, k)) in 2-D,
//   O(n^2 min(n, k)) in 3-D (slabs of objective 2, in parallel, deterministic
//   whatever the thread count), Bader and Zitzler's slicing (Algorithm 3)
//   down to the 3-D sweep above (meant for m <= 3 or 4). Any set: dominated
//   points, ties and duplicates are counted as the definition says; points
//   not strictly better than the reference in every objective earn nothing.
//   Weights alpha_i / i below the smallest normal double are dropped (they
//   could only add denormal amounts), which also bounds the sweep when k is
//   well below n.
// monte_carlo: n_samples uniform points in the box [min F, reference],
//   in fixed blocks (deterministic whatever the thread count). A sample's
//   dominators are the AND of one prefix bitset per objective (the points
//   sorted by it; found by binary search), and only the samples of count
//   1 <= c <= k visit theirs: O(n_samples m (log n + n / 64)) plus the
//   dominators of those samples, instead of the O(n_samples n m) of a scan
//   (still used for sets with infinite or NaN values). Both add the same
//   terms in the same order: the same bits.
#pragma once

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit {

Vector hype_fitness_exact(const MatrixRef& F, const VectorRef& reference, Index k);
Vector hype_fitness_monte_carlo(const MatrixRef& F, const VectorRef& reference, Index k, Index n_samples,
                                Rng& rng);

}  // namespace paretokit
