#include <catch2/catch.hpp>

#include <set>

#include "paretokit/core/error.hpp"
#include "paretokit/operators/differential_evolution.hpp"
#include "paretokit/operators/discrete_mutation.hpp"
#include "paretokit/operators/duplicates.hpp"
#include "paretokit/operators/polynomial_mutation.hpp"
#include "paretokit/operators/sbx.hpp"
#include "paretokit/operators/selection.hpp"

using namespace paretokit;

TEST_CASE("sbx: children stay in bounds, prob 0 copies the parents") {
  Rng rng(1);
  const Index n = 500, d = 6;
  const Vector lo = Vector::Zero(d), hi = Vector::Ones(d);
  Matrix a = Matrix::Random(n, d).array().abs(), b = Matrix::Random(n, d).array().abs();
  const Matrix children =
      sbx(a, b, lo, hi, SbxOptions{.eta = 2.0, .prob = 1.0, .prob_var = 1.0, .prob_bin = 0.5}, rng);
  CHECK(children.rows() == 2 * n);
  CHECK((children.array() >= 0.0).all());
  CHECK((children.array() <= 1.0).all());
  const Matrix copies =
      sbx(a, b, lo, hi, SbxOptions{.eta = 15.0, .prob = 0.0, .prob_var = 0.5, .prob_bin = 0.5}, rng);
  CHECK(copies.topRows(n) == a);
  CHECK(copies.bottomRows(n) == b);
  CHECK_THROWS_WITH(
      sbx(a, b, lo, hi, SbxOptions{.eta = -1.0, .prob = 0.9, .prob_var = 0.5, .prob_bin = 0.5}, rng),
      Catch::Contains("eta_c"));
}

TEST_CASE("sbx: away from the bounds, children are symmetric and contract half of the time") {
  // Parents 0.4 and 0.6 in [-1000, 1000]: the bounds do not matter, so the
  // spread factor beta has P(beta <= 1) = 1/2 and c1 + c2 = p1 + p2.
  Rng rng(2);
  const Index n = 20000;
  const Matrix a = Matrix::Constant(n, 1, 0.4), b = Matrix::Constant(n, 1, 0.6);
  const Vector lo = Vector::Constant(1, -1000), hi = Vector::Constant(1, 1000);
  const Matrix c =
      sbx(a, b, lo, hi, SbxOptions{.eta = 15.0, .prob = 1.0, .prob_var = 1.0, .prob_bin = 0.5}, rng);
  const Vector sum = c.topRows(n).col(0) + c.bottomRows(n).col(0);
  CHECK((sum.array() - 1.0).abs().maxCoeff() < 1e-9);
  const double inside =
      ((c.topRows(n).col(0).array() > 0.4) && (c.topRows(n).col(0).array() < 0.6)).cast<double>().mean();
  CHECK(inside == Approx(0.5).margin(0.02));
  // Larger eta keeps children closer: P(|beta - 1| < 0.1) grows.
  const Matrix wide =
      sbx(a, b, lo, hi, SbxOptions{.eta = 1.0, .prob = 1.0, .prob_var = 1.0, .prob_bin = 0.5}, rng);
  auto near = [&](const Matrix& m) { return ((m.col(0).array() - 0.4).abs() < 0.01).cast<double>().mean(); };
  CHECK(near(c) > near(wide) + 0.05);
}

TEST_CASE("polynomial mutation: in bounds, rate prob_var, centred perturbations") {
  Rng rng(3);
  const Index n = 20000, d = 10;
  Matrix X = Matrix::Constant(n, d, 0.5);
  polynomial_mutation(X, Vector::Zero(d), Vector::Ones(d),
                      PolynomialMutationOptions{.eta = 20.0, .prob = 1.0, .prob_var = -1.0}, rng);
  CHECK((X.array() >= 0.0).all());
  CHECK((X.array() <= 1.0).all());
  const double changed = (X.array() != 0.5).cast<double>().mean();
  CHECK(changed == Approx(0.1).margin(0.01));  // default prob_m = 1 / n_var
  CHECK(X.mean() == Approx(0.5).margin(0.002));
  // Near a bound the perturbation never leaves the box.
  Matrix edge = Matrix::Constant(n, 1, 0.999);
  polynomial_mutation(edge, Vector::Zero(1), Vector::Ones(1),
                      PolynomialMutationOptions{.eta = 5.0, .prob = 1.0, .prob_var = 1.0}, rng);
  CHECK((edge.array() <= 1.0).all());
  CHECK((edge.array() != 0.999).all());
  CHECK_THROWS_WITH(
      polynomial_mutation(edge, Vector::Zero(1), Vector::Ones(1),
                          PolynomialMutationOptions{.eta = 5.0, .prob = 1.0, .prob_var = 2.0}, rng),
      Catch::Contains("prob_m"));
}

TEST_CASE("de/rand/1/bin: bounds, CR = 0 changes exactly one variable") {
  Rng rng(4);
  const Index n = 50, d = 5;
  const Matrix pop = (Matrix::Random(n, d).array() + 1.0) / 2.0;
  const Matrix trial = de_rand_1_bin(pop, pop, Vector::Zero(d), Vector::Ones(d), {0.5, 0.0}, rng);
  for (Index i = 0; i < n; ++i) CHECK((trial.row(i).array() != pop.row(i).array()).count() <= 1);
  const Matrix full = de_rand_1_bin(pop, pop, Vector::Zero(d), Vector::Ones(d), {0.9, 1.0}, rng);
  CHECK((full.array() >= 0.0).all());
  CHECK((full.array() <= 1.0).all());
  CHECK_THROWS_AS(de_rand_1_bin(pop.topRows(2), pop.topRows(2), Vector::Zero(d), Vector::Ones(d), {}, rng),
                  InputError);
}

