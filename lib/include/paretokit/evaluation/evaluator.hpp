// Evaluators: how a batch of candidates becomes objectives and constraints.
//
// The run loop hands every batch to an Evaluator, so the same algorithm runs
// serially, on threads, and later on other processes, machines or a GPU
// (external-process, MPI and CUDA evaluators are later work). Since a
// Problem's rows are independent (core/problem.hpp), every evaluator returns
// exactly the same matrices for the same batch, whatever the split.
//
//   ThreadEvaluator evaluator({.threads = 2});
//   Evaluation e = evaluator.evaluate(problem, X);
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/problem.hpp"

namespace paretokit {

class Evaluator {
 public:
  virtual ~Evaluator() = default;

  virtual std::string name() const = 0;

  // Fills F (n x n_obj) and G (n x n_constr), already sized, for the rows of X.
  // Exceptions thrown by the problem reach the caller.
  virtual void evaluate_into(const Problem& problem, const MatrixRef& X, MatrixMut F, MatrixMut G) = 0;

  // Allocates F and G and evaluates X.
  Evaluation evaluate(const Problem& problem, const MatrixRef& X);
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
