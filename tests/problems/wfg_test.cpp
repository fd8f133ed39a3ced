// WFG1-9 against the per-point transcription in wfg_reference.hpp, at random
// points, at the bounds and on the Pareto set; fronts.
#include <catch2/catch.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/problems/registry.hpp"
#include "test_support.hpp"
#include "wfg_reference.hpp"

using paretokit::Index;
using paretokit::make_problem;
using paretokit::Matrix;

TEST_CASE("wfg sizes and bounds: pymoo k and l = 10 and x_i in 0..2i") {
  const auto wfg1 = make_problem("wfg1");
  CHECK(wfg1->n_obj() == 3);
  CHECK(wfg1->n_var() == 14);
  CHECK(wfg1->upper_bounds()(0) == 2.0);
  CHECK(wfg1->upper_bounds()(13) == 28.0);
  CHECK(make_problem("wfg4", {{"n_obj", 2}})->n_var() == 14);  // k = 4
  CHECK(make_problem("wfg4", {{"n_obj", 5}})->n_var() == 18);  // k = 8
  CHECK(make_problem("wfg4", {{"n_obj", 5}, {"n_var", 24}})->params()["l"] == 16);
  CHECK_THROWS_AS(make_problem("wfg2", {{"l", 3}}), paretokit::InputError);
  CHECK_THROWS_AS(make_problem("wfg4", {{"n_obj", 3}, {"k", 3}}), paretokit::InputError);
  CHECK_THROWS_AS(make_problem("wfg4", {{"k", 4}, {"l", 3}, {"n_var", 9}}), paretokit::InputError);
}

TEST_CASE("wfg1-9 match the scalar reference at random points and the bounds") {
  struct Size {
    std::size_t m, k, l;
  };
  for (const Size size : {Size{2, 4, 10}, Size{3, 4, 6}, Size{5, 8, 4}}) {
    for (int number = 1; number <= 9; ++number) {
      const auto problem =
          make_problem("wfg" + std::to_string(number), {{"n_obj", size.m}, {"k", size.k}, {"l", size.l}});
      Matrix X = paretokit::test::random_points(*problem, 60, unsigned(number * 31 + size.m));
      X.row(0) = problem->lower_bounds().transpose();
      X.row(1) = problem->upper_bounds().transpose();
      const Matrix F = problem->evaluate(X).objectives;
      for (Index r = 0; r < X.rows(); ++r) {
        const auto expected =
            paretokit::test::wfg_reference::evaluate(number, paretokit::test::row_of(X, r), size.m, size.k);
        for (std::size_t i = 0; i < size.m; ++i) {
          INFO("wfg" << number << " m=" << size.m << " row " << r << " objective " << i);
          CHECK(F(r, Index(i)) == Approx(expected[i]).epsilon(1e-10).margin(1e-10));
        }
      }
    }
  }
}

TEST_CASE("wfg4-7 on the Pareto set (distance parameters 0.7 i) lie on the scaled sphere") {
  for (int number : {4, 5, 6, 7}) {
    const auto problem = make_problem("wfg" + std::to_string(number), {{"n_obj", 3}});
    Matrix X = paretokit::test::random_points(*problem, 50, 3);
    for (Index j = 4; j < X.cols(); ++j) X.col(j).setConstant(0.35 * 2.0 * double(j + 1));
    const Matrix F = problem->evaluate(X).objectives;
    for (Index r = 0; r < F.rows(); ++r) {
      const double s = std::pow(F(r, 0) / 2, 2) + std::pow(F(r, 1) / 4, 2) + std::pow(F(r, 2) / 6, 2);
      CHECK(s == Approx(1.0).epsilon(1e-9));
    }
  }
}

TEST_CASE("wfg fronts are non-dominated and on their shapes") {
  for (Index m : {2, 3}) {
    for (int number = 1; number <= 9; ++number) {
      const auto problem = make_problem("wfg" + std::to_string(number), {{"n_obj", m}});
      const Matrix F = *problem->pareto_front(150);
      INFO("wfg" << number << " m=" << m << " rows " << F.rows());
      REQUIRE(F.rows() >= 20);
      REQUIRE(F.rows() <= 150);
      CHECK(paretokit::test::count_dominated(F) == 0);
      const auto nadir = *problem->nadir_point();
      CHECK((F.colwise().maxCoeff().transpose().array() <= nadir.array() + 1e-12).all());
      CHECK((F.array() >= 0).all());
      for (Index r = 0; r < F.rows(); ++r) {
        double sphere = 0, plane = 0;
        for (Index i = 0; i < m; ++i) {
          sphere += std::pow(F(r, i) / (2.0 * double(i + 1)), 2);
          plane += F(r, i) / (2.0 * double(i + 1));
        }
        if (number >= 4) CHECK(sphere == Approx(1.0));
        if (number == 3 && m == 2) CHECK(plane == Approx(1.0));
      }
    }
  }
}
