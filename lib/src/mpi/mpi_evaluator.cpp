// MpiEvaluator, rank 0's side; see mpi/mpi_evaluator.hpp and
// mpi_messages.hpp (the protocol).
#include "paretokit/mpi/mpi_evaluator.hpp"

#include <algorithm>
#include <cmath>

#include "mpi_messages.hpp"

namespace paretokit {

using namespace mpi_detail;
using Clock = std::chrono::steady_clock;

// Rows first_trial ... first_trial + rows - 1 of a batch (or one
// submitted trial), and, once back, their evaluation.
struct MpiEvaluator::Chunk {
  std::int64_t first_trial = 0;
  Matrix X;
  bool async = false;  // from submit(): its outcome goes to collect()
  Evaluation result;
  std::vector<char> message;  // kWork, kept until its send completes
  MPI_Request send = MPI_REQUEST_NULL;
};

struct MpiEvaluator::Rank {
  std::unique_ptr<Chunk> chunk;  // the one it evaluates; null: free
  Clock::time_point last_heard;
};

MpiEvaluator::MpiEvaluator(MpiSession& session, const nlohmann::json& setup, Options options)
    : session_(session), options_(options) {
  if (!session_.is_root()) throw UsageError("MpiEvaluator: only rank 0 drives the evaluation");
  if (session_.worker_count() < 1) {
    throw UsageError(
        "needs at least 2 MPI ranks (rank 0 runs the optimizer, the others evaluate): start it with "
        "mpirun -n N, N >= 2",
        Location::of_field("--evaluator"));
  }
  ranks_.resize(static_cast<std::size_t>(session_.size()));
  worker_reports_.assign(ranks_.size(), nullptr);
  const std::string text = setup.dump();
  std::vector<MPI_Request> sends(static_cast<std::size_t>(session_.worker_count()));
  for (int r = 1; r < session_.size(); ++r) {
    check(MPI_Isend(text.data(), static_cast<int>(text.size()), MPI_BYTE, r, kSetup, MPI_COMM_WORLD,
                    &sends[static_cast<std::size_t>(r - 1)]),
          "MPI_Isend");
  }
  // Every worker answers kReady (or an error); a silent one is lost.
  std::vector<bool> ready(ranks_.size(), false);
  int left = session_.worker_count();
  const auto deadline = Clock::now() + std::chrono::duration<double>(options_.silence_seconds);
  Backoff backoff;
  std::vector<char> bytes;
  while (left > 0) {
    int from = 0, tag = 0;
    if (receive_if_any(MPI_ANY_SOURCE, from, tag, bytes)) {
      backoff.reset();
      if (tag != kReady || ready[static_cast<std::size_t>(from)]) continue;
      Unpacker in(bytes, from);
      throw_if_error(in, from);
      ready[static_cast<std::size_t>(from)] = true;
      --left;
      continue;
    }
    if (options_.stop_request != nullptr && options_.stop_request->load())
      throw EvaluationInterrupted("stopped while the MPI workers started");
    if (Clock::now() > deadline) {
      for (int r = 1; r < session_.size(); ++r) {
        if (!ready[static_cast<std::size_t>(r)]) session_.mark_lost(r);
      }
      throw Error("MPI: " + std::to_string(left) + " worker rank(s) did not answer the setup within " +
                  std::to_string(options_.silence_seconds) + " s");
    }
    backoff.idle();
  }
  MPI_Waitall(static_cast<int>(sends.size()), sends.data(), MPI_STATUSES_IGNORE);
}

MpiEvaluator::~MpiEvaluator() {
  // A chunk's send still pending (an interrupted batch, a lost rank) must
  // not lose its buffer while MPI may read it: such a chunk is left to the
  // end of the process (a few kilobytes, only when the run was cut).
  for (auto& rank : ranks_) {
    if (!rank.chunk || rank.chunk->send == MPI_REQUEST_NULL) continue;
    int done = 0;
    MPI_Test(&rank.chunk->send, &done, MPI_STATUS_IGNORE);
    if (!done) {
      MPI_Request_free(&rank.chunk->send);
      static_cast<void>(rank.chunk.release());
    }
  }
}

void MpiEvaluator::evaluate_into(const Problem& problem, const MatrixRef& X, MatrixMut F, MatrixMut G) {
  const Evaluation e = evaluate_trials(problem, X, 0);
  if (!e.all_succeeded()) throw Error("MPI: a row failed in evaluate(): " + e.message_of(0));
  F = e.objectives;
  G = e.constraints;
}

Evaluation MpiEvaluator::evaluate_trials(const Problem& problem, const MatrixRef& X,
                                         std::int64_t first_trial) {
  if (async_in_flight_ > 0)
    throw UsageError("MpiEvaluator: evaluate_trials() while submitted trials are in flight");
  const Index n = X.rows();
  Evaluation batch{Matrix(n, problem.n_obj()), Matrix(n, problem.n_constr())};
  if (n == 0) return batch;
  const auto workers = static_cast<Index>(session_.worker_count());
  const Index size = options_.rows_per_chunk > 0 ? options_.rows_per_chunk
                                                 : std::max<Index>(1, (n + 4 * workers - 1) / (4 * workers));
  for (Index begin = 0; begin < n; begin += size) {
    auto chunk = std::make_unique<Chunk>();
    chunk->first_trial = first_trial + begin;
    chunk->X = X.middleRows(begin, std::min(size, n - begin));
    queue_.push_back(std::move(chunk));
    ++batch_pending_;
  }
  dispatch();
  Backoff backoff;
  while (batch_pending_ > 0) {
    const std::size_t before = batch_pending_;
    poll();
    if (batch_pending_ == before)
      backoff.idle();
    else
      backoff.reset();
  }
  bool any_failed = false;
  for (const auto& chunk : done_batch_) {
    const Index at = chunk->first_trial - first_trial;
    const Index rows = chunk->X.rows();
    batch.objectives.middleRows(at, rows) = chunk->result.objectives;
    batch.constraints.middleRows(at, rows) = chunk->result.constraints;
    any_failed = any_failed || !chunk->result.all_succeeded();
  }
  if (any_failed) {
    for (const auto& chunk : done_batch_) {
      for (Index i = 0; i < chunk->X.rows(); ++i) {
        if (chunk->result.failed(i)) {
          batch.set_status(chunk->first_trial - first_trial + i, chunk->result.status_of(i),
                           chunk->result.message_of(i));
        }
      }
    }
  }
  done_batch_.clear();
  return batch;
}

void MpiEvaluator::submit(const Problem& /*problem*/, const Eigen::Ref<const RowVector>& x,
                          std::int64_t trial) {
  auto chunk = std::make_unique<Chunk>();
  chunk->first_trial = trial;
  chunk->X = x;
  chunk->async = true;
  queue_.push_back(std::move(chunk));
  ++async_in_flight_;
  dispatch();
}

TrialOutcome MpiEvaluator::collect() {
  if (async_in_flight_ == 0)
    throw UsageError("collect(): no trial in flight", Location::of_field("evaluator"));
  Backoff backoff;
  while (done_async_.empty()) {
    poll();
    if (done_async_.empty()) backoff.idle();
  }
  TrialOutcome outcome = std::move(done_async_.front());
  done_async_.pop_front();
  --async_in_flight_;
  return outcome;
}

// Hands queued chunks to free ranks, lowest rank first.
void MpiEvaluator::dispatch() {
  for (int r = 1; r < session_.size() && !queue_.empty(); ++r) {
    Rank& rank = ranks_[static_cast<std::size_t>(r)];
    if (rank.chunk || session_.lost(r)) continue;
    std::unique_ptr<Chunk> chunk = std::move(queue_.front());
    queue_.pop_front();
    Packer packer;
    packer.put<std::int64_t>(chunk->first_trial);
    packer.put<std::int64_t>(chunk->X.rows());
    packer.put<std::int64_t>(chunk->X.cols());
    packer.put_matrix(chunk->X);
    chunk->message = std::move(packer.bytes());
    check(MPI_Isend(chunk->message.data(), static_cast<int>(chunk->message.size()), MPI_BYTE, r, kWork,
                    MPI_COMM_WORLD, &chunk->send),
          "MPI_Isend");
    if (!sent_any_) {
      first_send_ = Clock::now();
      sent_any_ = true;
    }
    rank.last_heard = Clock::now();
    rank.chunk = std::move(chunk);
  }
}

void MpiEvaluator::poll() {
  std::vector<char> bytes;
  int from = 0, tag = 0;
  while (receive_if_any(MPI_ANY_SOURCE, from, tag, bytes)) {
    if (from <= 0 || from >= session_.size()) continue;
    Rank& rank = ranks_[static_cast<std::size_t>(from)];
    rank.last_heard = Clock::now();
    if (tag == kResult) receive_result(from, bytes);
    if (tag == kBye) {  // it stopped on its own (a signal): gone
      session_.mark_lost(from);
      lost_worker_ = "MPI rank " + std::to_string(from) + " stopped (a signal?)";
      if (rank.chunk) throw WorkerLost(lost_worker_);
    }
  }
  for (auto& rank : ranks_) {
    if (rank.chunk && rank.chunk->send != MPI_REQUEST_NULL) {
      int done = 0;
      check(MPI_Test(&rank.chunk->send, &done, MPI_STATUS_IGNORE), "MPI_Test");
    }
  }
  if (options_.stop_request != nullptr && options_.stop_request->load()) {
    throw EvaluationInterrupted("stopped while the MPI workers evaluated: the batch runs again on resume");
  }
  check_silence();
  dispatch();
}

void MpiEvaluator::receive_result(int from, const std::vector<char>& bytes) {
  Rank& rank = ranks_[static_cast<std::size_t>(from)];
  Unpacker in(bytes, from);
  throw_if_error(in, from);
  if (!rank.chunk) throw Error("MPI: rank " + std::to_string(from) + " sent a result it was not asked for");
  std::unique_ptr<Chunk> chunk = std::move(rank.chunk);
  if (chunk->send != MPI_REQUEST_NULL) MPI_Wait(&chunk->send, MPI_STATUS_IGNORE);  // it has read it
  const auto first = in.get<std::int64_t>();
  const auto rows = in.get<std::int64_t>();
  const auto n_obj = in.get<std::int64_t>();
  const auto n_constr = in.get<std::int64_t>();
  if (first != chunk->first_trial || rows != chunk->X.rows()) {
    throw Error("MPI: rank " + std::to_string(from) + " answered trials " + std::to_string(first) + "+" +
                std::to_string(rows) + " for " + std::to_string(chunk->first_trial) + "+" +
                std::to_string(chunk->X.rows()));
  }
  chunk->result.objectives = in.get_matrix(rows, n_obj);
  chunk->result.constraints = in.get_matrix(rows, n_constr);
  if (in.get<std::uint8_t>() != 0) {
    for (Index i = 0; i < rows; ++i) {
      const auto status = static_cast<TrialStatus>(in.get<std::uint8_t>());
      std::string message = in.get_string();
      if (status != TrialStatus::success) chunk->result.set_status(i, status, std::move(message));
    }
  }
  const double busy = in.get<double>();
  const std::string report = in.get_string();
  busy_seconds_ += busy;
  if (!report.empty()) worker_reports_[static_cast<std::size_t>(from)] = nlohmann::json::parse(report);
  last_result_ = Clock::now();
  ++chunks_;
  if (chunk->async) {
    TrialOutcome outcome;
    outcome.trial = chunk->first_trial;
    outcome.objectives = chunk->result.objectives.row(0);
    outcome.constraints = chunk->result.constraints.row(0);
    outcome.status = chunk->result.status_of(0);
    outcome.message = chunk->result.message_of(0);
    outcome.seconds = busy;
    done_async_.push_back(std::move(outcome));
  } else {
    done_batch_.push_back(std::move(chunk));
    --batch_pending_;
  }
}

void MpiEvaluator::check_silence() {
  const auto now = Clock::now();
  for (int r = 1; r < session_.size(); ++r) {
    const Rank& rank = ranks_[static_cast<std::size_t>(r)];
    if (!rank.chunk) continue;
    const double silent = std::chrono::duration<double>(now - rank.last_heard).count();
    if (silent <= options_.silence_seconds) continue;
    session_.mark_lost(r);
    lost_worker_ = "MPI rank " + std::to_string(r) + " sent nothing for " +
                   std::to_string(static_cast<long long>(std::lround(silent))) +
                   " s while evaluating trials " + std::to_string(rank.chunk->first_trial) + "-" +
                   std::to_string(rank.chunk->first_trial + rank.chunk->X.rows() - 1) + ": lost";
    throw WorkerLost(lost_worker_);
  }
}

nlohmann::json MpiEvaluator::report() const {
  const double span =
      sent_any_ ? std::max(std::chrono::duration<double>(last_result_ - first_send_).count(), 0.0) : 0.0;
  const int workers = session_.worker_count();
  nlohmann::json report = {
      {"name", "mpi"},        {"ranks", session_.size()},
      {"workers", workers},   {"busy_seconds", busy_seconds_},
      {"span_seconds", span}, {"utilization", span > 0 ? busy_seconds_ / (span * workers) : 0.0},
      {"chunks", chunks_}};
  // Command workers: their process evaluators' counters, summed.
  for (const char* key :
       {"attempts_run", "retried_attempts", "reused_finished_trials", "rerun_unfinished_trials"}) {
    bool any = false;
    std::int64_t sum = 0;
    for (const auto& worker : worker_reports_) {
      if (worker.is_object() && worker.contains(key)) {
        any = true;
        sum += worker[key].get<std::int64_t>();
      }
    }
    if (any) report[key] = sum;
  }
  return report;
}

}  // namespace paretokit
