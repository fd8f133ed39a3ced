// HypE fitness, exact and Monte Carlo; see algorithms/hype_fitness.hpp.
//
// Exact fitness: a sweep over the grid of all coordinate values. In a slab of
// the second objective (y), the points with y at or below the slab, sorted by
// the first objective (x), cut the x axis into intervals, and the interval
// after the j-th of them is dominated by exactly those first j points. So a
// slab credits each of its cells to a prefix of the x-sorted list, and suffix
// sums over the intervals give every point its share in one pass. Cells
// dominated by more than k points earn nothing, so only the k + 1 smallest x
// of a slab matter: the list is bounded by k + 1 entries. A plane (2-D) thus
// costs O(q log q + q min(q, k)) for q points, whether the points dominate
// each other or not, and ties (duplicates) need no special case: a zero-width
// interval or slab adds nothing, and every cell still counts every point that
// weakly dominates it.
//
// In 3-D the third objective (z) is swept the same way: the z-slab after the
// s-th point (in z order) is a plane of the first s points, so the whole is
// O(n^2 min(n, k)). The z-slabs are independent: they run in parallel, in
// fixed blocks whose partial sums are added in block order (the result does
// not depend on the thread count). Above 3 objectives, Bader and Zitzler's
// slicing (their Algorithm 3) reduces dimension by dimension down to the 3-D
// sweep.
#include "paretokit/algorithms/hype_fitness.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numeric>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "hype_dominator_sets.hpp"
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

// The k + 1 smallest x values seen so far, sorted, with their points and
// the credit each has earned while in the list (added to the fitness when
// it drops out or at flush()). A buffer with room on both sides: an
// insertion moves the shorter side, so a new smallest value (the common case
// on a front swept in y, where x falls as y rises) moves nothing, and the
// credits stay in place, contiguous.
class BoundedList {
 public:
  explicit BoundedList(Index k)
      : capacity_(static_cast<std::size_t>(k) + 1),
        begin_(capacity_),
        xs_(3 * capacity_ + 1),
        ids_(3 * capacity_ + 1),
        credit_(3 * capacity_ + 1, 0.0) {}

  std::size_t size() const { return size_; }
  const double* xs() const { return xs_.data() + begin_; }
  double* credit() { return credit_.data() + begin_; }

  // Adds every credit to fitness[id] and empties the list.
  void flush(double* fitness) {
    for (std::size_t i = begin_; i < begin_ + size_; ++i) {
      fitness[ids_[i]] += credit_[i];
      credit_[i] = 0.0;
    }
    begin_ = capacity_;
    size_ = 0;
  }

  void insert(double x, Index id, double* fitness) {
    double* xs = xs_.data() + begin_;
    if (size_ == capacity_ && !(x < xs[size_ - 1])) return;
    // After equal values: among ties any order gives the same sums.
    const auto at = static_cast<std::size_t>(std::upper_bound(xs, xs + size_, x) - xs);
    if (size_ == capacity_) {  // the largest drops out
      --size_;
      const std::size_t last = begin_ + size_;
      fitness[ids_[last]] += credit_[last];
      credit_[last] = 0.0;
    }
    if (at < size_ - at) {
      // Shift the part before `at` one place to the left.
      if (begin_ == 0) recentre();
      for (std::size_t i = begin_ - 1; i + 1 < begin_ + at; ++i) move(i + 1, i);
      --begin_;
    } else {
      if (begin_ + size_ + 1 > xs_.size()) recentre();
      for (std::size_t i = begin_ + size_; i > begin_ + at; --i) move(i - 1, i);
    }
    xs_[begin_ + at] = x;
    ids_[begin_ + at] = id;
    credit_[begin_ + at] = 0.0;
    ++size_;
  }

 private:
  void move(std::size_t from, std::size_t to) {
    xs_[to] = xs_[from];
    ids_[to] = ids_[from];
    credit_[to] = credit_[from];
  }

  void recentre() {
    std::memmove(xs_.data() + capacity_, xs_.data() + begin_, size_ * sizeof(double));
    std::memmove(ids_.data() + capacity_, ids_.data() + begin_, size_ * sizeof(Index));
    std::memmove(credit_.data() + capacity_, credit_.data() + begin_, size_ * sizeof(double));
    // Slots left behind keep stale credits: clear the whole buffer outside
    // the list (recentring is rare).
    for (std::size_t i = 0; i < credit_.size(); ++i)
      if (i < capacity_ || i >= capacity_ + size_) credit_[i] = 0.0;
    begin_ = capacity_;
  }

