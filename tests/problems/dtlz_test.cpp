// DTLZ and its variants against a scalar transcription of Deb, Thiele,
// Laumanns and Zitzler (2005) and pymoo's variant definitions.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "paretokit/core/error.hpp"
#include "paretokit/problems/dtlz.hpp"
#include "paretokit/problems/registry.hpp"
#include "test_support.hpp"

using paretokit::Index;
using paretokit::make_problem;
using paretokit::Matrix;

namespace {

constexpr double pi = std::numbers::pi;

// Per-row reference of DTLZ1..7 (m objectives), straight from the paper.
std::vector<double> dtlz_reference(int number, const std::vector<double>& x, std::size_t m,
                                   double alpha = 100) {
  const std::size_t n = x.size(), k = n - m + 1;
  double g = 0;
  if (number == 1 || number == 3) {
    double s = 0;
    for (std::size_t i = m - 1; i < n; ++i)
      s += (x[i] - 0.5) * (x[i] - 0.5) - std::cos(20 * pi * (x[i] - 0.5));
    g = 100 * (double(k) + s);
  } else if (number == 6) {
    for (std::size_t i = m - 1; i < n; ++i) g += std::pow(x[i], 0.1);
  } else if (number == 7) {
    for (std::size_t i = m - 1; i < n; ++i) g += x[i];
    g = 1 + 9 * g / double(k);
  } else {
    for (std::size_t i = m - 1; i < n; ++i) g += (x[i] - 0.5) * (x[i] - 0.5);
  }
  std::vector<double> f(m);
  if (number == 1) {
    for (std::size_t i = 0; i < m; ++i) {
      double v = 0.5 * (1 + g);
      for (std::size_t j = 0; j + 1 < m - i; ++j) v *= x[j];
      if (i > 0) v *= 1 - x[m - 1 - i];
      f[i] = v;
    }
    return f;
  }
  if (number == 7) {
    double h = double(m);
    for (std::size_t i = 0; i + 1 < m; ++i) {
      f[i] = x[i];
      h -= f[i] / (1 + g) * (1 + std::sin(3 * pi * f[i]));
    }
    f[m - 1] = (1 + g) * h;
    return f;
  }
  std::vector<double> theta(m - 1);
  for (std::size_t j = 0; j + 1 < m; ++j) {
    theta[j] = x[j] * pi / 2;
    if (number == 4) theta[j] = std::pow(x[j], alpha) * pi / 2;
    if ((number == 5 || number == 6) && j > 0) theta[j] = pi / (4 * (1 + g)) * (1 + 2 * g * x[j]);
  }
  for (std::size_t i = 0; i < m; ++i) {
    double v = 1 + g;
    for (std::size_t j = 0; j + 1 < m - i; ++j) v *= std::cos(theta[j]);
    if (i > 0) v *= std::sin(theta[m - 1 - i]);
    f[i] = v;
  }
  return f;
}

void check_close(const Matrix& F, Index r, const std::vector<double>& expected) {
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(F(r, Index(i)) == Approx(expected[i]).epsilon(1e-11).margin(1e-11));
  }
}

}  // namespace

TEST_CASE("dtlz default sizes: k = 5 or 10 or 20 and n_var = m + k - 1") {
  CHECK(make_problem("dtlz1")->n_var() == 7);
  // pymoo's default sizes: DTLZ1 n_var = 7, DTLZ2-7 n_var = 10, whatever n_obj.
  CHECK(make_problem("dtlz1")->n_var() == 7);
  CHECK(make_problem("dtlz2")->n_var() == 10);
  CHECK(make_problem("dtlz6")->n_var() == 10);
  CHECK(make_problem("dtlz7")->n_var() == 10);
  CHECK(make_problem("dtlz2", {{"n_obj", 5}})->n_var() == 10);
  CHECK(make_problem("dtlz2", {{"n_obj", 12}})->n_var() == 12);
  CHECK(make_problem("dtlz2", {{"k", 10}})->n_var() == 12);
  CHECK(make_problem("dtlz2", {{"n_obj", 5}, {"k", 3}})->n_var() == 7);
  CHECK(make_problem("dtlz3", {{"n_obj", 4}, {"n_var", 9}})->n_var() == 9);
  CHECK(make_problem("dtlz2", {{"n_obj", 5}})->n_obj() == 5);
  CHECK_THROWS_AS(make_problem("dtlz2", {{"n_obj", 3}, {"n_var", 8}, {"k", 5}}), paretokit::InputError);
  CHECK_THROWS_AS(make_problem("dtlz2", {{"n_obj", 5}, {"n_var", 4}}), paretokit::InputError);
  CHECK_THROWS_AS(make_problem("dtlz2", {{"n_obj", 1}}), paretokit::InputError);
}

