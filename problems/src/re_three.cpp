// RE31-RE37, the three-objective problems of the RE suite (see re_common.hpp):
//   RE31 two bar truss design        RE32 welded beam design
//   RE33 disc brake design           RE34 vehicle crashworthiness design
//   RE35 speed reducer design (x3 integer)
//   RE36 gear train design (all four variables integer)
//   RE37 rocket injector design
// Ideal and nadir points: reproblems' ideal_nadir_points data.
#include <cmath>

#include "re_common.hpp"

namespace paretokit::problems::detail {
namespace {

void re31(const Block& x, Block& f) {
  const auto x1 = x.col(0);
  const auto x2 = x.col(1);
  const auto x3 = x.col(2);
  f.col(0) = x1 * (16.0 + x3 * x3).sqrt() + x2 * (1.0 + x3 * x3).sqrt();
  f.col(1) = (20.0 * (16.0 + x3 * x3).sqrt()) / (x1 * x3);
  f.col(2) = violation(0.1 - f.col(0)) + violation(100000.0 - f.col(1)) +
             violation(100000 - ((80.0 * (1.0 + x3 * x3).sqrt()) / (x3 * x2)));
}

void re32(const Block& x, Block& f) {
  const auto x1 = x.col(0);
  const auto x2 = x.col(1);
  const auto x3 = x.col(2);
  const auto x4 = x.col(3);
  const double P = 6000, L = 14, E = 30e6, G = 12e6, tauMax = 13600, sigmaMax = 30000, s2 = std::sqrt(2.0);
  f.col(0) = (1.10471 * x1 * x1 * x2) + (0.04811 * x3 * x4) * (14.0 + x2);
  f.col(1) = (4 * P * L * L * L) / (E * x4 * x3 * x3 * x3);
  const Column M = P * (L + (x2 / 2));
  const Column R = (((x2 * x2) / 4.0) + ((x1 + x3) / 2.0).square()).sqrt();
  const Column J = 2 * s2 * x1 * x2 * (((x2 * x2) / 12.0) + ((x1 + x3) / 2.0).square());
  const Column tauDashDash = (M * R) / J;
  const Column tauDash = P / (s2 * x1 * x2);
  const Column tau =
      (tauDash * tauDash + ((2 * tauDash * tauDashDash * x2) / (2 * R)) + (tauDashDash * tauDashDash)).sqrt();
  const Column sigma = (6 * P * L) / (x4 * x3 * x3);
  const Column buckling = 4.013 * E * ((x3 * x3 * x4 * x4 * x4 * x4 * x4 * x4) / 36.0).sqrt() / (L * L);
  const Column factor = (x3 / (2 * L)) * std::sqrt(E / (4 * G));
  const Column PC = buckling * (1 - factor);
  f.col(2) = violation(tauMax - tau) + violation(sigmaMax - sigma) + violation(x4 - x1) + violation(PC - P);
}

void re33(const Block& x, Block& f) {
  const auto x1 = x.col(0);
  const auto x2 = x.col(1);
  const auto x3 = x.col(2);
  const auto x4 = x.col(3);
  const Column squares = x2 * x2 - x1 * x1;
  const Column cubes = x2 * x2 * x2 - x1 * x1 * x1;
  f.col(0) = 4.9e-5 * squares * (x4 - 1.0);
  f.col(1) = (9.82e6 * squares) / (x3 * x4 * cubes);
  f.col(2) = violation((x2 - x1) - 20.0) + violation(0.4 - (x3 / (3.14 * squares))) +
             violation(1.0 - (2.22e-3 * x3 * cubes) / squares.square()) +
             violation((2.66e-2 * x3 * x4 * cubes) / squares - 900.0);
}

void re34(const Block& x, Block& f) {
  const auto x1 = x.col(0);
  const auto x2 = x.col(1);
  const auto x3 = x.col(2);
  const auto x4 = x.col(3);
  const auto x5 = x.col(4);
  f.col(0) = 1640.2823 + (2.3573285 * x1) + (2.3220035 * x2) + (4.5688768 * x3) + (7.7213633 * x4) +
             (4.4559504 * x5);
  f.col(1) = 6.5856 + (1.15 * x1) - (1.0427 * x2) + (0.9738 * x3) + (0.8364 * x4) - (0.3695 * x1 * x4) +
             (0.0861 * x1 * x5) + (0.3628 * x2 * x4) - (0.1106 * x1 * x1) - (0.3437 * x3 * x3) +
             (0.1764 * x4 * x4);
  f.col(2) = -0.0551 + (0.0181 * x1) + (0.1024 * x2) + (0.0421 * x3) - (0.0073 * x1 * x2) +
             (0.024 * x2 * x3) - (0.0118 * x2 * x4) - (0.0204 * x3 * x4) - (0.008 * x3 * x5) -
             (0.0241 * x2 * x2) + (0.0109 * x4 * x4);
}

void re35(const Block& x, Block& f) {
  const auto x1 = x.col(0);
  const auto x2 = x.col(1);
  const Column x3 = round_of(x.col(2));
  const auto x4 = x.col(3);
  const auto x5 = x.col(4);
  const auto x6 = x.col(5);
  const auto x7 = x.col(6);
  f.col(0) = 0.7854 * x1 * (x2 * x2) * (((10.0 * x3 * x3) / 3.0) + (14.933 * x3) - 43.0934) -
             1.508 * x1 * (x6 * x6 + x7 * x7) + 7.477 * (x6 * x6 * x6 + x7 * x7 * x7) +
             0.7854 * (x4 * x6 * x6 + x5 * x7 * x7);
  f.col(1) = (((745.0 * x4) / (x2 * x3)).square() + 1.69e7).sqrt() / (0.1 * x6 * x6 * x6);
  Column total = violation(-(1.0 / (x1 * x2 * x2 * x3)) + 1.0 / 27.0);
  total += violation(-(1.0 / (x1 * x2 * x2 * x3 * x3)) + 1.0 / 397.5);
  total += violation(-(x4 * x4 * x4) / (x2 * x3 * x6 * x6 * x6 * x6) + 1.0 / 1.93);
  total += violation(-(x5 * x5 * x5) / (x2 * x3 * x7 * x7 * x7 * x7) + 1.0 / 1.93);
  total += violation(-(x2 * x3) + 40.0);
  total += violation(-(x1 / x2) + 12.0);
  total += violation(-5.0 + (x1 / x2));
  total += violation(-1.9 + x4 - 1.5 * x6);
  total += violation(-1.9 + x5 - 1.1 * x7);
  total += violation(-f.col(1) + 1300.0);
  total += violation(-(((745.0 * x5) / (x2 * x3)).square() + 1.575e8).sqrt() / (0.1 * x7 * x7 * x7) + 1100.0);
  f.col(2) = total;
}

void re36(const Block& x, Block& f) {
  const Column x1 = round_of(x.col(0));
  const Column x2 = round_of(x.col(1));
  const Column x3 = round_of(x.col(2));
  const Column x4 = round_of(x.col(3));
  f.col(0) = (6.931 - ((x3 / x1) * (x4 / x2))).abs();
  f.col(1) = x1.max(x2).max(x3).max(x4);
  f.col(2) = violation(0.5 - (f.col(0) / 6.931));
}

void re37(const Block& x, Block& f) {
  const auto a = x.col(0);   // xAlpha
  const auto ha = x.col(1);  // xHA
  const auto oa = x.col(2);  // xOA
  const auto t = x.col(3);   // xOPTT
  f.col(0) = 0.692 + (0.477 * a) - (0.687 * ha) - (0.080 * oa) - (0.0650 * t) - (0.167 * a * a) -
             (0.0129 * ha * a) + (0.0796 * ha * ha) - (0.0634 * oa * a) - (0.0257 * oa * ha) +
             (0.0877 * oa * oa) - (0.0521 * t * a) + (0.00156 * t * ha) + (0.00198 * t * oa) +
             (0.0184 * t * t);
  f.col(1) = 0.153 - (0.322 * a) + (0.396 * ha) + (0.424 * oa) + (0.0226 * t) + (0.175 * a * a) +
             (0.0185 * ha * a) - (0.0701 * ha * ha) - (0.251 * oa * a) + (0.179 * oa * ha) +
             (0.0150 * oa * oa) + (0.0134 * t * a) + (0.0296 * t * ha) + (0.0752 * t * oa) + (0.0192 * t * t);
  Column f3 = 0.370 - (0.205 * a) + (0.0307 * ha) + (0.108 * oa) + (1.019 * t) - (0.135 * a * a) +
              (0.0141 * ha * a) + (0.0998 * ha * ha) + (0.208 * oa * a) - (0.0301 * oa * ha) -
              (0.226 * oa * oa) + (0.353 * t * a) - (0.0497 * t * oa) - (0.423 * t * t);
  f3 += (0.202 * ha * a * a) - (0.281 * oa * a * a) - (0.342 * ha * ha * a) - (0.245 * ha * ha * oa) +
        (0.281 * oa * oa * ha) - (0.184 * t * t * a) - (0.281 * ha * a * oa);
  f.col(2) = f3;
}

}  // namespace

std::vector<ReDefinition> re_three_objective_definitions() {
  return {
      {"re31",
       "two bar truss design",
       {0.00001, 0.00001, 1.0},
       {100.0, 100.0, 3.0},
       3,
       {5.53731918799e-05, 0.333333333333, 0.0},
       {500.002668442, 8246211.25124, 19359919.7502},
       re31},
      {"re32",
       "welded beam design",
       {0.125, 0.1, 0.1, 0.125},
       {5, 10, 10, 5},
       3,
       {0.010205496875, 0.00043904, 0.0},
       {37.7831517014, 17561.6, 425062976.628},
       re32},
      {"re33",
       "disc brake design",
       {55, 75, 1000, 11},
       {80, 110, 3000, 20},
       3,
       {-0.721525, 1.13907203907, 0.0},
       {5.3067, 3.12833430979, 25.0},
       re33},
      {"re34",
       "vehicle crashworthiness design",
       {1, 1, 1, 1, 1},
       {3, 3, 3, 3, 3},
       3,
       {1661.7078225, 6.14280000608, 0.0394},
       {1695.2002035, 10.7454, 0.26399999965},
       re34},
      {"re35",
       "speed reducer design",
       {2.6, 0.7, 17, 7.3, 7.3, 2.9, 5.0},
       {3.6, 0.8, 28, 8.3, 8.3, 3.9, 5.5},
       3,
       {2352.34611145, 694.233587469, 0.0},
       {6634.56208, 1695.96387746, 397.358927317},
       re35},
      {"re36",
       "gear train design",
       {12, 12, 12, 12},
       {60, 60, 60, 60},
       3,
       {7.89473684213e-05, 12.0, 0.0},
       {5.931, 56.0, 0.355720675227},
       re36},
      {"re37",
       "rocket injector design",
       {0, 0, 0, 0},
       {1, 1, 1, 1},
       3,
       {0.00889341391106, 0.00488, -0.431499999825},
       {0.98949120096, 0.956587924661, 0.987530948586},
       re37},
  };
}

}  // namespace paretokit::problems::detail
