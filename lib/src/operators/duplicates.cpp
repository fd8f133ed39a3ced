// Exact duplicate elimination by hashing rows; see operators/duplicates.hpp.
#include "paretokit/operators/duplicates.hpp"

#include <cstring>
#include <unordered_set>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

struct RowKey {
  const double* data;
  Index size;
  bool operator==(const RowKey& other) const {
    for (Index j = 0; j < size; ++j)
      if (!(data[j] == other.data[j])) return false;  // NaN never equals
    return true;
  }
};

struct RowHash {
  std::size_t operator()(const RowKey& key) const {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (Index j = 0; j < key.size; ++j) {
      double v = key.data[j] == 0.0 ? 0.0 : key.data[j];  // -0 and +0 hash alike
      std::uint64_t bits;
      std::memcpy(&bits, &v, sizeof bits);
      h = (h ^ bits) * 0x100000001b3ULL;
      h ^= h >> 29;
    }
    return static_cast<std::size_t>(h);
  }
};

}  // namespace

std::vector<Index> unique_rows(const MatrixRef& candidates, const MatrixRef& existing) {
  if (existing.rows() > 0 && existing.cols() != candidates.cols())
    throw InputError("candidates and existing rows differ in width", Location::of_field("X"));
  // Row-major storage with unit inner stride keeps each row contiguous.
  const Matrix cand = candidates;
  const Matrix have = existing;
  std::unordered_set<RowKey, RowHash> seen;
  seen.reserve(static_cast<std::size_t>(cand.rows() + have.rows()));
  for (Index i = 0; i < have.rows(); ++i) seen.insert(RowKey{have.row(i).data(), have.cols()});
  std::vector<Index> kept;
  for (Index i = 0; i < cand.rows(); ++i)
    if (seen.insert(RowKey{cand.row(i).data(), cand.cols()}).second) kept.push_back(i);
  return kept;
}

}  // namespace paretokit
