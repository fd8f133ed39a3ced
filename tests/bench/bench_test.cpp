#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "paretokit/bench/bench.hpp"
#include "paretokit/bench/report_json.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/jsonl.hpp"
#include "toy.hpp"

namespace fs = std::filesystem;
using namespace paretokit::bench;

namespace {

fs::path fresh_directory(const std::string& name) {
  const fs::path path = fs::temp_directory_path() / ("paretokit_bench_test_" + name);
  fs::remove_all(path);
  return path;
}

Options toy_options(const fs::path& out, int jobs) {
  Options options;
  options.optimizers = {{"good", "good", {}}, {"plain", "plain", {}}};
  options.seeds = {1, 2, 3};
  options.out = out;
  options.jobs = jobs;
  options.progress = false;
  options.algorithm_factory = toy::algorithm_factory();
  options.problem_factory = toy::problem_factory();
  return options;
}

ReportOptions toy_report_options() {
  ReportOptions options;
  options.problem_factory = toy::problem_factory();
  return options;
}

// The trial logs without the wall-clock fields, which differ between runs.
std::string costs_of(const fs::path& path) {
  std::string text;
  for (const auto& record : paretokit::read_jsonl(path).records) {
    text += record["trial_info"]["config"].dump() + record["trial_value"]["cost"].dump() + "\n";
  }
  return text;
}

}  // namespace

TEST_CASE("bench: carps layout trial and trajectory logs result markers") {
  const fs::path out = fresh_directory("layout");
  const Summary summary = run_bench(toy::suite(), toy_options(out, 2));
  CHECK(summary.runs == 2 * 3 * 3);
  CHECK(summary.completed == 18);
  CHECK(summary.skipped == 0);

  const fs::path run = out / "good" / "Toy" / "Toy" / "large" / "2";
  REQUIRE(fs::is_regular_file(run / "result.json"));
  const auto trials = paretokit::read_jsonl(run / "trial_logs.jsonl").records;
  REQUIRE(trials.size() == 61);  // the budget exactly, though batches are of 5
  const auto& first = trials.front();
  CHECK(first["n_trials"] == 1);
  CHECK(first["n_function_calls"] == 1);
  CHECK(first["trial_info"]["seed"] == 2);
  CHECK(first["trial_info"]["config"].size() == 2);
  CHECK(first["trial_info"]["budget"].is_null());
  CHECK(first["trial_value"]["cost"].size() == 2);
  CHECK(first["trial_value"]["status"] == 1);
  CHECK(first["trial_value"].contains("starttime"));
  CHECK(trials.back()["n_trials"] == 61);

  // Trajectory: every line is a member of the incumbent front at that n_trials.
  const auto trajectory = paretokit::read_jsonl(run / "trajectory_logs.jsonl").records;
  REQUIRE(!trajectory.empty());
  const auto result = paretokit::read_json_file(run / "result.json");
  CHECK(result["status"] == "success");
  CHECK(result["n_trials"] == 61);
  CHECK(result["budget_fronts"]["steps"] == 20);
  const auto final_size = result["front"]["objectives"].size();
  std::size_t last_block = 0;
  for (const auto& line : trajectory) last_block += line["n_trials"] == trajectory.back()["n_trials"];
  CHECK(last_block == final_size);

  const auto config = paretokit::read_json_file(run / "config.json");
  CHECK(config["task_id"] == "Toy/large");
  CHECK(config["optimizer_id"] == "good");
  CHECK(config["variables"] == nlohmann::json({"x0", "x1"}));
  CHECK(config["task"]["n_trials"] == 61);
  CHECK(fs::is_regular_file(out / "bench.json"));
}

