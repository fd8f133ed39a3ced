// Exact duplicate elimination by hashing rows; see operators/duplicates.hpp.
#include "paretokit/operators/duplicates.hpp"

#include <cstring>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

std::uint64_t hash_row(const double* row, Index size) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (Index j = 0; j < size; ++j) {
    const double v = row[j] == 0.0 ? 0.0 : row[j];  // -0 and +0 hash alike
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    h = (h ^ bits) * 0x100000001b3ULL;
    h ^= h >> 29;
  }
  return h ^ (h >> 32);
}

bool equal_rows(const double* a, const double* b, Index size) {
  for (Index j = 0; j < size; ++j)
    if (!(a[j] == b[j])) return false;  // NaN never equals
  return true;
}

}  // namespace

std::vector<Index> unique_rows(const MatrixRef& candidates, const MatrixRef& existing) {
  if (existing.rows() > 0 && existing.cols() != candidates.cols())
    throw InputError("candidates and existing rows differ in width", Location::of_field("X"));
  const Index d = candidates.cols();
  const Index total = candidates.rows() + existing.rows();
  // Open addressing with linear probing over row pointers; load <= 1/2.
  std::size_t capacity = 16;
  while (capacity < 2 * static_cast<std::size_t>(total)) capacity *= 2;
  std::vector<const double*> slots(capacity, nullptr);
  auto insert = [&](const double* row) {
    std::size_t i = static_cast<std::size_t>(hash_row(row, d)) & (capacity - 1);
    while (slots[i] != nullptr) {
      if (equal_rows(slots[i], row, d)) return false;
      i = (i + 1) & (capacity - 1);
    }
    slots[i] = row;
    return true;
  };
  // Row-major with unit inner stride keeps rows contiguous; copy otherwise.
  const bool cand_contiguous = candidates.innerStride() == 1;
  const Matrix cand_copy = cand_contiguous ? Matrix() : Matrix(candidates);
  const Matrix have_copy = existing.innerStride() == 1 ? Matrix() : Matrix(existing);
  for (Index i = 0; i < existing.rows(); ++i)
    insert(have_copy.size() > 0 ? have_copy.row(i).data() : existing.row(i).data());
  std::vector<Index> kept;
  for (Index i = 0; i < candidates.rows(); ++i)
    if (insert(cand_contiguous ? candidates.row(i).data() : cand_copy.row(i).data())) kept.push_back(i);
  return kept;
}

}  // namespace paretokit
