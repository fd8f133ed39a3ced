#include <catch2/catch.hpp>

#include "io/temp_dir.hpp"
#include "paretokit/indicators/distance_indicators.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/jsonl.hpp"
#include "paretokit/io/run_folder.hpp"
#include "paretokit/run/run.hpp"
#include "paretokit/run/summary.hpp"
#include "run/toy.hpp"

using namespace paretokit;
using test::ToyAlgorithm;
using test::ToyProblem;

namespace {

// A run of `generations` that writes its folder to `out`, checkpointing
// every `checkpoint_every` generations.
RunOptions folder_run(const std::filesystem::path& out, std::int64_t generations, std::int64_t checkpoint_every) {
  RunOptions options;
  options.max_generations = generations;
  options.checkpoint_every = checkpoint_every;
  options.checkpoint_min_seconds = 0;  // exactly every checkpoint_every generations
  options.output_directory = out;
  return options;
}

}  // namespace

TEST_CASE("run: stops by generations, evaluations, callback and default budget") {
  ToyProblem problem;
  ToyAlgorithm algorithm(10);
  RunOptions options;
  options.progress = false;
  options.max_generations = 7;
  auto result = run(problem, algorithm, options);
  CHECK(result.generations == 7);
  CHECK(result.evaluations == 70);
  CHECK(result.stop_reason == "generations");

  options = {};
  options.max_evaluations = 95;  // overshoots to the end of the batch
  result = run(problem, algorithm, options);
  CHECK(result.evaluations == 100);
  CHECK(result.stop_reason == "evaluations");

  options = {};
  std::int64_t seen = 0;
  options.callbacks.push_back([&](const GenerationReport& report) {
    seen = report.generation;
    CHECK(report.batch_x->rows() == 10);
    CHECK(report.algorithm->population_f().rows() == 10);
    return report.generation < 4;
  });
  result = run(problem, algorithm, options);
  CHECK(seen == 4);
  CHECK(result.stop_reason == "callback");

  result = run(problem, algorithm, RunOptions{});
  CHECK(result.generations == kDefaultGenerations);
}

TEST_CASE("run: target hypervolume and the front of the result") {
  ToyProblem problem(4);
  ToyAlgorithm algorithm(30);
  RunOptions options;
  options.max_generations = 2000;
  options.target_hypervolume = 0.5;  // reference (1.1, 1.1) from the nadir
  const auto result = run(problem, algorithm, options);
  CHECK(result.stop_reason == "target_hypervolume");
  CHECK(result.generations < 2000);
  Vector reference = Vector::Constant(2, 1.1);
  CHECK(hypervolume(result.front_f, reference) >= 0.5);
  // The front is the non-dominated part of the population.
  REQUIRE(result.front_f.rows() == static_cast<Index>(result.front_indices.size()));
  for (Index i = 0; i < result.front_f.rows(); ++i) {
    for (Index j = 0; j < result.population_f.rows(); ++j) {
      const auto a = result.population_f.row(j), b = result.front_f.row(i);
      CHECK_FALSE(((a.array() <= b.array()).all() && (a.array() < b.array()).any()));
    }
  }
  RunOptions bad;
  bad.target_hypervolume = 1;
  bad.hypervolume_reference = Vector::Ones(3);
  CHECK_THROWS_AS(run(problem, algorithm, bad), UsageError);
  bad = {};
  bad.resume = true;
  CHECK_THROWS_AS(run(problem, algorithm, bad), UsageError);
  bad = {};
  bad.max_evaluations = -1;
  CHECK_THROWS_WITH(run(problem, algorithm, bad), Catch::Contains("RunOptions.max_evaluations"));
}

TEST_CASE("run: constraints keep infeasible members out of the front") {
  ToyProblem problem(4, true);
  ToyAlgorithm algorithm(20);
  RunOptions options;
  options.max_generations = 30;
  const auto result = run(problem, algorithm, options);
  REQUIRE(result.front_f.rows() > 0);
  CHECK((result.front_x.col(0).array() >= 0.1).all());
  CHECK(result.feasible == 20);
}

TEST_CASE("run: the same seed gives identical results with 1 and 2 threads") {
  ToyProblem problem;
  std::vector<RunResult> results;
  for (int threads : {1, 2, 0}) {
    ToyAlgorithm algorithm(200);
    RunOptions options;
    options.seed = 11;
    options.threads = threads;
    options.max_generations = 20;
    results.push_back(run(problem, algorithm, options));
  }
  for (const auto& result : results) {
    CHECK((result.population_x.array() == results[0].population_x.array()).all());
    CHECK((result.front_f.array() == results[0].front_f.array()).all());
  }
  ToyAlgorithm other(200);
  RunOptions options;
  options.seed = 12;
  options.max_generations = 20;
  CHECK_FALSE((run(problem, other, options).population_x.array() == results[0].population_x.array()).all());
}

