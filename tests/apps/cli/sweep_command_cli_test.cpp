// paretokit sweep --command end to end with the dependency-free example
// (data/examples/toy/evaluate.sh): trial folders, failed trials recorded
// and the study going on, errors before anything runs, and a kill -9 in the
// middle of the study followed by --resume: no finished trial repeated,
// none lost, the ones cut by the kill run again and counted.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "io/temp_dir.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/run_folder.hpp"

using namespace paretokit;

namespace {

const std::string kToy = std::string(PARETOKIT_SOURCE_DIR) + "/data/examples/toy";

int run_cli(const std::string& args, const std::filesystem::path& log) {
  const std::string command = std::string(PARETOKIT_CLI) + " " + args + " > " + log.string() + " 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string toy_args(const std::filesystem::path& out, const std::string& command, int budget, int workers) {
  return "sweep --space " + kToy + "/space.json --command '" + command +
         "' --objectives f1,f2:max --constraints 'cost<=8' --budget " + std::to_string(budget) +
         " --workers " + std::to_string(workers) +
         " --seed 4 --checkpoint-every 1 --checkpoint-seconds 0 --out " + out.string();
}

}  // namespace

TEST_CASE("sweep --command: trial folders, failed trials recorded, the study goes on") {
  test::TempDir dir("sweep-command");
  const auto out = dir / "run";
  ::setenv("TOY_CRASH_ABOVE", "2.5", 1);
  const int code = run_cli(toy_args(out, "sh " + kToy + "/evaluate.sh", 24, 3), dir / "log");
  ::unsetenv("TOY_CRASH_ABOVE");
  INFO(slurp(dir / "log"));
  REQUIRE(code == 0);
  const TrialRecords trials = read_trials(out / "trials.jsonl");
  REQUIRE(trials.x.rows() == 24);
  std::int64_t crashed = 0;
  for (Index i = 0; i < 24; ++i) {
    const bool fails = trials.x(i, 0) > 2.5;
    CHECK((trials.status[static_cast<std::size_t>(i)] == TrialStatus::crashed) == fails);
    if (fails) {
      ++crashed;
      CHECK(trials.message[static_cast<std::size_t>(i)] ==
            "exit code 1: toy: x = " +
                read_json_file(out / "trials" / std::to_string(i) / "config.json")["x"].dump() +
                " is above 2.5, giving up");
    } else {
      // f2 is maximized: the log holds the library's (negated) value.
      const nlohmann::json values =
          read_json_file(out / "trials" / std::to_string(i) / "outcome.json")["values"];
      CHECK(trials.f(i, 1) == -values["f2"].get<double>());
      CHECK(trials.g(i, 0) == values["cost"].get<double>() - 8);
    }
  }
  CHECK(crashed > 0);
  const nlohmann::json summary = read_json_file(out / "summary.json");
  CHECK(summary["failed_trials"] == crashed);
  CHECK(summary["evaluator"]["workers"] == 3);
  CHECK(summary["evaluator"]["utilization"].get<double>() > 0);
  const nlohmann::json config = read_json_file(out / "config.json");
  CHECK(config["problem"] == "command");
  CHECK(config["evaluator"]["space"] == read_json_file(kToy + "/space.json"));
  CHECK(std::filesystem::exists(out / "trials/23/stdout"));
}

