// Exact duplicate elimination by hashing rows; see operators/duplicates.hpp.
#include "paretokit/operators/duplicates.hpp"

#include <algorithm>
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
  // Rows by shard, in row order within each shard: a stable counting sort
  // over fixed blocks of rows (counts per block, then each block scatters its
  // rows behind those of the earlier blocks).
  auto shard_of = [&](Index r) {
    return static_cast<std::size_t>(hash[static_cast<std::size_t>(r)] >> (64 - shard_bits));
  };
  constexpr Index rows_per_block = 16384;
  const auto n_blocks = static_cast<std::size_t>((total + rows_per_block - 1) / rows_per_block);
  std::vector<std::size_t> count(n_blocks * n_shards, 0);  // [block][shard]
  tbb::parallel_for(std::size_t{0}, n_blocks, [&](std::size_t b) {
    const auto begin = static_cast<Index>(b) * rows_per_block;
    for (Index r = begin; r < std::min(total, begin + rows_per_block); ++r)
      ++count[b * n_shards + shard_of(r)];
  });
  std::vector<std::size_t> shard_begin(n_shards + 1, 0);
  std::size_t offset = 0;
  for (std::size_t s = 0; s < n_shards; ++s) {
    shard_begin[s] = offset;
    for (std::size_t b = 0; b < n_blocks; ++b) {
      const std::size_t c = count[b * n_shards + s];
      count[b * n_shards + s] = offset;  // where block b's rows of shard s go
      offset += c;
    }
  }
  shard_begin[n_shards] = offset;
  std::vector<Index> by_shard(static_cast<std::size_t>(total));
  tbb::parallel_for(std::size_t{0}, n_blocks, [&](std::size_t b) {
    const auto begin = static_cast<Index>(b) * rows_per_block;
    for (Index r = begin; r < std::min(total, begin + rows_per_block); ++r)
      by_shard[count[b * n_shards + shard_of(r)]++] = r;
  });
  std::vector<char> duplicate(static_cast<std::size_t>(total), 0);
  tbb::parallel_for(std::size_t{0}, n_shards, [&](std::size_t s) {
    RowSet set(shard_begin[s + 1] - shard_begin[s], d);
    for (std::size_t t = shard_begin[s]; t < shard_begin[s + 1]; ++t) {
      const Index r = by_shard[t];
      if (!set.insert(row_of(r), hash[static_cast<std::size_t>(r)]))
        duplicate[static_cast<std::size_t>(r)] = 1;
    }
  });
  for (Index r = e; r < total; ++r)
    if (!duplicate[static_cast<std::size_t>(r)]) kept.push_back(r - e);
  return kept;
}

}  // namespace paretokit
