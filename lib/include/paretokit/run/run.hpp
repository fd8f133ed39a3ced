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
// When run() returns, everything is on disk.
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
};

// Runs `algorithm` on `problem` (calls algorithm.setup(problem, options.seed)).
// Throws std::invalid_argument for inconsistent options, paretokit::InputError
// for a checkpoint that does not belong to this problem and algorithm or a
// damaged run folder, and lets the problem's and algorithm's errors through.
RunResult run(const Problem& problem, Algorithm& algorithm, const RunOptions& options = {});

}  // namespace paretokit
