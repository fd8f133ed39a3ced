// run_mpi_worker: a worker rank's loop; see mpi/mpi_evaluator.hpp and
// mpi_messages.hpp (the protocol).
//
// The chunk is evaluated on a second thread while this one, the only one
// making MPI calls, sends a heartbeat every second and watches for rank 0's
// kStop (which sets `stop`, so a ProcessEvaluator kills its trials rather
// than recording them as crashed).
#include <chrono>
#include <future>
#include <optional>

#include "mpi_messages.hpp"
#include "paretokit/mpi/mpi_evaluator.hpp"

namespace paretokit {

using namespace mpi_detail;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kHeartbeatSeconds = 1.0;

struct WorkChunk {
  std::int64_t first_trial = 0;
  Matrix X;
};

WorkChunk read_chunk(const std::vector<char>& bytes) {
  Unpacker in(bytes, 0);
  WorkChunk chunk;
  chunk.first_trial = in.get<std::int64_t>();
  const auto rows = in.get<std::int64_t>();
  const auto cols = in.get<std::int64_t>();
  chunk.X = in.get_matrix(rows, cols);
  return chunk;
}

std::vector<char> result_message(const WorkChunk& chunk, const Evaluation& e, double busy,
                                 const nlohmann::json& report) {
  Packer out;
  put_error(out, kNoError, {}, {});
  out.put<std::int64_t>(chunk.first_trial);
  out.put<std::int64_t>(chunk.X.rows());
  out.put<std::int64_t>(e.objectives.cols());
  out.put<std::int64_t>(e.constraints.cols());
  out.put_matrix(e.objectives);
  out.put_matrix(e.constraints);
  out.put<std::uint8_t>(e.all_succeeded() ? 0 : 1);
  if (!e.all_succeeded()) {
    for (Index i = 0; i < e.rows(); ++i) {
      out.put<std::uint8_t>(static_cast<std::uint8_t>(e.status_of(i)));
      out.put_string(e.message_of(i));
    }
  }
  out.put<double>(busy);
  out.put_string(report.is_null() ? std::string() : report.dump());
  return std::move(out.bytes());
}

void send_blocking(std::vector<char>& bytes, int tag) {
  check(MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, 0, tag, MPI_COMM_WORLD), "MPI_Send");
}

class Worker {
 public:
  Worker(const MpiWorkerFactory& make_task, const std::atomic<bool>* external_stop)
      : make_task_(make_task), external_stop_(external_stop) {}

  int run() {
    Backoff backoff;
    std::vector<char> bytes;
    while (true) {
      if (stopped_by_signal()) return say_bye(1);
      int from = 0, tag = 0;
      if (!receive_if_any(0, from, tag, bytes)) {
        backoff.idle();
        continue;
      }
      backoff.reset();
      if (tag == kStop) return say_bye(0);
      if (tag == kSetup) setup(bytes);
      if (tag == kWork && !evaluate(read_chunk(bytes))) return say_bye(stopped_by_signal() ? 1 : 0);
    }
  }

 private:
  bool stopped_by_signal() const { return external_stop_ != nullptr && external_stop_->load(); }

  int say_bye(int code) {
    stop_.store(true);
    char none = 0;
    MPI_Send(&none, 0, MPI_BYTE, 0, kBye, MPI_COMM_WORLD);
    return code;
  }

  void setup(const std::vector<char>& bytes) {
    Packer out;
    try {
      task_.reset();  // evaluator before problem (MpiWorkerTask's order)
      task_.emplace(make_task_(nlohmann::json::parse(bytes.begin(), bytes.end()), &stop_));
      put_error(out, kNoError, {}, {});
    } catch (...) {
      task_.reset();
      put_current_exception(out);
    }
    send_blocking(out.bytes(), kReady);
  }

  // Evaluates the chunk and sends its result; false when rank 0 (or a
  // signal) said stop meanwhile.
  bool evaluate(WorkChunk chunk) {
    if (!task_) {
      Packer out;
      put_error(out, kOtherError, "got work before a successful setup", {});
      send_blocking(out.bytes(), kResult);
      return true;
    }
    const auto start = Clock::now();
    auto future = std::async(std::launch::async, [&] {
      return task_->evaluator->evaluate_trials(*task_->problem, chunk.X, chunk.first_trial);
    });
    auto next_beat =
        start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(kHeartbeatSeconds));
    bool stop = false;
    std::vector<char> bytes;
    // Ready at once when it is (no polling delay); rank 0's messages and the
    // heartbeat every 2 ms at most.
    while (future.wait_for(std::chrono::milliseconds(2)) != std::future_status::ready) {
      int from = 0, tag = 0;
      if (!stop && receive_if_any(0, from, tag, bytes) && tag == kStop) stop = true;
      if (stopped_by_signal()) stop = true;
      if (stop) stop_.store(true);  // a ProcessEvaluator gives up its trials
      if (Clock::now() >= next_beat) {
        char none = 0;
        check(MPI_Send(&none, 0, MPI_BYTE, 0, kHeartbeat, MPI_COMM_WORLD), "MPI_Send");
        next_beat +=
            std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(kHeartbeatSeconds));
      }
    }
    Packer failure;
    std::optional<Evaluation> e;
    try {
      e = future.get();
    } catch (const EvaluationInterrupted&) {
      return false;  // the trials were killed: nothing to report
    } catch (...) {
      put_current_exception(failure);
    }
    if (stop) return false;
    if (!e) {
      send_blocking(failure.bytes(), kResult);
      return true;
    }
    const double busy = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<char> message = result_message(chunk, *e, busy, task_->evaluator->report());
    send_blocking(message, kResult);
    return true;
  }

  const MpiWorkerFactory& make_task_;
  const std::atomic<bool>* external_stop_;
  std::atomic<bool> stop_{false};
  std::optional<MpiWorkerTask> task_;
};

}  // namespace

int run_mpi_worker(MpiSession& session, const MpiWorkerFactory& make_task,
                   const std::atomic<bool>* external_stop) {
  if (session.is_root()) throw UsageError("run_mpi_worker: rank 0 runs the optimizer, not a worker");
  return Worker(make_task, external_stop).run();
}

}  // namespace paretokit
