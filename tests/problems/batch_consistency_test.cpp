// For every registered problem: a batch gives exactly (bit for bit) the
// numbers of its rows evaluated one at a time, and of its rows evaluated on 2
// threads at once (oneTBB parallel_for in a task_arena of 2); evaluation is
// repeatable; fronts, ideal and nadir points are consistent.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "paretokit/core/error.hpp"
#include "paretokit/problems/registry.hpp"
#include "test_support.hpp"

using paretokit::Index;
using paretokit::make_problem;
using paretokit::Matrix;

namespace {

bool identical(const Matrix& a, const Matrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(double) * std::size_t(a.size())) == 0;
}

std::vector<std::pair<std::string, nlohmann::json>> instances() {
  std::vector<std::pair<std::string, nlohmann::json>> out;
  for (const auto& info : paretokit::problems::problem_catalog())
    out.push_back({info.name, nlohmann::json::object()});
  out.push_back({"dtlz2", {{"n_obj", 5}}});
  out.push_back({"dtlz7", {{"n_obj", 4}}});
  out.push_back({"wfg1", {{"n_obj", 5}}});
  out.push_back({"wfg9", {{"n_obj", 4}, {"k", 6}, {"l", 7}}});
  out.push_back({"c3dtlz4", {{"n_obj", 4}}});
  return out;
}

}  // namespace

TEST_CASE("every problem: batch == row by row == 2 threads bit for bit") {
  tbb::task_arena arena(2);
  for (const auto& [name, params] : instances()) {
    INFO(name << " " << params.dump());
    const auto problem = make_problem(name, params);
    const Index n = 700;  // more than two blocks of 256, not a multiple
    const Matrix X = paretokit::test::random_points(*problem, n, 1234);
    const auto batch = problem->evaluate(X);
    REQUIRE(batch.objectives.rows() == n);
    REQUIRE(batch.objectives.cols() == problem->n_obj());
    REQUIRE(batch.constraints.cols() == problem->n_constr());

    Matrix F(n, problem->n_obj()), G(n, problem->n_constr());
    for (Index r = 0; r < n; ++r) {
      const auto one = problem->evaluate(X.row(r));
      F.row(r) = one.objectives;
      if (G.cols() > 0) G.row(r) = one.constraints;
    }
    CHECK(identical(batch.objectives, F));
    CHECK(identical(batch.constraints, G));

    Matrix F2(n, problem->n_obj()), G2(n, problem->n_constr());
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<Index>(0, n, 37), [&](const tbb::blocked_range<Index>& range) {
        const Index rows = range.end() - range.begin();
        problem->evaluate_into(X.middleRows(range.begin(), rows), F2.middleRows(range.begin(), rows),
                               G2.middleRows(range.begin(), rows));
      });
    });
    CHECK(identical(batch.objectives, F2));
    CHECK(identical(batch.constraints, G2));
    CHECK(identical(problem->evaluate(X).objectives, batch.objectives));
  }
}

TEST_CASE("every problem evaluates at its bounds and on an empty batch") {
  for (const auto& [name, params] : instances()) {
    INFO(name);
    const auto problem = make_problem(name, params);
    Matrix X(2, problem->n_var());
    X.row(0) = problem->lower_bounds().transpose();
    X.row(1) = problem->upper_bounds().transpose();
    const auto E = problem->evaluate(X);
    CHECK(E.objectives.rows() == 2);
    if (name.rfind("re", 0) != 0)
      CHECK(E.objectives.allFinite());  // RE22 divides by x2 = 0 at its bound, as the reference
    CHECK(problem->evaluate(Matrix(0, problem->n_var())).objectives.rows() == 0);
  }
}

TEST_CASE("every known front: about n points and non-dominated within ideal and nadir") {
  for (const auto& [name, params] : instances()) {
    INFO(name << " " << params.dump());
    const auto problem = make_problem(name, params);
    const auto front = problem->pareto_front(60);
    if (!front) continue;
    CHECK(front->cols() == problem->n_obj());
    CHECK(front->rows() >= 1);
    CHECK(front->rows() <= 60);
    CHECK(front->allFinite());
    CHECK(paretokit::test::count_dominated(*front) == 0);
    const auto ideal = problem->ideal_point();
    const auto nadir = problem->nadir_point();
    if (ideal) CHECK((front->colwise().minCoeff().transpose().array() >= ideal->array() - 1e-9).all());
    if (nadir) CHECK((front->colwise().maxCoeff().transpose().array() <= nadir->array() + 1e-9).all());
    CHECK_THROWS_AS(problem->pareto_front(0), paretokit::InputError);
  }
}
