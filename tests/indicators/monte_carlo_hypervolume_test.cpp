// Tests of the Monte Carlo hypervolume: the interval covers the exact value,
// the error shrinks like 1/sqrt(samples), the result depends on the seed only
// (not on the thread count), edge cases and errors.
#include <catch2/catch.hpp>

#include <tbb/global_control.h>

#include <cmath>

#include "indicators/brute_force_hypervolume.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/indicators/monte_carlo_hypervolume.hpp"

using paretokit::Index;
using paretokit::Matrix;
using paretokit::MonteCarloHypervolumeOptions;
using paretokit::Rng;
using paretokit::Vector;
namespace pt = paretokit::testing;

TEST_CASE("monte_carlo_hypervolume: the interval covers the exact value") {
  Rng rng(42);
  int covered = 0;
  const int trials = 20;
  for (int trial = 0; trial < trials; ++trial) {
    const Index d = 2 + trial % 5;
    const Matrix points = pt::random_linear_front(rng, 30, d);
    const Vector reference = Vector::Constant(d, 1.0);
    MonteCarloHypervolumeOptions options;
    options.samples = 50'000;
    options.seed = static_cast<std::uint64_t>(trial);
    options.confidence = 0.99;
    const auto estimate = paretokit::monte_carlo_hypervolume(points, reference, options);
    const double exact = paretokit::hypervolume(points, reference);
    CHECK(estimate.lower <= estimate.value);
    CHECK(estimate.value <= estimate.upper);
    CHECK(std::abs(estimate.value - exact) < 6 * estimate.standard_error + 1e-12);
    if (estimate.lower <= exact && exact <= estimate.upper) ++covered;
  }
  CHECK(covered >= trials - 2);  // 99% intervals: a miss or two at most
}

TEST_CASE("monte_carlo_hypervolume: the error shrinks with the samples") {
  const Matrix points = (Matrix(2, 3) << 0.2, 0.5, 0.5, 0.5, 0.2, 0.4).finished();
  const Vector reference = Vector::Constant(3, 1.0);
  MonteCarloHypervolumeOptions options;
  options.samples = 10'000;
  const double small = paretokit::monte_carlo_hypervolume(points, reference, options).standard_error;
  options.samples = 1'000'000;
  const auto large = paretokit::monte_carlo_hypervolume(points, reference, options);
  CHECK(large.standard_error < small / 5);
  CHECK(large.value == Approx(paretokit::hypervolume(points, reference)).margin(5 * large.standard_error));
  CHECK(large.samples == 1'000'000);
}

TEST_CASE("monte_carlo_hypervolume: same seed, same result, whatever the thread count") {
  Rng rng(3);
  const Matrix points = pt::random_linear_front(rng, 50, 4);
  const Vector reference = Vector::Constant(4, 1.0);
  MonteCarloHypervolumeOptions options;
  options.samples = 200'000;
  options.batch_size = 1000;
  options.seed = 77;
  const auto parallel = paretokit::monte_carlo_hypervolume(points, reference, options);
  paretokit::MonteCarloHypervolumeResult serial;
  {
    tbb::global_control one_thread(tbb::global_control::max_allowed_parallelism, 1);
    serial = paretokit::monte_carlo_hypervolume(points, reference, options);
  }
  CHECK(parallel.hits == serial.hits);
  CHECK(parallel.value == serial.value);
  options.seed = 78;
  CHECK(paretokit::monte_carlo_hypervolume(points, reference, options).hits != parallel.hits);
}

TEST_CASE("monte_carlo_hypervolume: edge cases and errors") {
  const Vector reference = Vector::Constant(2, 1.0);
  const auto empty = paretokit::monte_carlo_hypervolume(Matrix(0, 2), reference);
  CHECK(empty.value == 0.0);
  CHECK(empty.upper == 0.0);
  // One point: the sampling box is its own box, so every sample hits.
  MonteCarloHypervolumeOptions options;
  options.samples = 1000;
  const auto one = paretokit::monte_carlo_hypervolume(Matrix::Constant(1, 2, 0.5), reference, options);
  CHECK(one.hits == 1000);
  CHECK(one.value == Approx(0.25));
  CHECK(one.upper == Approx(0.25));
  CHECK(one.lower < 0.25);

  options.samples = 0;
  CHECK_THROWS_AS(paretokit::monte_carlo_hypervolume(Matrix::Constant(1, 2, 0.5), reference, options),
                  paretokit::InputError);
  options.samples = 10;
  options.confidence = 1.0;
  CHECK_THROWS_AS(paretokit::monte_carlo_hypervolume(Matrix::Constant(1, 2, 0.5), reference, options),
                  paretokit::InputError);
  CHECK_THROWS_AS(paretokit::monte_carlo_hypervolume(Matrix::Constant(1, 3, 0.5), reference),
                  paretokit::InputError);
}