  std::size_t capacity_;
  std::size_t begin_ = 0;
  std::size_t size_ = 0;
  std::vector<double> xs_;
  std::vector<Index> ids_;
  std::vector<double> credit_;
};

// One plane: `by_y` (q local ids sorted by y, ties by id) with coordinates
// x[id], y[id]; adds scale * (share of every cell) to fitness[id].
// w[c] = alpha_c / c for c = 1..k. O(q log k + q min(q, k)).
void plane(const Index* by_y, Index q, const double* x, const double* y, double x_ref, double y_ref,
           const double* w, Index k, double scale, double* fitness, BoundedList& list) {
  for (Index t = 0; t < q; ++t) {
    const Index p = by_y[t];
    list.insert(x[p], p, fitness);
    const double height = (t + 1 < q ? y[by_y[t + 1]] : y_ref) - y[p];
    if (!(height > 0.0)) continue;
    // The interval after the j-th smallest x is dominated by exactly the
    // first j points; suffix sums over the intervals credit each of them.
    const double area = scale * height;
    const auto len = static_cast<Index>(list.size());
    const double* xs = list.xs();
    double* credit = list.credit();
    Index j = std::min(len, k);
    double suffix = w[j] * ((j < len ? xs[j] : x_ref) - xs[j - 1]);
    credit[j - 1] += area * suffix;
    for (--j; j >= 1; --j) {
      suffix += w[j] * (xs[j] - xs[j - 1]);
      credit[j - 1] += area * suffix;
    }
  }
  list.flush(fitness);
}

struct Exact {
  const MatrixRef& F;
  const VectorRef& reference;
  Index k;
  std::vector<double> w;  // alpha_c / c, c = 1..k
  Vector fitness;

  bool before(Index a, Index b, Index dim) const {
    return F(a, dim) < F(b, dim) || (F(a, dim) == F(b, dim) && a < b);
  }

  // Points `set` (ids into F) over objectives 0..2, scaled by `volume`.
  void sweep_3d(std::vector<Index> set, double volume) {
    const auto q = static_cast<Index>(set.size());
    std::sort(set.begin(), set.end(), [&](Index a, Index b) { return before(a, b, 2); });
    // Local ids: positions in z order.
    std::vector<double> x(set.size()), y(set.size()), z(set.size());
    for (Index i = 0; i < q; ++i) {
      const Index p = set[static_cast<std::size_t>(i)];
      x[static_cast<std::size_t>(i)] = F(p, 0);
      y[static_cast<std::size_t>(i)] = F(p, 1);
      z[static_cast<std::size_t>(i)] = F(p, 2);
    }
    std::vector<Index> by_y(set.size());
    std::iota(by_y.begin(), by_y.end(), Index{0});
    std::sort(by_y.begin(), by_y.end(), [&](Index a, Index b) {
      const double ya = y[static_cast<std::size_t>(a)], yb = y[static_cast<std::size_t>(b)];
      return ya < yb || (ya == yb && set[static_cast<std::size_t>(a)] < set[static_cast<std::size_t>(b)]);
    });
    // z-slab s: the plane of local ids 0..s, from z[s] to the next z.
    constexpr Index block = 16;
    const Index n_blocks = (q + block - 1) / block;
    std::vector<std::vector<double>> partial(static_cast<std::size_t>(n_blocks));
    auto run_block = [&](Index b) {
      const Index first = b * block;
      const Index last = std::min(q, first + block);  // exclusive
      std::vector<double>& sums = partial[static_cast<std::size_t>(b)];
      sums.assign(static_cast<std::size_t>(last), 0.0);
      std::vector<Index> active;
      active.reserve(static_cast<std::size_t>(last));
      BoundedList list(k);
      for (Index s = first; s < last; ++s) {
        const double depth =
            (s + 1 < q ? z[static_cast<std::size_t>(s + 1)] : reference[2]) - z[static_cast<std::size_t>(s)];
        if (!(depth > 0.0)) continue;
        active.clear();
        for (Index p : by_y)
          if (p <= s) active.push_back(p);
        plane(active.data(), s + 1, x.data(), y.data(), reference[0], reference[1], w.data(), k, depth,
              sums.data(), list);
      }
    };
    if (n_blocks > 1) {
      tbb::parallel_for(Index{0}, n_blocks, run_block);
    } else if (n_blocks == 1) {
      run_block(0);
    }
    std::vector<double> total(set.size(), 0.0);
    for (const auto& sums : partial)
      for (std::size_t i = 0; i < sums.size(); ++i) total[i] += sums[i];
    for (Index i = 0; i < q; ++i)
      fitness[set[static_cast<std::size_t>(i)]] += volume * total[static_cast<std::size_t>(i)];
  }

