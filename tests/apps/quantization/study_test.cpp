// The bit-width search as a Problem, the evolutionary search against the
// exact frontier and HAWQ's published configurations, and the run folder.
#include <catch2/catch.hpp>

#include "io/temp_dir.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/quantization/builtin_tables.hpp"
#include "paretokit/quantization/quantization_problem.hpp"
#include "paretokit/quantization/study.hpp"

using namespace paretokit;
using namespace paretokit::quantization;

TEST_CASE(
    "quantization problem: ordinal variables per group, objectives in MB and GBOPs, budget constraints") {
  auto search = std::make_shared<const BitWidthSearch>(
      builtin_layer_table("resnet18"), std::vector<int>{4, 8}, std::vector<Measure>{Measure::omega});
  const QuantizationProblem problem(search, {Measure::omega, Measure::size, Measure::bops},
                                    {{Measure::bops, 0.5}});
  CHECK(problem.n_var() == 16);
  CHECK(problem.n_obj() == 3);
  CHECK(problem.n_constr() == 1);
  const SearchSpace space = *problem.search_space();
  CHECK(space[0].kind == VariableKind::ordinal);
  CHECK(space[0].values == std::vector<double>{4, 8});
  CHECK(space[3].name == "stage1.unit2.conv2");
  CHECK(space[4].name == "stage2.unit1.conv1+1");  // tied with its identity conv

  Matrix X(2, 16);
  X.row(0).setConstant(8);
  X.row(1).setConstant(4);
  const Evaluation e = problem.evaluate(X);
  CHECK(e.objectives(0, 1) == Approx(11.14).margin(0.005));  // MB, as HAWQ's model zoo
  CHECK(e.objectives(1, 2) == Approx(34.7).margin(0.05));    // GBOPs
  CHECK(e.objectives(0, 0) < e.objectives(1, 0));            // more bits, less perturbation
  CHECK(e.constraints(0, 0) == Approx(0.5));                 // all-8-bit: half the span over the budget
  CHECK(e.constraints(1, 0) == Approx(-0.5));
  X(0, 2) = 6;
  CHECK_THROWS_WITH(problem.evaluate(X), Catch::StartsWith("stage1.unit2.conv1: bit-width 6"));
}

TEST_CASE("quantization study: NSGA-II finds HAWQ-V3's nine ResNet18 configurations or better ones") {
  const auto published = published_configurations("resnet18");
  for (const auto& [prefix, measure] : std::vector<std::pair<std::string, Measure>>{
           {"modelsize", Measure::size}, {"bops", Measure::bops}, {"latency", Measure::latency}}) {
    // One unconstrained search of omega against the measure; each budget's
    // choice is then taken from its front.
    StudySettings settings;
    settings.model = "resnet18";
    settings.objectives = {Measure::omega, measure};
    settings.algorithm = "nsga2";
    settings.generations = 150;
    settings.threads = 1;
    const StudyResult result = run_study(settings);
    std::vector<std::vector<int>> choices;
    for (const StudyPoint& p : result.front) choices.push_back(p.choice);
    for (const std::string fraction : {"0.25", "0.5", "0.75"}) {
      const auto entry = std::find_if(published.begin(), published.end(),
                                      [&](const auto& p) { return p.name == prefix + "_" + fraction; });
      REQUIRE(entry != published.end());
      INFO(entry->name);
      const std::vector<Budget> budgets = {{measure, std::stod(fraction)}};
      const Index best = best_under_budgets(*result.search, choices, Measure::omega, budgets);
      REQUIRE(best >= 0);
      const auto published_choice = result.search->choice_from_searched_layer_bits(entry->bits);
      REQUIRE(within_budgets(*result.search, published_choice, budgets));
      CHECK(result.search->total(choices[static_cast<std::size_t>(best)], Measure::omega) <=
            result.search->total(published_choice, Measure::omega));
    }
    // And the whole front is close to the exact one.
    CHECK(result.summary["quantization"]["hypervolume"]["ratio"].get<double>() > 0.99);
  }
}

