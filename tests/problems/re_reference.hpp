// A per-point transcription of the RE suite's C reference
// (ryojitanabe/reproblems, reproblem_c_ver/reproblem.c) for the tests.
#pragma once

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

namespace paretokit::test::re_reference {

using V = std::vector<double>;
constexpr double pi = std::numbers::pi;

inline double v(double g) { return g < 0.0 ? -g : 0.0; }
inline double closest(const V& table, double value) {
  double best = table[0], d = std::fabs(table[0] - value);
  for (double t : table) {
    if (std::fabs(t - value) < d) {
      d = std::fabs(t - value);
      best = t;
    }
  }
  return best;
}

inline V evaluate(const std::string& name, const V& x) {
  if (name == "re21") {
    const double F = 10, E = 2 * 1e5, L = 200;
    return {L * ((2 * x[0]) + std::sqrt(2.0) * x[1] + std::sqrt(x[2]) + x[3]),
            ((F * L) / E) * ((2.0 / x[0]) + (2.0 * std::sqrt(2.0) / x[1]) - (2.0 * std::sqrt(2.0) / x[2]) +
                             (2.0 / x[3]))};
  }
  if (name == "re22") {
    const V table{0.20, 0.31, 0.40, 0.44, 0.60,  0.62, 0.79,  0.80,  0.88, 0.93, 1.0,  1.20, 1.24,
                  1.32, 1.40, 1.55, 1.58, 1.60,  1.76, 1.80,  1.86,  2.0,  2.17, 2.20, 2.37, 2.40,
                  2.48, 2.60, 2.64, 2.79, 2.80,  3.0,  3.08,  3,     10,   3.16, 3.41, 3.52, 3.60,
                  3.72, 3.95, 3.96, 4.0,  4.03,  4.20, 4.34,  4.40,  4.65, 4.74, 4.80, 4.84, 5.0,
                  5.28, 5.40, 5.53, 5.72, 6.0,   6.16, 6.32,  6.60,  7.11, 7.20, 7.80, 7.90, 8.0,
                  8.40, 8.69, 9.0,  9.48, 10.27, 11.0, 11.06, 11.85, 12.0, 13.0, 14.0, 15.0};
    const double x1 = closest(table, x[0]), x2 = x[1], x3 = x[2];
    return {(29.4 * x1) + (0.6 * x2 * x3),
            v((x1 * x3) - 7.735 * ((x1 * x1) / x2) - 180.0) + v(4.0 - (x3 / x2))};
  }
  if (name == "re23") {
    const double x1 = 0.0625 * std::round(x[0]), x2 = 0.0625 * std::round(x[1]), x3 = x[2], x4 = x[3];
    return {
        (0.6224 * x1 * x3 * x4) + (1.7781 * x2 * x3 * x3) + (3.1661 * x1 * x1 * x4) + (19.84 * x1 * x1 * x3),
        v(x1 - (0.0193 * x3)) + v(x2 - (0.00954 * x3)) +
            v((pi * x3 * x3 * x4) + ((4.0 / 3.0) * (pi * x3 * x3 * x3)) - 1296000)};
  }
  if (name == "re24") {
    const double x1 = x[0], x2 = x[1], E = 700000;
    const double sk = (E * x1 * x1) / 100, sb = 4500 / (x1 * x2), tau = 1800 / x2,
                 d = (56.2 * 10000) / (E * x1 * x2 * x2);
    return {x1 + (120 * x2), v(1 - sb / 700) + v(1 - tau / 450) + v(1 - d / 1.5) + v(1 - sb / sk)};
  }
  if (name == "re25") {
    const V table{0.009, 0.0095, 0.0104, 0.0118, 0.0128, 0.0132, 0.014, 0.015,  0.0162, 0.0173, 0.018,
                  0.02,  0.023,  0.025,  0.028,  0.032,  0.035,  0.041, 0.047,  0.054,  0.063,  0.072,
                  0.08,  0.092,  0.105,  0.12,   0.135,  0.148,  0.162, 0.177,  0.192,  0.207,  0.225,
                  0.244, 0.263,  0.283,  0.307,  0.331,  0.362,  0.394, 0.4375, 0.5};
    const double x1 = std::round(x[0]), x2 = x[1], x3 = closest(table, x[2]);
    const double Cf = ((4.0 * (x2 / x3) - 1) / (4.0 * (x2 / x3) - 4)) + (0.615 * x3 / x2);
    const double Fmax = 1000, S = 189000, G = 11.5 * 1e6,
                 K = (G * x3 * x3 * x3 * x3) / (8 * x1 * x2 * x2 * x2);
    const double lf = (Fmax / K) + 1.05 * (x1 + 2) * x3, Fp = 300, sP = Fp / K;
    return {(pi * pi * x2 * x3 * x3 * (x1 + 2)) / 4.0,
            v(-((8 * Cf * Fmax * x2) / (pi * x3 * x3 * x3)) + S) + v(-lf + 14.0) + v(-3 + (x2 / x3)) +
                v(-sP + 6) + v(-sP - ((Fmax - Fp) / K) - 1.05 * (x1 + 2) * x3 + lf) +
                v(1.25 - ((Fmax - Fp) / K))};
  }
  if (name == "re31") {
    const double x1 = x[0], x2 = x[1], x3 = x[2];
    const double f0 = x1 * std::sqrt(16.0 + x3 * x3) + x2 * std::sqrt(1.0 + x3 * x3);
    const double f1 = (20.0 * std::sqrt(16.0 + x3 * x3)) / (x1 * x3);
    return {f0, f1,
            v(0.1 - f0) + v(100000.0 - f1) + v(100000 - ((80.0 * std::sqrt(1.0 + x3 * x3)) / (x3 * x2)))};
  }
  if (name == "re32") {
    const double x1 = x[0], x2 = x[1], x3 = x[2], x4 = x[3], P = 6000, L = 14, E = 30 * 1e6, G = 12 * 1e6;
    const double M = P * (L + x2 / 2);
    const double R = std::sqrt(x2 * x2 / 4.0 + std::pow((x1 + x3) / 2.0, 2));
    const double J = 2 * std::sqrt(2) * x1 * x2 * (x2 * x2 / 12.0 + std::pow((x1 + x3) / 2.0, 2));
    const double tdd = (M * R) / J, td = P / (std::sqrt(2) * x1 * x2);
    const double tau = std::sqrt(td * td + ((2 * td * tdd * x2) / (2 * R)) + tdd * tdd);
    const double sigma = (6 * P * L) / (x4 * x3 * x3);
    const double PC = 4.013 * E * std::sqrt((x3 * x3 * std::pow(x4, 6)) / 36.0) / (L * L) *
                      (1 - (x3 / (2 * L)) * std::sqrt(E / (4 * G)));
    return {(1.10471 * x1 * x1 * x2) + (0.04811 * x3 * x4) * (14.0 + x2),
            (4 * P * L * L * L) / (E * x4 * x3 * x3 * x3),
            v(13600 - tau) + v(30000 - sigma) + v(x4 - x1) + v(PC - P)};
  }
  if (name == "re33") {
    const double x1 = x[0], x2 = x[1], x3 = x[2], x4 = x[3];
    const double s = x2 * x2 - x1 * x1, c = x2 * x2 * x2 - x1 * x1 * x1;
    return {4.9 * 1e-5 * s * (x4 - 1.0), (9.82 * 1e6 * s) / (x3 * x4 * c),
            v((x2 - x1) - 20.0) + v(0.4 - (x3 / (3.14 * s))) +
                v(1.0 - (2.22 * 1e-3 * x3 * c) / std::pow(s, 2)) +
                v((2.66 * 1e-2 * x3 * x4 * c) / s - 900.0)};
  }
  if (name == "re34") {
    const double x1 = x[0], x2 = x[1], x3 = x[2], x4 = x[3], x5 = x[4];
    return {1640.2823 + 2.3573285 * x1 + 2.3220035 * x2 + 4.5688768 * x3 + 7.7213633 * x4 + 4.4559504 * x5,
            6.5856 + 1.15 * x1 - 1.0427 * x2 + 0.9738 * x3 + 0.8364 * x4 - 0.3695 * x1 * x4 +
                0.0861 * x1 * x5 + 0.3628 * x2 * x4 - 0.1106 * x1 * x1 - 0.3437 * x3 * x3 + 0.1764 * x4 * x4,
            -0.0551 + 0.0181 * x1 + 0.1024 * x2 + 0.0421 * x3 - 0.0073 * x1 * x2 + 0.024 * x2 * x3 -
                0.0118 * x2 * x4 - 0.0204 * x3 * x4 - 0.008 * x3 * x5 - 0.0241 * x2 * x2 + 0.0109 * x4 * x4};
  }
  if (name == "re35") {
    const double x1 = x[0], x2 = x[1], x3 = std::round(x[2]), x4 = x[3], x5 = x[4], x6 = x[5], x7 = x[6];
    const double f0 = 0.7854 * x1 * (x2 * x2) * (((10.0 * x3 * x3) / 3.0) + (14.933 * x3) - 43.0934) -
                      1.508 * x1 * (x6 * x6 + x7 * x7) + 7.477 * (x6 * x6 * x6 + x7 * x7 * x7) +
                      0.7854 * (x4 * x6 * x6 + x5 * x7 * x7);
    const double f1 = std::sqrt(std::pow((745.0 * x4) / (x2 * x3), 2.0) + 1.69 * 1e7) / (0.1 * x6 * x6 * x6);
    double g =
        v(-(1.0 / (x1 * x2 * x2 * x3)) + 1.0 / 27.0) + v(-(1.0 / (x1 * x2 * x2 * x3 * x3)) + 1.0 / 397.5);
    g += v(-(x4 * x4 * x4) / (x2 * x3 * std::pow(x6, 4)) + 1.0 / 1.93) +
         v(-(x5 * x5 * x5) / (x2 * x3 * std::pow(x7, 4)) + 1.0 / 1.93);
    g += v(-(x2 * x3) + 40.0) + v(-(x1 / x2) + 12.0) + v(-5.0 + (x1 / x2)) + v(-1.9 + x4 - 1.5 * x6) +
         v(-1.9 + x5 - 1.1 * x7);
    g += v(-f1 + 1300.0) +
         v(-std::sqrt(std::pow((745.0 * x5) / (x2 * x3), 2.0) + 1.575 * 1e8) / (0.1 * x7 * x7 * x7) + 1100.0);
    return {f0, f1, g};
  }
  if (name == "re36") {
    const double x1 = std::round(x[0]), x2 = std::round(x[1]), x3 = std::round(x[2]), x4 = std::round(x[3]);
    const double f0 = std::fabs(6.931 - ((x3 / x1) * (x4 / x2)));
    return {f0, std::max({x1, x2, x3, x4}), v(0.5 - (f0 / 6.931))};
  }
  if (name == "re37") {
    const double a = x[0], h = x[1], o = x[2], t = x[3];
    return {0.692 + 0.477 * a - 0.687 * h - 0.080 * o - 0.0650 * t - 0.167 * a * a - 0.0129 * h * a +
                0.0796 * h * h - 0.0634 * o * a - 0.0257 * o * h + 0.0877 * o * o - 0.0521 * t * a +
                0.00156 * t * h + 0.00198 * t * o + 0.0184 * t * t,
            0.153 - 0.322 * a + 0.396 * h + 0.424 * o + 0.0226 * t + 0.175 * a * a + 0.0185 * h * a -
                0.0701 * h * h - 0.251 * o * a + 0.179 * o * h + 0.0150 * o * o + 0.0134 * t * a +
                0.0296 * t * h + 0.0752 * t * o + 0.0192 * t * t,
            0.370 - 0.205 * a + 0.0307 * h + 0.108 * o + 1.019 * t - 0.135 * a * a + 0.0141 * h * a +
                0.0998 * h * h + 0.208 * o * a - 0.0301 * o * h - 0.226 * o * o + 0.353 * t * a -
                0.0497 * t * o - 0.423 * t * t + 0.202 * h * a * a - 0.281 * o * a * a - 0.342 * h * h * a -
                0.245 * h * h * o + 0.281 * o * o * h - 0.184 * t * t * a - 0.281 * h * a * o};
  }
  if (name == "re41") {
    const double x1 = x[0], x2 = x[1], x3 = x[2], x4 = x[3], x5 = x[4], x6 = x[5], x7 = x[6];
    const double f1 = 4.72 - 0.5 * x4 - 0.19 * x2 * x3;
    const double Vmbp = 10.58 - 0.674 * x1 * x2 - 0.67275 * x2,
                 Vfd = 16.45 - 0.489 * x3 * x7 - 0.843 * x5 * x6;
    double g = v(1 - (1.16 - 0.3717 * x2 * x4 - 0.0092928 * x3));
    g += v(0.32 -
           (0.261 - 0.0159 * x1 * x2 - 0.06486 * x1 - 0.019 * x2 * x7 + 0.0144 * x3 * x5 + 0.0154464 * x6));
    g += v(0.32 - (0.214 + 0.00817 * x5 - 0.045195 * x1 - 0.0135168 * x1 + 0.03099 * x2 * x6 -
                   0.018 * x2 * x7 + 0.007176 * x3 + 0.023232 * x3 - 0.00364 * x5 * x6 - 0.018 * x2 * x2));
    g += v(0.32 - (0.74 - 0.61 * x2 - 0.031296 * x3 - 0.031872 * x7 + 0.227 * x2 * x2));
    g += v(32 - (28.98 + 3.818 * x3 - 4.2 * x1 * x2 + 1.27296 * x6 - 2.68065 * x7));
    g += v(32 - (33.86 + 2.95 * x3 - 5.057 * x1 * x2 - 3.795 * x2 - 3.4431 * x7 + 1.45728));
    g += v(32 - (46.36 - 9.9 * x2 - 4.4505 * x1)) + v(4 - f1) + v(9.9 - Vmbp) + v(15.7 - Vfd);
    return {1.98 + 4.9 * x1 + 6.67 * x2 + 6.98 * x3 + 4.01 * x4 + 1.78 * x5 + 0.00001 * x6 + 2.73 * x7, f1,
            0.5 * (Vmbp + Vfd), g};
  }
  if (name == "re42") {
    const double L = x[0], B = x[1], D = x[2], T = x[3], Vk = x[4], CB = x[5];
    const double disp = 1.025 * L * B * T * CB, Fn = 0.5144 * Vk / std::pow(9.8065 * L, 0.5);
    const double a = 4977.06 * CB * CB - 8105.61 * CB + 4456.51,
                 b = -10847.2 * CB * CB + 12817.0 * CB - 6960.32;
    const double power = std::pow(disp, 2.0 / 3.0) * std::pow(Vk, 3.0) / (a + b * Fn);
    const double outfit = std::pow(L, 0.8) * std::pow(B, 0.6) * std::pow(D, 0.3) * std::pow(CB, 0.1);
    const double steel = 0.034 * std::pow(L, 1.7) * std::pow(B, 0.7) * std::pow(D, 0.4) * std::pow(CB, 0.5);
    const double light = steel + outfit + 0.17 * std::pow(power, 0.9);
    const double capital =
        0.2 * 1.3 * (2000.0 * std::pow(steel, 0.85) + 3500.0 * outfit + 2400.0 * std::pow(power, 0.8));
    const double DWT = disp - light, running = 40000.0 * std::pow(DWT, 0.3), sea_days = 5000.0 / 24.0 * Vk;
    const double daily = 0.19 * power * 24.0 / 1000.0 + 0.2, fuel_cost = 1.05 * daily * sea_days * 100.0;
    const double port_cost = 6.3 * std::pow(DWT, 0.8);
    const double cargo = DWT - daily * (sea_days + 5.0) - 2.0 * std::pow(DWT, 0.5);
    const double RTPA = 350.0 / (sea_days + 2.0 * (cargo / 8000.0 + 0.5));
    const double annual_costs = capital + running + (fuel_cost + port_cost) * RTPA,
                 annual_cargo = cargo * RTPA;
    const double KB = 0.53 * T, BMT = (0.085 * CB - 0.002) * B * B / (T * CB), KG = 1.0 + 0.52 * D;
    const double g = v(L / B - 6.0) + v(-(L / D) + 15.0) + v(-(L / T) + 19.0) +
                     v(0.45 * std::pow(DWT, 0.31) - T) + v(0.7 * D + 0.7 - T) + v(50000.0 - DWT) +
                     v(DWT - 3000.0) + v(0.32 - Fn) + v(KB + BMT - KG - 0.07 * B);
    return {annual_costs / annual_cargo, light, -annual_cargo, g};
  }
  // re61
  const double p = x[0] * x[1];
  double g = v(1 - (0.00139 / p + 4.94 * x[2] - 0.08)) + v(1 - (0.000306 / p + 1.082 * x[2] - 0.0986));
  g += v(50000 - (12.307 / p + 49408.24 * x[2] + 4051.02)) + v(16000 - (2.098 / p + 8046.33 * x[2] - 696.71));
  g += v(10000 - (2.138 / p + 7883.39 * x[2] - 705.04)) + v(2000 - (0.417 * p + 1721.26 * x[2] - 136.54));
  g += v(550 - (0.164 / p + 631.13 * x[2] - 54.48));
  return {106780.37 * (x[1] + x[2]) + 61704.67,
          3000 * x[0],
          305700 * 2289 * x[1] / std::pow(0.06 * 2289, 0.65),
          250 * 2289 * std::exp(-39.75 * x[1] + 9.9 * x[2] + 2.74),
          25 * (1.39 / p + 4940 * x[2] - 80),
          g};
}

}  // namespace paretokit::test::re_reference