TEST_CASE("bench: identical results whatever the number of jobs") {
  const fs::path one = fresh_directory("jobs1");
  const fs::path three = fresh_directory("jobs3");
  run_bench(toy::suite(), toy_options(one, 1));
  run_bench(toy::suite(), toy_options(three, 3));
  for (const char* relative : {"good/Toy/Toy/small/1", "plain/Toy/Toy/large/3", "good/Toy/Toy/medium/2"}) {
    CHECK(costs_of(one / relative / "trial_logs.jsonl") == costs_of(three / relative / "trial_logs.jsonl"));
  }
  const auto report_one = write_report_json(one, toy_report_options());
  const auto report_three = write_report_json(three, toy_report_options());
  CHECK(report_one == report_three);
}

TEST_CASE("bench: resumes redoing only unfinished runs from scratch") {
  const fs::path out = fresh_directory("resume");
  run_bench(toy::suite(), toy_options(out, 2));
  const fs::path run = out / "plain" / "Toy" / "Toy" / "medium" / "1";
  const std::string before = costs_of(run / "trial_logs.jsonl");
  // Simulate a kill in the middle of the run: no marker, half a log, a torn line.
  fs::remove(run / "result.json");
  paretokit::truncate_jsonl(run / "trial_logs.jsonl", 11);
  std::ofstream(run / "trial_logs.jsonl", std::ios::app) << "{\"n_trials\": 12, \"tri";

  const Summary again = run_bench(toy::suite(), toy_options(out, 2));
  CHECK(again.skipped == 17);
  CHECK(again.completed == 1);
  const auto trials = paretokit::read_jsonl(run / "trial_logs.jsonl");
  CHECK(trials.records.size() == 40);
  CHECK_FALSE(trials.dropped_torn_line);
  CHECK(costs_of(run / "trial_logs.jsonl") == before);

  const Summary third = run_bench(toy::suite(), toy_options(out, 1));
  CHECK(third.skipped == 18);
  CHECK(third.completed == 0);
}

TEST_CASE("bench: a crashing optimizer is recorded as crashed and the bench goes on") {
  const fs::path out = fresh_directory("crash");
  Options options = toy_options(out, 2);
  options.optimizers.push_back({"crash", "crash", {}});
  const Summary summary = run_bench(toy::suite(), options);
  CHECK(summary.crashed == 9);
  CHECK(summary.completed == 18);
  const fs::path run = out / "crash" / "Toy" / "Toy" / "small" / "1";
  const auto result = paretokit::read_json_file(run / "result.json");
  CHECK(result["status"] == "crashed");
  CHECK(result["status_code"] == 2);
  CHECK(result["message"] == "toy crash on purpose");
  const auto trials = paretokit::read_jsonl(run / "trial_logs.jsonl").records;
  REQUIRE(trials.size() == 1);
  CHECK(trials[0]["trial_value"]["status"] == 2);
  CHECK(trials[0]["trial_value"]["additional_info"]["error"] == "toy crash on purpose");

  // Crashed runs are finished: not redone unless asked.
  CHECK(run_bench(toy::suite(), options).skipped == 27);
  options.retry_crashed = true;
  CHECK(run_bench(toy::suite(), options).crashed == 9);

  const auto report = write_report_json(out, toy_report_options());
  // The crashing optimizer has no values: it ranks last on every task.
  const auto& ranking = report["rankings"][0];
  CHECK(ranking["mean_ranks"][2] == 3.0);
}

TEST_CASE("bench: bad options are usage errors before anything runs") {
  const fs::path out = fresh_directory("bad");
  Options options = toy_options(out, 1);
  options.optimizers.push_back({"x", "no_such_algorithm", {}});
  CHECK_THROWS_AS(run_bench(toy::suite(), options), paretokit::UsageError);
  CHECK_FALSE(fs::exists(out / "bench.json"));
  options = toy_options(out, 0);
  CHECK_THROWS_AS(run_bench(toy::suite(), options), paretokit::UsageError);
  options = toy_options(out, 1);
  options.seeds = {1, 1};
  CHECK_THROWS_AS(run_bench(toy::suite(), options), paretokit::UsageError);
}

