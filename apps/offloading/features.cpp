#include "offloading/features.hpp"

#include <cmath>

namespace paretokit::offloading {

FeatureScales::FeatureScales(const Scenario& s)
    : delay_s(s.size_mean_bits * s.local.cycles_per_bit / s.local.cpu_hz),
      energy_j(std::max(
          s.size_mean_bits * s.local.cycles_per_bit * s.local.kappa * s.local.cpu_hz * s.local.cpu_hz,
          1e-300)),
      size_bits(s.size_mean_bits) {}

void option_features(const DecisionState& state, int option, const FeatureScales& scales, Features& out) {
  const auto k = static_cast<std::size_t>(option);
  const int cloud = state.n_options() - 1;
  out[0] = option == 0 ? 1.0 : 0.0;
  out[1] = option > 0 && option < cloud ? 1.0 : 0.0;
  out[2] = option == cloud ? 1.0 : 0.0;
  out[3] = state.queue_length[k] / 5.0;
  out[4] = option == 0 ? 0.0 : (10.0 * std::log10(state.gain[k]) + 120.0) / 20.0;
  out[5] = state.task.size_bits / scales.size_bits;
  out[6] = state.estimated_delay_s[k] / scales.delay_s;
  out[7] = state.estimated_energy_j[k] / scales.energy_j;
}

}  // namespace paretokit::offloading
