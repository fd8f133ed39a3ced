// What run() is asked to do: when to stop, where to write, how many threads,
// and who to call after each generation.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "paretokit/algorithms/algorithm.hpp"
#include "paretokit/core/matrix.hpp"
#include "paretokit/core/problem.hpp"
#include "paretokit/indicators/hypervolume_estimate.hpp"

namespace paretokit {

class Evaluator;

// What a callback sees after each generation (one ask/evaluate/tell cycle).
struct GenerationReport {
  std::int64_t generation = 0;   // cycles completed, 1 after the first batch
  std::int64_t evaluations = 0;  // rows evaluated so far
  double seconds = 0;            // wall time so far (earlier sessions of a resumed run included)
  const Algorithm* algorithm = nullptr;  // population_x/f/g after the tell
  const Matrix* batch_x = nullptr;       // the batch just evaluated
  const Evaluation* batch = nullptr;     // and its objectives and constraints
};

// Return false to stop the run after this generation (stop_reason "callback").
using RunCallback = std::function<bool(const GenerationReport&)>;

// What a trial observer sees of each evaluated batch: after the evaluation,
// before the algorithm is told (the order of the trial log). The bench writes
// carps' trial and trajectory logs from it.
struct TrialBatch {
  std::int64_t first_trial = 0;  // 0-based number of row 0; the rows are consecutive trials
  std::int64_t generation = 0;   // 1-based generation of the batch
  const Matrix* x = nullptr;     // the rows evaluated (RunOptions::exact_evaluations may cut a batch)
  const Evaluation* evaluation = nullptr;
  double seconds = 0;     // wall time of the batch's evaluation
  double start_time = 0;  // Unix time (seconds) when the evaluation began...
  double end_time = 0;    // ...and ended
};
using TrialObserver = std::function<void(const TrialBatch&)>;

// Generations run when no termination criterion is set: Deb and Jain's
// (2014) budget for DTLZ2 with three objectives.
inline constexpr std::int64_t kDefaultGenerations = 250;

struct RunOptions {
  // --- termination: the first criterion met stops the run -----------------
  // Each is checked before a batch is asked, so a run never stops half way
  // through a generation; evaluations can overshoot by at most one batch
  // (none with exact_evaluations).
  // When none is set the run stops after kDefaultGenerations
  // (generation_limit()).
  std::int64_t max_generations = 0;  // 0: no limit
  std::int64_t max_evaluations = 0;  // 0: no limit
  // Make max_evaluations exact: the batch that would pass it is cut to the
  // trials left, which are evaluated, logged and observed but not told to
  // the algorithm (it asked for a whole batch); the run then stops
  // ("evaluations"). The bench's budgets are exact, as carps' are. With a
  // run folder a resume stays exact: the final checkpoint either counts the
  // cut trials (and the run is finished) or not (and resume redoes them).
  bool exact_evaluations = false;
  double max_seconds = 0;            // wall time; 0: no limit. Not reproducible, by nature.
  // Stop once the hypervolume of the population's feasible non-dominated set
  // reaches this value (checked after every generation).
  std::optional<double> target_hypervolume;
  // Read before each batch; once true the run stops (stop_reason
  // "interrupted") with a checkpoint when it writes files, and without
  // front.txt, front.json and summary.json: the run is not finished, and
  // `resume` continues it exactly. Set from a signal handler (sweep's
  // Ctrl-C and SIGTERM), a lock-free atomic store being signal-safe. Not owned.
  const std::atomic<bool>* stop_request = nullptr;
  // Reference point for target_hypervolume and the progress line; empty: the
  // problem's nadir point x 1.1 (see run/summary.hpp). A target without any
  // reference is a UsageError.
  Vector hypervolume_reference;

  // --- reproducibility and speed -------------------------------------------
  std::uint64_t seed = 1;
  // Threads for the whole loop: the evaluator and the algorithm's own oneTBB
  // kernels all run in one task arena of this size. 0: every core. Results do
  // not depend on it.
  int threads = 0;
  // Evaluates the batches; null: a serial evaluator for threads == 1, else
  // oneTBB threads (evaluation/evaluator.hpp). Not owned.
  Evaluator* evaluator = nullptr;