  // Points `set` over objectives 0..dim, scaled by `volume`.
  void slice(std::vector<Index> set, Index dim, double volume) {
    if (dim == 2) {
      sweep_3d(std::move(set), volume);
      return;
    }
    if (dim <= 1) {
      // The plane, with a single y-slab when there is one objective.
      const Index y_dim = dim == 1 ? 1 : 0;
      std::vector<double> x(set.size()), y(set.size());
      for (std::size_t i = 0; i < set.size(); ++i) {
        x[i] = F(set[i], 0);
        y[i] = dim == 1 ? F(set[i], 1) : 0.0;
      }
      std::vector<Index> by_y(set.size());
      std::iota(by_y.begin(), by_y.end(), Index{0});
      std::sort(by_y.begin(), by_y.end(), [&](Index a, Index b) {
        return y[static_cast<std::size_t>(a)] < y[static_cast<std::size_t>(b)] ||
               (y[static_cast<std::size_t>(a)] == y[static_cast<std::size_t>(b)] && a < b);
      });
      std::vector<double> sums(set.size(), 0.0);
      BoundedList list(k);
      plane(by_y.data(), static_cast<Index>(set.size()), x.data(), y.data(), reference[0],
            dim == 1 ? reference[y_dim] : 1.0, w.data(), k, volume, sums.data(), list);
      for (std::size_t i = 0; i < set.size(); ++i) fitness[set[i]] += sums[i];
      return;
    }
    // Above 3 objectives: slabs of objective `dim`, each dominated by a
    // prefix of the points sorted by it (Bader and Zitzler's slicing).
    std::sort(set.begin(), set.end(), [&](Index a, Index b) { return before(a, b, dim); });
    const auto q = static_cast<Index>(set.size());
    std::vector<Index> prefix;
    prefix.reserve(set.size());
    for (Index j = 1; j <= q; ++j) {
      const Index p = set[static_cast<std::size_t>(j - 1)];
      prefix.push_back(p);
      const double upper = j < q ? F(set[static_cast<std::size_t>(j)], dim) : reference[dim];
      const double width = upper - F(p, dim);
      if (width > 0.0) slice(prefix, dim - 1, volume * width);
    }
  }
};

// The Monte Carlo kernel as a scan of every point for every sample (vector
// code over the points), for sets with infinite or NaN values, where the
// bitset tables' sort would not match the subtraction test.
void scan_blocks(const MatrixRef& F, const Matrix& S, const Vector& alpha, Index k, Index block,
                 std::vector<Vector>& partial) {
  const Index n = F.rows();
  const Index m = F.cols();
  const Index n_samples = S.rows();
  // The points by objective (one contiguous array per objective).
  std::vector<double> by_objective(static_cast<std::size_t>(n * m));
  for (Index j = 0; j < m; ++j)
    for (Index p = 0; p < n; ++p) by_objective[static_cast<std::size_t>(j * n + p)] = F(p, j);
  tbb::parallel_for(Index{0}, static_cast<Index>(partial.size()), [&](Index b) {
    const Index begin = b * block;
    const Index rows = std::min(block, n_samples - begin);
    std::vector<double> dominates(static_cast<std::size_t>(n));  // 1.0 or 0.0 per point
    double* mask = dominates.data();
    Vector sum = Vector::Zero(n);
    double* total = sum.data();
    for (Index s = begin; s < begin + rows; ++s) {
      // (sample - point) >= 0 in every objective, as a whole-matrix test would.
      const double* f = by_objective.data();
      const double s0 = S(s, 0);
      for (Index p = 0; p < n; ++p) mask[p] = s0 - f[p] >= 0.0 ? 1.0 : 0.0;
      for (Index j = 1; j < m; ++j) {
        const double sj = S(s, j);
        f = by_objective.data() + j * n;
        for (Index p = 0; p < n; ++p) mask[p] = sj - f[p] >= 0.0 ? mask[p] : 0.0;
      }
      Index c = 0;
      for (Index p = 0; p < n; ++p) c += mask[p] != 0.0 ? 1 : 0;
      if (c == 0 || c > k) continue;
      const double a = alpha[c];
      for (Index p = 0; p < n; ++p) total[p] += mask[p] * a;
    }
    partial[static_cast<std::size_t>(b)] = std::move(sum);
  });
}

}  // namespace

