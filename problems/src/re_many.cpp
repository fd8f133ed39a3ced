// RE41, RE42 and RE61 of the RE suite (see re_common.hpp):
//   RE41 car side impact design (4 objectives)
//   RE42 conceptual marine design (4 objectives; f3 = -annual cargo)
//   RE61 water resource planning (6 objectives)
// Ideal and nadir points: reproblems' ideal_nadir_points data
// (ideal_point_RE42.dat and nadir_point_RE42.dat for RE42).
#include <cmath>

#include "array_math.hpp"
#include "re_common.hpp"

namespace paretokit::problems::detail {
namespace {

void re41(const Block& x, Block& f) {
  const auto x1 = x.col(0);
  const auto x2 = x.col(1);
  const auto x3 = x.col(2);
  const auto x4 = x.col(3);
  const auto x5 = x.col(4);
  const auto x6 = x.col(5);
  const auto x7 = x.col(6);
  f.col(0) = 1.98 + 4.9 * x1 + 6.67 * x2 + 6.98 * x3 + 4.01 * x4 + 1.78 * x5 + 0.00001 * x6 + 2.73 * x7;
  f.col(1) = 4.72 - 0.5 * x4 - 0.19 * x2 * x3;
  const Column Vmbp = 10.58 - 0.674 * x1 * x2 - 0.67275 * x2;
  const Column Vfd = 16.45 - 0.489 * x3 * x7 - 0.843 * x5 * x6;
  f.col(2) = 0.5 * (Vmbp + Vfd);
  Column total = violation(1 - (1.16 - 0.3717 * x2 * x4 - 0.0092928 * x3));
  total += violation(
      0.32 - (0.261 - 0.0159 * x1 * x2 - 0.06486 * x1 - 0.019 * x2 * x7 + 0.0144 * x3 * x5 + 0.0154464 * x6));
  total += violation(0.32 -
                     (0.214 + 0.00817 * x5 - 0.045195 * x1 - 0.0135168 * x1 + 0.03099 * x2 * x6 -
                      0.018 * x2 * x7 + 0.007176 * x3 + 0.023232 * x3 - 0.00364 * x5 * x6 - 0.018 * x2 * x2));
  total += violation(0.32 - (0.74 - 0.61 * x2 - 0.031296 * x3 - 0.031872 * x7 + 0.227 * x2 * x2));
  total += violation(32 - (28.98 + 3.818 * x3 - 4.2 * x1 * x2 + 1.27296 * x6 - 2.68065 * x7));
  total += violation(32 - (33.86 + 2.95 * x3 - 5.057 * x1 * x2 - 3.795 * x2 - 3.4431 * x7 + 1.45728));
  total += violation(32 - (46.36 - 9.9 * x2 - 4.4505 * x1));
  total += violation(4 - f.col(1));
  total += violation(9.9 - Vmbp);
  total += violation(15.7 - Vfd);
  f.col(3) = total;
}

void re42(const Block& x, Block& f) {
  const auto L = x.col(0);
  const auto B = x.col(1);
  const auto D = x.col(2);
  const auto T = x.col(3);
  const auto Vk = x.col(4);
  const auto CB = x.col(5);
  const Column displacement = 1.025 * L * B * T * CB;
  const Column V = 0.5144 * Vk;
  const double g = 9.8065;
  const Column Fn = V / pow_of(g * L, 0.5);
  const Column a = (4977.06 * CB * CB) - (8105.61 * CB) + 4456.51;
  const Column b = (-10847.2 * CB * CB) + (12817.0 * CB) - 6960.32;
  const Column power = (pow_of(displacement, 2.0 / 3.0) * pow_of(Vk, 3.0)) / (a + (b * Fn));
  const Column outfit_weight = 1.0 * pow_of(L, 0.8) * pow_of(B, 0.6) * pow_of(D, 0.3) * pow_of(CB, 0.1);
  const Column steel_weight = 0.034 * pow_of(L, 1.7) * pow_of(B, 0.7) * pow_of(D, 0.4) * pow_of(CB, 0.5);
  const Column machinery_weight = 0.17 * pow_of(power, 0.9);
  const Column light_ship_weight = steel_weight + outfit_weight + machinery_weight;
  const Column ship_cost = 1.3 * ((2000.0 * pow_of(steel_weight, 0.85)) + (3500.0 * outfit_weight) +
                                  (2400.0 * pow_of(power, 0.8)));
  const Column capital_costs = 0.2 * ship_cost;
  const Column DWT = displacement - light_ship_weight;
  const Column running_costs = 40000.0 * pow_of(DWT, 0.3);
  const double round_trip_miles = 5000.0, handling_rate = 8000.0, fuel_price = 100.0;
  const Column sea_days = (round_trip_miles / 24.0) * Vk;
  const Column daily_consumption = ((0.19 * power * 24.0) / 1000.0) + 0.2;
  const Column fuel_cost = 1.05 * daily_consumption * sea_days * fuel_price;
  const Column port_cost = 6.3 * pow_of(DWT, 0.8);
  const Column fuel_carried = daily_consumption * (sea_days + 5.0);
  const Column miscellaneous_DWT = 2.0 * pow_of(DWT, 0.5);
  const Column cargo_DWT = DWT - fuel_carried - miscellaneous_DWT;
  const Column port_days = 2.0 * ((cargo_DWT / handling_rate) + 0.5);
  const Column RTPA = 350.0 / (sea_days + port_days);
  const Column voyage_costs = (fuel_cost + port_cost) * RTPA;
  const Column annual_costs = capital_costs + running_costs + voyage_costs;
  const Column annual_cargo = cargo_DWT * RTPA;
  f.col(0) = annual_costs / annual_cargo;
  f.col(1) = light_ship_weight;
  f.col(2) = -annual_cargo;
  const Column KB = 0.53 * T;
  const Column BMT = ((0.085 * CB - 0.002) * B * B) / (T * CB);
  const Column KG = 1.0 + 0.52 * D;
  Column total = violation((L / B) - 6.0);
  total += violation(-(L / D) + 15.0);
  total += violation(-(L / T) + 19.0);
  total += violation(0.45 * pow_of(DWT, 0.31) - T);
  total += violation(0.7 * D + 0.7 - T);
  total += violation(50000.0 - DWT);
  total += violation(DWT - 3000.0);
  total += violation(0.32 - Fn);
  total += violation((KB + BMT - KG) - (0.07 * B));
  f.col(3) = total;
}

void re61(const Block& x, Block& f) {
  const auto x1 = x.col(0);
  const auto x2 = x.col(1);
  const auto x3 = x.col(2);
  f.col(0) = 106780.37 * (x2 + x3) + 61704.67;
  f.col(1) = 3000 * x1;
  f.col(2) = 305700 * 2289 * x2 / std::pow(0.06 * 2289, 0.65);
  f.col(3) = 250 * 2289 * exp_of(-39.75 * x2 + 9.9 * x3 + 2.74);
  const Column product = x1 * x2;
  f.col(4) = 25 * (1.39 / product + 4940 * x3 - 80);
  Column total = violation(1 - (0.00139 / product + 4.94 * x3 - 0.08));
  total += violation(1 - (0.000306 / product + 1.082 * x3 - 0.0986));
  total += violation(50000 - (12.307 / product + 49408.24 * x3 + 4051.02));
  total += violation(16000 - (2.098 / product + 8046.33 * x3 - 696.71));
  total += violation(10000 - (2.138 / product + 7883.39 * x3 - 705.04));
  total += violation(2000 - (0.417 * product + 1721.26 * x3 - 136.54));
  total += violation(550 - (0.164 / product + 631.13 * x3 - 54.48));
  f.col(5) = total;
}

}  // namespace

std::vector<ReDefinition> re_many_objective_definitions() {
  return {
      {"re41",
       "car side impact design",
       {0.5, 0.45, 0.5, 0.5, 0.875, 0.4, 0.4},
       {1.5, 1.35, 1.5, 1.5, 2.625, 1.2, 1.2},
       4,
       {15.576004, 3.58525, 10.61064375, 0.0},
       {39.2905121788, 4.42725, 13.09138125, 9.49401929991},
       re41},
      {"re42",
       "conceptual marine design",
       {150.0, 20.0, 13.0, 10.0, 14.0, 0.63},
       {274.32, 32.31, 25.0, 11.71, 18.0, 0.75},
       4,
       {-2756.2590400638524, 3962.557843228888, 1947.880856925791, 0.0},
       {-1010.5229595219643, 13827.138456300128, 2611.9668107424536, 12.437669929732023},
       re42},
      {"re61",
       "water resource planning",
       {0.01, 0.01, 0.01},
       {0.45, 0.10, 0.10},
       6,
       {63840.2774, 30.0, 285346.896494, 183749.967061, 7.22222222222, 0.0},
       {80896.9128355, 1350.0, 2853468.96494, 7076861.67064, 87748.6339553, 2.50994535821},
       re61},
  };
}

}  // namespace paretokit::problems::detail
