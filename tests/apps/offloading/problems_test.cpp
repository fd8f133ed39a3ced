// The Problems and baselines: baselines against closed forms and each
// other, policies that reproduce baselines, and a search whose front
// dominates or matches every baseline on a small scenario.
#include <catch2/catch.hpp>

#include "offloading/comparison.hpp"
#include "offloading/problems.hpp"
#include "offloading/search.hpp"
#include "offloading/warm_start.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/pareto/dominance.hpp"
#include "paretokit/run/run.hpp"
#include "test_scenarios.hpp"

using namespace offloading_test;

namespace {

const BaselineResult& baseline_named(const std::vector<BaselineResult>& results, const std::string& name) {
  for (const auto& r : results) {
    if (r.name == name) return r;
  }
  FAIL("no baseline " << name);
  return results.front();
}

}  // namespace

TEST_CASE("baselines: all-local energy in closed form, greedy extremes", "[offloading]") {
  const Scenario s = read_scenario(data_path("mec-10u-1e.json"));
  const Episodes episodes(s, {1, 2, 3});
  const auto results = evaluate_baselines(episodes, true);
  REQUIRE(results.size() == 16);
  double bits = 0;
  std::size_t tasks = 0;
  for (const Trace& t : episodes.traces) {
    for (const Task& task : t.tasks) bits += task.size_bits;
    tasks += t.tasks.size();
  }
  const auto& local = baseline_named(results, "all-local");
  CHECK(local.metrics.tasks == tasks);
  CHECK(local.objectives(1) == Approx(1e-27 * 1e18 * 1000 * bits / static_cast<double>(tasks)));
  CHECK(local.objectives(0) >= 1000 * bits / 1e9 / static_cast<double>(tasks));  // at least the compute time
  // Greedy by energy never spends more energy than all-local, and greedy by
  // delay is faster than every fixed choice here.
  CHECK(baseline_named(results, "greedy-energy").objectives(1) <= local.objectives(1));
  for (const char* name : {"all-local", "edge-nearest", "edge-least-loaded", "all-cloud", "random"}) {
    CHECK(baseline_named(results, "greedy-delay").objectives(0) <
          baseline_named(results, name).objectives(0));
  }
  for (const auto& r : results) {
    CHECK(r.objectives(2) >= 0);
    CHECK(r.objectives(2) <= 1);
  }
}

TEST_CASE("a linear policy on the estimates alone is the weighted greedy baseline", "[offloading]") {
  const Scenario s = read_scenario(data_path("mec-10u-1e.json"));
  const Episodes episodes(s, {4, 5});
  const auto results = evaluate_baselines(episodes, false);
  const OffloadPolicyProblem problem(episodes, PolicyKind::linear);
  const FeatureScales scales(s);
  // Feature 6 is delay / delay_scale, 7 energy / energy_scale: the weights
  // (w, 1 - w) score exactly as GreedyPolicy(w).
  paretokit::Matrix X = paretokit::Matrix::Zero(2, problem.n_var());
  X(0, 6) = 0.3;
  X(0, 7) = 0.7;
  X(1, 0) = -1;  // a bias towards local only: all-local
  const auto F = problem.evaluate(X).objectives;
  CHECK(F(0, 0) == Approx(baseline_named(results, "greedy-w0.3").objectives(0)));
  CHECK(F(0, 1) == Approx(baseline_named(results, "greedy-w0.3").objectives(1)));
  CHECK(F(1, 0) == Approx(baseline_named(results, "all-local").objectives(0)));
  CHECK(F(1, 1) == Approx(baseline_named(results, "all-local").objectives(1)));
}

TEST_CASE("static assignment replays decisions per task", "[offloading]") {
  const Scenario s = read_scenario(data_path("mec-tiny.json"));
  const StaticAssignmentProblem problem(Episodes(s, {3}));
  const auto results = evaluate_baselines(problem.episodes(), false);
  REQUIRE(problem.search_space()->size() == problem.n_var());
  paretokit::Matrix X(2, problem.n_var());
  X.row(0).setZero();
  X.row(1).setConstant(2);  // option 2 = cloud with one edge
  const auto F = problem.evaluate(X).objectives;
  CHECK(F(0, 1) == Approx(baseline_named(results, "all-local").objectives(1)));
  CHECK(F(1, 0) == Approx(baseline_named(results, "all-cloud").objectives(0)));
  paretokit::Matrix bad = paretokit::Matrix::Constant(1, problem.n_var(), 7);
  CHECK_THROWS_AS(problem.evaluate(bad), paretokit::InputError);
}

