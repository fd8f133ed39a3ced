// Element-wise transcendental functions on columns, through the scalar std::
// functions so that every entry is bit-identical to a scalar evaluation (see
// batch_problem.hpp on exactness). Eigen's own vectorized sin/cos/exp/pow may
// round differently in the SIMD body and the scalar tail of a column.
#pragma once

#include <cmath>
#include <numbers>

#include <Eigen/Core>

namespace paretokit::problems::detail {

inline constexpr double pi = std::numbers::pi;

template <class Derived>
auto cos_of(const Eigen::ArrayBase<Derived>& a) {
  return a.unaryExpr([](double v) { return std::cos(v); });
}
template <class Derived>
auto sin_of(const Eigen::ArrayBase<Derived>& a) {
  return a.unaryExpr([](double v) { return std::sin(v); });
}
template <class Derived>
auto exp_of(const Eigen::ArrayBase<Derived>& a) {
  return a.unaryExpr([](double v) { return std::exp(v); });
}
template <class Derived>
auto log_of(const Eigen::ArrayBase<Derived>& a) {
  return a.unaryExpr([](double v) { return std::log(v); });
}
template <class Derived>
auto pow_of(const Eigen::ArrayBase<Derived>& a, double p) {
  return a.unaryExpr([p](double v) { return std::pow(v, p); });
}

}  // namespace paretokit::problems::detail
