#include "paretokit/evaluation/evaluator.hpp"

#include <algorithm>
#include <chrono>

#include "paretokit/core/error.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

namespace paretokit {

namespace {

void check_shapes(const Problem& problem, const MatrixRef& X, const MatrixMut& F, const MatrixMut& G) {
  if (X.cols() != problem.n_var()) {
    throw Error("evaluate: X has " + std::to_string(X.cols()) + " columns, the problem " +
                                std::to_string(problem.n_var()) + " variables");
  }
  if (F.rows() != X.rows() || F.cols() != problem.n_obj() || G.rows() != X.rows() ||
      G.cols() != problem.n_constr()) {
    throw Error("evaluate: F or G is not sized n x n_obj and n x n_constr");
  }
}

}  // namespace

Evaluation Evaluator::evaluate(const Problem& problem, const MatrixRef& X) {
  Evaluation result{Matrix(X.rows(), problem.n_obj()), Matrix(X.rows(), problem.n_constr())};
  evaluate_into(problem, X, result.objectives, result.constraints);
  return result;
}

Evaluation Evaluator::evaluate_trials(const Problem& problem, const MatrixRef& X,
                                      std::int64_t /*first_trial*/) {
  return evaluate(problem, X);
}

void Evaluator::submit(const Problem& problem, const Eigen::Ref<const RowVector>& x, std::int64_t trial) {
  const auto start = std::chrono::steady_clock::now();
  Evaluation e = evaluate(problem, x);
  TrialOutcome outcome;
  outcome.trial = trial;
  outcome.objectives = e.objectives.row(0);
  outcome.constraints = e.constraints.row(0);
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ready_.push_back(std::move(outcome));
}

TrialOutcome Evaluator::collect() {
  if (ready_.empty()) throw UsageError("collect(): no trial in flight", Location::of_field("evaluator"));
  TrialOutcome outcome = std::move(ready_.front());
  ready_.pop_front();
  return outcome;
}

void SerialEvaluator::evaluate_into(const Problem& problem, const MatrixRef& X, MatrixMut F, MatrixMut G) {
  check_shapes(problem, X, F, G);
  if (X.rows() > 0) problem.evaluate_into(X, F, G);
}

struct ThreadEvaluator::Arena {
  explicit Arena(int threads) : arena(threads) {}
  tbb::task_arena arena;
};

ThreadEvaluator::ThreadEvaluator() : ThreadEvaluator(Options{}) {}

ThreadEvaluator::ThreadEvaluator(Options options) : options_(options) {
  if (options_.threads < 0) {
    throw UsageError("ThreadEvaluator: threads must be >= 0", Location::of_field("ThreadEvaluator::Options.threads"));
  }
  options_.min_block_rows = std::max<Index>(options_.min_block_rows, 1);
  options_.blocks_per_thread = std::max(options_.blocks_per_thread, 1);
  if (options_.threads > 0) arena_ = std::make_unique<Arena>(options_.threads);
}

ThreadEvaluator::~ThreadEvaluator() = default;

void ThreadEvaluator::evaluate_into(const Problem& problem, const MatrixRef& X, MatrixMut F, MatrixMut G) {
  check_shapes(problem, X, F, G);
  const Index n = X.rows();
  if (n == 0) return;
  auto body = [&] {
    const Index concurrency = tbb::this_task_arena::max_concurrency();
    const Index target_blocks = concurrency * options_.blocks_per_thread;
    const Index block = std::max(options_.min_block_rows, (n + target_blocks - 1) / target_blocks);
    const double per_row = seconds_per_row_.load(std::memory_order_relaxed);
    const bool small = per_row >= 0 && per_row * static_cast<double>(n) < options_.serial_below_seconds;
    const auto start = std::chrono::steady_clock::now();
    auto measure = [&](double threads_used) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      seconds_per_row_.store(seconds * threads_used / static_cast<double>(n), std::memory_order_relaxed);
    };
    if (concurrency <= 1 || block >= n || small) {
      problem.evaluate_into(X, F, G);
      measure(1.0);
      return;
    }
    // simple_partitioner: blocks of exactly `block` rows (the last shorter).
    tbb::parallel_for(
        tbb::blocked_range<Index>(0, n, block),
        [&](const tbb::blocked_range<Index>& rows) {
          const Index begin = rows.begin(), count = rows.end() - rows.begin();
          problem.evaluate_into(X.middleRows(begin, count), F.middleRows(begin, count),
                                G.middleRows(begin, count));
        },
        tbb::simple_partitioner());
    // Wall time x threads: an upper bound of one thread's time (it includes
    // the tasks' overhead), so cheap batches do go serial next time.
    measure(static_cast<double>(std::min<Index>(concurrency, (n + block - 1) / block)));
  };
  if (arena_) {
    arena_->arena.execute(body);
  } else {
    body();
  }
}

std::unique_ptr<Evaluator> make_evaluator(int threads) {
  if (threads == 1) return std::make_unique<SerialEvaluator>();
  return std::make_unique<ThreadEvaluator>(ThreadEvaluator::Options{.threads = std::max(threads, 0)});
}

}  // namespace paretokit
