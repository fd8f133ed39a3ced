// HypE truncation on one sample set; see algorithms/hype_truncation.hpp.
#include "paretokit/algorithms/hype_truncation.hpp"

#include <algorithm>
#include <bit>
#include <limits>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "hype_dominator_sets.hpp"
#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

// Weights below this are left out (see the header).
constexpr double negligible_weight = 0x1p-64;

// alpha_c / c for c = 1.. while at least negligible_weight, at most k terms
// (w[0] unused), for n points still in and k to remove.
std::vector<double> weights(Index n, Index k, Index max_count) {
  std::vector<double> w(1, 0.0);
  double alpha = 1.0;
  for (Index c = 1; c <= std::min(k, max_count); ++c) {
    if (c > 1) alpha = alpha * static_cast<double>(k - (c - 1)) / static_cast<double>(n - (c - 1));
    const double weight = alpha / static_cast<double>(c);
    if (!(weight >= negligible_weight)) break;
    w.push_back(weight);
  }
  return w;
}

// The dominator bitsets of the samples by a scan (s_j - F(p, j) >= 0), for
// sets with infinite or NaN values (word w of sample s at bits[w * S.rows() + s]);
// returns the counts.
void scan_dominators(const MatrixRef& F, const Matrix& S, std::vector<std::uint64_t>& bits,
                     std::vector<Index>& counts) {
  tbb::parallel_for(Index{0}, S.rows(), [&](Index s) {
    Index c = 0;
    for (Index p = 0; p < F.rows(); ++p) {
      bool all = true;
      for (Index j = 0; j < F.cols() && all; ++j) all = S(s, j) - F(p, j) >= 0.0;
      if (!all) continue;
      bits[static_cast<std::size_t>((p / 64) * S.rows() + s)] |= std::uint64_t{1} << (p % 64);
      ++c;
    }
    counts[static_cast<std::size_t>(s)] = c;
  });
}

}  // namespace

HypeSampledTruncation::HypeSampledTruncation(const MatrixRef& F, const VectorRef& reference, Index k,
                                             Index n_samples, Rng& rng)
    : n_(F.rows()), k_(k), words_((F.rows() + 63) / 64), alive_(static_cast<std::size_t>(F.rows()), 1) {
  if (reference.size() != F.cols())
    throw InputError("reference point has the wrong dimension", Location::of_field("reference"));
  if (k < 1 || k > F.rows())
    throw InputError("HypE needs 1 <= k <= number of points", Location::of_field("k"));
  if (n_samples < 1 || n_samples > std::numeric_limits<std::int32_t>::max())
    throw InputError("n_samples must be >= 1 and < 2^31", Location::of_field("n_samples"));
  const Index m = F.cols();
  // The same box and draws as hype_fitness_monte_carlo.
  const RowVector lower = F.colwise().minCoeff().cwiseMin(reference.transpose());
  const RowVector width = reference.transpose() - lower;
  box_ = width.prod();
  if (!(box_ > 0.0)) {
    box_ = 0.0;
    return;  // no sample counts: every fitness is 0
  }
  samples_.resize(n_samples, m);
  for (Index i = 0; i < samples_.size(); ++i) samples_.data()[i] = rng.uniform();
  samples_ = (samples_.array().rowwise() * width.array()).rowwise() + lower.array();

  // Counts whose weight is negligible at the start stay so (see the header).
  max_count_ = static_cast<Index>(weights(n_, k_, k_).size()) - 1;
  histogram_.assign(static_cast<std::size_t>((max_count_ + 1) * n_), 0);
  dominators_.assign(static_cast<std::size_t>(n_samples * words_), 0);
  count_.assign(static_cast<std::size_t>(n_samples), 0);
  if (F.allFinite()) {
    const detail::DominatorSets sets(F);
    tbb::parallel_for(tbb::blocked_range<Index>(0, n_samples), [&](const tbb::blocked_range<Index>& range) {
      std::vector<std::uint64_t> bits(static_cast<std::size_t>(words_));
      for (Index s = range.begin(); s < range.end(); ++s) {
        count_[static_cast<std::size_t>(s)] = sets.dominators(&samples_(s, 0), bits.data());
        for (Index w = 0; w < words_; ++w)
          dominators_[static_cast<std::size_t>(w * n_samples + s)] = bits[static_cast<std::size_t>(w)];
      }
    });
  } else {
    scan_dominators(F, samples_, dominators_, count_);
  }
  for (Index s = 0; s < n_samples; ++s) {
    const Index c = count_[static_cast<std::size_t>(s)];
    if (c < 1 || c > k_) continue;
    live_.push_back(s);
    if (c <= max_count_) add_dominators(s, c, 1);
  }
}

