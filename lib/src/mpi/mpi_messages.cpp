// Byte packing and small MPI helpers of the mpi module; see mpi_messages.hpp.
#include "mpi_messages.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace paretokit::mpi_detail {

void Packer::put_matrix(const MatrixRef& M) {
  for (Index i = 0; i < M.rows(); ++i) {
    for (Index j = 0; j < M.cols(); ++j) put<double>(M(i, j));
  }
}

void Unpacker::need(std::size_t n) const {
  if (at_ + n > bytes_.size()) {
    throw Error("MPI: a message from rank " + std::to_string(rank_) + " is shorter than its contents (" +
                std::to_string(bytes_.size()) + " bytes): a mismatched paretokit on that rank?");
  }
}

std::string Unpacker::get_string() {
  const auto size = get<std::uint64_t>();
  need(size);
  std::string text(bytes_.data() + at_, size);
  at_ += size;
  return text;
}

Matrix Unpacker::get_matrix(Index rows, Index cols) {
  if (rows < 0 || cols < 0) throw Error("MPI: a message from rank " + std::to_string(rank_) + " is damaged");
  need(sizeof(double) * static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols));
  Matrix M(rows, cols);
  for (Index i = 0; i < rows; ++i) {
    for (Index j = 0; j < cols; ++j) M(i, j) = get<double>();
  }
  return M;
}

void put_error(Packer& packer, ErrorKind kind, const std::string& reason, const Location& where) {
  packer.put<std::int32_t>(kind);
  if (kind == kNoError) return;
  packer.put_string(reason);
  packer.put_string(where.file);
  packer.put<std::uint64_t>(where.line);
  packer.put_string(where.field);
}

void put_current_exception(Packer& packer) {
  try {
    throw;
  } catch (const InputError& error) {
    put_error(packer, kInputError, error.reason(), error.where());
  } catch (const UsageError& error) {
    put_error(packer, kUsageError, error.reason(), error.where());
  } catch (const Error& error) {
    put_error(packer, kOtherError, error.reason(), error.where());
  } catch (const std::exception& error) {
    put_error(packer, kOtherError, error.what(), {});
  } catch (...) {
    put_error(packer, kOtherError, "an unknown exception", {});
  }
}

void throw_if_error(Unpacker& in, int from_rank) {
  const auto kind = in.get<std::int32_t>();
  if (kind == kNoError) return;
  const std::string reason = in.get_string() + " (on MPI rank " + std::to_string(from_rank) + ")";
  Location where;
  where.file = in.get_string();
  where.line = static_cast<std::size_t>(in.get<std::uint64_t>());
  where.field = in.get_string();
  if (kind == kInputError) throw InputError(reason, where);
  if (kind == kUsageError) throw UsageError(reason, where);
  throw Error(reason, where);
}

bool receive_if_any(int source, int& from, int& tag, std::vector<char>& bytes) {
  int flag = 0;
  MPI_Status status;
  check(MPI_Iprobe(source, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status), "MPI_Iprobe");
  if (!flag) return false;
  int count = 0;
  check(MPI_Get_count(&status, MPI_BYTE, &count), "MPI_Get_count");
  bytes.resize(static_cast<std::size_t>(count));
  from = status.MPI_SOURCE;
  tag = status.MPI_TAG;
  check(MPI_Recv(bytes.data(), count, MPI_BYTE, from, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE), "MPI_Recv");
  return true;
}

void Backoff::idle() {
  sleep_us_ = std::clamp(sleep_us_ * 2, 20, 2000);
  std::this_thread::sleep_for(std::chrono::microseconds(sleep_us_));
}

void check(int rc, const char* what) {
  if (rc == MPI_SUCCESS) return;
  char text[MPI_MAX_ERROR_STRING];
  int length = 0;
  MPI_Error_string(rc, text, &length);
  throw Error(std::string("MPI: ") + what +
              " failed: " + std::string(text, static_cast<std::size_t>(length)));
}

}  // namespace paretokit::mpi_detail
