// Crowding distance (Deb et al. 2002) with pymoo's conventions; see the header.
// O(m n log n): one sort of the rows per objective.
//
// The rows are first copied into one contiguous row-major buffer, and every
// per-objective order is a sort of (value, position) pairs: the same order as
// a stable sort of the positions by value (ties in increasing position), with
// no indirection through the (possibly strided) input. The order of the first
// objective, taken over all rows, also finds the duplicates: equal rows have
// equal first objectives, so they lie in the same run of ties, where they are
// compared directly (short runs) or after a lexicographic sort of the run.
#include "paretokit/pareto/crowding_distance.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

struct Keyed {
  double value;
  Index position;
};

void sort_keyed(std::vector<Keyed>& keyed) {
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return a.value < b.value || (a.value == b.value && a.position < b.position);
  });
}

// Runs of ties longer than this are deduplicated by a sort rather than by
// comparing each row with the kept ones (quadratic in the run).
constexpr std::size_t direct_run_limit = 16;

// Marks keep[i] = 0 for every row equal (== in every objective, so 0 equals
// -0) to a row of smaller position; by_first is all rows sorted by (first
// objective, position).
void mark_duplicates(const std::vector<double>& rows, std::size_t width, const std::vector<Keyed>& by_first,
                     std::vector<char>& keep) {
  auto row = [&](Index i) { return rows.data() + static_cast<std::size_t>(i) * width; };
  auto equal_rows = [&](Index a, Index b) { return std::equal(row(a) + 1, row(a) + width, row(b) + 1); };
  std::vector<Index> run;
  for (std::size_t begin = 0; begin < by_first.size();) {
    std::size_t end = begin + 1;
    while (end < by_first.size() && by_first[end].value == by_first[begin].value) ++end;
    if (end - begin <= direct_run_limit) {
      for (std::size_t k = begin + 1; k < end; ++k) {
        for (std::size_t earlier = begin; earlier < k; ++earlier) {
          if (keep[by_first[earlier].position] &&
              equal_rows(by_first[k].position, by_first[earlier].position)) {
            keep[by_first[k].position] = 0;
            break;
          }
        }
      }
    } else {
      run.clear();
      for (std::size_t k = begin; k < end; ++k) run.push_back(by_first[k].position);
      std::sort(run.begin(), run.end(), [&](Index a, Index b) {
        const double* x = row(a);
        const double* y = row(b);
        for (std::size_t j = 1; j < width; ++j) {
          if (x[j] != y[j]) return x[j] < y[j];
        }
        return a < b;
      });
      for (std::size_t k = 1; k < run.size(); ++k) {
        if (equal_rows(run[k], run[k - 1])) keep[run[k]] = 0;
      }
    }
    begin = end;
  }
}

// Adds each distinct row's two normalized gaps in one objective; sorted holds
// (value, distinct position) in increasing order.
void add_gaps(const std::vector<Keyed>& sorted, Vector& distance) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  const double low = sorted.front().value;
  const double high = sorted.back().value;
  const double range = high - low;
  if (!(range > 0)) return;  // pymoo: a zero range contributes nothing, boundaries included
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const double value = sorted[i].value;
    const double to_previous = i == 0 ? inf : (value - sorted[i - 1].value) / range;
    const double to_next = i + 1 == sorted.size() ? inf : (sorted[i + 1].value - value) / range;
    distance[sorted[i].position] += to_previous + to_next;
  }
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
  std::vector<Keyed> sorted(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i)
    sorted[static_cast<std::size_t>(i)] = {rows[static_cast<std::size_t>(i) * width], i};
  sort_keyed(sorted);
  std::vector<char> keep(static_cast<std::size_t>(n), 1);
  mark_duplicates(rows, width, sorted, keep);

  // Distinct rows, in input order, and each row's position among them.
  std::vector<Index> unique, position_of(static_cast<std::size_t>(n), -1);
  unique.reserve(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) {
    if (!keep[i]) continue;
    position_of[static_cast<std::size_t>(i)] = static_cast<Index>(unique.size());
    unique.push_back(i);
  }
  const Index u = static_cast<Index>(unique.size());
  Vector unique_distance = Vector::Zero(u);

  // Objective 0: the order of all rows restricted to the distinct ones
  // (positions among them increase with the row index, so ties stay ordered).
  std::size_t kept = 0;
  for (const Keyed& entry : sorted) {
    if (keep[entry.position])
      sorted[kept++] = {entry.value, position_of[static_cast<std::size_t>(entry.position)]};
  }
  sorted.resize(kept);
  add_gaps(sorted, unique_distance);
  for (std::size_t j = 1; j < width; ++j) {
    for (Index i = 0; i < u; ++i)
      sorted[static_cast<std::size_t>(i)] = {rows[static_cast<std::size_t>(unique[i]) * width + j], i};
    sort_keyed(sorted);
    add_gaps(sorted, unique_distance);
  }
  Vector distance = Vector::Zero(n);  // duplicates keep 0
  for (Index i = 0; i < u; ++i) distance[unique[i]] = unique_distance[i] / static_cast<double>(m);
  return distance;
}

}  // namespace paretokit
