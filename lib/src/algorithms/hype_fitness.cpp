// HypE fitness, exact and Monte Carlo; see algorithms/hype_fitness.hpp.
#include "paretokit/algorithms/hype_fitness.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

Vector alphas(Index n, Index k) {
  // alpha[i] for i = 1..n (alpha[0] unused).
  Vector alpha = Vector::Zero(n + 1);
  if (n >= 1) alpha[1] = 1.0;
  for (Index i = 2; i <= n; ++i)
    alpha[i] = alpha[i - 1] * static_cast<double>(k - (i - 1)) / static_cast<double>(n - (i - 1));
  return alpha;
}

void check(const MatrixRef& F, const VectorRef& reference, Index k) {
  if (reference.size() != F.cols())
    throw InputError("reference point has the wrong dimension", Location::of_field("reference"));
  if (k < 1 || k > std::max<Index>(F.rows(), 1))
    throw InputError("HypE needs 1 <= k <= number of points", Location::of_field("k"));
}

struct Slicer {
  const MatrixRef& F;
  const VectorRef& reference;
  Index k;
  Vector alpha;  // alpha[i] / i, i = 1..n
  Vector fitness;

  bool before(Index a, Index b, Index dim) const {
    return F(a, dim) < F(b, dim) || (F(a, dim) == F(b, dim) && a < b);
  }

  // The last two dimensions: `by_y` (sorted by objective 1) dominates the
  // current region in every dimension above 1. Sweeping the y-slabs keeps
  // the points sorted by objective 0 by insertion; inside a y-slab the
  // x-slab after the j-th point is dominated by exactly the first j points,
  // so suffix sums credit each of them. O(q^2).
  void plane(const std::vector<Index>& by_y, double volume) {
    const auto q = static_cast<Index>(by_y.size());
    std::vector<Index> by_x;
    by_x.reserve(by_y.size());
    for (Index i = 0; i < q; ++i) {
      const Index p = by_y[static_cast<std::size_t>(i)];
      by_x.insert(
          std::upper_bound(by_x.begin(), by_x.end(), p, [&](Index a, Index b) { return before(a, b, 0); }),
          p);
      const double y_upper = i + 1 < q ? F(by_y[static_cast<std::size_t>(i + 1)], 1) : reference[1];
      const double height = y_upper - F(p, 1);
      if (!(height > 0.0)) continue;
      const double area = volume * height;
      // Slabs dominated by more than k points earn nothing: start at k.
      double suffix = 0.0;
      const auto len = static_cast<Index>(by_x.size());
      for (Index j = std::min(len, k); j >= 1; --j) {
        const double upper = j < len ? F(by_x[static_cast<std::size_t>(j)], 0) : reference[0];
        suffix += alpha[j] * (upper - F(by_x[static_cast<std::size_t>(j - 1)], 0));
        fitness[by_x[static_cast<std::size_t>(j - 1)]] += area * suffix;
      }
    }
  }

  // `set`: points that dominate the current region in dimensions > dim
  // (Bader and Zitzler's slicing); dimension 1 and 0 go to plane().
  void slice(std::vector<Index> set, Index dim, double volume) {
    if (dim == 0) {
      // One objective: the sweep of plane() with a single slab.
      std::sort(set.begin(), set.end(), [&](Index a, Index b) { return before(a, b, 0); });
      const auto q = static_cast<Index>(set.size());
      double suffix = 0.0;
      for (Index j = q; j >= 1; --j) {
        const double upper = j < q ? F(set[static_cast<std::size_t>(j)], 0) : reference[0];
        if (j <= k) suffix += alpha[j] * (upper - F(set[static_cast<std::size_t>(j - 1)], 0));
        fitness[set[static_cast<std::size_t>(j - 1)]] += volume * suffix;
      }
      return;
    }
    if (dim == 1) {
      std::sort(set.begin(), set.end(), [&](Index a, Index b) { return before(a, b, 1); });
      plane(set, volume);
      return;
    }
    std::sort(set.begin(), set.end(), [&](Index a, Index b) { return before(a, b, dim); });
    const auto q = static_cast<Index>(set.size());
    std::vector<Index> prefix;
    prefix.reserve(set.size());
    for (Index j = 1; j <= q; ++j) {
      const Index p = set[static_cast<std::size_t>(j - 1)];
      const double upper = j < q ? F(set[static_cast<std::size_t>(j)], dim) : reference[dim];
      const double width = upper - F(p, dim);
      if (dim == 2) {
        // Keep the prefix sorted by objective 1 for plane().
        prefix.insert(std::upper_bound(prefix.begin(), prefix.end(), p,
                                       [&](Index a, Index b) { return before(a, b, 1); }),
                      p);
        if (width > 0.0) plane(prefix, volume * width);
      } else {
        prefix.push_back(p);
        if (width > 0.0) slice(prefix, dim - 1, volume * width);
      }
    }
  }
};

}  // namespace