TEST_CASE("sweep --command: bad input fails before anything runs or is written") {
  test::TempDir dir("sweep-command");
  const auto out = dir / "run";
  const std::string good = "sh " + kToy + "/evaluate.sh";
  auto expect_usage_error = [&](const std::string& args, const std::string& message) {
    INFO(args);
    CHECK(run_cli(args, dir / "log") == 2);
    CHECK(slurp(dir / "log").find(message) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out / "config.json"));
  };
  expect_usage_error(toy_args(out, good, 0, 1), "--budget: must be > 0");
  expect_usage_error(toy_args(out, good + " {depth}", 10, 1), "placeholder {depth} names no variable");
  expect_usage_error(toy_args(out, "no-such-trainer-xyz {x}", 10, 1),
                     "'no-such-trainer-xyz' not found on PATH");
  expect_usage_error(toy_args(out, good, 10, 0), "--workers: must be >= 1");
  expect_usage_error("sweep --command 'true' --objectives a --budget 3 --out " + out.string(),
                     "needs --space");
  expect_usage_error("sweep --space " + kToy + "/space.json --budget 3 --out " + out.string(),
                     "needs --command");
  // An objective the program does not report: at the first result, naming what it has.
  std::string args = toy_args(out, good, 10, 1);
  args.replace(args.find("f1,f2:max"), 9, "f1,accuracy:max");
  CHECK(run_cli(args, dir / "log") == 2);
  CHECK(slurp(dir / "log").find("the result has no 'accuracy'; it has: cost, f1, f2") != std::string::npos);
}

TEST_CASE("sweep --command: kill -9 mid-study, --resume repeats no finished trial and loses none") {
  test::TempDir dir("sweep-command");
  const std::string toy = "sh " + kToy + "/evaluate.sh";
  REQUIRE(run_cli(toy_args(dir / "whole", toy, 30, 2), dir / "whole.log") == 0);

  // Trial 17 logs itself, then kills the sweep (its parent) with SIGKILL, once.
  const auto runs = dir / "runs.log";
  const auto mark = dir / "killed";
  const std::string command = "echo {trial} >> " + runs.string() + "; if [ {trial} = 17 ] && [ ! -e " +
                              mark.string() + " ]; then touch " + mark.string() +
                              "; kill -9 $PPID; exit 1; fi; " + toy;
  const auto out = dir / "killed-run";
  CHECK(run_cli(toy_args(out, command, 30, 2), dir / "killed.log") != 0);
  REQUIRE(std::filesystem::exists(mark));
  CHECK_FALSE(std::filesystem::exists(out / "summary.json"));
  const int code = run_cli("sweep --resume " + out.string(), dir / "resumed.log");
  INFO(slurp(dir / "resumed.log"));
  REQUIRE(code == 0);

  // The log equals the uninterrupted study's, byte for byte.
  CHECK(slurp(out / "trials.jsonl") == slurp(dir / "whole/trials.jsonl"));
  // Each trial ran once, except those running at the kill.
  std::map<int, int> times;
  std::istringstream lines(slurp(runs));
  for (int trial = 0; lines >> trial;) ++times[trial];
  int rerun = 0;
  for (int trial = 0; trial < 30; ++trial) {
    INFO("trial " << trial);
    CHECK((times[trial] == 1 || times[trial] == 2));
    rerun += times[trial] == 2;
  }
  CHECK(times[17] == 2);
  CHECK(rerun <= 2);  // two workers
  const nlohmann::json summary = read_json_file(out / "summary.json");
  CHECK(summary["evaluator"]["rerun_unfinished_trials"] == rerun);
  CHECK(slurp(dir / "resumed.log").find(std::to_string(rerun) + " cut by the interruption run again") !=
        std::string::npos);
}