  // --- files (io/run_folder.hpp) ---------------------------------------------
  // Empty: nothing is written. Otherwise trials.jsonl, checkpoint.json,
  // front.txt, front.json and summary.json go there (config.json is the
  // caller's: run() does not know the registry names).
  std::filesystem::path output_directory;
  // Write checkpoint.json every this many generations (0: not by
  // generations; a steady-state generation is one told trial)...
  std::int64_t checkpoint_every = 10;
  // ...or once this many evaluations were told since the last one (0: not
  // by evaluations): for algorithms asking batches of a few rows, whose
  // state should not be written every few evaluations...
  std::int64_t checkpoint_every_evaluations = 0;
  // ...or once this many seconds of wall time passed since the last one
  // (0: not by time). Whichever of the three comes first; with all three 0
  // the only checkpoint is the final one.
  double checkpoint_every_seconds = 0;
  // ...but at most once per this many seconds of wall time (0: no such
  // bound). A checkpoint costs two disk flushes and the state as JSON; with
  // fast generations a time bound keeps that cost a small fraction of the run
  // while a crash still loses at most about this long plus checkpoint_every
  // generations. Which generations are checkpointed then depends on the
  // clock; the results, resumed or not, do not.
  //
  // At most one checkpoint per second by default: at 10 generations of a
  // fraction of a millisecond each, a checkpoint (two disk flushes, 1-10 ms
  // on a shared disk) every 10 generations would cost more than the run
  // itself, to protect a few milliseconds of work. pymoo has no periodic
  // checkpoints (the user pickles the algorithm); Optuna commits each trial,
  // but its trials take seconds or more. Bounding by time keeps the cost a
  // few percent at most and the work a crash loses about a second (plus
  // checkpoint_every generations).
  double checkpoint_min_seconds = 1.0;
  // Continue from output_directory/checkpoint.json: trials.jsonl is cut back
  // to the trials the checkpoint counts (later ones and a torn last line are
  // dropped: the resumed run evaluates them again, identically), the
  // algorithm state and counters are restored, and the loop goes on. Without
  // a checkpoint the run starts afresh. The result is bit for bit the result
  // of an uninterrupted run (time-limited runs excepted).
  bool resume = false;

  // --- asynchronous workers (run/steady_state.hpp) ---------------------------
  // When the algorithm takes partial batches (Algorithm::
  // takes_partial_batches(): SMS-EMOA, MOEA/D, random search) and the
  // evaluator runs several trials at once (concurrency() > 1, e.g. a
  // process evaluator with 4 workers), run() keeps every worker busy: a new
  // candidate is asked as soon as a trial finishes, each result is told
  // alone. The order results arrive in then depends on timing, and with it
  // the trajectory and the order of trials.jsonl's lines (resume stays
  // exact: the log records that order). A generation is then one told
  // trial: max_generations and checkpoint_every count those.
  // false: whole batches always (results independent of timing). The
  // serial and thread evaluators (concurrency() 1) always take whole batches.
  bool steady_state = true;

  // --- reporting -----------------------------------------------------------
  // One progress line on stderr (generation, evaluations, front size,
  // hypervolume when a reference is known, evaluations per second), updated
  // at most 4 times a second, and only when stderr is a terminal.
  bool progress = true;
  std::vector<RunCallback> callbacks;
  // Called with every evaluated batch, in trial order, on the loop's thread.
  std::vector<TrialObserver> trial_observers;
  // Compute RunResult::summary at the end of a finished run. Off, an
  // in-memory run skips the hypervolume and IGD (the bench computes its
  // own); a run with an output_directory always writes summary.json.
  bool summarize = true;
  // summary.json's hypervolume: exact when its predicted cost fits the
  // budget, else Monte Carlo with its standard error (or none); bounded in
  // time whatever the front. stop_request also cuts the summary short.
  HypervolumeBudget summary_hypervolume;

  // The generation limit run() applies: max_generations, or
  // kDefaultGenerations when no termination criterion is set.
  std::int64_t generation_limit() const {
    const bool unlimited = max_generations == 0 && max_evaluations == 0 && max_seconds == 0 && !target_hypervolume;
    return unlimited ? kDefaultGenerations : max_generations;
  }
};

}  // namespace paretokit
