// MPI: rank 0 runs the optimizer (the ordinary run() loop), every other rank
// evaluates. Built only where MPI is found (PARETOKIT_WITH_MPI).
//
//   MpiSession mpi;                                   // MPI_Init_thread
//   if (!mpi.is_root()) return run_mpi_worker(mpi, make_task);
//   MpiEvaluator evaluator(mpi, setup, {});           // workers build their task
//   RunOptions options; options.evaluator = &evaluator; run(problem, algorithm, options);
//
// `setup` is any JSON that the workers' `make_task` turns into a problem and
// an evaluator (the CLI's: a built-in problem's name and parameters, or a
// command sweep's settings). A batch is cut into chunks of consecutive rows,
// handed to the worker ranks as they free up (one chunk per rank at a time);
// a worker evaluates its chunk with its own evaluator's evaluate_trials()
// (threads, or a ProcessEvaluator running the trial programs) and sends F,
// G and the per-row statuses back. Rows are independent, so the batch is bit
// for bit what a ThreadEvaluator or ProcessEvaluator in rank 0 would give:
// the same seed gives the same trials.jsonl and front.
//
// Failures:
//  - a failed evaluation on a worker (a crashed trial, a timeout) is a row
//    status like any other, recorded in trials.jsonl;
//  - an exception on a worker (a result without the objectives, a problem
//    error) is rethrown in rank 0 with the rank named: the study stops;
//  - a lost rank: `mpirun` by default ends the whole job when a rank dies,
//    sending SIGTERM first: rank 0's stop request (Ctrl-C's) turns into
//    EvaluationInterrupted, so run() ends "interrupted" with its last
//    checkpoint (resume redoes the batch). Under `mpirun --enable-recovery`
//    the job goes on; then a rank that is evaluating and sends nothing (not
//    even its once-a-second heartbeat) for silence_seconds is declared lost:
//    WorkerLost (an EvaluationInterrupted), same ending, and lost_worker()
//    says which.
// Every MPI call is made on the thread that drives the evaluator (MPI is
// started with MPI_THREAD_SERIALIZED); errors return (MPI_ERRORS_RETURN)
// and become paretokit Errors.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/evaluation/evaluator.hpp"

namespace paretokit {

// MPI's lifetime in this process: init on construction, finalize on
// destruction. On rank 0 the destructor first tells every worker to stop
// (interrupting what it runs) and waits for their goodbye, so the workers
// end whether or not an MpiEvaluator was ever made (rank 0 failing on a bad
// flag must not leave them waiting).
class MpiSession {
 public:
  MpiSession();  // Error when MPI cannot start; at most one per process
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool is_root() const { return rank_ == 0; }
  int worker_count() const { return size_ - 1; }

  // Rank 0: a worker that will not answer (lost): not waited for at the end.
  void mark_lost(int rank);
  bool lost(int rank) const { return lost_[static_cast<std::size_t>(rank)]; }
  // Rank 0: seconds to wait for the workers' goodbye at the end.
  double goodbye_seconds = 10;

 private:
  void stop_workers();
  int rank_ = 0, size_ = 1;
  std::vector<bool> lost_;
};

// Thrown when a worker rank is lost (see above); run() ends "interrupted".
class WorkerLost : public EvaluationInterrupted {
  using EvaluationInterrupted::EvaluationInterrupted;
};

class MpiEvaluator final : public Evaluator {
 public:
  struct Options {
    // Rows per chunk; 0: about four chunks per worker a batch (at least one
    // row). A command sweep gives 1: each trial goes to the first free rank.
    Index rows_per_chunk = 0;
    // A rank that evaluates and sends nothing this long is lost (only seen
    // under mpirun --enable-recovery; see above).
    double silence_seconds = 60;
    // Once true (Ctrl-C, or mpirun's SIGTERM when a rank died), collect()
    // and evaluate_trials() throw EvaluationInterrupted. Not owned.
    const std::atomic<bool>* stop_request = nullptr;
  };

  // Sends `setup` to every worker and waits until each has built its task;
  // a worker's failure to do so is rethrown here (before anything runs).
  MpiEvaluator(MpiSession& session, const nlohmann::json& setup, Options options);
  ~MpiEvaluator() override;

  std::string name() const override { return "mpi"; }
  void evaluate_into(const Problem& problem, const MatrixRef& X, MatrixMut F, MatrixMut G) override;
  Evaluation evaluate_trials(const Problem& problem, const MatrixRef& X, std::int64_t first_trial) override;
  // One trial per rank at a time: concurrency() = the worker ranks.
  void submit(const Problem& problem, const Eigen::Ref<const RowVector>& x, std::int64_t trial) override;
  TrialOutcome collect() override;
  std::size_t in_flight() const override { return async_in_flight_; }
  int concurrency() const override { return session_.worker_count(); }
  // ranks, workers, busy/span seconds, utilization, chunks; with command
  // workers also their process evaluators' counts summed (attempts, retries,
  // reused and rerun trials).
  nlohmann::json report() const override;

  // Why the run ended when a rank was lost; empty otherwise.
  const std::string& lost_worker() const { return lost_worker_; }

 private:
  struct Chunk;
  struct Rank;
  void dispatch();
  void poll();  // one round: receive what came, check silence and stop
  void receive_result(int from, const std::vector<char>& bytes);
  void check_silence();

  MpiSession& session_;
  Options options_;
  std::vector<Rank> ranks_;                   // index = rank (0 unused)
  std::deque<std::unique_ptr<Chunk>> queue_;  // not yet handed out
  std::vector<std::unique_ptr<Chunk>> done_batch_;
  std::deque<TrialOutcome> done_async_;
  std::size_t async_in_flight_ = 0;
  std::size_t batch_pending_ = 0;
  std::string lost_worker_;

  // For report().
  double busy_seconds_ = 0;
  std::chrono::steady_clock::time_point first_send_, last_result_;
  bool sent_any_ = false;
  std::int64_t chunks_ = 0;
  std::vector<nlohmann::json> worker_reports_;  // the latest per rank
};

// What a worker rank evaluates, built from rank 0's setup JSON. The
// evaluator is destroyed before the problem it may refer to.
struct MpiWorkerTask {
  std::unique_ptr<Problem> problem;
  std::unique_ptr<Evaluator> evaluator;
};
// `stop` is set when rank 0 says stop (or the worker gets SIGTERM, if the
// caller wires it): an evaluator that watches it (ProcessEvaluator's
// stop_request) should give up its trials.
using MpiWorkerFactory =
    std::function<MpiWorkerTask(const nlohmann::json& setup, const std::atomic<bool>* stop)>;

// A worker rank's whole life: setup, chunks, stop. Returns the process's
// exit code (0 once rank 0 said stop). `external_stop` (e.g. a SIGTERM
// flag), when set, ends the worker too.
int run_mpi_worker(MpiSession& session, const MpiWorkerFactory& make_task,
                   const std::atomic<bool>* external_stop = nullptr);

}  // namespace paretokit