void HypeSampledTruncation::add_dominators(Index sample, Index count, std::int32_t delta) {
  const std::uint64_t* column = dominators_.data() + sample;
  const Index samples = samples_.rows();
  const Index stride = max_count_ + 1;
  std::int32_t* h = histogram_.data() + count;
  for (Index w = 0; w < words_; ++w)
    for (std::uint64_t word = column[w * samples]; word != 0; word &= word - 1)
      h[(w * 64 + std::countr_zero(word)) * stride] += delta;
}

void HypeSampledTruncation::move_dominators(Index sample, Index from) {
  const std::uint64_t* column = dominators_.data() + sample;
  const Index samples = samples_.rows();
  const Index stride = max_count_ + 1;
  std::int32_t* h = histogram_.data() + from;
  for (Index w = 0; w < words_; ++w)
    for (std::uint64_t word = column[w * samples]; word != 0; word &= word - 1) {
      std::int32_t* at = h + (w * 64 + std::countr_zero(word)) * stride;
      at[0] -= 1;
      at[-1] += 1;
    }
}

Vector HypeSampledTruncation::fitness() const {
  Vector fit = Vector::Zero(n_);
  if (to_remove() < 1 || box_ == 0.0) return fit;
  const std::vector<double> w = weights(remaining(), to_remove(), max_count_);
  const double scale = box_ / static_cast<double>(samples_.rows());
  const Index stride = max_count_ + 1;
  const auto terms = static_cast<Index>(w.size());
  for (Index a = 0; a < n_; ++a) {
    if (!alive_[static_cast<std::size_t>(a)]) continue;
    const std::int32_t* h = histogram_.data() + a * stride;
    double sum = 0.0;
    for (Index c = 1; c < terms; ++c) sum += w[static_cast<std::size_t>(c)] * static_cast<double>(h[c]);
    fit[a] = sum * scale;
  }
  return fit;
}

Index HypeSampledTruncation::remove_least_fit() {
  if (to_remove() < 1) throw InputError("HypE truncation: no point left to remove", Location::of_field("k"));
  // The same choice as the least of fitness() (ties: the lowest row), but a
  // point's sum stops as soon as it reaches the best so far: its terms are
  // >= 0, and so the scaled partial sums never fall.
  if (box_ == 0.0) {
    // Every fitness is 0 (and no histogram was built): the lowest row left.
    Index lowest = 0;
    while (!alive_[static_cast<std::size_t>(lowest)]) ++lowest;
    remove(lowest);
    return lowest;
  }
  const std::vector<double> w = weights(remaining(), to_remove(), max_count_);
  const double scale = box_ / static_cast<double>(samples_.rows());
  const Index stride = max_count_ + 1;
  const auto terms = static_cast<Index>(w.size());
  Index least = -1;
  double best = 0.0;
  for (Index a = 0; a < n_; ++a) {
    if (!alive_[static_cast<std::size_t>(a)]) continue;
    const std::int32_t* h = histogram_.data() + a * stride;
    double sum = 0.0;
    bool less = true;
    for (Index c = 1; c < terms && less; ++c) {
      sum += w[static_cast<std::size_t>(c)] * static_cast<double>(h[c]);
      less = least < 0 || sum * scale < best;
    }
    if (less && (least < 0 || sum * scale < best)) {
      least = a;
      best = sum * scale;
    }
  }
  remove(least);
  return least;
}

void HypeSampledTruncation::remove(Index row) {
  if (row < 0 || row >= n_ || removed(row) || to_remove() < 1)
    throw InputError("HypE truncation: no such point to remove", Location::of_field("row"));
  const Index k = to_remove();
  const std::uint64_t bit = std::uint64_t{1} << (row % 64);
  std::size_t kept = 0;
  for (const Index s : live_) {
    std::uint64_t& word = dominators_[static_cast<std::size_t>((row / 64) * samples_.rows() + s)];
    Index& c = count_[static_cast<std::size_t>(s)];
    if (word & bit) {
      // The sample loses a dominator: its others move from H[c] to H[c - 1]
      // (c - 1 <= k - 1 still counts, unless no dominator is left).
      word &= ~bit;
      --c;
      if (c + 1 <= max_count_) {
        move_dominators(s, c + 1);  // to H[0] when c = 0: a row nothing reads
      } else if (c == max_count_) {
        add_dominators(s, c, 1);
      }
      if (c >= 1) live_[kept++] = s;
    } else if (c <= k - 1) {
      live_[kept++] = s;  // else c = k > the next k: it never counts again
    }
  }
  live_.resize(kept);
  alive_[static_cast<std::size_t>(row)] = 0;
  ++removed_count_;
}

}  // namespace paretokit
