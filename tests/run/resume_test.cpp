// A run killed and resumed must end exactly as an uninterrupted run: same
// trials (none repeated, none missing), same population, same front.
#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>

#include "io/temp_dir.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/jsonl.hpp"
#include "paretokit/io/run_folder.hpp"
#include "paretokit/run/run.hpp"
#include "run/toy.hpp"

using namespace paretokit;
using test::ToyAlgorithm;
using test::ToyProblem;

namespace {

struct Crash {};  // what a kill -9 looks like to the loop: it just stops

RunOptions options_for(const std::filesystem::path& out, int threads) {
  RunOptions options;
  options.seed = 5;
  options.threads = threads;
  options.max_generations = 20;
  options.checkpoint_every = 3;
  options.checkpoint_min_seconds = 0;
  options.output_directory = out;
  return options;
}

// Runs until the callback "crashes" after `crash_generation`.
void crashed_run(const Problem& problem, const std::filesystem::path& out, std::int64_t crash_generation) {
  ToyAlgorithm algorithm(16);
  RunOptions options = options_for(out, 2);
  options.callbacks.push_back([&](const GenerationReport& report) -> bool {
    if (report.generation == crash_generation) throw Crash{};
    return true;
  });
  CHECK_THROWS_AS(run(problem, algorithm, options), Crash);
}

RunResult resumed_run(const Problem& problem, const std::filesystem::path& out) {
  ToyAlgorithm algorithm(16);
  RunOptions options = options_for(out, 1);
  options.resume = true;
  return run(problem, algorithm, options);
}

void check_same(const RunResult& resumed, const RunResult& reference, const std::filesystem::path& resumed_dir,
                const std::filesystem::path& reference_dir) {
  CHECK(resumed.generations == reference.generations);
  CHECK(resumed.evaluations == reference.evaluations);
  CHECK((resumed.population_x.array() == reference.population_x.array()).all());
  CHECK((resumed.front_f.array() == reference.front_f.array()).all());
  for (const char* file : {"trials.jsonl", "front.txt", "front.json"}) {
    INFO(file);
    CHECK(read_text_file(resumed_dir / file) == read_text_file(reference_dir / file));
  }
}

}  // namespace

TEST_CASE("resume: killed after a generation past the checkpoint, then resumed") {
  test::TempDir dir("resume");
  ToyProblem problem;
  ToyAlgorithm algorithm(16);
  const auto reference = run(problem, algorithm, options_for(dir / "whole", 1));

  crashed_run(problem, dir / "killed", 8);  // checkpoint at 6, trials of 7 and 8 logged
  CHECK(read_json_file(dir / "killed" / "checkpoint.json")["generation"] == 6);
  CHECK(count_jsonl_lines(dir / "killed" / "trials.jsonl") == 8 * 16);
  const auto resumed = resumed_run(problem, dir / "killed");
  CHECK(resumed.resumed);
  CHECK(resumed.resumed_generation == 6);
  CHECK(resumed.dropped_trials == 2 * 16);
  check_same(resumed, reference, dir / "killed", dir / "whole");
}

TEST_CASE("resume: a kill that took the trials still queued for the I/O thread") {
  // The log then ends exactly at the checkpoint's count (a throwing callback,
  // as above, lets the writer finish its queue; a SIGKILL does not).
  test::TempDir dir("resume");
  ToyProblem problem;
  ToyAlgorithm algorithm(16);
  const auto reference = run(problem, algorithm, options_for(dir / "whole", 1));
  crashed_run(problem, dir / "killed", 8);  // checkpoint at 6
  truncate_jsonl(dir / "killed" / "trials.jsonl", 6 * 16);
  const auto resumed = resumed_run(problem, dir / "killed");
  CHECK(resumed.resumed_generation == 6);
  CHECK(resumed.dropped_trials == 0);
  check_same(resumed, reference, dir / "killed", dir / "whole");
}

