// The wireless uplink: path loss with distance, shadowing, Rayleigh fading
// and the achievable rate, by Shannon's formula or by GMORL's code.
//
//   PL(d) [dB] = a + b log10(d / 1 km)            (3GPP-style macro cell: 133.6 + 35 log10)
//   g = 10^(-(PL(d) + shadowing) / 10) * h         h ~ Exp(1) (Rayleigh power gain), or 1
//   shannon:  r = B log2(1 + P g / (N0 B))
//   original: r = B log2(1 + P (g / (N0 B))^2 / (N0 B))
//
// The original (env/MEC_env.py, updata_off_datarate) divides the gain by the
// noise power, squares it and divides by the noise again, so every link
// carries 0.4-1 Gbit/s; Shannon's formula gives 87 Mbit/s at 50 m and a few
// kbit/s at 2 km with the same parameters. Both are offered so that the
// original's figures can be compared (radio.rate_formula).
#pragma once

#include "offloading/scenario.hpp"

namespace paretokit::offloading {

// Noise power N0 B in watts.
double noise_power_w(const Radio& radio, const Link& link);
// Linear power gain of path loss and a shadowing loss in dB (no fading).
double large_scale_gain(const Radio& radio, double distance_m, double shadowing_db);
// Uplink rate in bit/s for the power gain g.
double uplink_rate(const Radio& radio, const Link& link, double gain);

}  // namespace paretokit::offloading
