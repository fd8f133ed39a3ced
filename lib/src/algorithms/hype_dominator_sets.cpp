// Prefix-bitset tables for dominator sets; see hype_dominator_sets.hpp.
#include "hype_dominator_sets.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace paretokit::detail {

DominatorSets::DominatorSets(const MatrixRef& F) : n_(F.rows()), m_(F.cols()) {
  for (Index first = 0; first < n_; first += chunk) {
    Chunk c;
    c.first = first;
    c.size = std::min(chunk, n_ - first);
    c.words = (c.size + 63) / 64;
    c.sorted.assign(static_cast<std::size_t>(m_ * c.size), 0.0);
    c.finite.assign(static_cast<std::size_t>(m_), 0);
    c.buckets.assign(static_cast<std::size_t>(m_), Bucketing{});
    c.rows.assign(static_cast<std::size_t>(m_ * (c.size + 1) * c.words), 0);
    std::vector<Index> order(static_cast<std::size_t>(c.size));
    for (Index j = 0; j < m_; ++j) {
      order.clear();
      for (Index i = 0; i < c.size; ++i)
        if (!std::isnan(F(first + i, j))) order.push_back(i);
      std::sort(order.begin(), order.end(),
                [&](Index a, Index b) { return F(first + a, j) < F(first + b, j); });
      c.finite[static_cast<std::size_t>(j)] = static_cast<Index>(order.size());
      double* sorted = c.sorted.data() + j * c.size;
      std::uint64_t* rows = c.rows.data() + j * (c.size + 1) * c.words;
      // Row r: the r smallest points in objective j.
      for (std::size_t r = 0; r < order.size(); ++r) {
        const Index p = order[r];
        sorted[r] = F(first + p, j);
        std::uint64_t* next = rows + static_cast<Index>(r + 1) * c.words;
        std::copy(next - c.words, next, next);
        next[p / 64] |= std::uint64_t{1} << (p % 64);
      }
      index_buckets(c, j);
    }
    chunks_.push_back(std::move(c));
  }
}

namespace {

// Bits set in a word without the popcnt instruction, which a portable build
// cannot assume (std::popcount then calls a slow library routine).
inline Index bit_count(std::uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
  return static_cast<Index>((x * 0x0101010101010101ULL) >> 56);
}

// How many of sorted[0 .. count) are <= s: a binary search without
// branches (conditional moves), which random samples would mispredict.
inline Index count_at_most(const double* sorted, Index count, double s) {
  if (count == 0) return 0;
  const double* base = sorted;
  Index len = count;
  while (len > 1) {
    const Index half = len / 2;
    base = base[half] <= s ? base + half : base;
    len -= half;
  }
  return static_cast<Index>(base - sorted) + (*base <= s ? 1 : 0);
}

}  // namespace

// One bucket per value over [lowest, highest] (finite values only):
// start[b] counts the values of bucket < b. Buckets are monotone in the
// value, so every value before start[bucket(s)] is < s, and a rank is found
// by a short scan from there (about one step on spread-out values) instead
// of a binary search.
void DominatorSets::index_buckets(Chunk& c, Index j) {
  const Index f = c.finite[static_cast<std::size_t>(j)];
  const double* sorted = c.sorted.data() + j * c.size;
  Bucketing& b = c.buckets[static_cast<std::size_t>(j)];
  if (f < 2) return;
  const double range = sorted[f - 1] - sorted[0];
  const double scale = static_cast<double>(f) / range;
  if (!(range > 0.0) || !std::isfinite(range) || !std::isfinite(scale)) return;
  b.low = sorted[0];
  b.scale = scale;
  b.count = f;
  b.start.assign(static_cast<std::size_t>(f + 1), 0);
  Index at = 0;
  for (Index bucket = 0; bucket <= f; ++bucket) {
    while (at < f && b.bucket_of(sorted[at]) < bucket) ++at;
    b.start[static_cast<std::size_t>(bucket)] = at;
  }
}

Index DominatorSets::dominators(const double* sample, std::uint64_t* out) const {
  Index count = 0;
  for (const Chunk& c : chunks_) {
    std::uint64_t* words = out + c.first / 64;
    for (Index j = 0; j < m_; ++j) {
      const double* sorted = c.sorted.data() + j * c.size;
      const double s = sample[j];
      // The points with a value <= s (none when s is NaN).
      const Index finite = c.finite[static_cast<std::size_t>(j)];
      const Bucketing& b = c.buckets[static_cast<std::size_t>(j)];
      Index rank = 0;
      if (std::isnan(s)) {
        rank = 0;
      } else if (b.count == 0) {
        rank = count_at_most(sorted, finite, s);
      } else if (s < b.low) {
        rank = 0;
      } else {
        rank = b.start[static_cast<std::size_t>(b.bucket_of(s))];
        while (rank < finite && sorted[rank] <= s) ++rank;
      }
      const std::uint64_t* row = c.rows.data() + (j * (c.size + 1) + rank) * c.words;
      std::uint64_t any = 0;
      if (j == 0) {
        for (Index w = 0; w < c.words; ++w) any |= (words[w] = row[w]);
      } else {
        for (Index w = 0; w < c.words; ++w) any |= (words[w] &= row[w]);
      }
      if (any == 0) {
        std::fill(words, words + c.words, std::uint64_t{0});
        break;
      }
    }
    if (m_ == 0) std::fill(words, words + c.words, std::uint64_t{0});
    for (Index w = 0; w < c.words; ++w) count += bit_count(words[w]);
  }
  return count;
}

}  // namespace paretokit::detail
