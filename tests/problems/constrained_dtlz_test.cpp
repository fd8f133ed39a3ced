// Constrained DTLZ (Jain and Deb 2014, pymoo's cdtlz.py) against a scalar
// transcription of the constraint formulas.
#include <catch2/catch.hpp>

#include <cmath>

#include "paretokit/problems/registry.hpp"
#include "test_support.hpp"

using paretokit::Index;
using paretokit::make_problem;
using paretokit::Matrix;

namespace {

// Constraints of the named problem at objective vector f (pymoo's formulas).
std::vector<double> constraints(const std::string& name, const std::vector<double>& f, double r) {
  const std::size_t m = f.size();
  double sum = 0, squares = 0;
  for (double v : f) {
    sum += v;
    squares += v * v;
  }
  if (name == "c1dtlz1") {
    double s = f[m - 1] / 0.6;
    for (std::size_t i = 0; i + 1 < m; ++i) s += f[i] / 0.5;
    return {-(1 - s)};
  }
  if (name == "c1dtlz3") return {-(squares - 16) * (squares - r * r)};
  if (name == "c2dtlz2") {
    double best = 1e300;
    for (std::size_t i = 0; i < m; ++i)
      best = std::min(best, (f[i] - 1) * (f[i] - 1) + squares - f[i] * f[i] - r * r);
    double centre = 0;
    for (double v : f) centre += (v - 1 / std::sqrt(double(m))) * (v - 1 / std::sqrt(double(m)));
    return {std::min(best, centre - r * r)};
  }
  std::vector<double> g(m);
  for (std::size_t i = 0; i < m; ++i) {
    g[i] = name == "c3dtlz1" ? 1 - f[i] / 0.5 - (sum - f[i]) : 1 - f[i] * f[i] / 4 - (squares - f[i] * f[i]);
  }
  return g;
}

}  // namespace

TEST_CASE("constrained dtlz: pymoo sizes and objectives of the base problem and constraints") {
  CHECK(make_problem("c1dtlz1")->n_var() == 12);
  CHECK(make_problem("c3dtlz4")->n_var() == 7);
  CHECK(make_problem("c3dtlz4", {{"n_obj", 5}})->n_constr() == 5);
  CHECK(make_problem("c2dtlz2")->params()["r"] == 0.4);
  CHECK(make_problem("c1dtlz3", {{"n_obj", 8}})->params()["r"] == 12.5);
  const std::vector<std::pair<std::string, std::string>> pairs{{"c1dtlz1", "dtlz1"},
                                                               {"c1dtlz3", "dtlz3"},
                                                               {"c2dtlz2", "dtlz2"},
                                                               {"c3dtlz1", "dtlz1"},
                                                               {"c3dtlz4", "dtlz4"}};
  for (Index m : {2, 3, 5}) {
    for (const auto& [name, base] : pairs) {
      const auto problem = make_problem(name, {{"n_obj", m}});
      const auto plain = make_problem(base, {{"n_obj", m}, {"n_var", problem->n_var()}});
      const Matrix X = paretokit::test::random_points(*problem, 100, 5);
      const auto E = problem->evaluate(X);
      CHECK((E.objectives - plain->evaluate(X).objectives).cwiseAbs().maxCoeff() == 0.0);
      const double r = problem->params().contains("r") ? problem->params()["r"].get<double>() : 0.0;
      for (Index row = 0; row < X.rows(); ++row) {
        const auto expected = constraints(name, paretokit::test::row_of(E.objectives, row), r);
        REQUIRE(Index(expected.size()) == problem->n_constr());
        for (std::size_t i = 0; i < expected.size(); ++i) {
          CHECK(E.constraints(row, Index(i)) == Approx(expected[i]).epsilon(1e-12).margin(1e-9));
        }
      }
    }
  }
}

TEST_CASE("constrained dtlz fronts are feasible and non-dominated and on their surfaces") {
  for (Index m : {2, 3}) {
    for (const char* name : {"c1dtlz1", "c1dtlz3", "c2dtlz2", "c3dtlz1", "c3dtlz4"}) {
      const auto problem = make_problem(name, {{"n_obj", m}});
      const Matrix F = *problem->pareto_front(200);
      INFO(name << " m=" << m << " rows " << F.rows());
      REQUIRE(F.rows() >= 5);
      CHECK(paretokit::test::count_dominated(F) == 0);
      const double r = problem->params().contains("r") ? problem->params()["r"].get<double>() : 0.0;
      const std::string n = name;
      for (Index row = 0; row < F.rows(); ++row) {
        const auto g = constraints(n, paretokit::test::row_of(F, row), r);
        CHECK(*std::max_element(g.begin(), g.end()) <= 1e-9);
        if (n == "c3dtlz1" || n == "c3dtlz4")
          CHECK(*std::max_element(g.begin(), g.end()) == Approx(0.0).margin(1e-9));
        if (n == "c1dtlz1") CHECK(F.row(row).sum() == Approx(0.5));
        if (n == "c1dtlz3" || n == "c2dtlz2") CHECK(F.row(row).squaredNorm() == Approx(1.0));
      }
    }
  }
}
