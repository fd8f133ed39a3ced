// DE/rand/1/bin (Storn and Price 1997); see operators/differential_evolution.hpp.
#include "paretokit/operators/differential_evolution.hpp"

#include <algorithm>
#include <cmath>

#include "paretokit/core/error.hpp"

namespace paretokit {

void validate(const DifferentialEvolutionOptions& options) {
  if (!(options.F > 0.0 && options.F <= 2.0))
    throw InputError("differential weight must lie in (0, 2]", Location::of_field("F"));
  if (!(options.CR >= 0.0 && options.CR <= 1.0))
    throw InputError("crossover rate must lie in [0, 1]", Location::of_field("CR"));
}

Matrix de_rand_1_bin(const MatrixRef& targets, const MatrixRef& population, const VectorRef& lower,
                     const VectorRef& upper, const DifferentialEvolutionOptions& options, Rng& rng) {
  validate(options);
  const Index n = targets.rows();
  const Index d = targets.cols();
  const Index m = population.rows();
  if (population.cols() != d || lower.size() != d || upper.size() != d)
    throw InputError("DE population, targets and bounds differ in width", Location::of_field("population"));
  if (m < 3 && n > 0) throw InputError("DE/rand/1 needs at least 3 donors", Location::of_field("pop_size"));
  Matrix trial = targets;
  for (Index i = 0; i < n; ++i) {
    // Three distinct donors; when the targets are the population's own rows
    // (m > 3), donors also differ from the target's index.
    Index r[3];
    for (int k = 0; k < 3; ++k) {
      Index candidate;
      do {
        candidate = static_cast<Index>(rng.below(static_cast<std::uint64_t>(m)));
      } while ((k > 0 && candidate == r[0]) || (k > 1 && candidate == r[1]) ||
               (m > 3 && n == m && candidate == i));
      r[k] = candidate;
    }
    const auto forced = static_cast<Index>(rng.below(static_cast<std::uint64_t>(std::max<Index>(d, 1))));
    for (Index j = 0; j < d; ++j) {
      if (rng.uniform() < options.CR || j == forced) {
        const double v = population(r[0], j) + options.F * (population(r[1], j) - population(r[2], j));
        trial(i, j) = std::clamp(v, lower[j], upper[j]);
      }
    }
  }
  return trial;
}

}  // namespace paretokit
