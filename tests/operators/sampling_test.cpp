#include <catch2/catch.hpp>

#include <set>

#include "paretokit/core/error.hpp"
#include "paretokit/operators/sampling.hpp"

using namespace paretokit;

namespace {
// Each column of unit-cube points has exactly one point in each of n strata.
bool stratified(const Matrix& U) {
  const Index n = U.rows();
  for (Index j = 0; j < U.cols(); ++j) {
    std::set<Index> strata;
    for (Index i = 0; i < n; ++i)
      strata.insert(static_cast<Index>(std::floor(U(i, j) * static_cast<double>(n))));
    if (static_cast<Index>(strata.size()) != n || *strata.begin() != 0 || *strata.rbegin() != n - 1)
      return false;
  }
  return true;
}
}  // namespace

TEST_CASE("sampling: uniform points lie in the box and fill it evenly") {
  Rng rng(1);
  Vector lo(2), hi(2);
  lo << -1, 10;
  hi << 1, 20;
  const Matrix X = sample_uniform(20000, lo, hi, rng);
  CHECK((X.col(0).array() >= -1).all());
  CHECK((X.col(0).array() < 1).all());
  CHECK((X.col(1).array() >= 10).all());
  CHECK((X.col(1).array() < 20).all());
  CHECK(X.col(0).mean() == Approx(0.0).margin(0.02));
  CHECK(X.col(1).mean() == Approx(15.0).margin(0.1));
}

TEST_CASE("sampling: Latin hypercube has one point per stratum in every column") {
  Rng rng(2);
  for (Index n : {1, 7, 100}) {
    const Matrix U = sample_latin_hypercube(n, Vector::Zero(5), Vector::Ones(5), rng);
    CHECK(stratified(U));
  }
  Vector lo = Vector::Constant(3, 2.0), hi = Vector::Constant(3, 4.0);
  const Matrix X = sample_latin_hypercube(50, lo, hi, rng);
  CHECK(stratified((X.array() - 2.0) / 2.0));
}

TEST_CASE("sampling: Sobol' points form nets (plain and scrambled) and are deterministic") {
  Rng rng(3);
  const Matrix plain = sample_sobol(64, Vector::Zero(4), Vector::Ones(4), rng);
  CHECK(plain.row(0).isZero());  // the sequence starts at the origin
  CHECK(plain(1, 0) == 0.5);
  CHECK(stratified(plain));
  const Matrix again = sample_sobol(64, Vector::Zero(4), Vector::Ones(4), rng);
  CHECK(plain == again);
  const Matrix scrambled = sample_sobol(64, Vector::Zero(4), Vector::Ones(4), rng, {0, true});
  CHECK(stratified(scrambled));
  CHECK(scrambled != plain);
  // Skipping continues the same sequence.
  const Matrix tail = sample_sobol(32, Vector::Zero(4), Vector::Ones(4), rng, {32, false});
  CHECK(tail == plain.bottomRows(32));
}

TEST_CASE("sampling: bad boxes are input errors") {
  Rng rng(4);
  CHECK_THROWS_AS(sample_uniform(3, Vector::Ones(2), Vector::Zero(2), rng), InputError);
  CHECK_THROWS_AS(sample_latin_hypercube(3, Vector::Zero(2), Vector::Ones(3), rng), InputError);
  CHECK_THROWS_AS(sample_sobol(-1, Vector::Zero(2), Vector::Ones(2), rng), InputError);
}
