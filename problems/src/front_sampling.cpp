#include "front_sampling.hpp"

#include <vector>

#include "paretokit/core/error.hpp"
#include "paretokit/pareto/reference_directions.hpp"

namespace paretokit::problems::detail {

Matrix simplex_lattice(Index m, Index n_partitions) { return das_dennis(m, n_partitions); }

Matrix simplex_points(Index m, Index n) {
  if (m == 1) return Matrix::Ones(1, 1);
  Index partitions = 1;
  for (;;) {
    const Index next = das_dennis_count(m, partitions + 1);
    if (next < 0 || next > n) break;
    ++partitions;
  }
  return das_dennis(m, partitions);
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
