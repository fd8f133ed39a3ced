// Uniform, Latin hypercube and Sobol' sampling (see operators/sampling.hpp).
#include "paretokit/operators/sampling.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

#include <boost/random/sobol.hpp>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

void check_box(Index n, const VectorRef& lower, const VectorRef& upper) {
  if (n < 0) throw InputError("number of samples must be >= 0", Location::of_field("n_samples"));
  if (lower.size() != upper.size())
    throw InputError("lower and upper bounds differ in length", Location::of_field("bounds"));
  if ((lower.array() > upper.array()).any())
    throw InputError("a lower bound exceeds its upper bound", Location::of_field("bounds"));
}

// Maps points of the unit cube (in place) to the box.
void scale_to_box(Matrix& unit, const VectorRef& lower, const VectorRef& upper) {
  const RowVector low = lower.transpose();
  const RowVector width = (upper - lower).transpose();
  unit = (unit.array().rowwise() * width.array()).rowwise() + low.array();
}

}  // namespace

Matrix sample_uniform(Index n, const VectorRef& lower, const VectorRef& upper, Rng& rng) {
  check_box(n, lower, upper);
  Matrix X(n, lower.size());
  for (Index i = 0; i < X.size(); ++i) X.data()[i] = rng.uniform();
  scale_to_box(X, lower, upper);
  return X;
}

Matrix sample_latin_hypercube(Index n, const VectorRef& lower, const VectorRef& upper, Rng& rng) {
  check_box(n, lower, upper);
  const Index d = lower.size();
  Matrix X(n, d);
  std::vector<Index> strata(static_cast<std::size_t>(n));
  for (Index j = 0; j < d; ++j) {
    std::iota(strata.begin(), strata.end(), Index{0});
    std::shuffle(strata.begin(), strata.end(), rng);
    for (Index i = 0; i < n; ++i)
      X(i, j) =
          (static_cast<double>(strata[static_cast<std::size_t>(i)]) + rng.uniform()) / static_cast<double>(n);
  }
  scale_to_box(X, lower, upper);
  return X;
}

Matrix sample_sobol(Index n, const VectorRef& lower, const VectorRef& upper, Rng& rng,
                    const SobolOptions& options) {
  check_box(n, lower, upper);
  const Index d = lower.size();
  Matrix X(n, d);
  if (d == 0 || n == 0) return X;
  if (d > 3667)
    throw InputError("Sobol' sampling supports at most 3667 dimensions", Location::of_field("n_var"));
  // The engine yields one coordinate at a time as a 64-bit integer; the
  // scramble XORs the integer with one random word per dimension.
  // Boost's engine starts after the origin (at 1/2, ..., 1/2); the origin
  // is emitted here so that the first 2^k points form a (t, k, d)-net.
  boost::random::sobol_engine<std::uint64_t, 64> engine(static_cast<std::size_t>(d));
  if (options.skip > 1) engine.discard((options.skip - 1) * static_cast<std::uint64_t>(d));
  std::vector<std::uint64_t> shift(static_cast<std::size_t>(d), 0);
  if (options.scramble)
    for (auto& word : shift) word = rng.next();
  for (Index i = 0; i < n; ++i) {
    const bool origin = i == 0 && options.skip == 0;
    for (Index j = 0; j < d; ++j) {
      const std::uint64_t bits = (origin ? 0 : engine()) ^ shift[static_cast<std::size_t>(j)];
      X(i, j) = static_cast<double>(bits >> 11) * 0x1.0p-53;
    }
  }
  scale_to_box(X, lower, upper);
  return X;
}

}  // namespace paretokit
