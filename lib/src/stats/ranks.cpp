#include "paretokit/stats/ranks.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace paretokit::stats {

namespace {

// Strict order "a ranks before b"; NaN after every number.
bool ranks_before(double a, double b, RankOrder order) {
  if (std::isnan(a)) return false;
  if (std::isnan(b)) return true;
  return order == RankOrder::lower_is_better ? a < b : a > b;
}

bool tied(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

}  // namespace

Vector average_ranks(const VectorRef& values, RankOrder order) {
  const Index n = values.size();
  std::vector<Index> by_rank(static_cast<std::size_t>(n));
  std::iota(by_rank.begin(), by_rank.end(), Index{0});
  std::stable_sort(by_rank.begin(), by_rank.end(),
                   [&](Index a, Index b) { return ranks_before(values[a], values[b], order); });
  Vector ranks(n);
  // Each run of tied values occupies positions [start, end) and gets the
  // mean of ranks start + 1 .. end.
  for (Index start = 0; start < n;) {
    Index end = start + 1;
    while (end < n && tied(values[by_rank[static_cast<std::size_t>(end)]],
                           values[by_rank[static_cast<std::size_t>(start)]])) {
      ++end;
    }
    const double rank = 0.5 * static_cast<double>(start + 1 + end);
    for (Index i = start; i < end; ++i) ranks[by_rank[static_cast<std::size_t>(i)]] = rank;
    start = end;
  }
  return ranks;
}

Matrix rank_rows(const MatrixRef& scores, RankOrder order) {
  Matrix ranks(scores.rows(), scores.cols());
  for (Index row = 0; row < scores.rows(); ++row) {
    ranks.row(row) = average_ranks(scores.row(row).transpose(), order).transpose();
  }
  return ranks;
}

Vector mean_ranks(const MatrixRef& scores, RankOrder order) {
  if (scores.rows() == 0) return Vector::Zero(scores.cols());
  return rank_rows(scores, order).colwise().mean().transpose();
}

}  // namespace paretokit::stats
