// The optimization loop (DESIGN.md sections 2 and 3), in the manner of
// Ceres' Solve and pymoo's minimize:
//
//   auto problem = make_problem("dtlz2", {{"n_obj", 3}});
//   auto algorithm = make_algorithm("nsga3", {{"pop_size", 92}});
//   RunOptions options;
//   options.max_generations = 250;
//   options.output_directory = "runs/dtlz2";   // optional: the run folder
//   RunResult result = run(*problem, *algorithm, options);
//   // result.front_f, result.evaluations, result.seconds ...
//
// Each generation: ask, evaluate the batch (serial or oneTBB threads), queue
// the batch for trials.jsonl (an I/O thread formats and appends it, in
// order), tell, call the callbacks, and every checkpoint_every generations
// save the algorithm's full state atomically (after the trials it counts).
// When run() returns, everything is on disk, and result.summary holds what
// summary.json says (hypervolume, IGD, the reference used).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "paretokit/algorithms/algorithm.hpp"
#include "paretokit/core/matrix.hpp"
#include "paretokit/core/problem.hpp"
#include "paretokit/run/run_options.hpp"

namespace paretokit {

// What the run achieved, in numbers: summary.json (run/summary.hpp) as typed
// fields, in the manner of Ceres' Solver::Summary, so that a caller needs
// no run folder to read it.
struct RunSummary {
  // False when nothing was summarized: an interrupted run, or an in-memory
  // run with RunOptions::summarize off.
  bool computed = false;
  // The hypervolume of front_f, exact or Monte Carlo (method "none", value
  // NaN, when skipped: --summary-hv none or a stop request); null when there
  // is no reference point (neither the problem nor a feasible front gives one).
  std::optional<HypervolumeEstimate> hypervolume;
  bool hypervolume_skipped_by_stop = false;  // method "none" because of a stop request
  Vector reference;              // the reference point used; empty: none
  std::string reference_source;  // "given", the problem's (problem_reference.hpp), run-specific, or "none"
  bool reference_fixed = false;  // the same for every run on the problem
  // IGD against problem.pareto_front(), thinned to a cost bound; null when
  // the problem knows no front, the front is empty or a stop request cut it.
  std::optional<double> igd;
  Index igd_reference_front_size = 0;
  bool interrupted = false;  // a stop request cut the summary short
  nlohmann::json json;       // summary.json, as written to the run folder
};

struct RunResult {
  // Final population (decision vectors as the problem sees them).
  Matrix population_x, population_f, population_g;
  // Its feasible non-dominated members, in population order.
  std::vector<Index> front_indices;
  Matrix front_x, front_f;
  Index feasible = 0;  // feasible members of the final population

  std::int64_t evaluations = 0;
  // Trials whose status is not success (core/evaluation.hpp), all sessions.
  std::int64_t failed_trials = 0;
  std::int64_t generations = 0;
  double seconds = 0;             // wall time, all sessions of a resumed run together
  double evaluation_seconds = 0;  // of which in the evaluator (this session only)
  // Why the loop ended: "generations", "evaluations", "time",
  // "target_hypervolume", "callback", "algorithm" (an empty ask()), or
  // "interrupted" (RunOptions::stop_request).
  std::string stop_reason;

  bool resumed = false;                  // continued from a checkpoint
  std::int64_t resumed_generation = 0;   // the checkpoint's generation
  std::int64_t dropped_trials = 0;       // trial lines cut from trials.jsonl on resume
  // Evaluator::report() (workers, utilization, reused trials); null if none.
  nlohmann::json evaluator_report;

  // Hypervolume, IGD and the reference used (RunOptions::summarize).
  RunSummary summary;
};

// Runs `algorithm` on `problem` (calls algorithm.setup(problem, options.seed)).
// Throws paretokit::UsageError (naming the RunOptions field) for inconsistent
// options, paretokit::InputError
// for a checkpoint that does not belong to this problem and algorithm or a
// damaged run folder, and lets the problem's and algorithm's errors through.
RunResult run(const Problem& problem, Algorithm& algorithm, const RunOptions& options = {});

}  // namespace paretokit
