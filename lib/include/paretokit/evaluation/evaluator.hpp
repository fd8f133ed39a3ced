// Evaluators: how a batch of candidates becomes objectives and constraints.
//
// The run loop hands every batch to an Evaluator, so the same algorithm runs
// serially, on threads, or as external programs (process_evaluator.hpp);
// MPI and CUDA evaluators are later work. Since a Problem's rows are
// independent (core/problem.hpp), every in-process evaluator returns exactly
// the same matrices for the same batch, whatever the split.
//
//   ThreadEvaluator evaluator({.threads = 2});
//   Evaluation e = evaluator.evaluate(problem, X);
//
// Two ways to hand work over:
//  - synchronous, a whole batch: evaluate_trials() (rows numbered as trials
//    first_trial, first_trial + 1, ...) returns the batch with per-row
//    statuses (core/evaluation.hpp). The simple case, and what generational
//    algorithms use: their batch is the unit.
//  - asynchronous, one trial at a time: submit() starts a trial and
//    returns at once when a worker is free (concurrency() of them);
//    collect() waits for any one trial to finish and returns it, in the
//    order they finish. A steady-state driver keeps concurrency() trials
//    in flight (see DESIGN notes in process_evaluator.hpp). The default
//    implementation evaluates at submit() on the calling thread.
// A failed evaluation is a status, never an exception; exceptions mean the
// study cannot go on (a bad command, a result without the objectives).
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/core/matrix.hpp"
#include "paretokit/core/problem.hpp"

namespace paretokit {

// One finished trial, from collect().
struct TrialOutcome {
  std::int64_t trial = 0;
  RowVector objectives;   // minimized (+inf when failed)
  RowVector constraints;  // <= 0 feasible (+inf when failed)
  TrialStatus status = TrialStatus::success;
  std::string message;  // why it failed
  double seconds = 0;   // wall time of the evaluation
};

// Thrown by an evaluator that was asked to stop (a stop request, Ctrl-C)
// in the middle of a batch: run() then ends "interrupted" without telling
// the algorithm or logging the batch, keeping its last checkpoint.
class EvaluationInterrupted : public Error {
  using Error::Error;
};

class Evaluator {
 public:
  virtual ~Evaluator() = default;

  virtual std::string name() const = 0;

  // Fills F (n x n_obj) and G (n x n_constr), already sized, for the rows of X.
  // Exceptions thrown by the problem reach the caller.
  virtual void evaluate_into(const Problem& problem, const MatrixRef& X, MatrixMut F, MatrixMut G) = 0;

  // Allocates F and G and evaluates X.
  Evaluation evaluate(const Problem& problem, const MatrixRef& X);

  // The batch as trials first_trial, first_trial + 1, ..., with per-row
  // statuses. Default: evaluate(), every row a success.
  virtual Evaluation evaluate_trials(const Problem& problem, const MatrixRef& X, std::int64_t first_trial);

  // --- asynchronous interface ---------------------------------------------
  // Starts trial `trial` on row x. Default: evaluates it now.
  virtual void submit(const Problem& problem, const Eigen::Ref<const RowVector>& x, std::int64_t trial);
  // Waits for one submitted trial to finish and returns it (any order).
  // UsageError when nothing is in flight.
  virtual TrialOutcome collect();
  // Trials submitted and not yet collected.
  virtual std::size_t in_flight() const { return ready_.size(); }
  // Trials that run at once: what a driver keeps in flight.
  virtual int concurrency() const { return 1; }

  // What summary.json reports about this evaluator (workers, utilization,
  // trials reused on resume...); null: nothing to say.
  virtual nlohmann::json report() const { return nullptr; }

 private:
  std::deque<TrialOutcome> ready_;  // the default submit()'s results
};

// The whole batch in one call on the calling thread.
class SerialEvaluator final : public Evaluator {
 public:
  std::string name() const override { return "serial"; }
  void evaluate_into(const Problem& problem, const MatrixRef& X, MatrixMut F, MatrixMut G) override;
};

// Splits the batch into blocks of consecutive rows evaluated by oneTBB's
// parallel_for. With threads == 0 it runs in the caller's task arena (the run
// loop's, sized by RunOptions::threads); otherwise in its own arena of that
// many threads.
//
// A batch whose whole evaluation is expected to take less than
// serial_below_seconds (from the time per row measured on earlier batches)
// is evaluated on the calling thread: waking workers costs more than such a
// batch (DTLZ2 with 100 rows: a few microseconds of work). The rows are
// independent, so the result is the same either way.
class ThreadEvaluator final : public Evaluator {
 public:
  struct Options {
    // Worker threads; 0 = the current task arena (all cores by default).
    int threads = 0;
    // Smallest block of rows given to one task. Cheap problems (DTLZ, ZDT:
    // well under a microsecond a row) need blocks of hundreds of rows before
    // a task's overhead (about a microsecond) stops dominating.
    Index min_block_rows = 64;
    // Blocks per thread: more than one evens out rows of unequal cost.
    int blocks_per_thread = 4;
    // Evaluate serially a batch expected to take less than this (0: never).
    double serial_below_seconds = 50e-6;
  };

  ThreadEvaluator();
  explicit ThreadEvaluator(Options options);
  ~ThreadEvaluator() override;

  std::string name() const override { return "threads"; }
  void evaluate_into(const Problem& problem, const MatrixRef& X, MatrixMut F, MatrixMut G) override;
  const Options& options() const { return options_; }

  // Seconds per row (one thread's time) measured on the last batch; < 0 before any.
  double seconds_per_row() const { return seconds_per_row_.load(std::memory_order_relaxed); }

 private:
  struct Arena;
  Options options_;
  std::unique_ptr<Arena> arena_;  // only when options_.threads > 0
  std::atomic<double> seconds_per_row_{-1.0};
};

// threads == 1: a SerialEvaluator; otherwise a ThreadEvaluator running in the
// caller's arena (threads == 0) or its own arena of `threads` threads.
std::unique_ptr<Evaluator> make_evaluator(int threads);

}  // namespace paretokit