TEST_CASE("integer and categorical mutation keep valid values") {
  Rng rng(5);
  Matrix X(1000, 3);
  X.col(0).setConstant(3);
  X.col(1).setConstant(0.25);
  X.col(2).setConstant(1);
  Vector lo(3), hi(3);
  lo << 0, 0, 0;
  hi << 7, 1, 3;
  integer_mutation(X, {0}, lo, hi, PolynomialMutationOptions{.eta = 1.0, .prob = 1.0, .prob_var = 1.0}, rng);
  CHECK((X.col(0).array() == X.col(0).array().round()).all());
  CHECK((X.col(0).array() >= 0).all());
  CHECK((X.col(0).array() <= 7).all());
  CHECK((X.col(0).array() != 3).any());
  CHECK((X.col(1).array() == 0.25).all());
  categorical_mutation(X, {2}, {4}, 0.5, rng);
  std::set<double> seen;
  for (Index i = 0; i < X.rows(); ++i) seen.insert(X(i, 2));
  CHECK(seen == std::set<double>{0, 1, 2, 3});
  CHECK((X.col(2).array() != 1).cast<double>().mean() == Approx(0.5).margin(0.06));
}

TEST_CASE("duplicates: rows equal to earlier rows or to existing rows are dropped") {
  Matrix cand(5, 2), have(2, 2);
  cand << 1, 2, 3, 4, 1, 2, 5, 6, 0.0, 7;
  have << 5, 6, -0.0, 7;
  CHECK(unique_rows(cand, have) == std::vector<Index>{0, 1});
  CHECK(unique_rows(cand, Matrix(0, 2)) == std::vector<Index>{0, 1, 3, 4});
}

TEST_CASE("tournament: permutations give everyone the same number of tournaments") {
  Rng rng(6);
  const auto c = tournament_competitors(50, 2, 20, rng);
  std::vector<int> count(20, 0);
  for (Index i = 0; i < c.size(); ++i) ++count[static_cast<std::size_t>(c.data()[i])];
  for (int k : count) CHECK(k == 5);
  const auto winners = binary_tournament(
      100, 10, [](Index a, Index b, Rng&) { return std::min(a, b); }, rng);
  CHECK(std::count(winners.begin(), winners.end(), 9) == 0);  // the worst never wins
}

TEST_CASE("duplicates: large sets (parallel shards) keep what a sequential pass keeps") {
  // From 2^15 rows unique_rows() hashes in parallel shards; a candidate is
  // kept exactly when no earlier row (existing or candidate) equals it.
  Rng rng(4);
  const Index n_existing = 20000, n_candidates = 30000;
  Matrix have(n_existing, 3), cand(n_candidates, 3);
  for (Index i = 0; i < have.size(); ++i) have.data()[i] = static_cast<double>(rng.below(40));
  for (Index i = 0; i < cand.size(); ++i) cand.data()[i] = static_cast<double>(rng.below(40));
  for (Index i = 0; i < n_candidates; i += 7) cand(i, 0) = cand(i, 0) == 0.0 ? -0.0 : cand(i, 0);
  std::set<std::vector<double>> seen;
  for (Index i = 0; i < n_existing; ++i) seen.insert({have(i, 0) + 0.0, have(i, 1), have(i, 2)});
  std::vector<Index> expected;
  for (Index i = 0; i < n_candidates; ++i)
    if (seen.insert({cand(i, 0) + 0.0, cand(i, 1), cand(i, 2)}).second) expected.push_back(i);
  REQUIRE(expected.size() > 100);
  REQUIRE(expected.size() < static_cast<std::size_t>(n_candidates));
  CHECK(unique_rows(cand, have) == expected);
}

TEST_CASE("sbx and polynomial mutation: large batches (parallel) equal the sequential stream") {
  // From 2048 pairs (sbx) and 4096 rows (mutation) the children are computed
  // in parallel from saved generator states; two smaller calls on the same
  // stream take the sequential path and must give the same numbers.
  Rng draw(9);
  const Index n = 3000, d = 7;
  Matrix first(n, d), second(n, d);
  for (Index i = 0; i < first.size(); ++i) {
    first.data()[i] = draw.uniform(-1.0, 2.0);
    second.data()[i] = draw.uniform(-1.0, 2.0);
  }
  second.row(5) = first.row(5);  // a pair too close to cross
  const Vector lower = Vector::Constant(d, -1.0), upper = Vector::Constant(d, 2.0);
  SbxOptions sbx_options;
  sbx_options.prob_var = 0.7;
  Rng one(21), two(21);
  const Matrix whole = sbx(first, second, lower, upper, sbx_options, one);
  const Index split = 1000;
  const Matrix head = sbx(first.topRows(split), second.topRows(split), lower, upper, sbx_options, two);
  const Matrix tail =
      sbx(first.bottomRows(n - split), second.bottomRows(n - split), lower, upper, sbx_options, two);
  REQUIRE(whole.topRows(split) == head.topRows(split));
  REQUIRE(whole.middleRows(split, n - split) == tail.topRows(n - split));
  REQUIRE(whole.middleRows(n, split) == head.bottomRows(split));
  REQUIRE(whole.bottomRows(n - split) == tail.bottomRows(n - split));
  REQUIRE(one.state() == two.state());

  PolynomialMutationOptions pm_options;
  pm_options.prob_var = 0.5;
  Matrix X = whole, Y = whole;  // 6000 rows
  polynomial_mutation(X, lower, upper, pm_options, one);
  polynomial_mutation(Y.topRows(3000), lower, upper, pm_options, two);
  polynomial_mutation(Y.bottomRows(3000), lower, upper, pm_options, two);
  REQUIRE(X == Y);
  REQUIRE(X != whole);
  REQUIRE(one.state() == two.state());
}