Vector hype_fitness_exact(const MatrixRef& F, const VectorRef& reference, Index k) {
  check(F, reference, k);
  const Index n = F.rows();
  std::vector<Index> inside;
  for (Index i = 0; i < n; ++i)
    if ((F.row(i).transpose().array() < reference.array()).all()) inside.push_back(i);
  if (inside.empty() || F.cols() == 0) return Vector::Zero(n);
  // alpha_c falls geometrically with c when k is well below n, down to where
  // products of a weight and a small cell would be denormal numbers, which
  // are exact but very slow. The weights are scaled by 2^shift (exact: a
  // power of two) so that the box [min F, reference] has a volume near
  // 2^300: then every product of a weight of at least the smallest normal
  // double with a cell of the grid stays normal, and nothing overflows. The
  // weights below the smallest normal double (and so every later one) are
  // dropped: they could only add denormal amounts.
  int box_exponent = 0;
  for (Index j = 0; j < F.cols(); ++j) {
    double low = reference[j];
    for (Index i : inside) low = std::min(low, F(i, j));
    const double width = reference[j] - low;
    if (std::isfinite(width)) box_exponent += std::ilogb(width);
  }
  const int shift = std::clamp(300 - box_exponent, -300, 700);
  const Vector alpha = alphas(n, k);
  std::vector<double> w(1, 0.0);
  for (Index c = 1; c <= std::min(k, n); ++c) {
    const double weight = alpha[c] / static_cast<double>(c);
    if (!(weight >= std::numeric_limits<double>::min()) ||
        !(std::ldexp(weight, shift) >= std::numeric_limits<double>::min()))
      break;
    w.push_back(std::ldexp(weight, shift));
  }
  const auto k_used = static_cast<Index>(w.size()) - 1;
  Exact exact{F, reference, k_used, std::move(w), Vector::Zero(n)};
  exact.slice(std::move(inside), F.cols() - 1, 1.0);
  for (Index i = 0; i < n; ++i) exact.fitness[i] = std::ldexp(exact.fitness[i], -shift);
  return exact.fitness;
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
  // order, so the result does not depend on the thread count. Within a
  // block, samples in order: every point that weakly dominates the sample
  // gains alpha_c / c (c: the number of such points, if 1 <= c <= k). Both
  // kernels below add the same terms in the same order (the scan adds an
  // exact 0 for the other points, which changes no sum), so they give the
  // same bits.
  constexpr Index block = 512;
  const Index n_blocks = (n_samples + block - 1) / block;
  std::vector<Vector> partial(static_cast<std::size_t>(n_blocks));
  if (F.allFinite()) {
    // The dominators of each sample from prefix bitsets, and only the
    // samples of 1 <= c <= k visit theirs: O(n_samples m n / 64 + the
    // dominators of those samples) instead of O(n_samples m n).
    const detail::DominatorSets sets(F);
    tbb::parallel_for(Index{0}, n_blocks, [&](Index b) {
      const Index begin = b * block;
      const Index rows = std::min(block, n_samples - begin);
      std::vector<std::uint64_t> bits(static_cast<std::size_t>(sets.words()));
      Vector sum = Vector::Zero(n);
      for (Index s = begin; s < begin + rows; ++s) {
        const Index c = sets.dominators(&S(s, 0), bits.data());
        if (c == 0 || c > k) continue;
        const double a = alpha[c];
        for (std::size_t w = 0; w < bits.size(); ++w)
          for (std::uint64_t word = bits[w]; word != 0; word &= word - 1)
            sum[static_cast<Index>(w * 64) + std::countr_zero(word)] += a;
      }
      partial[static_cast<std::size_t>(b)] = std::move(sum);
    });
  } else {
    scan_blocks(F, S, alpha, k, block, partial);
  }
  for (const auto& sum : partial) fitness += sum;
  return fitness * (box / static_cast<double>(n_samples));
}

}  // namespace paretokit