TEST_CASE("bench: budget checkpoints round to the nearest evaluation") {
  CHECK(normalized_budgets().size() == 21);
  CHECK(trials_at_budget(0, 240) == 0);
  CHECK(trials_at_budget(1, 240) == 12);
  CHECK(trials_at_budget(20, 147) == 147);
  CHECK(trials_at_budget(1, 147) == 7);   // 7.35
  CHECK(trials_at_budget(10, 77) == 39);  // 38.5 rounds up
}

TEST_CASE("bench: a stop request starts no further run, says so, and the same command continues") {
  const fs::path out = fresh_directory("stop");
  std::atomic<bool> stop{true};
  Options options = toy_options(out, 2);
  options.stop_request = &stop;
  const Summary stopped = run_bench(toy::suite(), options);
  CHECK(stopped.interrupted);
  CHECK(stopped.completed == 0);
  stop = false;
  const Summary resumed = run_bench(toy::suite(), options);
  CHECK_FALSE(resumed.interrupted);
  CHECK(resumed.completed == resumed.runs);
  fs::remove_all(out);
}

TEST_CASE(
    "bench: --trial-logs front keeps the final front's lines, none only the failed, trajectories the final "
    "front") {
  const fs::path all = fresh_directory("logs_all");
  const fs::path front = fresh_directory("logs_front");
  const fs::path none = fresh_directory("logs_none");
  Options options = toy_options(all, 2);
  run_bench(toy::suite(), options);
  options.out = front;
  options.trial_logs = TrialLogs::front;
  run_bench(toy::suite(), options);
  options.out = none;
  options.trial_logs = TrialLogs::none;
  run_bench(toy::suite(), options);
  CHECK(write_report_json(all, toy_report_options()) == write_report_json(front, toy_report_options()));
  CHECK(write_report_json(all, toy_report_options()) == write_report_json(none, toy_report_options()));

  for (const char* relative : {"good/Toy/Toy/large/2", "plain/Toy/Toy/medium/1"}) {
    const auto every = paretokit::read_jsonl(all / relative / "trial_logs.jsonl").records;
    const auto kept = paretokit::read_jsonl(front / relative / "trial_logs.jsonl").records;
    const auto result = paretokit::read_json_file(front / relative / "result.json");
    // One line per member of the final front, in trial order, each the line of
    // the full log (times aside: they are of another run).
    REQUIRE(kept.size() == result["front"]["objectives"].size());
    REQUIRE(kept.size() < every.size());
    std::int64_t previous = 0;
    for (auto line : kept) {
      const std::int64_t n = line["n_trials"];
      CHECK(n > previous);
      previous = n;
      auto reference = every[static_cast<std::size_t>(n - 1)];
      for (auto* record : {&line, &reference})
        for (const char* time : {"time", "starttime", "endtime"}) (*record)["trial_value"].erase(time);
      CHECK(line == reference);
      CHECK(std::find(result["front"]["objectives"].begin(), result["front"]["objectives"].end(),
                      line["trial_value"]["cost"]) != result["front"]["objectives"].end());
    }
    CHECK(paretokit::read_jsonl(none / relative / "trial_logs.jsonl").records.empty());
    // The trajectory: the last block of the full one (the final incumbent front).
    const auto trajectory = paretokit::read_jsonl(all / relative / "trajectory_logs.jsonl").records;
    std::string last_block;
    for (const auto& line : trajectory)
      if (line["n_trials"] == trajectory.back()["n_trials"])
        last_block += line["trial_info"]["config"].dump() + line["trial_value"]["cost"].dump() + "\n";
    CHECK(costs_of(none / relative / "trajectory_logs.jsonl") == last_block);
    CHECK(costs_of(front / relative / "trajectory_logs.jsonl") == last_block);
    CHECK(paretokit::read_json_file(front / relative / "config.json")["trial_logs"] == "front");
    CHECK_FALSE(paretokit::read_json_file(all / relative / "config.json").contains("trial_logs"));
  }
  // Failed trials are kept in every mode.
  for (const TrialLogs mode : {TrialLogs::front, TrialLogs::none}) {
    const fs::path out = fresh_directory(std::string("logs_crash_") + to_string(mode));
    Options crashing = toy_options(out, 1);
    crashing.optimizers = {{"crash", "crash", {}}};
    crashing.trial_logs = mode;
    run_bench(toy::suite(), crashing);
    const auto trials =
        paretokit::read_jsonl(out / "crash" / "Toy" / "Toy" / "small" / "1" / "trial_logs.jsonl");
    REQUIRE(trials.records.size() == 1);
    CHECK(trials.records[0]["trial_value"]["status"] == 2);
  }
  CHECK(trial_logs_from_string("front") == TrialLogs::front);
  CHECK(std::string(to_string(TrialLogs::none)) == "none");
  CHECK_THROWS_AS(trial_logs_from_string("some"), paretokit::UsageError);
}

