// A per-point transcription of the WFG toolkit (Huband et al. 2006, tables
// XI-XIV), written as plain loops over std::vector for the tests, with the
// clamping to [0, 1] that pymoo applies (correct_to_01, tolerance 1e-10).
#pragma once

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace paretokit::test::wfg_reference {

using V = std::vector<double>;
constexpr double pi = std::numbers::pi;

inline double clamp01(double v) {
  if (v < 0 && v >= -1e-10) return 0;
  if (v > 1 && v <= 1 + 1e-10) return 1;
  return v;
}
inline double s_linear(double y, double A) {
  return clamp01(std::fabs(y - A) / std::fabs(std::floor(A - y) + A));
}
inline double s_decept(double y, double A, double B, double C) {
  const double t1 = std::floor(y - A + B) * (1 - C + (A - B) / B) / (A - B);
  const double t2 = std::floor(A + B - y) * (1 - C + (1 - A - B) / B) / (1 - A - B);
  return clamp01(1 + (std::fabs(y - A) - B) * (t1 + t2 + 1 / B));
}
inline double s_multi(double y, double A, double B, double C) {
  const double t1 = std::fabs(y - C) / (2 * (std::floor(C - y) + C));
  const double t2 = (4 * A + 2) * pi * (0.5 - t1);
  return clamp01((1 + std::cos(t2) + 4 * B * t1 * t1) / (B + 2));
}
inline double b_poly(double y, double a) { return clamp01(std::pow(y, a)); }
inline double b_flat(double y, double A, double B, double C) {
  return clamp01(A + std::min(0.0, std::floor(y - B)) * A * (B - y) / B -
                 std::min(0.0, std::floor(C - y)) * (1 - A) * (y - C) / (1 - C));
}
inline double b_param(double y, double u, double A, double B, double C) {
  const double v = A - (1 - 2 * u) * std::fabs(std::floor(0.5 - u) + A);
  return clamp01(std::pow(y, B + (C - B) * v));
}
inline double r_sum(const V& y, const V& w) {
  double a = 0, b = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    a += w[i] * y[i];
    b += w[i];
  }
  return clamp01(a / b);
}
inline double mean(const V& y) { return r_sum(y, V(y.size(), 1.0)); }
inline double r_nonsep(const V& y, std::size_t A) {
  const std::size_t n = y.size();
  double num = 0;
  for (std::size_t j = 0; j < n; ++j) {
    num += y[j];
    for (std::size_t k = 0; k + 1 < A; ++k) num += std::fabs(y[j] - y[(1 + j + k) % n]);
  }
  const double h = std::ceil(double(A) / 2);
  return clamp01(num / (double(n) * h * (1 + 2 * double(A) - 2 * h) / double(A)));
}
inline V slice(const V& y, std::size_t from, std::size_t to) {
  return V(y.begin() + long(from), y.begin() + long(to));
}

// F of WFG`number` at z (k position, l distance parameters), M objectives.
inline V evaluate(int number, const V& z, std::size_t M, std::size_t k) {
  const std::size_t n = z.size(), gap = k / (M - 1);
  V y(n);
  for (std::size_t i = 0; i < n; ++i) y[i] = z[i] / (2.0 * double(i + 1));
  const double A = 0.98 / 49.98;
  if (number == 7) {
    const V o = y;
    for (std::size_t i = 0; i < k; ++i) y[i] = b_param(o[i], mean(slice(o, i + 1, n)), A, 0.02, 50);
  }
  if (number == 8) {
    const V o = y;
    for (std::size_t i = k; i < n; ++i) y[i] = b_param(o[i], mean(slice(o, 0, i)), A, 0.02, 50);
  }
  if (number == 9) {
    const V o = y;
    for (std::size_t i = 0; i + 1 < n; ++i) y[i] = b_param(o[i], mean(slice(o, i + 1, n)), A, 0.02, 50);
    for (std::size_t i = 0; i < n; ++i)
      y[i] = i < k ? s_decept(y[i], 0.35, 0.001, 0.05) : s_multi(y[i], 30, 95, 0.35);
  }
  if (number == 4)
    for (auto& v : y) v = s_multi(v, 30, 10, 0.35);
  if (number == 5)
    for (auto& v : y) v = s_decept(v, 0.35, 0.001, 0.05);
  if (number != 4 && number != 5 && number != 9)
    for (std::size_t i = k; i < n; ++i) y[i] = s_linear(y[i], 0.35);
  if (number == 1) {
    for (std::size_t i = k; i < n; ++i) y[i] = b_flat(y[i], 0.8, 0.75, 0.85);
    for (auto& v : y) v = b_poly(v, 0.02);
  }
  if (number == 2 || number == 3) {
    V z2 = slice(y, 0, k);
    for (std::size_t i = k; i + 1 < n; i += 2) z2.push_back(r_nonsep({y[i], y[i + 1]}, 2));
    y = z2;
  }
  const std::size_t ny = y.size();
  V t(M);
  for (std::size_t i = 0; i + 1 < M; ++i) {
    const V part = slice(y, i * gap, (i + 1) * gap);
    if (number == 1) {
      V w;
      for (std::size_t j = i * gap; j < (i + 1) * gap; ++j) w.push_back(2.0 * double(j + 1));
      t[i] = r_sum(part, w);
    } else if (number == 6 || number == 9) {
      t[i] = r_nonsep(part, gap);
    } else {
      t[i] = mean(part);
    }
  }
  const V tail = slice(y, k, ny);
  if (number == 1) {
    V w;
    for (std::size_t j = k; j < n; ++j) w.push_back(2.0 * double(j + 1));
    t[M - 1] = r_sum(tail, w);
  } else if (number == 6 || number == 9) {
    t[M - 1] = r_nonsep(tail, tail.size());
  } else {
    t[M - 1] = mean(tail);
  }
  V x(M);
  for (std::size_t i = 0; i + 1 < M; ++i) {
    const double a = (number == 3 && i > 0) ? 0.0 : 1.0;
    x[i] = number == 9 ? t[i] : std::max(t[M - 1], a) * (t[i] - 0.5) + 0.5;
  }
  x[M - 1] = t[M - 1];
  V f(M);
  for (std::size_t m = 1; m <= M; ++m) {
    double h = 1;
    for (std::size_t i = 0; i < M - m; ++i) {
      if (number == 3)
        h *= x[i];
      else if (number <= 2)
        h *= 1 - std::cos(x[i] * pi / 2);
      else
        h *= std::sin(x[i] * pi / 2);
    }
    if (m > 1) {
      const double v = x[M - m];
      if (number == 3)
        h *= 1 - v;
      else if (number <= 2)
        h *= 1 - std::sin(v * pi / 2);
      else
        h *= std::cos(v * pi / 2);
    }
    if (m == M && number == 1) h = std::pow(1 - x[0] - std::cos(10 * pi * x[0] + pi / 2) / (10 * pi), 1.0);
    if (m == M && number == 2) h = 1 - x[0] * std::pow(std::cos(5 * pi * x[0]), 2);
    f[m - 1] = x[M - 1] + 2.0 * double(m) * clamp01(h);
  }
  return f;
}

}  // namespace paretokit::test::wfg_reference
