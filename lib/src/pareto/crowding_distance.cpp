// Crowding distance (Deb et al. 2002) with pymoo's conventions; see the header.
// O(m n log n): one sort of the distinct rows per objective.
//
// The rows are first copied into one contiguous row-major buffer, and every
// per-objective order is a sort of (value, position) pairs: the same order as
// a stable sort of the positions by value (ties in increasing position), with
// no indirection through the (possibly strided) input; buffers are allocated
// once per call, not per objective.
#include "paretokit/pareto/crowding_distance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

// Positions of the rows not equal to an earlier row, in input order; rows is
// n x m row-major. Equal rows (== in every objective, so 0 equals -0) are
// adjacent in lexicographic order, and ties in that order are broken by
// position, so the first of each group is its first occurrence.
std::vector<Index> first_occurrences(const std::vector<double>& rows, Index n, Index m) {
  const double* data = rows.data();
  const auto width = static_cast<std::size_t>(m);
  auto row = [&](Index i) { return data + static_cast<std::size_t>(i) * width; };
  std::vector<Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Index{0});
  std::sort(order.begin(), order.end(), [&](Index a, Index b) {
    const double* x = row(a);
    const double* y = row(b);
    for (std::size_t j = 0; j < width; ++j) {
      if (x[j] != y[j]) return x[j] < y[j];
    }
    return a < b;
  });
  std::vector<char> keep(static_cast<std::size_t>(n), 1);
  for (std::size_t i = 1; i < order.size(); ++i) {
    if (std::equal(row(order[i]), row(order[i]) + width, row(order[i - 1]))) keep[order[i]] = 0;
  }
  std::vector<Index> unique;
  unique.reserve(order.size());
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

  const auto width = static_cast<std::size_t>(m);
  std::vector<double> rows(static_cast<std::size_t>(n) * width);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < m; ++j)
      rows[static_cast<std::size_t>(i) * width + static_cast<std::size_t>(j)] = F(i, j);
  }
  const std::vector<Index> unique = first_occurrences(rows, n, m);
  const Index u = static_cast<Index>(unique.size());
  Vector unique_distance = Vector::Zero(u);

  struct Keyed {
    double value;
    Index position;  // among the distinct rows
  };
  std::vector<Keyed> sorted(static_cast<std::size_t>(u));
  for (Index j = 0; j < m; ++j) {
    for (Index i = 0; i < u; ++i) {
      const auto at = static_cast<std::size_t>(unique[i]) * width + static_cast<std::size_t>(j);
      sorted[static_cast<std::size_t>(i)] = {rows[at], i};
    }
    std::sort(sorted.begin(), sorted.end(), [](const Keyed& a, const Keyed& b) {
      return a.value < b.value || (a.value == b.value && a.position < b.position);
    });
    const double low = sorted.front().value;
    const double high = sorted.back().value;
    const double range = high - low;
    if (!(range > 0)) continue;  // pymoo: a zero range contributes nothing, boundaries included
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      const double value = sorted[i].value;
      const double to_previous = i == 0 ? inf : (value - sorted[i - 1].value) / range;
      const double to_next = i + 1 == sorted.size() ? inf : (sorted[i + 1].value - value) / range;
      unique_distance[sorted[i].position] += to_previous + to_next;
    }
  }
  Vector distance = Vector::Zero(n);  // duplicates keep 0
  for (Index i = 0; i < u; ++i) distance[unique[i]] = unique_distance[i] / static_cast<double>(m);
  return distance;
}

}  // namespace paretokit
