// Exact duplicate elimination by hashing rows; see operators/duplicates.hpp.
#include "paretokit/operators/duplicates.hpp"

#include <cstring>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

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

// Rows [0, e) are `existing`, rows [e, e + c) the candidates; a candidate
// is kept when no earlier row equals it. Open addressing with linear probing
// over row pointers, load <= 1/2.
class RowSet {
 public:
  RowSet(std::size_t rows, Index width) : width_(width) {
    while (capacity_ < 2 * rows) capacity_ *= 2;
    slots_.assign(capacity_, nullptr);
  }
  // False when an equal row is in the set already.
  bool insert(const double* row, std::uint64_t hash) {
    std::size_t i = static_cast<std::size_t>(hash) & (capacity_ - 1);
    while (slots_[i] != nullptr) {
      if (equal_rows(slots_[i], row, width_)) return false;
      i = (i + 1) & (capacity_ - 1);
    }
    slots_[i] = row;
    return true;
  }

 private:
  Index width_;
  std::size_t capacity_ = 16;
  std::vector<const double*> slots_;
};

// From this many rows on, unique_rows() works in parallel shards.
constexpr Index parallel_rows = 1 << 15;
constexpr int shard_bits = 6;

}  // namespace

std::vector<Index> unique_rows(const MatrixRef& candidates, const MatrixRef& existing) {
  if (existing.rows() > 0 && existing.cols() != candidates.cols())
    throw InputError("candidates and existing rows differ in width", Location::of_field("X"));
  const Index d = candidates.cols();
  const Index e = existing.rows();
  const Index total = candidates.rows() + e;
  // Row-major with unit inner stride keeps rows contiguous; copy otherwise.
  const bool cand_contiguous = candidates.innerStride() == 1;
  const Matrix cand_copy = cand_contiguous ? Matrix() : Matrix(candidates);
  const Matrix have_copy = existing.innerStride() == 1 ? Matrix() : Matrix(existing);
  auto row_of = [&](Index r) {
    if (r < e) return have_copy.size() > 0 ? have_copy.row(r).data() : existing.row(r).data();
    return cand_contiguous ? candidates.row(r - e).data() : cand_copy.row(r - e).data();
  };
  std::vector<Index> kept;
  if (total < parallel_rows) {
    RowSet set(static_cast<std::size_t>(total), d);
    for (Index r = 0; r < e; ++r) set.insert(row_of(r), hash_row(row_of(r), d));
    for (Index r = e; r < total; ++r)
      if (set.insert(row_of(r), hash_row(row_of(r), d))) kept.push_back(r - e);
    return kept;
  }
  // Equal rows hash alike, so they fall in the same shard (the top bits of
  // the hash): each shard is an independent set, filled in row order, and
  // the kept candidates are exactly those of one sequential pass.
  constexpr std::size_t n_shards = std::size_t{1} << shard_bits;
  std::vector<std::uint64_t> hash(static_cast<std::size_t>(total));
  tbb::parallel_for(tbb::blocked_range<Index>(0, total, 4096), [&](const tbb::blocked_range<Index>& range) {
    for (Index r = range.begin(); r < range.end(); ++r)
      hash[static_cast<std::size_t>(r)] = hash_row(row_of(r), d);
  });
  std::vector<std::vector<Index>> shard(n_shards);
  for (Index r = 0; r < total; ++r)
    shard[hash[static_cast<std::size_t>(r)] >> (64 - shard_bits)].push_back(r);
  std::vector<char> duplicate(static_cast<std::size_t>(total), 0);
  tbb::parallel_for(std::size_t{0}, n_shards, [&](std::size_t s) {
    RowSet set(shard[s].size(), d);
    for (Index r : shard[s])
      if (!set.insert(row_of(r), hash[static_cast<std::size_t>(r)]))
        duplicate[static_cast<std::size_t>(r)] = 1;
  });
  for (Index r = e; r < total; ++r)
    if (!duplicate[static_cast<std::size_t>(r)]) kept.push_back(r - e);
  return kept;
}

}  // namespace paretokit
