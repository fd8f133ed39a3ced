// Initial designs in a box [lower, upper]: uniform random, Latin hypercube
// (McKay, Beckman and Conover 1979) and Sobol' low-discrepancy points
// (Sobol' 1967; Joe and Kuo direction numbers as shipped in Boost.Random).
//
// Each returns n rows of d = lower.size() columns. Cost: O(n d) for uniform
// and Sobol', O(n d log n) for the Latin hypercube (one shuffle per column).
#pragma once

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit {

// Independent uniform points in the box.
Matrix sample_uniform(Index n, const VectorRef& lower, const VectorRef& upper, Rng& rng);

// Latin hypercube: every column has exactly one point in each of the n
// equal-width strata, at a uniform random position inside its stratum.
Matrix sample_latin_hypercube(Index n, const VectorRef& lower, const VectorRef& upper, Rng& rng);

struct SobolOptions {
  // Points of the sequence skipped before the first one returned (0 skips
  // nothing; the first Sobol' point is the origin of the unit cube).
  std::uint64_t skip = 0;
  // Random digital shift (XOR of every coordinate with one random 64-bit word
  // per dimension, drawn from the Rng), which keeps the net structure and
  // makes the points unbiased. Off: the plain deterministic sequence.
  bool scramble = false;
};

// Sobol' points mapped to the box; d <= 3667 (Boost's table).
Matrix sample_sobol(Index n, const VectorRef& lower, const VectorRef& upper, Rng& rng,
                    const SobolOptions& options = {});

}  // namespace paretokit
