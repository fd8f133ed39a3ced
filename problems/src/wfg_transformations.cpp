#include "wfg_transformations.hpp"

#include <cmath>

#include "array_math.hpp"

namespace paretokit::problems::detail::wfg {

namespace {
constexpr double epsilon = 1.0e-10;

template <class Derived>
auto floor_of(const Eigen::ArrayBase<Derived>& a) {
  return a.unaryExpr([](double v) { return std::floor(v); });
}
}  // namespace

Column correct_to_01(const Column& y) {
  return y.unaryExpr([](double v) {
    if (v < 0.0 && v >= -epsilon) return 0.0;
    if (v > 1.0 && v <= 1.0 + epsilon) return 1.0;
    return v;
  });
}

Column shift_linear(const Column& y, double A) {
  return correct_to_01((y - A).abs() / (floor_of(A - y) + A).abs());
}

Column shift_deceptive(const Column& y, double A, double B, double C) {
  const Column t1 = floor_of(y - A + B) * ((1.0 - C + (A - B) / B) / (A - B));
  const Column t2 = floor_of(A + B - y) * ((1.0 - C + (1.0 - A - B) / B) / (1.0 - A - B));
  return correct_to_01(1.0 + ((y - A).abs() - B) * (t1 + t2 + 1.0 / B));
}

Column shift_multi_modal(const Column& y, double A, double B, double C) {
  const Column t1 = (y - C).abs() / (2.0 * (floor_of(C - y) + C));
  const Column t2 = (4.0 * A + 2.0) * pi * (0.5 - t1);
  return correct_to_01((1.0 + cos_of(t2) + 4.0 * B * t1.square()) / (B + 2.0));
}

Column bias_poly(const Column& y, double alpha) { return correct_to_01(pow_of(y, alpha)); }

Column bias_flat(const Column& y, double A, double B, double C) {
  const Column low = floor_of(y - B).min(0.0) * (A * (B - y) / B);
  const Column high = floor_of(C - y).min(0.0) * ((1.0 - A) * (y - C) / (1.0 - C));
  return correct_to_01(A + low - high);
}

Column bias_param(const Column& y, const Column& u, double A, double B, double C) {
  const Column v = A - (1.0 - 2.0 * u) * (floor_of(0.5 - u) + A).abs();
  const Column exponent = B + (C - B) * v;
  return correct_to_01(y.binaryExpr(exponent, [](double base, double e) { return std::pow(base, e); }));
}

Column reduction_weighted_sum(const Block& y, Index first, Index count, const Eigen::ArrayXd& weights) {
  Column sum = Column::Zero(y.rows());
  double total = 0;
  for (Index j = 0; j < count; ++j) {
    sum += weights(j) * y.col(first + j);
    total += weights(j);
  }
  return correct_to_01(sum / total);
}

Column reduction_mean(const Block& y, Index first, Index count) {
  Column sum = Column::Zero(y.rows());
  for (Index j = 0; j < count; ++j) sum += y.col(first + j);
  return correct_to_01(sum / double(count));
}

Column reduction_non_sep(const Block& y, Index first, Index count, Index A) {
  Column num = Column::Zero(y.rows());
  for (Index j = 0; j < count; ++j) {
    num += y.col(first + j);
    for (Index k = 0; k + 1 < A; ++k) num += (y.col(first + j) - y.col(first + (1 + j + k) % count)).abs();
  }
  const double half = std::ceil(double(A) / 2.0);
  const double denominator = double(count) * half * (1.0 + 2.0 * double(A) - 2.0 * half) / double(A);
  return correct_to_01(num / denominator);
}

namespace {
// h_m of a product shape: prod_{i <= M-m} inner(x_i) * (m > 1 ? outer(x_{M-m+1}) : 1),
// with M - 1 = x.cols(); for m = M just outer(x_1).
template <class Inner, class Outer>
Column product_shape(const Block& x, Index m, Inner inner, Outer outer) {
  const Index M = x.cols() + 1;
  Column h = Column::Ones(x.rows());
  for (Index i = 0; i < M - m; ++i) h *= x.col(i).unaryExpr(inner);
  if (m > 1) h *= x.col(M - m).unaryExpr(outer);
  return correct_to_01(h);
}
}  // namespace

Column shape_linear(const Block& x, Index m) {
  return product_shape(
      x, m, [](double v) { return v; }, [](double v) { return 1.0 - v; });
}

Column shape_convex(const Block& x, Index m) {
  return product_shape(
      x, m, [](double v) { return 1.0 - std::cos(0.5 * pi * v); },
      [](double v) { return 1.0 - std::sin(0.5 * pi * v); });
}

Column shape_concave(const Block& x, Index m) {
  return product_shape(
      x, m, [](double v) { return std::sin(0.5 * pi * v); }, [](double v) { return std::cos(0.5 * pi * v); });
}

Column shape_mixed(const Column& x1, double alpha, double A) {
  const double aux = 2.0 * A * pi;
  return correct_to_01(
      x1.unaryExpr([=](double v) { return std::pow(1.0 - v - std::cos(aux * v + 0.5 * pi) / aux, alpha); }));
}

Column shape_disconnected(const Column& x1, double alpha, double beta, double A) {
  return correct_to_01(x1.unaryExpr([=](double v) {
    const double c = std::cos(A * std::pow(v, beta) * pi);
    return 1.0 - std::pow(v, alpha) * c * c;
  }));
}

}  // namespace paretokit::problems::detail::wfg
