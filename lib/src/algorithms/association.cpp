// Point-to-direction association by perpendicular distance; see
// algorithms/association.hpp. The brute force is O(n H m) in blocks.
#include "paretokit/algorithms/association.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include "kd_tree.hpp"
#include "paretokit/core/error.hpp"

namespace paretokit {

Association associate_brute_force(const MatrixRef& N, const MatrixRef& W) {
  if (N.cols() != W.cols())
    throw InputError("points and directions differ in dimension", Location::of_field("directions"));
  if (W.rows() == 0) throw InputError("no reference directions", Location::of_field("directions"));
  const Index n = N.rows();
  const Matrix U = W.rowwise().normalized();
  Association result{std::vector<Index>(static_cast<std::size_t>(n)), Vector(n)};
  // Blocks of rows such that a block's products take about 4 MB.
  const Index block = std::max<Index>(16, 500000 / std::max<Index>(1, W.rows()));
  tbb::parallel_for(tbb::blocked_range<Index>(0, n, block), [&](const tbb::blocked_range<Index>& range) {
    const Index rows = range.end() - range.begin();
    const auto points = N.middleRows(range.begin(), rows);
    const Matrix S = points * U.transpose();
    for (Index r = 0; r < rows; ++r) {
      Index best = 0;
      double best_sq = -1.0;
      for (Index j = 0; j < S.cols(); ++j) {
        const double s2 = S(r, j) * S(r, j);
        if (s2 > best_sq) {
          best_sq = s2;
          best = j;
        }
      }
      const Index i = range.begin() + r;
      result.niche[static_cast<std::size_t>(i)] = best;
      // |f - s u| computed directly (the difference of squares loses digits
      // for points close to a direction).
      result.distance[i] = (N.row(i) - S(r, best) * U.row(best)).norm();
    }
  });
  return result;
}

namespace {

// Query order for large n: by a Morton code of the first two coordinates
// of the unit vector, so that successive queries walk nearby paths of the
// tree (a tree over 1e6 directions does not fit in cache). Each query is
// answered on its own, so the order changes nothing but the time.
std::vector<Index> spatial_order(const MatrixRef& N) {
  const Index n = N.rows();
  std::vector<std::pair<std::uint32_t, Index>> keyed(static_cast<std::size_t>(n));
  tbb::parallel_for(tbb::blocked_range<Index>(0, n, 8192), [&](const tbb::blocked_range<Index>& range) {
    for (Index i = range.begin(); i < range.end(); ++i) {
      const double norm = N.row(i).norm();
      std::uint32_t key = 0;
      for (Index j = 0; j < std::min<Index>(2, N.cols()); ++j) {
        const double v = norm > 0.0 ? N(i, j) / norm : 0.0;
        const auto cell = static_cast<std::uint32_t>((v > 0.0 ? std::min(v, 1.0) : 0.0) * 65535.0);  // NaN: 0
        for (int b = 0; b < 16; ++b) key |= ((cell >> b) & 1u) << (2 * b + j);
      }
      keyed[static_cast<std::size_t>(i)] = {key, i};
    }
  });
  tbb::parallel_sort(keyed.begin(), keyed.end());
  std::vector<Index> order(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i)
    order[static_cast<std::size_t>(i)] = keyed[static_cast<std::size_t>(i)].second;
  return order;
}

constexpr Index spatial_order_rows = 200000;

// Nearest unit direction of every row of N through the tree (N, U >= 0).
Association kd_tree_kernel(const MatrixRef& N, const Matrix& U, const detail::KdTree& tree) {
  const Index n = N.rows();
  Association result{std::vector<Index>(static_cast<std::size_t>(n)), Vector(n)};
  const std::vector<Index> order = n >= spatial_order_rows ? spatial_order(N) : std::vector<Index>();
  tbb::parallel_for(tbb::blocked_range<Index>(0, n, 1024), [&](const tbb::blocked_range<Index>& range) {
    RowVector unit(N.cols());
    for (Index t = range.begin(); t < range.end(); ++t) {
      const Index i = order.empty() ? t : order[static_cast<std::size_t>(t)];
      const double norm = N.row(i).norm();
      Index best = 0;
      if (norm > 0.0) {
        unit = N.row(i) / norm;
        best = tree.nearest_one(unit.data());
      }
      result.niche[static_cast<std::size_t>(i)] = best;
      const double s = N.row(i).dot(U.row(best));
      result.distance[i] = (N.row(i) - s * U.row(best)).norm();
    }
  });
  return result;
}

void check(const MatrixRef& N, const MatrixRef& W) {
  if (N.cols() != W.cols())
    throw InputError("points and directions differ in dimension", Location::of_field("directions"));
  if (W.rows() == 0) throw InputError("no reference directions", Location::of_field("directions"));
}

bool tree_pays(Index n, Index h, Index m) {
  return static_cast<double>(n) * static_cast<double>(h) > 4e7 && m <= 8;
}

}  // namespace

Association associate_kd_tree(const MatrixRef& N, const MatrixRef& W) {
  check(N, W);
  // For non-negative points and directions the largest f . u is the
  // smallest |f / |f| - u|: a nearest-neighbour query among unit vectors.
  if ((N.array() < 0.0).any() || (W.array() < 0.0).any()) return associate_brute_force(N, W);
  const Matrix U = W.rowwise().normalized();
  const detail::KdTree tree(U);
  return kd_tree_kernel(N, U, tree);
}

Association associate(const MatrixRef& N, const MatrixRef& W) {
  // The brute force is one dense product; the tree wins once n H is large
  // and the dimension small.
  if (tree_pays(N.rows(), W.rows(), N.cols())) return associate_kd_tree(N, W);
  return associate_brute_force(N, W);
}

struct DirectionIndex::Impl {
  Matrix W, U;
  bool nonnegative;
  std::unique_ptr<detail::KdTree> tree;  // built on first need
};

DirectionIndex::DirectionIndex(const MatrixRef& W) : impl_(std::make_unique<Impl>()) {
  impl_->W = W;
  impl_->U = W.rowwise().normalized();
  impl_->nonnegative = (W.array() >= 0.0).all();
}
DirectionIndex::~DirectionIndex() = default;
DirectionIndex::DirectionIndex(DirectionIndex&&) noexcept = default;
DirectionIndex& DirectionIndex::operator=(DirectionIndex&&) noexcept = default;

Association DirectionIndex::associate(const MatrixRef& N) const {
  check(N, impl_->W);
  if (impl_->nonnegative && tree_pays(N.rows(), impl_->W.rows(), N.cols()) && !(N.array() < 0.0).any()) {
    if (!impl_->tree) impl_->tree = std::make_unique<detail::KdTree>(impl_->U);
    return kd_tree_kernel(N, impl_->U, *impl_->tree);
  }
  return associate_brute_force(N, impl_->W);
}

}  // namespace paretokit
