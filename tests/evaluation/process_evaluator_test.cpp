// ProcessEvaluator with tiny shell commands: results from stdout and
// result.json, the three ways a configuration reaches the program, every
// failure status, retries, asynchronous collection, errors before anything
// runs, and the reuse of finished trial folders on resume.
#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <fstream>
#include <limits>
#include <sstream>
#include <thread>

#include "io/temp_dir.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/evaluation/process_evaluator.hpp"
#include "paretokit/io/atomic_file.hpp"

using namespace paretokit;

namespace {

SearchSpace toy_space() {
  SearchSpace space;
  space.add_real("lr", 1e-4, 1.0, true);
  space.add_integer("width", 1, 64);
  space.add_categorical("act", {"relu", "gelu"});
  return space;
}

CommandProblem toy_problem(const std::string& objectives = "acc:max,ms",
                           const std::string& constraints = "") {
  return CommandProblem(toy_space(), parse_objectives(objectives, "--objectives"),
                        parse_constraints(constraints, "--constraints"));
}

ProcessEvaluator::Options options_for(const test::TempDir& dir, std::string command) {
  ProcessEvaluator::Options o;
  o.command = std::move(command);
  o.trials_directory = dir / "trials";
  return o;
}

RowVector row(double lr, double width, double act) {
  RowVector x(3);
  x << lr, width, act;
  return x;
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("process evaluator: the last JSON line of stdout, maximized objectives negated, constraints as g") {
  test::TempDir dir("process");
  const CommandProblem problem = toy_problem("acc:max,ms", "mem<=100");
  ProcessEvaluator evaluator(problem,
                             options_for(dir, R"(echo '{"acc": 0.5}'; echo 'not json'; )"
                                              R"(echo '{"acc": 0.9, "ms": 12.5, "mem": 120}'; echo)"));
  Matrix X(2, 3);
  X << row(0.01, 8, 0), row(0.1, 16, 1);
  const Evaluation e = evaluator.evaluate_trials(problem, X, 0);
  REQUIRE(e.all_succeeded());
  CHECK(e.objectives(0, 0) == -0.9);
  CHECK(e.objectives(1, 1) == 12.5);
  CHECK(e.constraints(0, 0) == 20.0);
  // The trial folder: config, captured output, our outcome.
  const nlohmann::json config = read_json_file(dir / "trials/1/config.json");
  CHECK(config == nlohmann::json{{"lr", 0.1}, {"width", 16}, {"act", "gelu"}});
  CHECK(slurp(dir / "trials/1/stdout").find("not json") != std::string::npos);
  const nlohmann::json outcome = read_json_file(dir / "trials/1/outcome.json");
  CHECK(outcome["status"] == "success");
  CHECK(outcome["values"]["acc"] == 0.9);  // the program's sign
}

TEST_CASE("process evaluator: the configuration as a file, as placeholders and in the environment") {
  test::TempDir dir("process");
  const CommandProblem problem = toy_problem("a,b,c");
  // a from the file (via grep), b from a placeholder, c from the environment;
  // result.json in the trial folder wins over stdout.
  const std::string command =
      R"(w=$(grep -c width {config_file}); )"
      R"(echo "{\"a\": $w, \"b\": {width}, \"c\": $PARETOKIT_PARAM_WIDTH, \"t\": {trial}}" > {trial_dir}/result.json; )"
      R"(echo '{"a": -1, "b": -1, "c": -1}'; test "{act}" = gelu && test "$PARETOKIT_PARAM_ACT" = gelu)";
  ProcessEvaluator evaluator(problem, options_for(dir, command));
  const Evaluation e = evaluator.evaluate_trials(problem, row(0.5, 7, 1), 41);
  REQUIRE(e.all_succeeded());
  CHECK(e.objectives(0, 0) == 1.0);
  CHECK(e.objectives(0, 1) == 7.0);
  CHECK(e.objectives(0, 2) == 7.0);
  CHECK(read_json_file(dir / "trials/41/result.json")["t"] == 41);
}

TEST_CASE(
    "process evaluator: crashes, missing results, timeouts and memory limits are statuses, with messages") {
  test::TempDir dir("process");
  const CommandProblem problem = toy_problem("acc");
  const double inf = std::numeric_limits<double>::infinity();

  SECTION("a non-zero exit keeps the end of stderr") {
    ProcessEvaluator evaluator(problem, options_for(dir, "echo 'CUDA error: out of cheese' >&2; exit 3"));
    const Evaluation e = evaluator.evaluate_trials(problem, row(0.1, 1, 0), 0);
    CHECK(e.status_of(0) == TrialStatus::crashed);
    CHECK(e.message_of(0) == "exit code 3: CUDA error: out of cheese");
    CHECK(e.objectives(0, 0) == inf);
  }
  SECTION("exit 0 without a result") {
    ProcessEvaluator evaluator(problem, options_for(dir, "echo done"));
    const Evaluation e = evaluator.evaluate_trials(problem, row(0.1, 1, 0), 0);
    CHECK(e.status_of(0) == TrialStatus::crashed);
    CHECK(e.message_of(0).find("no result") != std::string::npos);
  }
  SECTION("a value that is not a number, after a good first result") {
    ProcessEvaluator evaluator(
        problem,
        options_for(dir, R"(if [ {trial} = 0 ]; then echo '{"acc": 1}'; else echo '{"acc": "NaN"}'; fi)"));
    CHECK(evaluator.evaluate_trials(problem, row(0.1, 1, 0), 0).all_succeeded());
    const Evaluation e = evaluator.evaluate_trials(problem, row(0.1, 1, 0), 1);
    CHECK(e.status_of(0) == TrialStatus::crashed);
    CHECK(e.message_of(0) == "'acc' is \"NaN\", not a finite number");
  }
  SECTION("a timeout kills the whole process group") {
    auto options = options_for(dir, "sleep 5 & echo $! > {trial_dir}/pid; wait");
    options.timeout_seconds = 0.2;
    ProcessEvaluator evaluator(problem, options);
    const Evaluation e = evaluator.evaluate_trials(problem, row(0.1, 1, 0), 0);
    CHECK(e.status_of(0) == TrialStatus::timeout);
    CHECK(e.message_of(0).find("still running after 0.2 s") != std::string::npos);
    // The grandchild `sleep 5` went with the group: gone (or a zombie
    // about to be reaped by init), never still sleeping.
    const int pid = std::stoi(slurp(dir / "trials/0/pid"));
    std::string state = "gone";
    for (int k = 0; k < 100 && std::filesystem::exists("/proc/" + std::to_string(pid)); ++k) {
      std::istringstream stat(slurp("/proc/" + std::to_string(pid) + "/stat"));
      std::string ignored;
      stat >> ignored >> ignored >> state;
      if (state == "Z" || state.empty()) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK((state == "gone" || state == "Z" || state.empty()));
  }
  SECTION("a memory limit (setrlimit) gives memory_out") {
    auto options = options_for(dir, R"(awk 'BEGIN { s = "x"; while (1) s = s s }')");
    options.memory_limit_bytes = 64u << 20;
    ProcessEvaluator evaluator(problem, options);
    const Evaluation e = evaluator.evaluate_trials(problem, row(0.1, 1, 0), 0);
    CHECK(e.status_of(0) == TrialStatus::memory_out);
    CHECK(e.message_of(0).find("out of memory") != std::string::npos);
  }
}

TEST_CASE("process evaluator: --retries runs a failed trial again") {
  test::TempDir dir("process");
  const CommandProblem problem = toy_problem("acc");
  auto options = options_for(
      dir, R"(if [ -e {trial_dir}/once ]; then echo '{"acc": 2}'; else touch {trial_dir}/once; exit 1; fi)");
  SECTION("enough retries") {
    options.retries = 1;
    ProcessEvaluator evaluator(problem, options);
    const Evaluation e = evaluator.evaluate_trials(problem, row(0.1, 1, 0), 0);
    CHECK(e.all_succeeded());
    CHECK(evaluator.report()["retried_attempts"] == 1);
    CHECK(read_json_file(dir / "trials/0/outcome.json")["attempts"] == 2);
  }
  SECTION("no retries") {
    ProcessEvaluator evaluator(problem, options);
    CHECK(evaluator.evaluate_trials(problem, row(0.1, 1, 0), 0).status_of(0) == TrialStatus::crashed);
  }
}

TEST_CASE("process evaluator: trials run at once and are collected as they finish") {
  test::TempDir dir("process");
  const CommandProblem problem = toy_problem("acc");
  auto options = options_for(dir, R"(sleep {lr}; echo '{"acc": {lr}}')");
  options.workers = 3;
  ProcessEvaluator evaluator(problem, options);
  REQUIRE(evaluator.concurrency() == 3);
  // lr is each trial's sleep: 0.6 s, 0.3 s and 0.001 s.
  evaluator.submit(problem, row(0.6, 1, 0), 0);
  evaluator.submit(problem, row(0.3, 1, 0), 1);
  evaluator.submit(problem, row(0.001, 1, 0), 2);
  CHECK(evaluator.in_flight() == 3);
  std::vector<std::int64_t> order;
  for (int k = 0; k < 3; ++k) order.push_back(evaluator.collect().trial);
  CHECK(order == std::vector<std::int64_t>{2, 1, 0});
  CHECK(evaluator.in_flight() == 0);
  CHECK_THROWS_AS(evaluator.collect(), UsageError);
}

TEST_CASE("process evaluator: bad commands and unknown result names stop the study before trials pile up") {
  test::TempDir dir("process");
  const CommandProblem problem = toy_problem("acc:max,latency_ms");
  CHECK_THROWS_WITH(ProcessEvaluator(problem, options_for(dir, "python3 train.py --depth {depth}")),
                    Catch::Contains("placeholder {depth} names no variable"));
  CHECK_THROWS_WITH(ProcessEvaluator(problem, options_for(dir, "no-such-program-paretokit --lr {lr}")),
                    Catch::Contains("command 'no-such-program-paretokit' not found on PATH"));
  CHECK_THROWS_AS(ProcessEvaluator(problem, options_for(dir, "./missing/train.sh")), UsageError);
  // Shell syntax and {{literal braces}} pass.
  CHECK_NOTHROW(ProcessEvaluator(problem, options_for(dir, "X=1 awk 'BEGIN {{ print }}'")));

  ProcessEvaluator evaluator(problem, options_for(dir, R"(echo '{"accuracy": 0.9, "latency_ms": 3}')"));
  CHECK_THROWS_WITH(evaluator.evaluate_trials(problem, row(0.1, 1, 0), 0),
                    Catch::Contains("names no such value: the result has no 'acc'") &&
                        Catch::Contains("it has: accuracy, latency_ms"));
}

TEST_CASE("process evaluator: on resume a finished trial folder is reused, an unfinished one run again") {
  test::TempDir dir("process");
  const CommandProblem problem = toy_problem("acc");
  const std::string command =
      R"(echo {trial} >> )" + (dir / "runs.log").string() + R"(; echo '{"acc": {width}}')";
  Matrix X(3, 3);
  X << row(0.1, 1, 0), row(0.1, 2, 0), row(0.1, 3, 0);
  {
    ProcessEvaluator evaluator(problem, options_for(dir, command));
    evaluator.evaluate_trials(problem, X, 0);
  }
  // Trial 1 as a kill -9 leaves it: a folder without outcome.json.
  std::filesystem::remove(dir / "trials/1/outcome.json");
  auto options = options_for(dir, command);
  options.reuse_finished = true;
  ProcessEvaluator evaluator(problem, options);
  Matrix changed = X;
  changed(2, 1) = 5;  // trial 2 with another configuration: not the same trial
  const Evaluation e = evaluator.evaluate_trials(problem, changed, 0);
  CHECK(e.objectives.col(0).transpose() == RowVector{{1.0, 2.0, 5.0}});
  CHECK(evaluator.report()["reused_finished_trials"] == 1);
  CHECK(evaluator.report()["rerun_unfinished_trials"] == 2);
  std::string log = slurp(dir / "runs.log");
  std::sort(log.begin(), log.end());
  CHECK(log == "\n\n\n\n\n01122");  // trial 0 ran once, 1 and 2 twice
}

TEST_CASE("process evaluator: objective, constraint and memory flags are parsed strictly") {
  const auto objectives = parse_objectives("accuracy:max, latency_ms:min,size", "--objectives");
  REQUIRE(objectives.size() == 3);
  CHECK(objectives[0].maximize);
  CHECK_FALSE(objectives[1].maximize);
  CHECK(objectives[2].name == "size");
  CHECK_THROWS_WITH(parse_objectives("a:maximum", "--objectives"), Catch::Contains("'min' or 'max'"));
  CHECK_THROWS_WITH(parse_objectives("a,a", "--objectives"), Catch::Contains("named twice"));
  const auto constraints = parse_constraints("memory_mb<=512, acc >= 0.5", "--constraints");
  REQUIRE(constraints.size() == 2);
  CHECK(constraints[0].at_most);
  CHECK(constraints[1].bound == 0.5);
  CHECK_FALSE(constraints[1].at_most);
  CHECK_THROWS_AS(parse_constraints("memory_mb<512", "--constraints"), UsageError);
  CHECK_THROWS_AS(parse_constraints("m<=lots", "--constraints"), UsageError);
  CHECK(parse_memory_size("512M", "--memory-limit") == 512ull << 20);
  CHECK(parse_memory_size("2G", "--memory-limit") == 2ull << 30);
  CHECK(parse_memory_size("1000", "--memory-limit") == 1000);
  CHECK_THROWS_AS(parse_memory_size("lots", "--memory-limit"), UsageError);
  CHECK_THROWS_AS(parse_memory_size("-1G", "--memory-limit"), UsageError);
}

TEST_CASE("process evaluator: kill_running_trials() ends every running trial's group (a second Ctrl-C)") {
  test::TempDir dir("process");
  const CommandProblem problem = toy_problem("acc");
  ProcessEvaluator evaluator(problem, options_for(dir, "sleep 30 & wait"));
  evaluator.submit(problem, row(0.1, 1, 0), 0);
  for (int k = 0; k < 1000 && !std::filesystem::exists(dir / "trials/0/stderr"); ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // spawned and registered
  kill_running_trials();
  const TrialOutcome outcome = evaluator.collect();
  CHECK(outcome.status == TrialStatus::crashed);
  CHECK(outcome.message == "killed by signal 9");
}