TEST_CASE("NSGA-II on linear policies: the front dominates or matches every baseline", "[offloading]") {
  const Scenario s = read_scenario(data_path("mec-tiny.json"));
  const OffloadPolicyProblem problem(Episodes(s, {1, 2, 3}), PolicyKind::linear);
  const auto baselines = evaluate_baselines(problem.episodes(), false);
  auto algorithm = paretokit::make_algorithm("nsga2", {{"pop_size", 40}});
  paretokit::RunOptions options;
  options.max_evaluations = 6000;
  options.seed = 1;
  options.threads = 1;
  options.progress = false;
  const SearchResult result = search_front(problem, *algorithm, options);
  const FrontComparison comparison = compare_with_baselines(result.front_f, baselines);
  INFO(comparison.to_json().dump());
  CHECK(comparison.uncovered_baselines.empty());
  CHECK(comparison.front_hypervolume >= comparison.union_hypervolume);
  // The front is what the problem gives for its policies.
  const auto F = problem.evaluate(result.front_x).objectives;
  CHECK((F - result.front_f).cwiseAbs().maxCoeff() == 0);
}

TEST_CASE("a warm start puts the baselines in the first batch", "[offloading]") {
  const Scenario s = read_scenario(data_path("mec-tiny.json"));
  const OffloadPolicyProblem problem(Episodes(s, {1, 2}), PolicyKind::mlp);
  const auto baselines = evaluate_baselines(problem.episodes(), false);
  WarmStartAlgorithm algorithm(paretokit::make_algorithm("nsga2", {{"pop_size", 20}}),
                               policy_warm_start(PolicyKind::mlp));
  paretokit::RunOptions options;
  options.max_generations = 1;
  options.threads = 1;
  options.progress = false;
  const SearchResult result = search_front(problem, algorithm, options);
  // The first batch alone covers all-local, all-cloud and the greedy sweep.
  const FrontComparison comparison = compare_with_baselines(result.front_f, baselines);
  for (const auto& name : comparison.uncovered_baselines) {
    CHECK((name == "random" || name == "edge-nearest" || name == "edge-least-loaded"));
  }
  // Static: every baseline's decisions replay to the baseline's objectives.
  const StaticAssignmentProblem fixed(Episodes(s, {4}));
  const auto fixed_baselines = evaluate_baselines(fixed.episodes(), false);
  const auto F = fixed.evaluate(static_warm_start(fixed.episodes())).objectives;
  for (std::size_t b = 0; b < fixed_baselines.size(); ++b) {
    CHECK(F(static_cast<paretokit::Index>(b), 0) == Approx(fixed_baselines[b].objectives(0)));
    CHECK(F(static_cast<paretokit::Index>(b), 1) == Approx(fixed_baselines[b].objectives(1)));
  }
}

TEST_CASE("hypervolume comparison with one reference point", "[offloading]") {
  const auto point = [](const char* name, const char* group, double a, double b) {
    BaselineResult r{name, group, paretokit::RowVector(2), {}};
    r.objectives << a, b;
    return r;
  };
  const std::vector<BaselineResult> baselines{point("a", "a", 3, 3), point("g1", "g", 1, 4),
                                              point("g2", "g", 4, 1), point("far", "far", 100, 100)};
  paretokit::Matrix front(2, 2);
  front << 1, 2, 2, 1;
  paretokit::Vector reference(2);
  reference << 5, 5;
  const FrontComparison c = compare_with_baselines(front, baselines, reference);
  CHECK(c.front_hypervolume == Approx(4 * 3 + 3 * 4 - 3 * 3));  // 15
  CHECK(c.baselines[0].hypervolume == Approx(4));
  CHECK(c.best_baseline.name == "a");  // 2 x 2 ties with g1's 4 x 1: the first wins
  CHECK(c.groups[1].name == "g");
  CHECK(c.groups[1].hypervolume == Approx(4 + 4 - 1));
  CHECK(c.improvement_over_best_group == Approx(15.0 / 7 - 1));
  CHECK(c.uncovered_baselines.empty());
  // Default reference: over the front and the non-dominated baselines (not the far one).
  const FrontComparison d = compare_with_baselines(front, baselines);
  CHECK(d.reference(0) == Approx(4 + 0.3));
  CHECK(d.reference(1) == Approx(4 + 0.3));
  CHECK(d.baselines[3].hypervolume == 0);
}