TEST_CASE("run: the run folder holds every trial, the front and the summary") {
  test::TempDir dir("run");
  ToyProblem problem;
  ToyAlgorithm algorithm(10);
  RunOptions options = folder_run(dir / "out", 12, 5);
  const auto result = run(problem, algorithm, options);
  RunFolder folder(options.output_directory);

  const auto trials = read_trials(folder.trials_path());
  REQUIRE(trials.trial.size() == 120);
  for (std::size_t i = 0; i < 120; ++i) {
    CHECK(trials.trial[i] == static_cast<std::int64_t>(i));
    CHECK(trials.generation[i] == static_cast<std::int64_t>(i / 10 + 1));
  }
  // Every population member is one of the logged trials, with its objectives.
  for (Index i = 0; i < result.population_x.rows(); ++i) {
    bool found = false;
    for (Index t = 0; t < trials.x.rows() && !found; ++t) {
      found = (trials.x.row(t).array() == result.population_x.row(i).array()).all() &&
              (trials.f.row(t).array() == result.population_f.row(i).array()).all();
    }
    CHECK(found);
  }

  const auto checkpoint = read_json_file(folder.checkpoint_path());
  CHECK(checkpoint["generation"] == 12);  // final state, after the one at 10
  CHECK(checkpoint["trials"] == 120);
  const auto summary = read_json_file(folder.summary_path());
  CHECK(summary["evaluations"] == 120);
  CHECK(summary["generations"] == 12);
  CHECK(summary["front_size"] == result.front_f.rows());
  CHECK(summary["hypervolume"]["reference_source"] ==
        "problem nadir and Pareto front: ideal + 1.1 (nadir - ideal)");
  CHECK(summary["hypervolume"]["method"] == "exact");
  CHECK(summary["hypervolume"]["value"].get<double>() ==
        Approx(hypervolume(result.front_f, Vector::Constant(2, 1.1))));
  CHECK(summary["igd"]["value"].get<double>() > 0);
  // The summary's own IGD loop gives igd()'s value to the last bit.
  CHECK(summary["igd"]["value"].get<double>() == igd(result.front_f, *problem.pareto_front(10000)));
  CHECK(summary["seconds"].get<double>() >= 0);
  CHECK(std::filesystem::exists(folder.front_txt_path()));
  CHECK(std::filesystem::exists(folder.front_json_path()));
}

TEST_CASE("run: checkpoint_min_seconds bounds how often checkpoints are written") {
  test::TempDir dir("run");
  ToyProblem problem;
  ToyAlgorithm algorithm(10);
  RunOptions options = folder_run(dir / "out", 12, 1);
  options.checkpoint_min_seconds = 3600;  // none while running, only the final one
  int seen = 0;
  options.callbacks.push_back([&](const GenerationReport&) {
    ++seen;
    CHECK_FALSE(std::filesystem::exists(dir / "out" / "checkpoint.json"));
    return true;
  });
  const auto result = run(problem, algorithm, options);
  CHECK(seen == 12);
  CHECK(read_json_file(dir / "out" / "checkpoint.json")["generation"] == 12);

  // The same run checkpointed every generation ends with the same trials and front.
  ToyAlgorithm again(10);
  options.checkpoint_min_seconds = 0;
  options.output_directory = dir / "every";
  options.callbacks.clear();
  const auto every = run(problem, again, options);
  CHECK((every.front_f.array() == result.front_f.array()).all());
  CHECK(read_text_file(dir / "every" / "trials.jsonl") == read_text_file(dir / "out" / "trials.jsonl"));

  options.checkpoint_min_seconds = -1;
  CHECK_THROWS_AS(run(problem, again, options), UsageError);
}

TEST_CASE("run: a checkpoint that cannot be written fails the run (the I/O thread's error surfaces)") {
  test::TempDir dir("run");
  ToyProblem problem;
  ToyAlgorithm algorithm(10);
  RunOptions options = folder_run(dir / "out", 12, 2);
  // A non-empty directory where the checkpoint's temporary file must go:
  // opening it for writing fails on the I/O thread.
  std::filesystem::create_directories(options.output_directory / "checkpoint.json.tmp" / "blocker");
  CHECK_THROWS_AS(run(problem, algorithm, options), Error);
  CHECK_FALSE(std::filesystem::exists(options.output_directory / "summary.json"));
}

TEST_CASE("run: a trial log that cannot be written fails the run (the I/O thread's error surfaces)") {
  if (!std::filesystem::is_character_file("/dev/full")) return;  // Linux's always-full device
  test::TempDir dir("run");
  ToyProblem problem;
  ToyAlgorithm algorithm(10);
  RunOptions options = folder_run(dir / "out", 12, 2);
  std::filesystem::create_directories(options.output_directory);
  // Every write to /dev/full fails with "no space left on device".
  std::filesystem::create_symlink("/dev/full", options.output_directory / "trials.jsonl");
  // Opening it works: the error comes from a write on the I/O thread.
  CHECK_THROWS_WITH(run(problem, algorithm, options), Catch::Contains("cannot append"));
  CHECK_FALSE(std::filesystem::exists(options.output_directory / "checkpoint.json"));
  CHECK_FALSE(std::filesystem::exists(options.output_directory / "summary.json"));
}