TEST_CASE("dtlz optimal points: x_M = 0.5 gives sum f = 0.5 (DTLZ1) and sum f^2 = 1 (DTLZ2-4)") {
  for (Index m : {2, 3, 5, 8}) {
    for (int number = 1; number <= 4; ++number) {
      const auto problem = make_problem("dtlz" + std::to_string(number), {{"n_obj", m}});
      Matrix X = paretokit::test::random_points(*problem, 50, 11);
      X.rightCols(problem->n_var() - m + 1).setConstant(0.5);
      const Matrix F = problem->evaluate(X).objectives;
      for (Index r = 0; r < F.rows(); ++r) {
        if (number == 1) {
          CHECK(F.row(r).sum() == Approx(0.5));
        } else {
          CHECK(F.row(r).squaredNorm() == Approx(1.0));
        }
      }
    }
  }
}

TEST_CASE("dtlz1-7 match a scalar reference at random points and at the bounds") {
  for (std::size_t m : {2u, 3u, 4u, 6u}) {
    for (int number = 1; number <= 7; ++number) {
      const auto problem = make_problem("dtlz" + std::to_string(number), {{"n_obj", m}});
      Matrix X = paretokit::test::random_points(*problem, 100, unsigned(number * 10 + m));
      X.row(0).setZero();
      X.row(1).setOnes();
      const Matrix F = problem->evaluate(X).objectives;
      REQUIRE(F.cols() == Index(m));
      for (Index r = 0; r < X.rows(); ++r)
        check_close(F, r, dtlz_reference(number, paretokit::test::row_of(X, r), m));
    }
  }
  // DTLZ4 with a custom alpha.
  const auto dtlz4 = make_problem("dtlz4", {{"alpha", 2.0}});
  const Matrix X = paretokit::test::random_points(*dtlz4, 20, 5);
  const Matrix F = dtlz4->evaluate(X).objectives;
  for (Index r = 0; r < X.rows(); ++r)
    check_close(F, r, dtlz_reference(4, paretokit::test::row_of(X, r), 3, 2.0));
}

TEST_CASE("dtlz variants: convex and inverted and scaled follow pymoo") {
  for (int number : {2, 4}) {
    const auto convex = make_problem("convex_dtlz" + std::to_string(number), {{"n_obj", 4}});
    const Matrix X = paretokit::test::random_points(*convex, 50, 3);
    const Matrix F = convex->evaluate(X).objectives;
    for (Index r = 0; r < X.rows(); ++r) {
      auto f = dtlz_reference(number, paretokit::test::row_of(X, r), 4);
      for (std::size_t i = 0; i < 4; ++i) f[i] = std::pow(f[i], i == 3 ? 2.0 : 4.0);
      check_close(F, r, f);
    }
  }
  const auto inverted = make_problem("dtlz1^-1");
  CHECK(make_problem("inverted_dtlz1")->name() == "dtlz1^-1");
  const auto scaled = make_problem("sdtlz1", {{"n_obj", 4}, {"scale_factor", 3}});
  const Matrix X = paretokit::test::random_points(*inverted, 50, 4);
  const Matrix Fi = inverted->evaluate(X).objectives;
  const Matrix X4 = paretokit::test::random_points(*scaled, 50, 5);
  const Matrix Fs = scaled->evaluate(X4).objectives;
  for (Index r = 0; r < X.rows(); ++r) {
    auto f = dtlz_reference(1, paretokit::test::row_of(X, r), 3);
    const double total = f[0] + f[1] + f[2];  // = 0.5 (1 + g)
    for (auto& v : f) v = total - v;
    check_close(Fi, r, f);
    auto s = dtlz_reference(1, paretokit::test::row_of(X4, r), 4);
    for (std::size_t i = 0; i < 4; ++i) s[i] *= std::pow(3.0, double(i));
    check_close(Fs, r, s);
  }
}

