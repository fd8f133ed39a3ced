// Lexicographic sort with merging of equal rows, the first step of every
// non-dominated sorting kernel. O(m n log n) comparisons on a contiguous copy
// (the input may be a strided view), so that the sort stays in cache-friendly
// memory; m = 2 and m = 3 sort (f0, f1[, f2], id) records directly.
#include <algorithm>
#include <cstring>
#include <numeric>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include "nondominated_sort_detail.hpp"

namespace paretokit::detail {

namespace {
constexpr std::size_t parallel_sort_rows = 1 << 15;
}  // namespace

std::size_t sort_distinct_2d(const MatrixRef& F, std::vector<double>& points,
                             std::vector<std::int32_t>& unique_of) {
  struct Record {
    double f0, f1;
    PointId id;
  };
  const auto n = static_cast<std::size_t>(F.rows());
  std::vector<Record> records(n);
  for (std::size_t i = 0; i < n; ++i) records[i] = {F(i, 0), F(i, 1), static_cast<PointId>(i)};
  std::sort(records.begin(), records.end(),
            [](const Record& a, const Record& b) { return a.f0 < b.f0 || (a.f0 == b.f0 && a.f1 < b.f1); });
  points.clear();
  points.reserve(2 * n);
  std::size_t u = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i == 0 || records[i].f0 != records[i - 1].f0 || records[i].f1 != records[i - 1].f1) {
      points.push_back(records[i].f0);
      points.push_back(records[i].f1);
      ++u;
    }
    unique_of[records[i].id] = static_cast<std::int32_t>(u - 1);
  }
  return u;
}

std::size_t sort_distinct_3d(const MatrixRef& F, std::vector<double>& points,
                             std::vector<std::int32_t>& unique_of) {
  struct Record {
    double f0, f1, f2;
    PointId id;
  };
  const auto n = static_cast<std::size_t>(F.rows());
  std::vector<Record> records(n);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 8192),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t i = range.begin(); i < range.end(); ++i) {
                        const auto row = static_cast<Index>(i);
                        records[i] = {F(row, 0), F(row, 1), F(row, 2), static_cast<PointId>(i)};
                      }
                    });
  auto less = [](const Record& a, const Record& b) {
    if (a.f0 != b.f0) return a.f0 < b.f0;
    if (a.f1 != b.f1) return a.f1 < b.f1;
    return a.f2 < b.f2;
  };
  // Equal rows merge below, so their order (which a parallel sort may
  // change) does not reach the result.
  if (n >= parallel_sort_rows) {
    tbb::parallel_sort(records.begin(), records.end(), less);
  } else {
    std::sort(records.begin(), records.end(), less);
  }
  auto starts_group = [&](std::size_t i) {
    const Record& r = records[i];
    return i == 0 || r.f0 != records[i - 1].f0 || r.f1 != records[i - 1].f1 || r.f2 != records[i - 1].f2;
  };
  points.clear();
  if (n < parallel_sort_rows) {
    points.reserve(3 * n);
    std::size_t u = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const Record& r = records[i];
      if (starts_group(i)) {
        points.insert(points.end(), {r.f0, r.f1, r.f2});
        ++u;
      }
      unique_of[r.id] = static_cast<std::int32_t>(u - 1);
    }
    return u;
  }
  // The same in parallel: group numbers by a prefix count of group starts.
  std::vector<std::int32_t> group(n);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 8192),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t i = range.begin(); i < range.end(); ++i)
                        group[i] = starts_group(i) ? 1 : 0;
                    });
  std::int32_t u = 0;
  for (std::size_t i = 0; i < n; ++i) {
    u += group[i];
    group[i] = u - 1;
  }
  points.resize(3 * static_cast<std::size_t>(u));
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 8192),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t i = range.begin(); i < range.end(); ++i) {
                        const Record& r = records[i];
                        const auto g = static_cast<std::size_t>(group[i]);
                        if (i == 0 || group[i - 1] != group[i]) {  // the group's first record, as above
                          points[3 * g] = r.f0;
                          points[3 * g + 1] = r.f1;
                          points[3 * g + 2] = r.f2;
                        }
                        unique_of[r.id] = group[i];
                      }
                    });
  return static_cast<std::size_t>(u);
}

std::size_t sort_distinct(const MatrixRef& F, std::vector<double>& points,
                          std::vector<std::int32_t>& unique_of) {
  const auto n = static_cast<std::size_t>(F.rows());
  const auto m = static_cast<std::size_t>(F.cols());
  std::vector<double> copy(n * m);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < m; ++j) copy[i * m + j] = F(static_cast<Index>(i), static_cast<Index>(j));
  }
  std::vector<PointId> order(n);
  std::iota(order.begin(), order.end(), PointId{0});
  const double* data = copy.data();
  std::sort(order.begin(), order.end(), [data, m](PointId a, PointId b) {
    const double* x = data + a * m;
    const double* y = data + b * m;
    for (std::size_t j = 0; j < m; ++j) {
      if (x[j] != y[j]) return x[j] < y[j];
    }
    return false;
  });
  points.clear();
  points.reserve(n * m);
  std::size_t u = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double* row = data + order[i] * m;
    const bool repeat = i > 0 && std::equal(row, row + m, data + order[i - 1] * m);
    if (!repeat) {
      points.insert(points.end(), row, row + m);
      ++u;
    }
    unique_of[order[i]] = static_cast<std::int32_t>(u - 1);
  }
  return u;
}

}  // namespace paretokit::detail
