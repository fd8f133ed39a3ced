#include "front_sampling.hpp"

#include <vector>

#include "paretokit/core/error.hpp"

namespace paretokit::problems::detail {

namespace {

// C(n, k) for small arguments, saturating at a large value to avoid overflow.
double binomial(Index n, Index k) {
  double result = 1;
  for (Index i = 1; i <= k; ++i) result = result * double(n - k + i) / double(i);
  return result;
}

void fill_lattice(Index m, Index remaining, Index depth, Index n_partitions, std::vector<Index>& current,
                  std::vector<std::vector<Index>>& out) {
  if (depth == m - 1) {
    current[depth] = remaining;
    out.push_back(current);
    return;
  }
  for (Index i = 0; i <= remaining; ++i) {
    current[depth] = i;
    fill_lattice(m, remaining - i, depth + 1, n_partitions, current, out);
  }
}

}  // namespace

Matrix simplex_lattice(Index m, Index n_partitions) {
  if (m < 1 || n_partitions < 0) throw InputError("simplex lattice: bad size");
  if (m == 1) return Matrix::Ones(1, 1);
  std::vector<std::vector<Index>> rows;
  std::vector<Index> current(m, 0);
  fill_lattice(m, n_partitions, 0, n_partitions, current, rows);
  Matrix W(Index(rows.size()), m);
  for (Index r = 0; r < W.rows(); ++r) {
    for (Index j = 0; j < m; ++j) {
      W(r, j) = n_partitions == 0 ? 1.0 / double(m) : double(rows[r][j]) / double(n_partitions);
    }
  }
  return W;
}

Matrix simplex_points(Index m, Index n) {
  if (m == 1) return Matrix::Ones(1, 1);
  Index partitions = 1;
  while (binomial(partitions + 1 + m - 1, m - 1) <= double(n)) ++partitions;
  return simplex_lattice(m, partitions);
}

Vector linspace(double low, double high, Index n) {
  if (n == 1) return Vector::Constant(1, low);
  return Vector::LinSpaced(n, low, high);
}

Matrix nondominated_rows(const MatrixRef& F) {
  const Index n = F.rows();
  std::vector<Index> keep;
  for (Index i = 0; i < n; ++i) {
    bool dominated = false;
    for (Index j = 0; j < n && !dominated; ++j) {
      if (j == i) continue;
      const bool weak = (F.row(j).array() <= F.row(i).array()).all();
      if (!weak) continue;
      const bool strict = (F.row(j).array() < F.row(i).array()).any();
      dominated = strict || j < i;  // equal rows: keep the first copy only
    }
    if (!dominated) keep.push_back(i);
  }
  Matrix out(Index(keep.size()), F.cols());
  for (Index r = 0; r < out.rows(); ++r) out.row(r) = F.row(keep[r]);
  return out;
}

Matrix thin_rows(const MatrixRef& F, Index n) {
  if (F.rows() <= n) return F;
  Matrix out(n, F.cols());
  for (Index r = 0; r < n; ++r) {
    const Index source = n == 1 ? 0 : Index(double(r) * double(F.rows() - 1) / double(n - 1) + 0.5);
    out.row(r) = F.row(source);
  }
  return out;
}

void check_front_size(Index n) {
  if (n < 1) throw InputError("the number of front points must be at least 1, got " + std::to_string(n));
}

}  // namespace paretokit::problems::detail