namespace {

// The members of budget_fronts at one step, in entry order (REPORT_SCHEMA.md).
std::vector<nlohmann::json> budget_front(const nlohmann::json& fronts, int step) {
  std::vector<nlohmann::json> rows;
  for (std::size_t e = 0; e < fronts["objectives"].size(); ++e) {
    if (fronts["first_step"][e] <= step && step <= fronts["last_step"][e])
      rows.push_back(fronts["objectives"][e]);
  }
  return rows;
}

bool weakly_dominates(const nlohmann::json& a, const nlohmann::json& b) {
  for (std::size_t j = 0; j < a.size(); ++j) {
    if (a[j].get<double>() > b[j].get<double>()) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("bench: result.json's budget fronts are the non-dominated trials at every budget, in trial order") {
  const fs::path out = fresh_directory("budget_fronts");
  run_bench(toy::suite(), toy_options(out, 1));
  int checked = 0;
  for (const char* optimizer : {"good", "plain"}) {
    for (const char* task : {"small", "large"}) {
      const fs::path run = out / optimizer / "Toy" / "Toy" / task / "1";
      const auto result = paretokit::read_json_file(run / "result.json");
      const auto& fronts = result["budget_fronts"];
      REQUIRE(fronts["steps"] == 20);
      // Brute force from the full trial log: a trial is a member at budget t
      // when no trial up to t weakly dominates it, other than later equal ones.
      std::vector<std::pair<std::int64_t, nlohmann::json>> costs;
      for (const auto& record : paretokit::read_jsonl(run / "trial_logs.jsonl").records) {
        const auto& value = record["trial_value"];
        const auto& info = value["additional_info"];
        bool feasible = true;
        if (info.contains("constraints")) {
          for (const auto& c : info["constraints"]) feasible = feasible && c.get<double>() <= 0.0;
        }
        if (value["status"] == 1 && value["cost"].is_array() && feasible)
          costs.emplace_back(record["n_trials"].get<std::int64_t>(), value["cost"]);
      }
      const std::int64_t n_trials = result["n_trials"];
      for (int step = 0; step <= budget_steps; ++step) {
        const std::int64_t t = trials_at_budget(step, n_trials);
        std::vector<nlohmann::json> expected;
        for (std::size_t i = 0; i < costs.size() && costs[i].first <= t; ++i) {
          bool member = true;
          for (std::size_t j = 0; j < costs.size() && costs[j].first <= t && member; ++j) {
            if (j == i || !weakly_dominates(costs[j].second, costs[i].second)) continue;
            member = j > i && costs[j].second == costs[i].second;  // a later copy is rejected
          }
          if (member) expected.push_back(costs[i].second);
        }
        CHECK(budget_front(fronts, step) == expected);
        ++checked;
      }
      CHECK(budget_front(fronts, budget_steps) ==
            result["front"]["objectives"].get<std::vector<nlohmann::json>>());
    }
  }
  CHECK(checked == 4 * 21);
}
