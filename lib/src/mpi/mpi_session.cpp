// MpiSession; see mpi/mpi_evaluator.hpp.
#include <chrono>

#include "mpi_messages.hpp"
#include "paretokit/mpi/mpi_evaluator.hpp"

namespace paretokit {

using namespace mpi_detail;

MpiSession::MpiSession() {
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (initialized) throw Error("MPI: already started in this process (one MpiSession at a time)");
  int provided = MPI_THREAD_SINGLE;
  // Rank 0's run loop may hand the evaluator to another thread of its task
  // arena between batches; calls never overlap.
  check(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SERIALIZED, &provided), "MPI_Init_thread");
  if (provided < MPI_THREAD_SERIALIZED) {
    MPI_Finalize();
    throw Error("MPI: this MPI library does not give MPI_THREAD_SERIALIZED (it gave level " +
                std::to_string(provided) + ")");
  }
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  lost_.assign(static_cast<std::size_t>(size_), false);
}

MpiSession::~MpiSession() {
  if (rank_ == 0) {
    try {
      stop_workers();
    } catch (const std::exception&) {
      // Ending anyway: MPI's own error is the best we can do now.
    }
    // MPI_Finalize waits for every rank, a lost one too (Open MPI under
    // --enable-recovery hangs there): end the job instead. Rank 0 has
    // written its run folder and said why by now.
    for (int r = 1; r < size_; ++r) {
      if (lost(r)) MPI_Abort(MPI_COMM_WORLD, 1);
    }
  }
  MPI_Finalize();
}

void MpiSession::mark_lost(int rank) {
  if (rank > 0 && rank < size_) lost_[static_cast<std::size_t>(rank)] = true;
}

// kStop to every worker not lost, then whatever they still send (a result
// finished meanwhile, heartbeats) is read and dropped until each says bye,
// or goodbye_seconds pass.
void MpiSession::stop_workers() {
  std::vector<MPI_Request> requests;
  std::vector<bool> waiting(static_cast<std::size_t>(size_), false);
  int left = 0;
  char none = 0;
  for (int r = 1; r < size_; ++r) {
    if (lost(r)) continue;
    requests.emplace_back();
    check(MPI_Isend(&none, 0, MPI_BYTE, r, kStop, MPI_COMM_WORLD, &requests.back()), "MPI_Isend");
    waiting[static_cast<std::size_t>(r)] = true;
    ++left;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(goodbye_seconds);
  Backoff backoff;
  std::vector<char> bytes;
  while (left > 0 && std::chrono::steady_clock::now() < deadline) {
    int from = 0, tag = 0;
    if (!receive_if_any(MPI_ANY_SOURCE, from, tag, bytes)) {
      backoff.idle();
      continue;
    }
    backoff.reset();
    if (tag == kBye && waiting[static_cast<std::size_t>(from)]) {
      waiting[static_cast<std::size_t>(from)] = false;
      --left;
    }
  }
  for (int r = 1; r < size_; ++r) {
    if (waiting[static_cast<std::size_t>(r)]) mark_lost(r);
  }
  // The stops to ranks that said bye are complete; the others' are left.
  if (left == 0) MPI_Waitall(static_cast<int>(requests.size()), requests.data(), MPI_STATUSES_IGNORE);
}

}  // namespace paretokit
