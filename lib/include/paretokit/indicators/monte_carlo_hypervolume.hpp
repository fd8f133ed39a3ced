// Monte Carlo hypervolume estimate with a confidence interval, for when the
// exact computation is too slow (many objectives and many points).
//
// Samples are drawn uniformly in the box between the ideal point of the
// points that strictly dominate the reference point and the reference point;
// the estimate is box volume x (fraction of samples weakly dominated by some
// point). The interval is the Wilson score interval of that fraction, scaled
// by the box volume, so it stays inside [0, box volume] even when no sample
// (or every sample) hits.
//
// Reproducible: samples come in blocks of `batch_size`, block b drawn from
// Rng::stream(seed, b); blocks run in parallel (oneTBB) and hit counts are
// integers, so the result depends on the seed only, not on the thread count.
//
// Cost: O(samples x n x d) in the worst case (each sample is checked against
// the points sorted by the first objective, stopping early), O(batch x d + n d)
// memory per thread.
#pragma once

#include <cstdint>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

struct MonteCarloHypervolumeOptions {
  std::uint64_t samples = 1'000'000;   // number of uniform samples in the box (> 0)
  std::uint64_t seed = 0;              // same seed, same result
  double confidence = 0.95;            // level of the interval, in (0, 1)
  std::uint64_t batch_size = 1 << 14;  // samples per block (the unit of parallel work and of the streams)
};

struct MonteCarloHypervolumeResult {
  double value = 0;           // the estimate
  double standard_error = 0;  // box_volume x sqrt(f (1 - f) / samples), f the hit fraction
  double lower = 0;           // confidence interval (Wilson score), within [0, box_volume]
  double upper = 0;
  std::uint64_t samples = 0;  // samples drawn (0 when no point is inside the reference box)
  std::uint64_t hits = 0;     // samples dominated by some point
  double box_volume = 0;      // volume of the sampling box
};

// Throws InputError for a reference point of the wrong size or with NaN or
// infinite coordinates, NaN or infinite points, samples = 0, a confidence
// outside (0, 1) or batch_size = 0. With no point inside the reference box
// every field is 0 (the exact answer).
MonteCarloHypervolumeResult monte_carlo_hypervolume(const MatrixRef& points, const VectorRef& reference,
                                                    const MonteCarloHypervolumeOptions& options = {});

}  // namespace paretokit
