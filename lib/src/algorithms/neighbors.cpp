// k nearest neighbours by blocked brute force; see algorithms/neighbors.hpp.
#include "paretokit/algorithms/neighbors.hpp"

#include <algorithm>
#include <numeric>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "kd_tree.hpp"
#include "paretokit/core/error.hpp"

namespace paretokit {

std::vector<std::vector<Index>> nearest_neighbors(const MatrixRef& points, Index k) {
  const Index n = points.rows();
  if (k < 1 || k > n)
    throw InputError("neighbourhood size must lie in [1, number of points]",
                     Location::of_field("n_neighbors"));
  std::vector<std::vector<Index>> result(static_cast<std::size_t>(n));
  if (static_cast<double>(n) * static_cast<double>(n) > 4e7 && points.cols() <= 8) {
    // Many points in few dimensions: exact queries on a k-d tree.
    const detail::KdTree tree{Matrix(points)};
    tbb::parallel_for(tbb::blocked_range<Index>(0, n, 256), [&](const tbb::blocked_range<Index>& range) {
      for (Index i = range.begin(); i < range.end(); ++i) {
        auto& row = result[static_cast<std::size_t>(i)];
        for (const auto& hit : tree.nearest(points.row(i).data(), k)) row.push_back(hit.second);
        // The row itself first, even when an equal row has a lower index.
        const auto self = std::find(row.begin(), row.end(), i);
        if (self != row.end())
          std::rotate(row.begin(), self, self + 1);
        else
          row.insert(row.begin(), i), row.pop_back();
      }
    });
    return result;
  }
  const Vector norms = points.rowwise().squaredNorm();
  const Index block = std::max<Index>(8, 1000000 / std::max<Index>(1, n));
  tbb::parallel_for(tbb::blocked_range<Index>(0, n, block), [&](const tbb::blocked_range<Index>& range) {
    const Index rows = range.end() - range.begin();
    // |a - b|^2 = |a|^2 + |b|^2 - 2 a.b, per block of rows.
    Matrix D = -2.0 * (points.middleRows(range.begin(), rows) * points.transpose());
    D.rowwise() += norms.transpose();
    D.colwise() += norms.segment(range.begin(), rows);
    std::vector<Index> order(static_cast<std::size_t>(n));
    for (Index r = 0; r < rows; ++r) {
      const Index i = range.begin() + r;
      D(r, i) = -1.0;  // the row itself first, whatever the rounding
      std::iota(order.begin(), order.end(), Index{0});
      auto closer = [&](Index a, Index b) { return D(r, a) < D(r, b) || (D(r, a) == D(r, b) && a < b); };
      std::partial_sort(order.begin(), order.begin() + k, order.end(), closer);
      result[static_cast<std::size_t>(i)].assign(order.begin(), order.begin() + k);
    }
  });
  return result;
}

}  // namespace paretokit
