// paretokit sweep end to end: the run folder, usage errors, and a real
// SIGKILL (or Ctrl-C) in the middle of a run followed by --resume, compared
// with an uninterrupted run: same trials (none repeated or dropped), same front.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "io/temp_dir.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/jsonl.hpp"
#include "paretokit/io/run_folder.hpp"

extern char** environ;

using namespace paretokit;

namespace {

// Starts the CLI with stdout and stderr sent to files; returns its pid.
pid_t spawn_cli(std::vector<std::string> args, const std::filesystem::path& output) {
  args.insert(args.begin(), PARETOKIT_CLI);
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  // Default SIGINT and SIGTERM in the child even when this test runs with them
  // ignored (started with `&` from a script): sweep keeps an ignored signal ignored.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  const int error = posix_spawn(&pid, PARETOKIT_CLI, &actions, &attributes, argv.data(), environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(error == 0);
  return pid;
}

int wait_exit_code(pid_t pid) {
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int run_cli(const std::vector<std::string>& args, const std::filesystem::path& output) {
  return wait_exit_code(spawn_cli(args, output));
}

std::vector<std::string> sweep_args(const std::filesystem::path& out, const std::string& threads) {
  // Long enough (a few tenths of a second, checkpoints every 7 generations) that the kill lands in the middle.
  return {"sweep", "--problem", "dtlz2", "--algorithm", "nsga2", "--algorithm-params", R"({"pop_size": 60})",
          "--generations", "600", "--seed", "9", "--threads", threads, "--checkpoint-every", "7",
          // No time bound: checkpoints every 7 generations, so that the kill lands between two.
          "--checkpoint-seconds", "0", "--out", out.string()};
}

}  // namespace

TEST_CASE("sweep: Ctrl-C stops after the generation with a checkpoint and exit 130, resumed it equals an uninterrupted run") {
  test::TempDir dir("sweep");
  REQUIRE(run_cli(sweep_args(dir / "whole", "1"), dir / "whole.log") == 0);

  const auto stopped = dir / "stopped";
  const pid_t pid = spawn_cli(sweep_args(stopped, "1"), dir / "stopped.log");
  int status = 0;
  while (count_jsonl_lines(stopped / "trials.jsonl") < 150 * 60) {
    if (waitpid(pid, &status, WNOHANG) == pid) FAIL("the sweep ended before it could be interrupted");
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  REQUIRE(kill(pid, SIGINT) == 0);
  REQUIRE(waitpid(pid, &status, 0) == pid);
  INFO(read_text_file(dir / "stopped.log"));
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 128 + SIGINT);
  // Every trial logged is counted by the final checkpoint; the run is not finished.
  const auto checkpoint = read_json_file(stopped / "checkpoint.json");
  CHECK(checkpoint["trials"].get<std::uint64_t>() == count_jsonl_lines(stopped / "trials.jsonl"));
  CHECK(checkpoint["trials"].get<std::uint64_t>() < 600 * 60);
  CHECK_FALSE(std::filesystem::exists(stopped / "summary.json"));

  REQUIRE(run_cli({"sweep", "--resume", stopped.string(), "--threads", "2"}, dir / "resume.log") == 0);
  INFO(read_text_file(dir / "resume.log"));
  CHECK(read_text_file(dir / "resume.log").find("(0 trials after the checkpoint evaluated again)") !=
        std::string::npos);
  CHECK(read_text_file(stopped / "trials.jsonl") == read_text_file(dir / "whole" / "trials.jsonl"));
  CHECK(read_text_file(stopped / "front.txt") == read_text_file(dir / "whole" / "front.txt"));
}

TEST_CASE("sweep: killed with SIGKILL mid-run and resumed equals an uninterrupted run") {
  test::TempDir dir("sweep");
  REQUIRE(run_cli(sweep_args(dir / "whole", "1"), dir / "whole.log") == 0);

  const auto killed = dir / "killed";
  const pid_t pid = spawn_cli(sweep_args(killed, "2"), dir / "killed.log");
  // Wait until a good part of the run (but not all of it) is logged, then kill.
  const std::uint64_t kill_after = 150 * 60;
  int status = 0;
  while (count_jsonl_lines(killed / "trials.jsonl") < kill_after) {
    // A run that ended by itself (an error, or a machine fast beyond belief) must not hang the test.
    if (waitpid(pid, &status, WNOHANG) == pid) FAIL("the sweep ended before it could be killed");
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  REQUIRE(kill(pid, SIGKILL) == 0);
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFSIGNALED(status));  // it really died mid-run
  const auto logged = count_jsonl_lines(killed / "trials.jsonl");
  INFO("trials logged at the kill: " << logged);
  CHECK(logged < 600 * 60);
  CHECK_FALSE(std::filesystem::exists(killed / "summary.json"));

  REQUIRE(run_cli({"sweep", "--resume", killed.string(), "--threads", "1"}, dir / "resume.log") == 0);
  INFO(read_text_file(dir / "resume.log"));
  const auto whole_trials = read_trials((dir / "whole") / "trials.jsonl");
  const auto resumed_trials = read_trials(killed / "trials.jsonl");
  REQUIRE(resumed_trials.trial.size() == 600 * 60);
  for (std::size_t i = 0; i < resumed_trials.trial.size(); ++i) {
    if (resumed_trials.trial[i] != static_cast<std::int64_t>(i)) FAIL("trial " << i << " repeated or dropped");
  }
  CHECK(read_text_file(killed / "trials.jsonl") == read_text_file(dir / "whole" / "trials.jsonl"));
  CHECK(read_text_file(killed / "front.txt") == read_text_file(dir / "whole" / "front.txt"));
  const auto a = read_json_file(killed / "summary.json"), b = read_json_file(dir / "whole" / "summary.json");
  CHECK(a["evaluations"] == b["evaluations"]);
  CHECK(a["hypervolume"] == b["hypervolume"]);
  CHECK(a["igd"] == b["igd"]);
}

TEST_CASE("sweep: run folder contents, --json, and usage errors") {
  test::TempDir dir("sweep");
  const auto out = dir / "run";
  REQUIRE(run_cli({"sweep", "--problem", "zdt1", "--algorithm", "nsga2", "--algorithm-params", R"({"pop_size":20})",
                   "--evaluations", "200", "--out", out.string(), "--json"},
                  dir / "json.log") == 0);
  const auto summary = read_json_file(dir / "json.log");  // stdout is exactly summary.json
  CHECK(summary == read_json_file(out / "summary.json"));
  CHECK(summary["evaluations"] == 200);
  CHECK(summary["generations"] == 10);
  CHECK(summary["hypervolume"]["reference"] == nlohmann::json::parse("[1.1, 1.1]"));
  CHECK(summary["igd"]["value"].get<double>() > 0);
  const auto config = read_json_file(out / "config.json");
  CHECK(config["problem"] == "zdt1");
  CHECK(config["termination"]["evaluations"] == 200);
  CHECK(config["checkpoint_every"] == 10);
  CHECK(config["checkpoint_seconds"] == 1.0);
  for (const char* file : {"trials.jsonl", "front.txt", "front.json", "checkpoint.json"}) {
    CHECK(std::filesystem::exists(out / file));
  }
  CHECK(count_jsonl_lines(out / "trials.jsonl") == 200);

  auto error_of = [&](std::vector<std::string> args) {
    const int code = run_cli(args, dir / "error.log");
    INFO(read_text_file(dir / "error.log"));
    CHECK(read_text_file(dir / "error.log").rfind("paretokit: error: ", 0) == 0);
    return code;
  };
  CHECK(error_of({"sweep", "--problem", "zdt1", "--algorithm", "nsga2", "--out", out.string()}) == 2);  // taken
  CHECK(error_of({"sweep", "--problem", "nope", "--algorithm", "nsga2", "--out", (dir / "x").string()}) == 2);
  CHECK(error_of({"sweep", "--problem", "zdt1", "--algorithm", "nope", "--out", (dir / "x").string()}) == 2);
  CHECK(error_of({"sweep", "--problem", "zdt1", "--algorithm", "nsga2", "--algorithm-params", "{bad",
                  "--out", (dir / "x").string()}) == 2);
  CHECK(error_of({"sweep", "--problem", "zdt1", "--algorithm", "nsga2", "--generations", "-3"}) == 2);
  CHECK(error_of({"sweep", "--algorithm", "nsga2"}) == 2);
  CHECK(error_of({"sweep", "--resume", (dir / "missing").string()}) == 2);
  CHECK(error_of({"sweep", "--resume", out.string(), "--seed", "4"}) == 2);
  CHECK(error_of({"sweep", "--resume", out.string(), "--checkpoint-seconds", "0"}) == 2);
  CHECK(error_of({"sweep", "--problem", "zdt1", "--algorithm", "nsga2", "--checkpoint-seconds", "-1",
                  "--out", (dir / "x").string()}) == 2);
  CHECK(run_cli({"sweep", "--help"}, dir / "help.log") == 0);
}