Vector hype_fitness_exact(const MatrixRef& F, const VectorRef& reference, Index k) {
  check(F, reference, k);
  const Index n = F.rows();
  Slicer slicer{F, reference, k, alphas(n, k), Vector::Zero(n)};
  for (Index i = 1; i <= n; ++i) slicer.alpha[i] /= static_cast<double>(i);
  std::vector<Index> inside;
  for (Index i = 0; i < n; ++i)
    if ((F.row(i).transpose().array() < reference.array()).all()) inside.push_back(i);
  if (!inside.empty() && F.cols() > 0) slicer.slice(inside, F.cols() - 1, 1.0);
  return slicer.fitness;
}

Vector hype_fitness_monte_carlo(const MatrixRef& F, const VectorRef& reference, Index k, Index n_samples,
                                Rng& rng) {
  check(F, reference, k);
  if (n_samples < 1) throw InputError("n_samples must be >= 1", Location::of_field("n_samples"));
  const Index n = F.rows();
  const Index m = F.cols();
  Vector fitness = Vector::Zero(n);
  if (n == 0) return fitness;
  const RowVector lower = F.colwise().minCoeff().cwiseMin(reference.transpose());
  const RowVector width = reference.transpose() - lower;
  const double box = width.prod();
  if (!(box > 0.0)) return fitness;
  Matrix S(n_samples, m);
  for (Index i = 0; i < S.size(); ++i) S.data()[i] = rng.uniform();
  S = (S.array().rowwise() * width.array()).rowwise() + lower.array();
  Vector alpha = alphas(n, k);
  for (Index i = 1; i <= n; ++i) alpha[i] /= static_cast<double>(i);

  // Fixed blocks of samples; each block's partial sums are added in block
  // order, so the result does not depend on the thread count.
  constexpr Index block = 512;
  const Index n_blocks = (n_samples + block - 1) / block;
  std::vector<Vector> partial(static_cast<std::size_t>(n_blocks));
  tbb::parallel_for(Index{0}, n_blocks, [&](Index b) {
    const Index begin = b * block;
    const Index rows = std::min(block, n_samples - begin);
    const auto samples = S.middleRows(begin, rows);
    // dominated(s, p): point p weakly dominates sample s.
    Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic> dominated(rows, n);
    for (Index p = 0; p < n; ++p)
      dominated.col(p) = ((samples.rowwise() - F.row(p)).array() >= 0.0).rowwise().all();
    const Eigen::VectorXi count = dominated.cast<int>().rowwise().sum();
    Vector sum = Vector::Zero(n);
    for (Index s = 0; s < rows; ++s) {
      const int c = count[s];
      if (c == 0 || c > k) continue;
      for (Index p = 0; p < n; ++p)
        if (dominated(s, p)) sum[p] += alpha[c];
    }
    partial[static_cast<std::size_t>(b)] = std::move(sum);
  });
  for (const auto& sum : partial) fitness += sum;
  return fitness * (box / static_cast<double>(n_samples));
}

}  // namespace paretokit