TEST_CASE("run: a checkpoint on disk never counts trials that are not in trials.jsonl yet") {
  // Trials are written on the I/O thread; the checkpoint queued behind them
  // is renamed into place only after they are synced. Checked at every
  // generation, while the I/O thread may still be busy.
  test::TempDir dir("run");
  ToyProblem problem;
  ToyAlgorithm algorithm(50);
  RunOptions options = folder_run(dir / "out", 60, 1);
  std::int64_t checked = 0;
  options.callbacks.push_back([&](const GenerationReport&) {
    const auto checkpoint_path = options.output_directory / "checkpoint.json";
    if (!std::filesystem::exists(checkpoint_path)) return true;
    const auto counted = read_json_file(checkpoint_path)["trials"].get<std::uint64_t>();
    CHECK(count_jsonl_lines(options.output_directory / "trials.jsonl") >= counted);
    ++checked;
    return true;
  });
  run(problem, algorithm, options);
  CHECK(checked > 0);
  CHECK(count_jsonl_lines(options.output_directory / "trials.jsonl") == 60 * 50);
}

TEST_CASE("run: trial observers see every batch in trial order, exact_evaluations cuts the last one") {
  test::TempDir dir("run");
  ToyProblem problem;
  for (const bool exact : {false, true}) {
    INFO("exact " << exact);
    ToyAlgorithm algorithm(10);
    RunOptions options;
    options.max_evaluations = 25;
    options.exact_evaluations = exact;
    options.output_directory = dir / (exact ? "exact" : "whole");
    std::vector<TrialBatch> seen;
    std::vector<Index> rows;
    options.trial_observers.push_back([&](const TrialBatch& batch) {
      seen.push_back(batch);
      rows.push_back(batch.x->rows());
      CHECK(batch.evaluation->objectives.rows() == batch.x->rows());
      CHECK(batch.start_time <= batch.end_time);
      CHECK(batch.seconds >= 0);
    });
    int generations_seen = 0;
    options.callbacks.push_back([&](const GenerationReport&) { return ++generations_seen, true; });
    const auto result = run(problem, algorithm, options);
    CHECK(result.stop_reason == "evaluations");
    CHECK(rows == (exact ? std::vector<Index>{10, 10, 5} : std::vector<Index>{10, 10, 10}));
    for (std::size_t b = 0; b < seen.size(); ++b) {
      CHECK(seen[b].first_trial == static_cast<std::int64_t>(10 * b));
      CHECK(seen[b].generation == static_cast<std::int64_t>(b + 1));
    }
    CHECK(result.evaluations == (exact ? 25 : 30));
    // The cut batch is logged but not told: two generations, as the callbacks saw.
    CHECK(result.generations == (exact ? 2 : 3));
    CHECK(generations_seen == result.generations);
    CHECK(count_jsonl_lines(options.output_directory / "trials.jsonl") ==
          static_cast<std::uint64_t>(result.evaluations));
  }
  // The same trials up to the cut.
  const std::string whole = read_text_file(dir / "whole" / "trials.jsonl");
  const std::string exact = read_text_file(dir / "exact" / "trials.jsonl");
  CHECK(whole.substr(0, exact.size()) == exact);
}

TEST_CASE("run: RunResult carries the summary, with or without a run folder") {
  test::TempDir dir("run");
  ToyProblem problem;
  RunOptions options;
  options.max_generations = 5;
  ToyAlgorithm in_memory(10);
  const auto memory = run(problem, in_memory, options);
  REQUIRE(memory.summary.computed);
  options.output_directory = dir / "out";
  ToyAlgorithm on_disk(10);
  const auto disk = run(problem, on_disk, options);
  REQUIRE(disk.summary.computed);
  // What summary.json says, field for field.
  nlohmann::json written = read_json_file(dir / "out" / "summary.json");
  CHECK(written == disk.summary.json);
  // The toy problem knows its nadir point and front: both are measured.
  REQUIRE(disk.summary.hypervolume);
  REQUIRE(disk.summary.igd);
  const auto& hv = written["hypervolume"];
  CHECK(hv["value"].get<double>() == disk.summary.hypervolume->value);
  CHECK(hv["value"].get<double>() == hypervolume(disk.front_f, disk.summary.reference));
  CHECK(hv["reference_source"] == disk.summary.reference_source);
  CHECK(hv["reference"][0].get<double>() == disk.summary.reference[0]);
  CHECK(written["igd"]["value"].get<double>() == *disk.summary.igd);
  CHECK(written["igd"]["reference_front_size"] == disk.summary.igd_reference_front_size);
  // In memory the same numbers.
  CHECK(memory.summary.hypervolume->value == disk.summary.hypervolume->value);
  CHECK(*memory.summary.igd == *disk.summary.igd);
  // Off, nothing is measured in memory; a folder's summary is still written.
  options.summarize = false;
  options.output_directory.clear();
  ToyAlgorithm off(10);
  CHECK_FALSE(run(problem, off, options).summary.computed);
}
