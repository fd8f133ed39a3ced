// The steady-state driver of run(): keeps every worker of an asynchronous
// evaluator busy for algorithms that take partial batches
// (Algorithm::takes_partial_batches(): SMS-EMOA, MOEA/D, random search).
//
// The loop: ask for as many candidates as workers are free and submit
// them; collect whichever trial finishes first, tell it, log it; ask again.
// Trial numbers are the algorithm's tickets (ask order). Asking stops at
// the budget (max_evaluations, or max_generations, a generation being one
// told trial here) and the trials in flight are collected; a time limit, a
// callback, a target or a stop request ends the run at once, the trials in
// flight left unfinished (listed in the checkpoint, run on resume).
//
// What depends on timing: the order results arrive in, hence the
// algorithm's trajectory and the order of trials.jsonl's lines. Lines are
// written as results are told (trial numbers out of order; each trial
// appears once), so the log is also the record of the arrival order.
//
// Resume (exact, kill -9 included). A checkpoint is taken between two
// tells, after the refill, and holds the algorithm's state (its pending
// candidates too) and the trials in flight with their x. On resume the
// lines after the checkpoint are replayed: told to the algorithm in the
// logged order, with the same refills after each, which re-asks exactly
// the candidates the original run asked (checked bit for bit against the
// log). Then the trials still in flight are submitted again (a process
// evaluator reuses those that had finished, reruns those cut by the kill)
// and the run goes on. No finished, logged trial runs twice and none is
// lost; a checkpoint is written right after a replay.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "checkpoint.hpp"
#include "paretokit/algorithms/algorithm.hpp"
#include "paretokit/evaluation/evaluator.hpp"
#include "paretokit/io/run_folder.hpp"

namespace paretokit::detail {

// Candidates kept submitted beyond the evaluator's concurrency, queued in
// it, so that a worker that frees starts the next trial at once instead of
// waiting for the loop to tell a result and ask again (a few ms per trial
// on a busy machine). Such a candidate is made from a population that
// lacks the latest result or so: for a steady-state algorithm, a detail.
inline constexpr int kSteadyStateAhead = 1;

// What the run loop (run.cpp) lends the driver.
class SteadyStateHost {
 public:
  virtual ~SteadyStateHost() = default;
  virtual Counters& counters() = 0;
  // Appends one trial line (nothing without a run folder).
  virtual void log_trial(std::int64_t trial, std::int64_t generation, const Matrix& x,
                         const Evaluation& e) = 0;
  // After a tell: a stop reason (target, callback) or null; progress line.
  virtual const char* after_tell(const Matrix& x, const Evaluation& e) = 0;
  // Before asking: "time" or "interrupted" (stop request), or null.
  virtual const char* stop_now() const = 0;
  // Checkpoints when due (generations, evaluations, seconds).
  virtual void maybe_checkpoint() = 0;
};

class SteadyStateDriver {
 public:
  // ask_limit: trials asked in all (0: no limit); workers: trials kept in
  // flight (the evaluator's concurrency plus kSteadyStateAhead).
  SteadyStateDriver(const Problem& problem, Algorithm& algorithm, Evaluator& evaluator,
                    std::int64_t ask_limit, int workers);

  // The checkpoint's "steady_state" member.
  nlohmann::json checkpoint_block() const;
  // From a checkpoint's block; then replays `log` lines [from, end) (those
  // after the checkpoint) and refills with this session's settings. The
  // caller checkpoints next, before run(). Returns the number replayed.
  std::int64_t restore(const nlohmann::json& block, const TrialRecords& log, std::size_t from,
                       Counters& counters, const std::string& path);

  // Runs until the budget is spent, the algorithm has nothing more, or a
  // stop; returns the stop reason ("evaluations", "generations" is the
  // caller's name for a spent ask_limit: "budget" here).
  std::string run(SteadyStateHost& host);

  // Trials asked so far (all sessions).
  std::int64_t asked() const { return next_trial_; }

 private:
  struct InFlight {
    RowVector x;
    std::int64_t generation = 0;  // trials.jsonl's: 1 + trials told before it was asked
  };
  // Asks until `workers_` trials are in flight or the budget is asked; submits
  // them unless replaying. False when the algorithm gave nothing.
  bool refill(std::int64_t told, bool submit);
  // Tells the algorithm, logs through `host` (null: replaying), counts.
  void tell(std::int64_t trial, const Evaluation& e, Counters& counters, SteadyStateHost* host);
  Evaluation one_row(const TrialOutcome& outcome) const;

  const Problem& problem_;
  Algorithm& algorithm_;
  Evaluator& evaluator_;
  std::int64_t ask_limit_;
  int workers_;
  std::map<std::int64_t, InFlight> in_flight_;
  std::int64_t next_trial_ = 0;
  bool refill_pending_ = false;  // told since the last refill
  bool restored_ = false;        // restore() ran (and refilled)
};

}  // namespace paretokit::detail
