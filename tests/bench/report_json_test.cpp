#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

#include "paretokit/bench/bench.hpp"
#include "paretokit/bench/report_json.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/json_matrix.hpp"
#include "toy.hpp"

namespace fs = std::filesystem;
using namespace paretokit::bench;

namespace {

// The toy suite with the optimizers "good" and "plain" on these seeds, in a
// fresh folder of that name under the temporary directory.
fs::path run_toy_bench(const std::string& name, const std::vector<std::uint64_t>& seeds) {
  const fs::path out = fs::temp_directory_path() / name;
  fs::remove_all(out);
  Options options;
  options.optimizers = {{"good", "good", {}}, {"plain", "plain", {}}};
  options.seeds = seeds;
  options.out = out;
  options.progress = false;
  options.algorithm_factory = toy::algorithm_factory();
  options.problem_factory = toy::problem_factory();
  run_bench(toy::suite(), options);
  return out;
}

}  // namespace

TEST_CASE("report.json: indicators recomputed by hand from a run's front") {
  const fs::path out = run_toy_bench("paretokit_bench_test_report", {4, 5});
  ReportOptions report_options;
  report_options.problem_factory = toy::problem_factory();
  const auto report = write_report_json(out, report_options);
  REQUIRE(fs::is_regular_file(out / "report.json"));

  CHECK(report["optimizers"] == nlohmann::json({"good", "plain"}));
  CHECK(report["budgets"].size() == 21);
  REQUIRE(report["tasks"].size() == 3);
  const auto& task = report["tasks"][1];
  CHECK(task["task_id"] == "Toy/large");
  CHECK(task["normalization"]["source"] == "problem");
  CHECK(task["reference_point"] == nlohmann::json({1.1, 1.1}));
  CHECK(task["true_front_known"] == true);
  REQUIRE(task["runs"].size() == 4);

  // Hypervolume of the first run by hand: ideal 0, nadir 1, so the
  // normalized front is the front itself, against (1.1, 1.1).
  const auto& run = task["runs"][0];
  CHECK(run["status"] == "success");
  const paretokit::Matrix front = paretokit::matrix_from_json(run["front"], 2);
  const double expected = paretokit::hypervolume(front, paretokit::Vector::Constant(2, 1.1));
  CHECK(run["hypervolume"].get<double>() == Approx(expected));
  CHECK(run["hypervolume_curve"].size() == 21);
  CHECK(run["hypervolume_curve"][0] == 0.0);
  CHECK(run["hypervolume_curve"][20].get<double>() == Approx(expected));
  // Curves never decrease: the incumbent front only improves.
  for (int step = 1; step <= 20; ++step) {
    CHECK(run["hypervolume_carps_curve"][step].get<double>() >=
          run["hypervolume_carps_curve"][step - 1].get<double>());
  }
  // carps' reference point bounds every front of every run.
  const paretokit::Vector carps_reference = paretokit::vector_from_json(task["carps_reference_point"]);
  for (const auto& other : task["runs"]) {
    const paretokit::Matrix f = paretokit::matrix_from_json(other["front"], 2);
    for (paretokit::Index i = 0; i < f.rows(); ++i) {
      CHECK((f.row(i).transpose().array() <= carps_reference.array()).all());
    }
  }
  CHECK(run["igd_plus"].get<double>() >= 0.0);

  // Rankings: "good" samples near the front, so it wins every task.
  const auto& ranking = report["rankings"][0];
  CHECK(ranking["metric"] == "hypervolume_carps");
  CHECK(ranking["mean_ranks"] == nlohmann::json({1.0, 2.0}));
  CHECK(ranking["mean_ranks_over_budget"].size() == 21);
  CHECK(ranking["mean_ranks_over_budget"][0] == nlohmann::json({1.5, 1.5}));  // nothing evaluated: a tie
  // Friedman with N = 3 tasks, k = 2, identical rankings: chi2 = N (k - 1) = 3.
  CHECK(ranking["friedman"]["chi_squared"].get<double>() == Approx(3.0));
  CHECK(ranking["nemenyi"]["critical_difference"].get<double>() ==
        Approx(1.959964 * std::sqrt(2.0 * 3.0 / 18.0)).margin(1e-5));
  CHECK(ranking["tasks"][0]["best"] == nlohmann::json({"good"}));
}

TEST_CASE("report.json: a folder without bench.json is an input error") {
  const fs::path out = fs::temp_directory_path() / "paretokit_bench_test_empty";
  fs::remove_all(out);
  fs::create_directories(out);
  CHECK_THROWS_AS(build_report_json(out), paretokit::InputError);
}

TEST_CASE("report.json: old result.json files with fronts_at_budget give the same report") {
  const fs::path out = run_toy_bench("paretokit_bench_test_report_old_format", {4});
  ReportOptions report_options;
  report_options.problem_factory = toy::problem_factory();
  const auto report = build_report_json(out, report_options);
  // Rewrite every result.json as before budget_fronts: one full front per step.
  int rewritten = 0;
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    if (entry.path().filename() != "result.json") continue;
    auto result = paretokit::read_json_file(entry.path());
    const auto fronts = result["budget_fronts"];
    nlohmann::json old = nlohmann::json::array();
    for (int step = 0; step <= budget_steps; ++step) {
      if (step > fronts["steps"].get<int>()) {
        old.push_back(nullptr);
        continue;
      }
      nlohmann::json front = nlohmann::json::array();
      for (std::size_t e = 0; e < fronts["objectives"].size(); ++e) {
        if (fronts["first_step"][e] <= step && step <= fronts["last_step"][e])
          front.push_back(fronts["objectives"][e]);
      }
      old.push_back(front);
    }
    result.erase("budget_fronts");
    result["fronts_at_budget"] = old;
    paretokit::write_json_atomically(entry.path(), result, -1);
    ++rewritten;
  }
  CHECK(rewritten == 2 * 3);
  CHECK(build_report_json(out, report_options) == report);
}

TEST_CASE("report.json: a result.json whose budget_fronts steps are out of order is an input error") {
  const fs::path out = run_toy_bench("paretokit_bench_test_report_bad_steps", {4});
  ReportOptions report_options;
  report_options.problem_factory = toy::problem_factory();
  CHECK_NOTHROW(build_report_json(out, report_options));
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    if (entry.path().filename() != "result.json") continue;
    auto result = paretokit::read_json_file(entry.path());
    REQUIRE(!result["budget_fronts"]["first_step"].empty());
    result["budget_fronts"]["first_step"][0] = result["budget_fronts"]["last_step"][0].get<int>() + 1;
    paretokit::write_json_atomically(entry.path(), result, -1);
    break;
  }
  CHECK_THROWS_AS(build_report_json(out, report_options), paretokit::InputError);
}
