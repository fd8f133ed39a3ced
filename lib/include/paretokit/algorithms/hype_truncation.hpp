// HypE's greedy truncation of a front (Bader and Zitzler 2011, Algorithm 2:
// remove the point of least I_h^k, k = the number still to remove, and
// rate again) with one Monte Carlo sample set for the whole truncation,
// updated after each removal instead of drawn anew.
//
// With fresh samples (hype_fitness_monte_carlo after every removal) a
// truncation of a front of n points losing K costs O(K n_samples m n); here
// the samples are drawn once, in the box [min F, reference] of the whole
// front (the reference stays that of the whole front too), and kept with
// their dominator sets (bitsets) and counts c(s). A point's fitness is
// sum_c w(c) H_a[c], where H_a[c] is the number of samples of count c that
// point a dominates and w(c) = alpha_c / c for the current n and k; removing
// point r decrements the counts of the samples r dominates and moves those
// samples' dominators from H[c] to H[c - 1]. Two facts bound the work:
// - c(s) - k never falls (c drops by at most 1 per removal, k by exactly
//   1), so a sample of c > k never counts again and is dropped for good;
// - w(c) only falls as points are removed (for a fixed c), so a count c
//   whose weight at the start is below 2^-64 is negligible for the whole
//   truncation: histograms are kept for c <= max_count() only (the samples
//   above it are tracked by their counts and enter the histograms when
//   their count reaches it), and weights below 2^-64 are left out.
// Leaving those weights out changes a point's fitness by at most
// box * 2^-64 (each sample adds one weight to a point), i.e. 2^-64 *
// n_samples of the value of one sample of weight 1; everything else is the
// Monte Carlo estimate on the same samples (the histograms are exact
// integers; the sum order differs from hype_fitness_monte_carlo's, so the
// values agree to rounding, not to the bit).
//
// Cost: the dominator sets O(n_samples m n / 64) once (see
// hype_fitness.hpp), then per removal O(live samples) + the dominators of
// the tracked samples the removed point dominates + O(n max_count) for the
// fitness. Single-threaded after the set-up, which runs in parallel over
// samples: the result does not depend on the thread count.
#pragma once

#include <cstdint>
#include <vector>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit {

class HypeSampledTruncation {
 public:
  // F: the front; reference: fixed for the whole truncation; k: how many
  // points will be removed (1 <= k <= F.rows()). Draws n_samples * m
  // uniforms from rng, the same draws as hype_fitness_monte_carlo.
  HypeSampledTruncation(const MatrixRef& F, const VectorRef& reference, Index k, Index n_samples, Rng& rng);

  Index remaining() const { return n_ - removed_count_; }
  Index to_remove() const { return k_ - removed_count_; }
  bool removed(Index row) const { return alive_[static_cast<std::size_t>(row)] == 0; }

  // I_h^k of every row of F among the points still in, k = to_remove()
  // (removed rows: 0). Needs to_remove() >= 1.
  Vector fitness() const;
  // Removes the point of least fitness (ties: the lowest row); returns its row.
  Index remove_least_fit();
  // Removes row (still in, and to_remove() >= 1).
  void remove(Index row);

  // For tests: the samples (one per row), the counts above which no
  // histogram is kept, and the histogram H_row[c] for 1 <= c <=
  // min(max_count(), to_remove()) (what fitness() reads).
  const Matrix& samples() const { return samples_; }
  double box() const { return box_; }
  Index max_count() const { return max_count_; }
  double histogram(Index row, Index c) const {
    return static_cast<double>(histogram_[static_cast<std::size_t>(row * (max_count_ + 1) + c)]);
  }

 private:
  // H[count] += delta for every point (still in) that dominates sample.
  void add_dominators(Index sample, Index count, std::int32_t delta);
  // H[from] -= 1 and H[from - 1] += 1 for those points.
  void move_dominators(Index sample, Index from);

  Index n_ = 0, k_ = 0, removed_count_ = 0, words_ = 0, max_count_ = 0;
  double box_ = 0.0;
  Matrix samples_;
  // Per sample, the bitset of the points still in that dominate it; word w
  // of sample s at [w * n_samples + s], so that a removal's pass over the
  // samples reads one contiguous row.
  std::vector<std::uint64_t> dominators_;
  std::vector<Index> count_;             // per sample: how many bits are set
  std::vector<Index> live_;              // samples of 1 <= c <= to_remove(), ascending
  std::vector<std::int32_t> histogram_;  // n rows of max_count + 1: H_row[c]
  std::vector<char> alive_;
};

}  // namespace paretokit
