// The bench, report and bench-subset commands end to end, through the
// paretokit executable, with real problems and algorithms on tiny budgets.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "paretokit/io/atomic_file.hpp"

namespace fs = std::filesystem;

namespace {

struct Outcome {
  int code = 0;
  std::string output;  // stdout and stderr
};

Outcome run(const std::string& arguments) {
  const std::string command = std::string(PARETOKIT_CLI) + " " + arguments + " 2>&1";
  Outcome outcome;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (const std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) outcome.output.append(buffer, n);
  const int status = pclose(pipe);
  outcome.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return outcome;
}

fs::path tiny_suite(const fs::path& folder) {
  fs::create_directories(folder);
  const fs::path path = folder / "tiny.json";
  std::ofstream(path) << R"({"name": "tiny", "benchmark_id": "Pymoo", "tasks": [
    {"task_id": "Pymoo/MO/unconstraint/zdt1", "problem": "zdt1", "params": {"n_var": 5}, "n_trials": 60},
    {"task_id": "Pymoo/MO/unconstraint/zdt2", "problem": "zdt2", "params": {"n_var": 5}, "n_trials": 50},
    {"task_id": "Pymoo/ManyO/unconstraint/dtlz2", "problem": "dtlz2", "params": {"n_var": 6, "n_obj": 3}, "n_trials": 45}]})";
  return path;
}

}  // namespace

TEST_CASE("cli: bench report and bench-subset on a tiny suite") {
  const fs::path folder = fs::temp_directory_path() / "paretokit_cli_bench";
  fs::remove_all(folder);
  const fs::path suite = tiny_suite(folder);
  const fs::path out = folder / "out";
  const std::string bench = "bench --suite " + suite.string() +
                            " --optimizers random,nsga2 --optimizer-params '{\"nsga2\": {\"pop_size\": 12}}'"
                            " --seeds 1-2 --jobs 2 --json --out " +
                            out.string();
  const Outcome first = run(bench);
  INFO(first.output);
  REQUIRE(first.code == 0);
  const auto summary = nlohmann::json::parse(first.output);
  CHECK(summary["runs"] == 12);
  CHECK(summary["completed"] == 12);
  CHECK(fs::is_regular_file(out / "nsga2/Pymoo/Pymoo/MO/unconstraint/zdt1/2/trial_logs.jsonl"));
  const auto report = paretokit::read_json_file(out / "report.json");
  CHECK(report["tasks"].size() == 3);
  CHECK(report["rankings"][0]["friedman"].is_object());

  // Resumed: nothing to do.
  const Outcome second = run(bench);
  REQUIRE(second.code == 0);
  CHECK(nlohmann::json::parse(second.output)["skipped"] == 12);

  const Outcome html = run("report " + out.string() + " --json");
  INFO(html.output);
  REQUIRE(html.code == 0);
  const std::string page = paretokit::read_text_file(out / "report.html");
  CHECK(page.find("<svg") != std::string::npos);
  CHECK(page.find("<script") == std::string::npos);

  const Outcome run_page = run("report " + (out / "random/Pymoo/Pymoo/ManyO/unconstraint/dtlz2/1").string());
  INFO(run_page.output);
  CHECK(run_page.code == 0);

  const Outcome subset =
      run("bench-subset " + out.string() + " -k 1 --json --reference-optimizers random,nsga2");
  INFO(subset.output);
  REQUIRE(subset.code == 0);
  const auto chosen = nlohmann::json::parse(subset.output);
  CHECK(chosen["dev"].size() == 1);
  CHECK(chosen["test"].size() == 1);
  CHECK(chosen["dev"] != chosen["test"]);
  CHECK(fs::is_regular_file(out / "subset_k1.json"));
}

TEST_CASE("cli: bench rejects bad suites and optimizers with exit code 2") {
  const fs::path folder = fs::temp_directory_path() / "paretokit_cli_bench_bad";
  fs::remove_all(folder);
  fs::create_directories(folder);
  std::ofstream(folder / "bad.json") << R"({"name": "bad", "benchmark_id": "B", "tasks": [
    {"task_id": "t", "problem": "zdt1", "n_trials": -5}]})";
  Outcome outcome = run("bench --suite " + (folder / "bad.json").string() + " --optimizers random --out " +
                        (folder / "out").string());
  CHECK(outcome.code == 2);
  CHECK(outcome.output.find("bad.json: tasks[0].n_trials: must lie in") != std::string::npos);
  CHECK_FALSE(fs::exists(folder / "out"));

  std::ofstream(folder / "unknown.json") << R"({"name": "u", "benchmark_id": "B", "tasks": [
    {"task_id": "t", "problem": "no_such_problem", "n_trials": 5}]})";
  outcome = run("bench --suite " + (folder / "unknown.json").string() + " --optimizers random");
  CHECK(outcome.code == 2);
  CHECK(outcome.output.find("tasks[0].problem") != std::string::npos);

  std::ofstream(folder / "broken.json") << "{\"name\": ";
  outcome = run("bench --suite " + (folder / "broken.json").string() + " --optimizers random");
  CHECK(outcome.code == 2);
  CHECK(outcome.output.find("broken.json") != std::string::npos);

  const fs::path suite = tiny_suite(folder);
  outcome = run("bench --suite " + suite.string() + " --optimizers random,no_such_optimizer --out " +
                (folder / "out2").string());
  CHECK(outcome.code == 2);
  CHECK(outcome.output.find("no_such_optimizer") != std::string::npos);
  outcome = run("bench --suite " + suite.string() + " --optimizers random --seeds 3-1");
  CHECK(outcome.code == 2);
  CHECK(run("bench --help").code == 0);
  CHECK(run("report --help").code == 0);
  CHECK(run("bench-subset --help").code == 0);
  CHECK(run("report " + (folder / "nothing").string()).code == 2);
}
