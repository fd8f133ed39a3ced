// ZDT against hand-computed points and a scalar transcription of Zitzler,
// Deb and Thiele (2000) as pymoo defines the problems.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "paretokit/problems/registry.hpp"
#include "test_support.hpp"

using paretokit::Index;
using paretokit::make_problem;
using paretokit::Matrix;

namespace {

constexpr double pi = std::numbers::pi;

// Per-row reference: returns {f1, f2}.
std::vector<double> zdt_reference(int number, const std::vector<double>& x) {
  const std::size_t n = x.size();
  double f1 = x[0];
  if (number == 6) f1 = 1 - std::exp(-4 * x[0]) * std::pow(std::sin(6 * pi * x[0]), 6);
  double g = 0;
  if (number == 4) {
    g = 1 + 10.0 * double(n - 1);
    for (std::size_t i = 1; i < n; ++i) g += x[i] * x[i] - 10 * std::cos(4 * pi * x[i]);
  } else {
    double s = 0;
    for (std::size_t i = 1; i < n; ++i) s += x[i];
    g = number == 6 ? 1 + 9 * std::pow(s / double(n - 1), 0.25) : 1 + 9 * s / double(n - 1);
  }
  double h = 0;
  if (number == 1 || number == 4) h = 1 - std::sqrt(f1 / g);
  if (number == 2 || number == 6) h = 1 - (f1 / g) * (f1 / g);
  if (number == 3) h = 1 - std::sqrt(f1 / g) - f1 / g * std::sin(10 * pi * f1);
  return {f1, g * h};
}

}  // namespace

TEST_CASE("zdt default sizes and bounds follow pymoo") {
  CHECK(make_problem("zdt1")->n_var() == 30);
  CHECK(make_problem("zdt2")->n_var() == 30);
  CHECK(make_problem("zdt3")->n_var() == 30);
  CHECK(make_problem("zdt4")->n_var() == 10);
  CHECK(make_problem("zdt6")->n_var() == 10);
  const auto zdt4 = make_problem("zdt4");
  CHECK(zdt4->lower_bounds()(0) == 0.0);
  CHECK(zdt4->upper_bounds()(0) == 1.0);
  CHECK(zdt4->lower_bounds()(5) == -5.0);
  CHECK(zdt4->upper_bounds()(5) == 5.0);
  CHECK(make_problem("zdt1", {{"n_var", 5}})->n_var() == 5);
}

TEST_CASE("zdt1 with x_2..n = 0 lies on f2 = 1 - sqrt(f1)") {
  const auto problem = make_problem("zdt1");
  Matrix X = Matrix::Zero(5, 30);
  for (Index r = 0; r < 5; ++r) X(r, 0) = 0.25 * double(r);
  const Matrix F = problem->evaluate(X).objectives;
  for (Index r = 0; r < 5; ++r) {
    CHECK(F(r, 0) == Approx(0.25 * double(r)));
    CHECK(F(r, 1) == Approx(1 - std::sqrt(0.25 * double(r))).margin(1e-15));
  }
  // All ones: g = 10, f2 = 10 (1 - sqrt(1/10)).
  const Matrix G = problem->evaluate(Matrix::Ones(1, 30)).objectives;
  CHECK(G(0, 1) == Approx(10 * (1 - std::sqrt(0.1))));
}

TEST_CASE("zdt matches a scalar reference at random points and at the bounds") {
  for (int number : {1, 2, 3, 4, 6}) {
    const auto problem = make_problem("zdt" + std::to_string(number));
    Matrix X = paretokit::test::random_points(*problem, 200, 7 + unsigned(number));
    X.row(0) = problem->lower_bounds().transpose();
    X.row(1) = problem->upper_bounds().transpose();
    const Matrix F = problem->evaluate(X).objectives;
    for (Index r = 0; r < X.rows(); ++r) {
      const auto expected = zdt_reference(number, paretokit::test::row_of(X, r));
      CHECK(F(r, 0) == Approx(expected[0]).epsilon(1e-12).margin(1e-12));
      CHECK(F(r, 1) == Approx(expected[1]).epsilon(1e-12).margin(1e-12));
    }
  }
}

TEST_CASE("zdt fronts satisfy their equations and are non-dominated") {
  for (int number : {1, 2, 3, 4, 6}) {
    const auto problem = make_problem("zdt" + std::to_string(number));
    const Matrix F = *problem->pareto_front(100);
    REQUIRE(F.rows() >= 50);
    REQUIRE(F.rows() <= 100);
    CHECK(paretokit::test::count_dominated(F) == 0);
    for (Index r = 0; r < F.rows(); ++r) {
      const double f1 = F(r, 0);
      double f2 = 1 - std::sqrt(f1);
      if (number == 2 || number == 6) f2 = 1 - f1 * f1;
      if (number == 3) f2 = 1 - std::sqrt(f1) - f1 * std::sin(10 * pi * f1);
      CHECK(F(r, 1) == Approx(f2).margin(1e-12));
    }
    // Points of the front are attained: x_1 chosen for f1, the rest at the optimum.
    if (number != 6 && number != 4) {
      Matrix X = Matrix::Zero(F.rows(), problem->n_var());
      X.col(0) = F.col(0);
      const Matrix E = problem->evaluate(X).objectives;
      CHECK((E - F).cwiseAbs().maxCoeff() < 1e-12);
    }
  }
  const Matrix zdt3 = *make_problem("zdt3")->pareto_front(500);
  CHECK(zdt3.col(1).minCoeff() == Approx(-0.7734).margin(1e-3));
  CHECK(zdt3.col(0).maxCoeff() == Approx(0.8518).margin(1e-3));
}
