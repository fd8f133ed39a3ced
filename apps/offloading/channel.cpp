#include "offloading/channel.hpp"

#include <cmath>

namespace paretokit::offloading {

double noise_power_w(const Radio& radio, const Link& link) {
  return std::pow(10.0, (radio.noise_density_dbm_per_hz - 30.0) / 10.0) * link.bandwidth_hz;
}

double large_scale_gain(const Radio& radio, double distance_m, double shadowing_db) {
  const double path_loss_db =
      radio.path_loss_db_at_1km + radio.path_loss_db_per_decade * std::log10(distance_m / 1000.0);
  return std::pow(10.0, -(path_loss_db + shadowing_db) / 10.0);
}

double uplink_rate(const Radio& radio, const Link& link, double gain) {
  const double noise = noise_power_w(radio, link);
  const double snr = radio.rate_formula == RateFormula::shannon
                         ? link.transmit_power_w * gain / noise
                         : link.transmit_power_w * (gain / noise) * (gain / noise) / noise;
  // log1p keeps the precision of the kbit/s links, whose SNR is ~1e-4.
  return link.bandwidth_hz * std::log1p(snr) / std::log(2.0);
}

}  // namespace paretokit::offloading
