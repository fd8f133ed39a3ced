// Non-dominated sorting entry points: validation, one lexicographic sort that
// merges equal points (they share a rank), then the kernel for m (see
// nondominated_sort_detail.hpp). O(n log n) for the sort plus the kernel.
#include "paretokit/pareto/nondominated_sort.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>

#include "nondominated_sort_detail.hpp"
#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

void check_input(const MatrixRef& F) {
  if (F.rows() >= static_cast<Index>(std::numeric_limits<std::int32_t>::max())) {
    throw InputError("non-dominated sorting supports fewer than 2^31 points, got " +
                     std::to_string(F.rows()));
  }
  for (Index i = 0; i < F.rows(); ++i) {
    for (Index j = 0; j < F.cols(); ++j) {
      if (std::isnan(F(i, j))) {
        throw InputError("non-dominated sorting: objective " + std::to_string(j) + " of row " +
                         std::to_string(i) + " is NaN");
      }
    }
  }
}

}  // namespace

std::vector<Index> nondominated_ranks(const MatrixRef& F, NondominatedSorter sorter) {
  check_input(F);
  const Index n = F.rows();
  const Index m = F.cols();
  if (n == 0) return {};
  if (m == 0) return std::vector<Index>(static_cast<std::size_t>(n), 0);

  // Lexicographic order of the distinct rows, copied contiguously (points),
  // and the distinct row of every input row (unique_of).
  std::vector<double> points;
  std::vector<std::int32_t> unique_of(static_cast<std::size_t>(n));
  std::size_t u = 0;
  if (m == 2) {
    u = detail::sort_distinct_2d(F, points, unique_of);
  } else if (m == 3) {
    u = detail::sort_distinct_3d(F, points, unique_of);
  } else {
    u = detail::sort_distinct(F, points, unique_of);
  }

  std::vector<std::int32_t> rank(u, 0);
  if (m == 1) {
    std::iota(rank.begin(), rank.end(), 0);  // distinct increasing values: a chain
  } else if (sorter == NondominatedSorter::divide_and_conquer) {
    detail::rank_sorted_divide_conquer(points.data(), u, static_cast<int>(m), rank);
  } else if (sorter == NondominatedSorter::front_tree || m >= 4) {
    detail::rank_sorted_tree(points.data(), u, static_cast<int>(m), rank);
  } else if (m == 2) {
    detail::rank_sorted_2d(points.data(), u, rank);
  } else {
    detail::rank_sorted_3d(points.data(), u, rank);
  }

  std::vector<Index> ranks(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < ranks.size(); ++i) ranks[i] = rank[unique_of[i]];
  return ranks;
}

std::vector<std::vector<Index>> nondominated_fronts(const MatrixRef& F, Index max_points) {
  const std::vector<Index> ranks = nondominated_ranks(F);
  std::vector<std::vector<Index>> fronts;
  if (ranks.empty()) return fronts;
  fronts.resize(static_cast<std::size_t>(*std::max_element(ranks.begin(), ranks.end()) + 1));
  for (std::size_t i = 0; i < ranks.size(); ++i) fronts[ranks[i]].push_back(static_cast<Index>(i));
  if (max_points > 0) {
    Index total = 0;
    std::size_t keep = 0;
    while (keep < fronts.size() && total < max_points) total += static_cast<Index>(fronts[keep++].size());
    fronts.resize(keep);
  }
  return fronts;
}

std::vector<Index> nondominated_indices(const MatrixRef& F) {
  const std::vector<Index> ranks = nondominated_ranks(F);
  std::vector<Index> indices;
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    if (ranks[i] == 0) indices.push_back(static_cast<Index>(i));
  }
  return indices;
}

bool is_nondominated_set(const MatrixRef& F) {
  const std::vector<Index> ranks = nondominated_ranks(F);
  return std::all_of(ranks.begin(), ranks.end(), [](Index r) { return r == 0; });
}

}  // namespace paretokit
