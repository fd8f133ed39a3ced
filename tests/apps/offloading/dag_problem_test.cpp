// DAG placement as a Problem: application files are validated, the search's
// front equals the Pareto set of all 3^6 placements found by brute force,
// and every baseline is covered.
#include <catch2/catch.hpp>

#include <fstream>

#include "offloading/comparison.hpp"
#include "offloading/dag_problem.hpp"
#include "offloading/search.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"
#include "test_scenarios.hpp"

using namespace offloading_test;

TEST_CASE("DAG placement: the front is the brute-force Pareto set", "[offloading]") {
  const Scenario s = read_scenario(data_path("mec-10u-1e.json"));
  const DagPlacementProblem problem(Episodes(s, {1, 2}), read_application(data_path("apps/pipeline-6.json")));
  REQUIRE(problem.n_var() == 6);
  // Every placement: 3^6 = 729.
  paretokit::Matrix all(729, 6);
  for (int code = 0; code < 729; ++code) {
    for (int v = 0, c = code; v < 6; ++v, c /= 3) all(code, v) = c % 3;
  }
  const auto F = problem.evaluate(all).objectives;
  const auto best = paretokit::nondominated_indices(F);
  auto algorithm = paretokit::make_algorithm("nsga2", {{"pop_size", 40}});
  paretokit::RunOptions options;
  options.max_evaluations = 2000;
  options.threads = 1;
  options.progress = false;
  const SearchResult result = search_front(problem, *algorithm, options);
  // Each brute-force Pareto point is found (up to equal objective vectors).
  for (const auto i : best) {
    bool found = false;
    for (paretokit::Index j = 0; j < result.front_f.rows() && !found; ++j) {
      found = (result.front_f.row(j) - F.row(i)).cwiseAbs().maxCoeff() <=
              1e-12 * (1 + F.row(i).cwiseAbs().maxCoeff());
    }
    INFO("placement " << all.row(i) << " objectives " << F.row(i));
    CHECK(found);
  }
  const FrontComparison c = compare_with_baselines(result.front_f, dag_baselines(problem, s));
  CHECK(c.uncovered_baselines.empty());
}

TEST_CASE("application files name the file, the field and why", "[offloading]") {
  std::ifstream in(data_path("apps/pipeline-6.json"));
  const nlohmann::json good = nlohmann::json::parse(in);
  const auto error_of = [&](const std::function<void(nlohmann::json&)>& edit) -> std::string {
    nlohmann::json j = good;
    edit(j);
    try {
      application_from_json(j, "app.json");
    } catch (const paretokit::InputError& error) {
      return error.what();
    }
    return "no error";
  };
  using Catch::Contains;
  CHECK(error_of([](auto&) {}) == "no error");
  CHECK_THAT(error_of([](auto& j) { j["subtasks"][2]["cycles"] = -1; }),
             Contains("app.json") && Contains("subtasks[2].cycles"));
  CHECK_THAT(error_of([](auto& j) { j["dependencies"][0]["to"] = 9; }), Contains("dependencies[0].to"));
  CHECK_THAT(error_of([](auto& j) {
               j["dependencies"].push_back({{"from", 5}, {"to", 0}});
             }),
             Contains("cycle"));
  CHECK_THAT(error_of([](auto& j) { j["subtasks"][0]["cylces"] = 1; }), Contains("subtasks[0].cylces"));
  CHECK_THAT(error_of([](auto& j) { j.erase("backhaul_bps"); }), Contains("backhaul_bps"));
}