TEST_CASE("quantization study: the run folder, the exact choice and the published configurations") {
  test::TempDir dir("quantize");
  StudySettings settings;
  settings.model = "resnet18";
  settings.objectives = {Measure::omega, Measure::bops};
  settings.budgets = {{Measure::bops, 0.5}};
  settings.out = dir / "run";
  const StudyResult result = run_study(settings);
  for (const char* file : {"config.json", "front.txt", "front.json", "exact_front.txt", "exact_front.json",
                           "published.json", "summary.json"}) {
    CHECK(std::filesystem::exists(settings.out / file));
  }
  REQUIRE(result.exact_choice);
  const auto published = published_configurations("resnet18");
  const auto bops_half =
      std::find_if(published.begin(), published.end(), [](const auto& p) { return p.name == "bops_0.5"; });
  CHECK(result.search->searched_layer_bits(result.exact_choice->choice) == bops_half->bits);
  // Every point of the frontier keeps within the budget, and the exact choice is its first.
  const double limit = budget_limit(*result.search, settings.budgets[0]) / report_scale(Measure::bops);
  for (const StudyPoint& p : result.exact) CHECK(p.objectives(1) <= limit);
  CHECK(result.exact.front().choice == result.exact_choice->choice);

  const nlohmann::json listed = read_json_file(settings.out / "published.json")["configurations"];
  REQUIRE(listed.size() == 11);
  for (const auto& entry : listed) {
    INFO(entry["name"]);
    // HAWQ's ILP optimum is on the exact frontier of its own two objectives.
    if (entry["name"] == "bops_0.5" || entry["name"] == "bops_0.25") CHECK(entry["on_exact_front"] == true);
    if (entry["within_budgets"] == true) CHECK(entry["dominated_by_exact_front"] == false);
  }
  CHECK(read_json_file(settings.out / "summary.json")["quantization"]["budget_choice"]["exact"]["bits"] ==
        nlohmann::json(bops_half->bits));
  // The same folder again is refused.
  CHECK_THROWS_AS(run_study(settings), UsageError);
}

TEST_CASE("quantization study: bad settings are input errors") {
  StudySettings settings;
  settings.model = "resnet18";
  settings.bits = {2, 4, 8};
  CHECK_THROWS_WITH(run_study(settings),
                    "data/hawq/resnet18.layers.json: layers[1].perturbation: no entry for 2 bits "
                    "(the bit-widths searched need one each)");
  settings.bits = {4, 8};
  settings.objectives = {Measure::size, Measure::bops};
  settings.budgets = {{Measure::size, 0.5}, {Measure::bops, 0.5}};
  CHECK_THROWS_WITH(run_study(settings), Catch::StartsWith("--budget: every objective has a budget"));
  settings.model = "mobilenetv2";
  settings.budgets.clear();
  settings.objectives = {Measure::omega, Measure::size};
  CHECK_THROWS_WITH(
      run_study(settings),
      Catch::StartsWith("<mobilenetv2 architecture>: layers[1].hessian_trace_per_weight: missing field"));
  // MobileNetV2 without sensitivity data: size against BOPs works, with no
  // trade-off (both fall with the bits): one point, every layer at 4 bits.
  settings.objectives = {Measure::size, Measure::bops};
  const StudyResult result = run_study(settings);
  REQUIRE(result.exact.size() == 1);
  CHECK(result.search->searched_layer_bits(result.exact[0].choice) == std::vector<int>(51, 4));
}

TEST_CASE("quantization study: the same seed gives the same front whatever the thread count") {
  StudySettings settings;
  settings.model = "resnet50";
  settings.objectives = {Measure::omega, Measure::size, Measure::bops};
  settings.algorithm = "nsga3";
  settings.generations = 20;
  settings.seed = 11;
  settings.threads = 1;
  const StudyResult one = run_study(settings);
  settings.threads = 2;
  const StudyResult two = run_study(settings);
  REQUIRE(one.front.size() == two.front.size());
  for (std::size_t i = 0; i < one.front.size(); ++i) {
    CHECK(one.front[i].choice == two.front[i].choice);
    CHECK(one.front[i].objectives == two.front[i].objectives);
  }
}
