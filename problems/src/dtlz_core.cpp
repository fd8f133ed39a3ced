#include "dtlz_core.hpp"

#include "array_math.hpp"
#include "front_sampling.hpp"

namespace paretokit::problems::detail {

Column dtlz_g_rastrigin(const Block& x, Index first) {
  Column sum = Column::Zero(x.rows());
  for (Index j = first; j < x.cols(); ++j) {
    const auto shifted = x.col(j) - 0.5;
    sum += shifted.square() - cos_of(20.0 * pi * shifted);
  }
  return 100.0 * (double(x.cols() - first) + sum);
}

Column dtlz_g_sphere(const Block& x, Index first) {
  Column sum = Column::Zero(x.rows());
  for (Index j = first; j < x.cols(); ++j) sum += (x.col(j) - 0.5).square();
  return sum;
}

void dtlz_linear_objectives(const Block& x, const Column& g, Block& f) {
  const Index m = f.cols();
  // prefix = 0.5 (1 + g) x_0 ... x_{j-1}, for j = 0 .. m-1.
  Column prefix = 0.5 * (1.0 + g);
  for (Index j = 0; j < m; ++j) {
    const Index i = m - 1 - j;  // objective i uses the product of x_0 .. x_{j-1}
    f.col(i) = i > 0 ? Column(prefix * (1.0 - x.col(j))) : prefix;
    if (j < m - 1) prefix *= x.col(j);
  }
}

void dtlz_spherical_objectives(const Block& theta, const Column& g, Block& f) {
  const Index m = f.cols();
  Column prefix = 1.0 + g;
  for (Index j = 0; j < m; ++j) {
    const Index i = m - 1 - j;
    if (i > 0) {
      f.col(i) = prefix * sin_of(theta.col(j) * (pi / 2.0));
      prefix *= cos_of(theta.col(j) * (pi / 2.0));
    } else {
      f.col(i) = prefix;
    }
  }
}

Matrix dtlz_linear_front(Index m, Index n) { return 0.5 * simplex_points(m, n); }

Matrix dtlz_spherical_front(Index m, Index n) {
  Matrix W = simplex_points(m, n);
  const Vector norms = W.rowwise().norm();
  for (Index r = 0; r < W.rows(); ++r) W.row(r) /= norms(r);
  return W;
}

}  // namespace paretokit::problems::detail
