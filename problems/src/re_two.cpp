// RE21-RE25, the two-objective problems of the RE suite (see re_common.hpp):
//   RE21 four bar truss design (corrected: E = 2e5, 2/x1 in f2)
//   RE22 reinforced concrete beam design (x1 from a table of 77 entries; the
//        reference table contains "3,10", i.e. the values 3 and 10, kept as is)
//   RE23 pressure vessel design (x1, x2 integer multiples of 0.0625)
//   RE24 hatch cover design
//   RE25 coil compression spring design (x1 integer, x3 from a table)
// Ideal and nadir points: reproblems' ideal_nadir_points data (as copied in
// the Pareto set learning code of Lin et al. 2022).
#include <cmath>
#include <numbers>

#include "re_common.hpp"

namespace paretokit::problems::detail {
namespace {

constexpr double pi = std::numbers::pi;

void re21(const Block& x, Block& f) {
  const double F = 10, E = 2e5, L = 200, s2 = std::sqrt(2.0);
  f.col(0) = L * ((2 * x.col(0)) + s2 * x.col(1) + x.col(2).sqrt() + x.col(3));
  f.col(1) =
      ((F * L) / E) * ((2.0 / x.col(0)) + (2.0 * s2 / x.col(1)) - (2.0 * s2 / x.col(2)) + (2.0 / x.col(3)));
}

const std::vector<double> re22_table{
    0.20, 0.31, 0.40, 0.44, 0.60, 0.62,  0.79, 0.80,  0.88,  0.93, 1.0,  1.20, 1.24, 1.32, 1.40, 1.55,
    1.58, 1.60, 1.76, 1.80, 1.86, 2.0,   2.17, 2.20,  2.37,  2.40, 2.48, 2.60, 2.64, 2.79, 2.80, 3.0,
    3.08, 3,    10,   3.16, 3.41, 3.52,  3.60, 3.72,  3.95,  3.96, 4.0,  4.03, 4.20, 4.34, 4.40, 4.65,
    4.74, 4.80, 4.84, 5.0,  5.28, 5.40,  5.53, 5.72,  6.0,   6.16, 6.32, 6.60, 7.11, 7.20, 7.80, 7.90,
    8.0,  8.40, 8.69, 9.0,  9.48, 10.27, 11.0, 11.06, 11.85, 12.0, 13.0, 14.0, 15.0};

void re22(const Block& x, Block& f) {
  const Column x1 = nearest_of(x.col(0), re22_table);
  const auto x2 = x.col(1);
  const auto x3 = x.col(2);
  f.col(0) = (29.4 * x1) + (0.6 * x2 * x3);
  const Column g0 = (x1 * x3) - 7.735 * ((x1 * x1) / x2) - 180.0;
  const Column g1 = 4.0 - (x3 / x2);
  f.col(1) = violation(g0) + violation(g1);
}

void re23(const Block& x, Block& f) {
  const Column x1 = 0.0625 * round_of(x.col(0));
  const Column x2 = 0.0625 * round_of(x.col(1));
  const auto x3 = x.col(2);
  const auto x4 = x.col(3);
  f.col(0) =
      (0.6224 * x1 * x3 * x4) + (1.7781 * x2 * x3 * x3) + (3.1661 * x1 * x1 * x4) + (19.84 * x1 * x1 * x3);
  const Column g0 = x1 - (0.0193 * x3);
  const Column g1 = x2 - (0.00954 * x3);
  const Column g2 = (pi * x3 * x3 * x4) + ((4.0 / 3.0) * (pi * x3 * x3 * x3)) - 1296000;
  f.col(1) = violation(g0) + violation(g1) + violation(g2);
}

void re24(const Block& x, Block& f) {
  const auto x1 = x.col(0);
  const auto x2 = x.col(1);
  f.col(0) = x1 + (120 * x2);
  const double E = 700000, sigma_b_max = 700, tau_max = 450, delta_max = 1.5;
  const Column sigma_k = (E * x1 * x1) / 100;
  const Column sigma_b = 4500 / (x1 * x2);
  const Column tau = 1800 / x2;
  const Column delta = (56.2 * 10000) / (E * x1 * x2 * x2);
  f.col(1) = violation(1 - (sigma_b / sigma_b_max)) + violation(1 - (tau / tau_max)) +
             violation(1 - (delta / delta_max)) + violation(1 - (sigma_b / sigma_k));
}

const std::vector<double> re25_table{
    0.009, 0.0095, 0.0104, 0.0118, 0.0128, 0.0132, 0.014, 0.015, 0.0162, 0.0173, 0.018, 0.02,  0.023,  0.025,
    0.028, 0.032,  0.035,  0.041,  0.047,  0.054,  0.063, 0.072, 0.08,   0.092,  0.105, 0.12,  0.135,  0.148,
    0.162, 0.177,  0.192,  0.207,  0.225,  0.244,  0.263, 0.283, 0.307,  0.331,  0.362, 0.394, 0.4375, 0.5};

void re25(const Block& x, Block& f) {
  const Column x1 = round_of(x.col(0));
  const auto x2 = x.col(1);
  const Column x3 = nearest_of(x.col(2), re25_table);
  f.col(0) = (pi * pi * x2 * x3 * x3 * (x1 + 2)) / 4.0;
  const Column Cf = ((4.0 * (x2 / x3) - 1) / (4.0 * (x2 / x3) - 4)) + (0.615 * x3 / x2);
  const double Fmax = 1000.0, S = 189000.0, G = 11.5e6, lmax = 14.0, Fp = 300.0, sigmaPM = 6, sigmaW = 1.25;
  const Column K = (G * x3 * x3 * x3 * x3) / (8 * x1 * x2 * x2 * x2);
  const Column lf = (Fmax / K) + 1.05 * (x1 + 2) * x3;
  const Column sigmaP = Fp / K;
  f.col(1) = violation(-((8 * Cf * Fmax * x2) / (pi * x3 * x3 * x3)) + S) + violation(-lf + lmax) +
             violation(-3 + (x2 / x3)) + violation(-sigmaP + sigmaPM) +
             violation(-sigmaP - ((Fmax - Fp) / K) - 1.05 * (x1 + 2) * x3 + lf) +
             violation(sigmaW - ((Fmax - Fp) / K));
}

}  // namespace

std::vector<ReDefinition> re_two_objective_definitions() {
  const double s2 = std::sqrt(2.0);
  return {
      {"re21",
       "four bar truss design",
       {1, s2, s2, 1},
       {3, 3, 3, 3},
       2,
       {1237.8414230005742, 0.002761423749158419},
       {2886.3695604236013, 0.039999999999998245},
       re21},
      {"re22",
       "reinforced concrete beam design",
       {0.2, 0, 0},
       {15, 20, 40},
       2,
       {5.88, 0.0},
       {361.262944647, 180.01547},
       re22},
      {"re23",
       "pressure vessel design",
       {1, 1, 10, 10},
       {100, 100, 200, 240},
       2,
       {15.9018007813, 0.0},
       {5852.05896876, 1288669.78054},
       re23},
      {"re24",
       "hatch cover design",
       {0.5, 0.5},
       {4, 50},
       2,
       {60.5, 0.0},
       {481.608088535, 44.2819047619},
       re24},
      {"re25",
       "coil compression spring design",
       {1, 0.6, 0.09},
       {70, 3, 0.5},
       2,
       {0.037591349242869145, 0.0},
       {0.40397042546, 2224669.22419},
       re25},
  };
}

}  // namespace paretokit::problems::detail
