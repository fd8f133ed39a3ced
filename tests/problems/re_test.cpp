// The RE suite against the per-point transcription of the C reference, plus
// the discrete-variable handling and the published ideal/nadir metadata.
#include <catch2/catch.hpp>

#include "paretokit/problems/registry.hpp"
#include "re_reference.hpp"
#include "test_support.hpp"

using paretokit::Index;
using paretokit::make_problem;
using paretokit::Matrix;
using paretokit::Vector;

namespace {
const std::vector<std::string> re_names{"re21", "re22", "re23", "re24", "re25", "re31", "re32", "re33",
                                        "re34", "re35", "re36", "re37", "re41", "re42", "re61"};
}

TEST_CASE("re problems match the C reference at random points and at the bounds") {
  for (const auto& name : re_names) {
    const auto problem = make_problem(name);
    Matrix X = paretokit::test::random_points(*problem, 300, 17);
    X.row(0) = problem->lower_bounds().transpose();
    X.row(1) = problem->upper_bounds().transpose();
    const Matrix F = problem->evaluate(X).objectives;
    for (Index r = 0; r < X.rows(); ++r) {
      const auto expected = paretokit::test::re_reference::evaluate(name, paretokit::test::row_of(X, r));
      REQUIRE(Index(expected.size()) == problem->n_obj());
      for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO(name << " row " << r << " objective " << i);
        CHECK(F(r, Index(i)) == Approx(expected[i]).epsilon(1e-11).margin(1e-12));
      }
    }
  }
}

TEST_CASE("re sizes and corrected RE21") {
  const std::vector<std::pair<Index, Index>> sizes{{4, 2}, {3, 2}, {4, 2}, {2, 2}, {3, 2},
                                                   {3, 3}, {4, 3}, {4, 3}, {5, 3}, {7, 3},
                                                   {4, 3}, {4, 3}, {7, 4}, {6, 4}, {3, 6}};
  for (std::size_t i = 0; i < re_names.size(); ++i) {
    const auto problem = make_problem(re_names[i]);
    CHECK(problem->n_var() == sizes[i].first);
    CHECK(problem->n_obj() == sizes[i].second);
    CHECK(problem->n_constr() == 0);
  }
  // RE21 at its lower bounds: f1 = 200 (2 + 2 + 2^0.25 + 1), f2 = 0.01 (2 + 2 - 2 + 2) with E = 2e5.
  const auto re21 = make_problem("re21");
  const Matrix F = re21->evaluate(re21->lower_bounds().transpose()).objectives;
  CHECK(F(0, 0) == Approx(200 * (5 + std::pow(2.0, 0.25))));
  CHECK(F(0, 1) == Approx(0.04));
  CHECK(F(0, 0) == Approx(re21->ideal_point()->coeff(0)));
}

TEST_CASE("re discrete variables: rounding half away from zero and nearest table values") {
  const auto re36 = make_problem("re36");
  Matrix X(2, 4);
  X << 12.5, 13.49, 20.5, 30.2, 12.4, 13.5, 20.4, 30.6;
  const Matrix F = re36->evaluate(X).objectives;
  CHECK(F(0, 0) == Approx(std::fabs(6.931 - (21.0 / 13.0) * (30.0 / 13.0))));
  CHECK(F(1, 0) == Approx(std::fabs(6.931 - (20.0 / 12.0) * (31.0 / 14.0))));
  CHECK(F(0, 1) == 30.0);
  // RE22: x1 = 3.05 is nearest to 3.08; 9.9 is nearest to 10 (the reference table's "3,10" quirk).
  const auto re22 = make_problem("re22");
  Matrix Y(2, 3);
  Y << 3.05, 5, 10, 9.9, 5, 10;
  const Matrix G = re22->evaluate(Y).objectives;
  CHECK(G(0, 0) == Approx(29.4 * 3.08 + 0.6 * 50));
  CHECK(G(1, 0) == Approx(29.4 * 10 + 0.6 * 50));
}

TEST_CASE("re published ideal points are not beaten by random samples") {
  for (const auto& name : re_names) {
    const auto problem = make_problem(name);
    const auto ideal = problem->ideal_point();
    const auto nadir = problem->nadir_point();
    if (!ideal) continue;
    REQUIRE(nadir);
    CHECK((ideal->array() < nadir->array()).all());
    const Matrix X = paretokit::test::random_points(*problem, 2000, 99);
    const Matrix F = problem->evaluate(X).objectives;
    const Vector lowest = F.colwise().minCoeff().transpose();
    INFO(name << " lowest sampled " << lowest.transpose() << " ideal " << ideal->transpose());
    const Vector range = nadir->array() - ideal->array();
    CHECK(((lowest - *ideal).array() >= -1e-6 * range.array()).all());
  }
}
