// Kursawe, Omni-test, SYM-PART and VLMOP2 against scalar transcriptions.
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

std::vector<double> reference(const std::string& name, const std::vector<double>& x) {
  const std::size_t n = x.size();
  if (name == "kursawe") {
    double f1 = 0, f2 = 0;
    for (std::size_t i = 0; i + 1 < n; ++i)
      f1 += -10 * std::exp(-0.2 * std::sqrt(x[i] * x[i] + x[i + 1] * x[i + 1]));
    for (double v : x) f2 += std::pow(std::fabs(v), 0.8) + 5 * std::sin(v * v * v);
    return {f1, f2};
  }
  if (name == "omnitest") {
    double f1 = 0, f2 = 0;
    for (double v : x) {
      f1 += std::sin(pi * v);
      f2 += std::cos(pi * v);
    }
    return {f1, f2};
  }
  if (name == "vlmop2") {
    double a = 0, b = 0;
    for (double v : x) {
      a += std::pow(v - 1 / std::sqrt(double(n)), 2);
      b += std::pow(v + 1 / std::sqrt(double(n)), 2);
    }
    return {1 - std::exp(-a), 1 - std::exp(-b)};
  }
  // SYM-PART (a = 1, b = c = 10), rotated by -pi/4 for "sympart_rotated".
  double x1 = x[0], x2 = x[1];
  if (name == "sympart_rotated") {
    const double w = pi / 4;
    x1 = std::cos(w) * x[0] + std::sin(w) * x[1];
    x2 = -std::sin(w) * x[0] + std::cos(w) * x[1];
  }
  const auto sgn = [](double v) { return v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0; };
  const double t1h = sgn(x1) * std::ceil((std::fabs(x1) - 1 - 5) / 12.0);
  const double t2h = sgn(x2) * std::ceil((std::fabs(x2) - 5) / 10.0);
  const double t1 = sgn(t1h) * std::min(std::fabs(t1h), 1.0), t2 = sgn(t2h) * std::min(std::fabs(t2h), 1.0);
  const double p1 = x1 - t1 * 10, p2 = x2 - t2 * 10;
  return {(p1 + 1) * (p1 + 1) + p2 * p2, (p1 - 1) * (p1 - 1) + p2 * p2};
}
}  // namespace

TEST_CASE("classic problems match scalar references") {
  for (const char* name : {"kursawe", "omnitest", "vlmop2", "sympart", "sympart_rotated"}) {
    const auto problem = make_problem(name);
    const Matrix X = paretokit::test::random_points(*problem, 300, 21);
    const Matrix F = problem->evaluate(X).objectives;
    for (Index r = 0; r < X.rows(); ++r) {
      const auto expected = reference(name, paretokit::test::row_of(X, r));
      CHECK(F(r, 0) == Approx(expected[0]).epsilon(1e-12).margin(1e-12));
      CHECK(F(r, 1) == Approx(expected[1]).epsilon(1e-12).margin(1e-12));
    }
  }
  CHECK(make_problem("kursawe")->n_var() == 3);
  CHECK(make_problem("sympart")->upper_bounds()(0) == 100.0);
}

TEST_CASE("classic fronts: non-dominated and on their curves and attained on the Pareto sets") {
  for (const char* name : {"omnitest", "vlmop2", "sympart", "sympart_rotated"}) {
    const auto problem = make_problem(name);
    const Matrix F = *problem->pareto_front(100);
    CHECK(F.rows() == 100);
    CHECK(paretokit::test::count_dominated(F) == 0);
    for (Index r = 0; r < F.rows(); ++r) {
      if (std::string(name) == "omnitest") CHECK(F.row(r).squaredNorm() == Approx(4.0));
      if (std::string(name).rfind("sympart", 0) == 0)
        CHECK(std::sqrt(F(r, 0)) + std::sqrt(F(r, 1)) == Approx(2.0));
    }
  }
  // Omni-test Pareto subsets: x_i in [1, 1.5] + 2k; SYM-PART: x2 = 10 j, x1 in [10 i - 1, 10 i + 1].
  Matrix X(3, 2);
  X << 1.25, 3.25, 5.0, 1.0, 1.5, 5.5;
  const Matrix F = make_problem("omnitest")->evaluate(X).objectives;
  for (Index r = 0; r < 3; ++r) CHECK(F.row(r).squaredNorm() == Approx(4.0).epsilon(1e-9));
  Matrix S(3, 2);
  S << 10.5, 10, -9.5, -10, 0.3, 0;
  const Matrix G = make_problem("sympart")->evaluate(S).objectives;
  for (Index r = 0; r < 3; ++r) CHECK(std::sqrt(G(r, 0)) + std::sqrt(G(r, 1)) == Approx(2.0));
  CHECK(G(0, 0) == Approx(2.25));
}
