// Monte Carlo hypervolume (see monte_carlo_hypervolume.hpp); the estimator of
// Everson, Fieldsend and Singh (2002) and of HypE (Bader and Zitzler 2011),
// with a Wilson score interval (Wilson 1927) for the hit fraction.
// O(samples x n x d) worst case.
#include "paretokit/indicators/monte_carlo_hypervolume.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "paretokit/core/error.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/indicators/hypervolume.hpp"

namespace paretokit {

namespace {

// Hits among the samples of block `block` (count of them in `size`).
std::uint64_t block_hits(const std::vector<double>& sorted, std::size_t n, Index d, const Vector& low,
                         const Vector& high, std::uint64_t seed, std::uint64_t block, std::uint64_t size) {
  Rng rng = Rng::stream(seed, block);
  // Draw the whole block first (one matrix), then test it.
  Matrix samples(static_cast<Index>(size), d);
  for (Index s = 0; s < samples.rows(); ++s) {
    for (Index j = 0; j < d; ++j) samples(s, j) = rng.uniform(low(j), high(j));
  }
  std::uint64_t hits = 0;
  for (Index s = 0; s < samples.rows(); ++s) {
    const double* sample = samples.row(s).data();
    for (std::size_t i = 0; i < n; ++i) {
      const double* p = sorted.data() + i * static_cast<std::size_t>(d);
      if (p[0] > sample[0]) break;  // sorted by the first objective: no later point dominates
      bool dominated = true;
      for (Index j = 1; j < d && dominated; ++j) dominated = p[j] <= sample[j];
      if (dominated) {
        ++hits;
        break;
      }
    }
  }
  return hits;
}

}  // namespace

MonteCarloHypervolumeResult monte_carlo_hypervolume(const MatrixRef& points, const VectorRef& reference,
                                                    const MonteCarloHypervolumeOptions& options) {
  if (options.samples == 0) throw InputError("monte_carlo_hypervolume: samples must be positive");
  if (options.batch_size == 0) throw InputError("monte_carlo_hypervolume: batch_size must be positive");
  if (!(options.confidence > 0 && options.confidence < 1)) {
    throw InputError("monte_carlo_hypervolume: confidence must lie in (0, 1)");
  }
  const std::vector<double> inside =
      detail::points_inside_reference(points, reference, "monte_carlo_hypervolume");
  const Index d = reference.size();
  const std::size_t n = inside.size() / static_cast<std::size_t>(d);
  MonteCarloHypervolumeResult result;
  if (n == 0) return result;

  // Points sorted by the first objective, row-major.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return inside[a * static_cast<std::size_t>(d)] < inside[b * static_cast<std::size_t>(d)];
  });
  std::vector<double> sorted(inside.size());
  for (std::size_t k = 0; k < n; ++k) {
    std::copy_n(inside.begin() + static_cast<std::ptrdiff_t>(order[k] * static_cast<std::size_t>(d)), d,
                sorted.begin() + static_cast<std::ptrdiff_t>(k * static_cast<std::size_t>(d)));
  }
  Vector low = Vector::Constant(d, std::numeric_limits<double>::infinity());
  for (std::size_t k = 0; k < n; ++k) {
    for (Index j = 0; j < d; ++j) low(j) = std::min(low(j), sorted[k * static_cast<std::size_t>(d) + j]);
  }
  const Vector high = reference;
  const double box_volume = (high - low).prod();

  const std::uint64_t blocks = (options.samples + options.batch_size - 1) / options.batch_size;
  const std::uint64_t hits = tbb::parallel_reduce(
      tbb::blocked_range<std::uint64_t>(0, blocks, 1), std::uint64_t{0},
      [&](const tbb::blocked_range<std::uint64_t>& range, std::uint64_t total) {
        for (std::uint64_t b = range.begin(); b != range.end(); ++b) {
          const std::uint64_t size = std::min(options.batch_size, options.samples - b * options.batch_size);
          total += block_hits(sorted, n, d, low, high, options.seed, b, size);
        }
        return total;
      },
      [](std::uint64_t a, std::uint64_t b) { return a + b; });

  const double count = static_cast<double>(options.samples);
  const double fraction = static_cast<double>(hits) / count;
  const double z = boost::math::quantile(boost::math::normal(), 0.5 + options.confidence / 2);
  const double z2 = z * z;
  const double center = (fraction + z2 / (2 * count)) / (1 + z2 / count);
  const double half =
      z / (1 + z2 / count) * std::sqrt(fraction * (1 - fraction) / count + z2 / (4 * count * count));
  result.value = box_volume * fraction;
  result.standard_error = box_volume * std::sqrt(fraction * (1 - fraction) / count);
  result.lower = box_volume * std::max(0.0, center - half);
  result.upper = box_volume * std::min(1.0, center + half);
  result.samples = options.samples;
  result.hits = hits;
  result.box_volume = box_volume;
  return result;
}

}  // namespace paretokit
