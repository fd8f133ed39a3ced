// `paretokit bench`: every (optimizer, task, seed) triple of a suite, in
// carps' folder layout, resumable, over worker threads.
//
//   bench::Options options;
//   options.optimizers = {{"nsga2", "nsga2", {}}, {"random", "random", {}}};
//   options.seeds = {1, 2, 3};
//   options.out = "runs";
//   options.jobs = 4;
//   bench::Summary summary = bench::run_bench(suite, options);
//
// Layout (carps' FileLogger):
//
//   OUT/bench.json                                   suite, optimizers, seeds of the last call
//   OUT/<optimizer_id>/<benchmark_id>/<task_id>/<seed>/
//       config.json          task and optimizer definition, seed, variable names
//       trial_logs.jsonl     one line per evaluation (carps' TrialInfo / TrialValue)
//       trajectory_logs.jsonl  the incumbent front each time it changes, one line per member
//       result.json          the finished marker: status, final front, fronts at
//                            normalized budgets 0, 0.05, ..., 1; written last, atomically
//   OUT/report.json          statistics over all runs (bench/report_json.hpp)
//
// Each run goes through run() (run/run.hpp: its Evaluator, with an exact
// budget and a trial observer writing carps' logs), on one thread when
// several jobs run at once, on every core when jobs is 1. It is
// deterministic for its seed (the algorithm is set up with the seed; nothing
// else is random), so the results depend on neither `jobs` nor the threads. A run folder without result.json is unfinished: it is
// deleted and redone from scratch. A run that throws is finished as crashed
// (status 2 and the message in its logs and result.json) and the bench goes on.
#pragma once

#include <atomic>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/algorithms/algorithm.hpp"
#include "paretokit/bench/suite.hpp"

namespace paretokit::bench {

// Builds an algorithm by registry name with JSON parameters.
using AlgorithmFactory = std::function<std::unique_ptr<Algorithm>(const std::string&, const nlohmann::json&)>;

struct OptimizerSpec {
  std::string id;         // folder name and label in reports, e.g. "nsga2"
  std::string algorithm;  // registry name
  nlohmann::json params = nlohmann::json::object();
};

// What each run's logs hold (bench --trial-logs). trial_logs.jsonl: every
// evaluation (all, as carps logs; ~0.5-1 kB a line), the evaluations of the
// final incumbent front and the failed ones (front), or the failed ones only
// (none); the lines kept are those of `all`, in trial order.
// trajectory_logs.jsonl: with all, the incumbent front after each change (or
// at each normalized budget); otherwise the final incumbent front only (one
// block, the last block of `all`). result.json and report.json are the same
// in every mode.
enum class TrialLogs { all, front, none };
// "all", "front", "none"; otherwise a UsageError naming --trial-logs.
TrialLogs trial_logs_from_string(const std::string& text);
const char* to_string(TrialLogs mode);

struct Options {
  std::vector<OptimizerSpec> optimizers;
  std::vector<std::uint64_t> seeds{1};
  std::filesystem::path out = "bench";
  // Worker threads; each runs one (optimizer, task, seed) at a time. >= 1.
  int jobs = 1;
  // Redo runs that finished as crashed (normally kept: a deterministic crash
  // would crash again).
  bool retry_crashed = false;
  // Trajectory: logged after every batch that changes the front while the
  // budget is at most this; above it only at the normalized budgets 0.05,
  // ..., 1 (a long run would otherwise write its whole front thousands of times).
  std::int64_t trajectory_every_change_max_trials = 10000;
  // What trial_logs.jsonl holds (see TrialLogs).
  TrialLogs trial_logs = TrialLogs::all;
  // Progress line on stderr (only drawn when stderr is a terminal).
  bool progress = true;
  // Once true, no further run starts; runs in flight finish (a stopped bench
  // resumes by running the same command again). Not owned.
  const std::atomic<bool>* stop_request = nullptr;
  AlgorithmFactory algorithm_factory;  // required
  ProblemFactory problem_factory = default_problem_factory();
};

struct Summary {
  std::size_t runs = 0;       // triples in the bench
  std::size_t skipped = 0;    // already finished before this call
  std::size_t completed = 0;  // finished by this call, success
  std::size_t crashed = 0;    // finished as crashed (this call or before)
  double seconds = 0.0;       // wall-clock time of this call
  bool interrupted = false;   // stop_request ended it before every run had started
};

// Checks the options (InputError naming the option), builds one algorithm per
// optimizer spec to validate it, writes OUT/bench.json, runs what is not
// finished and returns. Does not write report.json (see write_report_json).
Summary run_bench(const Suite& suite, const Options& options);

// The folder of one run: OUT/<optimizer_id>/<benchmark_id>/<task_id>/<seed>.
std::filesystem::path run_directory(const std::filesystem::path& out, const std::string& optimizer_id,
                                    const std::string& benchmark_id, const std::string& task_id,
                                    std::uint64_t seed);

// Normalized budgets of the hypervolume curves: 0, 0.05, ..., 1 (21 values),
// and the number of evaluations each stands for: round(b * n_trials).
constexpr int budget_steps = 20;
std::vector<double> normalized_budgets();
std::int64_t trials_at_budget(int step, std::int64_t n_trials);

}  // namespace paretokit::bench
