// Crowding distance (Deb et al. 2002) with pymoo's conventions; see the header.
// O(m n log n): one stable sort of the distinct rows per objective.
#include "paretokit/pareto/crowding_distance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

// Indices of the rows not equal to an earlier row, in input order.
std::vector<Index> first_occurrences(const MatrixRef& F) {
  const Index n = F.rows();
  std::vector<Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Index{0});
  auto row_less = [&](Index a, Index b) {
    for (Index j = 0; j < F.cols(); ++j) {
      if (F(a, j) != F(b, j)) return F(a, j) < F(b, j);
    }
    return a < b;
  };
  std::sort(order.begin(), order.end(), row_less);
  std::vector<char> keep(static_cast<std::size_t>(n), 1);
  for (std::size_t i = 1; i < order.size(); ++i) {
    if ((F.row(order[i]).array() == F.row(order[i - 1]).array()).all()) keep[order[i]] = 0;
  }
  std::vector<Index> unique;
  for (Index i = 0; i < n; ++i) {
    if (keep[i]) unique.push_back(i);
  }
  return unique;
}

}  // namespace

Vector crowding_distance(const MatrixRef& F) {
  const Index n = F.rows();
  const Index m = F.cols();
  constexpr double inf = std::numeric_limits<double>::infinity();
  if (F.hasNaN()) throw InputError("crowding distance: an objective value is NaN");
  if (n <= 2) return Vector::Constant(n, inf);
  if (m == 0) return Vector::Zero(n);

  const std::vector<Index> unique = first_occurrences(F);
  const Index u = static_cast<Index>(unique.size());
  Vector unique_distance = Vector::Zero(u);
  std::vector<Index> order(static_cast<std::size_t>(u));
  for (Index j = 0; j < m; ++j) {
    std::iota(order.begin(), order.end(), Index{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](Index a, Index b) { return F(unique[a], j) < F(unique[b], j); });
    const double low = F(unique[order.front()], j);
    const double high = F(unique[order.back()], j);
    const double range = high - low;
    if (!(range > 0)) continue;  // pymoo: a zero range contributes nothing, boundaries included
    for (Index i = 0; i < u; ++i) {
      const double value = F(unique[order[i]], j);
      const double to_previous = i == 0 ? inf : (value - F(unique[order[i - 1]], j)) / range;
      const double to_next = i == u - 1 ? inf : (F(unique[order[i + 1]], j) - value) / range;
      unique_distance[order[i]] += to_previous + to_next;
    }
  }
  Vector distance = Vector::Zero(n);  // duplicates keep 0
  for (Index i = 0; i < u; ++i) distance[unique[i]] = unique_distance[i] / static_cast<double>(m);
  return distance;
}

}  // namespace paretokit