TEST_CASE("resume: a kill in the middle of writing (torn trial line, stale checkpoint temp file)") {
  test::TempDir dir("resume");
  ToyProblem problem(5, true);
  ToyAlgorithm algorithm(16);
  const auto reference = run(problem, algorithm, options_for(dir / "whole", 2));

  const auto out = dir / "killed";
  crashed_run(problem, out, 10);  // checkpoint at 9
  // The kill hit while a trial line and the next checkpoint were being written.
  std::ofstream(out / "trials.jsonl", std::ios::app) << "{\"trial\":160,\"generation\":11,\"x\":[0.12";
  std::ofstream(out / "checkpoint.json.tmp") << "{\"format\":\"paretokit-checkpoint\",\"generation\":12,\"sta";
  CHECK(read_jsonl(out / "trials.jsonl").dropped_torn_line);

  const auto resumed = resumed_run(problem, out);
  CHECK(resumed.resumed_generation == 9);
  CHECK(resumed.dropped_trials == 16);
  CHECK_FALSE(std::filesystem::exists(out / "checkpoint.json.tmp"));
  check_same(resumed, reference, out, dir / "whole");
  CHECK_FALSE(read_jsonl(out / "trials.jsonl").dropped_torn_line);
}

TEST_CASE("resume: killed before the first checkpoint starts afresh, and a finished run stays finished") {
  test::TempDir dir("resume");
  ToyProblem problem;
  ToyAlgorithm algorithm(16);
  const auto reference = run(problem, algorithm, options_for(dir / "whole", 1));

  crashed_run(problem, dir / "early", 2);  // no checkpoint yet
  CHECK_FALSE(std::filesystem::exists(dir / "early" / "checkpoint.json"));
  const auto resumed = resumed_run(problem, dir / "early");
  CHECK_FALSE(resumed.resumed);
  check_same(resumed, reference, dir / "early", dir / "whole");

  // Resuming the finished run evaluates nothing more and rewrites the same files.
  const auto again = resumed_run(problem, dir / "whole");
  CHECK(again.resumed_generation == 20);
  CHECK(again.dropped_trials == 0);
  check_same(again, reference, dir / "whole", dir / "early");
}

TEST_CASE("resume: a stop request ends the run with a checkpoint and no summary, resumed it ends as uninterrupted") {
  test::TempDir dir("resume");
  ToyProblem problem;
  ToyAlgorithm algorithm(16);
  const auto reference = run(problem, algorithm, options_for(dir / "whole", 1));

  const auto out = dir / "stopped";
  std::atomic<bool> stop{false};
  RunOptions options = options_for(out, 2);
  options.stop_request = &stop;
  options.callbacks.push_back([&](const GenerationReport& report) {
    if (report.generation == 8) stop = true;  // as a signal handler would, mid-generation
    return true;
  });
  ToyAlgorithm stopped_algorithm(16);
  const auto stopped = run(problem, stopped_algorithm, options);
  CHECK(stopped.stop_reason == "interrupted");
  CHECK(stopped.generations == 8);
  // Checkpointed at the stop (the periodic ones fall on 3 and 6), nothing to drop.
  CHECK(read_json_file(out / "checkpoint.json")["generation"] == 8);
  CHECK(count_jsonl_lines(out / "trials.jsonl") == 8 * 16);
  for (const char* file : {"summary.json", "front.txt", "front.json"}) {
    INFO(file);
    CHECK_FALSE(std::filesystem::exists(out / file));  // the run is not finished
  }
  const auto resumed = resumed_run(problem, out);
  CHECK(resumed.resumed_generation == 8);
  CHECK(resumed.dropped_trials == 0);
  check_same(resumed, reference, out, dir / "whole");
}

TEST_CASE("resume: a checkpoint of another run or a damaged log is an input error") {
  test::TempDir dir("resume");
  ToyProblem problem;
  ToyAlgorithm algorithm(16);
  run(problem, algorithm, options_for(dir / "a", 1));
  RunOptions options = options_for(dir / "a", 1);
  options.resume = true;
  options.seed = 6;  // the checkpoint is of seed 5
  CHECK_THROWS_AS(run(problem, algorithm, options), InputError);
  ToyProblem other(7);
  options.seed = 5;
  CHECK_THROWS_AS(run(other, algorithm, options), InputError);
  truncate_jsonl(dir / "a" / "trials.jsonl", 100);  // fewer trials than the checkpoint counts
  CHECK_THROWS_AS(run(problem, algorithm, options), InputError);
}
