// The set of points that weakly dominate a sample, as a bitset, for HypE's
// Monte Carlo fitness (hype_fitness.cpp, hype_truncation.cpp).
//
// The points that are <= a sample in objective j are a prefix of the points
// sorted by j, so with one table of prefix bitsets per objective the
// dominators of a sample are the AND of m rows, found by m binary searches:
// O(m (log L + L / 64)) per sample and chunk of L points, instead of the
// O(m n) of a scan. Points are taken in chunks of 1024 so that the tables
// stay O(m n 1024 / 64) words in all (16 words a row). "Weakly dominates"
// is F(p, j) <= s_j in every objective, which for finite values is exactly
// the test s_j - F(p, j) >= 0 of a scan. Its callers pass finite values
// only (they scan otherwise); a NaN objective would dominate nothing. The tables are read-only once built: any number of
// threads may query them at once.
#pragma once

#include <cstdint>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit::detail {

class DominatorSets {
 public:
  explicit DominatorSets(const MatrixRef& F);

  Index points() const { return n_; }
  // 64-bit words of a bitset over the points (bit p % 64 of word p / 64).
  Index words() const { return (n_ + 63) / 64; }
  // Writes the bitset of the points that weakly dominate `sample` (m values)
  // to out[0 .. words()), and returns how many there are.
  Index dominators(const double* sample, std::uint64_t* out) const;

 private:
  static constexpr Index chunk = 1024;
  struct Bucketing {
    double low = 0.0, scale = 0.0;
    Index count = 0;           // 0: no buckets (binary search)
    std::vector<Index> start;  // count + 1 entries
    Index bucket_of(double v) const {
      const double at = (v - low) * scale;
      return at >= static_cast<double>(count) ? count : static_cast<Index>(at);
    }
  };
  struct Chunk {
    Index first = 0, size = 0, words = 0;
    std::vector<double> sorted;       // per objective: the finite values, ascending
    std::vector<Index> finite;        // per objective: how many values are not NaN
    std::vector<Bucketing> buckets;   // per objective
    std::vector<std::uint64_t> rows;  // per objective: (size + 1) prefix rows of `words` words
  };
  static void index_buckets(Chunk& c, Index j);
  Index n_ = 0, m_ = 0;
  std::vector<Chunk> chunks_;
};

}  // namespace paretokit::detail
