// The messages between rank 0 (the optimizer) and the worker ranks, and the
// byte packing they use. Internal to the mpi module.
//
//   rank 0 -> worker   kSetup     JSON text: what to evaluate (the CLI's)
//   worker -> rank 0   kReady     an error record (kind 0: ready)
//   rank 0 -> worker   kWork      a chunk: first trial, rows, columns, X
//   worker -> rank 0   kResult    an error record, then (kind 0) the chunk's
//                                 F, G, per-row statuses and messages, busy
//                                 seconds and the worker evaluator's report
//   worker -> rank 0   kHeartbeat empty, every second while a chunk runs
//   rank 0 -> worker   kStop      empty: interrupt, answer kBye and end
//   worker -> rank 0   kBye       empty
// Doubles travel as their bytes (MPI_BYTE), so a worker's F and G are bit
// for bit what the same evaluation gives in rank 0's process.
#pragma once

#include <mpi.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "paretokit/core/error.hpp"
#include "paretokit/core/evaluation.hpp"
#include "paretokit/core/matrix.hpp"

namespace paretokit::mpi_detail {

enum Tag : int { kSetup = 1, kReady, kWork, kResult, kHeartbeat, kStop, kBye };

// An error record's kind: how rank 0 rethrows a worker's exception.
enum ErrorKind : std::int32_t { kNoError = 0, kInputError = 1, kUsageError = 2, kOtherError = 3 };

class Packer {
 public:
  template <class T>
  void put(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    append(&value, sizeof(T));
  }
  void put_string(const std::string& text) {
    put<std::uint64_t>(text.size());
    append(text.data(), text.size());
  }
  // Every entry, row by row.
  void put_matrix(const MatrixRef& M);
  std::vector<char>& bytes() { return bytes_; }

 private:
  // resize + memcpy: g++ 12 warns falsely (-Wstringop-overflow) on insert().
  void append(const void* data, std::size_t n) {
    const std::size_t at = bytes_.size();
    bytes_.resize(at + n);
    if (n > 0) std::memcpy(bytes_.data() + at, data, n);
  }
  std::vector<char> bytes_;
};

// Reads what a Packer wrote; a short or damaged message is an Error naming
// the rank it came from.
class Unpacker {
 public:
  Unpacker(const std::vector<char>& bytes, int from_rank) : bytes_(bytes), rank_(from_rank) {}
  template <class T>
  T get() {
    T value;
    need(sizeof(T));
    std::memcpy(&value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return value;
  }
  std::string get_string();
  Matrix get_matrix(Index rows, Index cols);

 private:
  void need(std::size_t n) const;
  const std::vector<char>& bytes_;
  int rank_;
  std::size_t at_ = 0;
};

// An exception as an error record, and back (kind 0: none).
void put_error(Packer& packer, ErrorKind kind, const std::string& reason, const Location& where);
void put_current_exception(Packer& packer);  // inside a catch block
// Throws the record's exception, prefixed with the rank, when kind != 0.
void throw_if_error(Unpacker& in, int from_rank);

// A message waiting for us (from `source`, any tag), received whole;
// false when none is there now.
bool receive_if_any(int source, int& from, int& tag, std::vector<char>& bytes);

// Sleeps a little longer each time nothing came (20 us up to 2 ms): idle
// ranks on a shared machine cost little CPU, and a busy exchange answers
// within microseconds.
class Backoff {
 public:
  void idle();
  void reset() { sleep_us_ = 0; }

 private:
  int sleep_us_ = 0;
};

// Throws Error("MPI: <what> failed: <MPI's text>") unless rc is MPI_SUCCESS.
void check(int rc, const char* what);

}  // namespace paretokit::mpi_detail