TEST_CASE("sweep --command: Ctrl-C kills the running trials at once, and --resume runs them again") {
  test::TempDir dir("sweep-command");
  const auto out = dir / "run";
  const auto slow = dir / "slow";
  std::ofstream(slow.string()) << "";
  // While `slow` exists, trials 6 and later sleep (for the signal to land).
  const std::string command =
      "if [ {trial} -ge 6 ] && [ -e " + slow.string() + " ]; then sleep 30; fi; sh " + kToy + "/evaluate.sh";
  const std::string args = toy_args(out, command, 12, 2);
  const std::string cli = std::string(PARETOKIT_CLI) + " " + args + " > " + (dir / "log").string() + " 2>&1";
  FILE* shell = ::popen(("exec " + cli).c_str(), "w");  // exec: the shell's pid is the sweep's
  REQUIRE(shell != nullptr);
  for (int k = 0; k < 2000 && !std::filesystem::exists(out / "trials/7/config.json"); ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(std::filesystem::exists(out / "trials/7/config.json"));
  // popen gives no pid: signal the sweep through its process, found in /proc
  // as this process's child (the exec'ed shell) running the CLI with our
  // --out. A trial being spawned has the sweep's command line too until its
  // exec, but the sweep as its parent: signalling it instead lost the race.
  int sweep_pid = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string cmdline = slurp(entry.path() / "cmdline");
    std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
    if (cmdline.find(PARETOKIT_CLI) != 0 || cmdline.find(out.string()) == std::string::npos) continue;
    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces.
    const std::string stat = slurp(entry.path() / "stat");
    std::istringstream after_comm(stat.substr(stat.rfind(')') + 1));
    std::string state;
    int parent = 0;
    after_comm >> state >> parent;
    if (parent == ::getpid()) sweep_pid = std::stoi(name);
  }
  REQUIRE(sweep_pid > 0);
  ::kill(sweep_pid, SIGINT);
  const int status = ::pclose(shell);
  CHECK(WEXITSTATUS(status) == 130);
  CHECK_FALSE(std::filesystem::exists(out / "trials/7/outcome.json"));  // killed, not recorded
  CHECK_FALSE(std::filesystem::exists(out / "summary.json"));

  std::filesystem::remove(slow);
  REQUIRE(run_cli("sweep --resume " + out.string(), dir / "resumed.log") == 0);
  CHECK(read_trials(out / "trials.jsonl").x.rows() == 12);
  CHECK(read_json_file(out / "summary.json")["evaluator"]["rerun_unfinished_trials"].get<int>() >= 1);
}

TEST_CASE(
    "sweep --command, steady state (SMS-EMOA, 3 workers): kill -9 mid-study, --resume loses and repeats "
    "nothing") {
  test::TempDir dir("sweep-command");
  const std::string toy = "sh " + kToy + "/evaluate.sh";
  // Trial 17 logs itself, then kills the sweep (its parent) with SIGKILL, once;
  // trials of unequal length (by trial number) make the results arrive out of order.
  const auto runs = dir / "runs.log";
  const auto mark = dir / "killed";
  const std::string command = "echo {trial} >> " + runs.string() + "; if [ {trial} = 17 ] && [ ! -e " +
                              mark.string() + " ]; then touch " + mark.string() +
                              "; kill -9 $PPID; exit 1; fi; sleep 0.0$(( ({trial} * 7) % 5 )); " + toy;
  const auto out = dir / "run";
  const std::string args = toy_args(out, command, 30, 3) + " --algorithm smsemoa";
  CHECK(run_cli(args, dir / "killed.log") != 0);
  REQUIRE(std::filesystem::exists(mark));
  CHECK(read_json_file(out / "checkpoint.json").contains("steady_state"));
  const int code = run_cli("sweep --resume " + out.string(), dir / "resumed.log");
  INFO(slurp(dir / "resumed.log"));
  REQUIRE(code == 0);

  // Every trial once in the log (in the order results arrived), all successful.
  const TrialRecords trials = read_trials(out / "trials.jsonl");
  REQUIRE(trials.trial.size() == 30);
  CHECK(std::set<std::int64_t>(trials.trial.begin(), trials.trial.end()).size() == 30);
  for (const auto status : trials.status) CHECK(status == TrialStatus::success);
  // Each trial ran once, except those running at the kill (trial 17 among them).
  std::map<int, int> times;
  std::istringstream lines(slurp(runs));
  for (int trial = 0; lines >> trial;) ++times[trial];
  int rerun = 0;
  for (int trial = 0; trial < 30; ++trial) {
    INFO("trial " << trial);
    CHECK((times[trial] == 1 || times[trial] == 2));
    rerun += times[trial] == 2;
  }
  CHECK(times[17] == 2);
  CHECK(rerun <= 3);  // three workers
  const nlohmann::json summary = read_json_file(out / "summary.json");
  CHECK(summary["evaluator"]["rerun_unfinished_trials"] == rerun);
  CHECK(summary["evaluations"] == 30);
}