TEST_CASE("dtlz fronts satisfy their equations and are non-dominated") {
  for (Index m : {2, 3, 5}) {
    for (const char* name :
         {"dtlz1", "dtlz2", "dtlz3", "dtlz4", "convex_dtlz2", "dtlz1^-1", "sdtlz1", "dtlz5", "dtlz7"}) {
      const auto problem = make_problem(name, {{"n_obj", m}});
      const Matrix F = *problem->pareto_front(200);
      INFO(name << " m=" << m << " rows=" << F.rows());
      REQUIRE(F.rows() >= 10);
      REQUIRE(F.rows() <= 200);
      const std::string n = name;
      if (n != "dtlz1^-1") CHECK(paretokit::test::count_dominated(F) == 0);
      for (Index r = 0; r < F.rows(); ++r) {
        const auto f = F.row(r).array();
        if (n == "dtlz1") CHECK(f.sum() == Approx(0.5));
        if (n == "dtlz2" || n == "dtlz3" || n == "dtlz4" || n == "dtlz5")
          CHECK(f.square().sum() == Approx(1.0));
        if (n == "convex_dtlz2") CHECK(f.head(m - 1).sqrt().sum() + f(m - 1) == Approx(1.0));
        if (n == "dtlz1^-1") CHECK(f.sum() == Approx(0.5 * double(m - 1)));
        if (n == "sdtlz1") {
          double s = 0;
          for (Index i = 0; i < m; ++i) s += f(i) / std::pow(10.0, double(i));
          CHECK(s == Approx(0.5));
        }
        if (n == "dtlz7") {
          double h = 2.0 * double(m);
          for (Index i = 0; i + 1 < m; ++i) h -= f(i) * (1 + std::sin(3 * pi * f(i)));
          CHECK(f(m - 1) == Approx(h).margin(1e-12));
        }
        CHECK((f >= -1e-15).all());
      }
      const auto ideal = problem->ideal_point();
      const auto nadir = problem->nadir_point();
      if (ideal && nadir) {
        CHECK((F.colwise().minCoeff().transpose().array() >= ideal->array() - 1e-12).all());
        CHECK((F.colwise().maxCoeff().transpose().array() <= nadir->array() + 1e-12).all());
      }
    }
  }
}

TEST_CASE("dtlz targeted points of the NSGA-III paper") {
  Matrix W(3, 3);
  W << 1, 0, 0, 0.5, 0.5, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3;
  const Matrix P1 = paretokit::problems::dtlz_targeted_points(1, W);
  CHECK(P1(1, 0) == Approx(0.25));
  CHECK(P1(2, 2) == Approx(1.0 / 6));
  const Matrix P2 = paretokit::problems::dtlz_targeted_points("dtlz3", W);
  CHECK(P2(0, 0) == Approx(1.0));
  CHECK(P2(1, 1) == Approx(std::sqrt(0.5)));
  CHECK(P2(2, 0) == Approx(1.0 / std::sqrt(3.0)));
  CHECK_THROWS_AS(paretokit::problems::dtlz_targeted_points(5, W), paretokit::InputError);
  CHECK_THROWS_AS(paretokit::problems::dtlz_targeted_points("zdt1", W), paretokit::InputError);
  Matrix bad = W;
  bad(0, 0) = -1;
  CHECK_THROWS_AS(paretokit::problems::dtlz_targeted_points(2, bad), paretokit::InputError);
}
