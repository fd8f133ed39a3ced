// The features a parametric policy scores each option by, normalized so
// that O(1) weights matter: per option k,
//   [is local, is edge, is cloud, queue length / 5,
//    (channel gain in dB + 120) / 20 (0 for local), task size / mean size,
//    estimated delay / delay scale, estimated energy / energy scale]
// with the scales those of an average task run locally (C s_mean / f_local
// and kappa f_local^2 C s_mean).
#pragma once

#include <array>

#include "offloading/policy.hpp"

namespace paretokit::offloading {

inline constexpr int kFeatureCount = 8;
using Features = std::array<double, kFeatureCount>;

struct FeatureScales {
  explicit FeatureScales(const Scenario& scenario);
  double delay_s, energy_j, size_bits;
};

void option_features(const DecisionState& state, int option, const FeatureScales& scales, Features& out);

}  // namespace paretokit::offloading
