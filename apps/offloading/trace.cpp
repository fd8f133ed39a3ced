#include "offloading/trace.hpp"

#include <algorithm>
#include <cmath>

#include "offloading/channel.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit::offloading {

namespace {

double exponential(Rng& rng, double mean) { return -mean * std::log1p(-rng.uniform()); }

}  // namespace

Trace generate_trace(const Scenario& s, std::uint64_t seed) {
  Trace trace;
  const int n_servers = s.n_servers();
  trace.n_servers = n_servers;

  // Channel: distance, shadowing and (per-episode) fading per user and server.
  Rng channel = Rng::stream(seed, 0);
  const std::size_t links = static_cast<std::size_t>(s.users) * n_servers;
  trace.distance_m.resize(links);
  std::vector<double> large_scale(links), episode_fading(links, 1.0);
  for (int u = 0; u < s.users; ++u) {
    for (int k = 0; k < n_servers; ++k) {
      const Link& link = s.link(k);
      const std::size_t j = static_cast<std::size_t>(u) * n_servers + k;
      trace.distance_m[j] = channel.uniform(link.distance_min_m, link.distance_max_m);
      const double shadowing_db = s.radio.shadowing_mean_db + s.radio.shadowing_std_db * channel.normal();
      large_scale[j] = large_scale_gain(s.radio, trace.distance_m[j], shadowing_db);
      if (s.radio.rayleigh_fading) episode_fading[j] = exponential(channel, 1.0);
    }
  }

  trace.user_gain.resize(links);
  for (std::size_t j = 0; j < links; ++j) trace.user_gain[j] = large_scale[j] * episode_fading[j];

  // Arrivals: a Poisson process per user; sizes clipped exponential.
  Rng arrivals = Rng::stream(seed, 1);
  const double horizon = s.episode_seconds();
  for (int u = 0; u < s.users; ++u) {
    for (double t = exponential(arrivals, 1.0 / s.arrival_rate_per_s); t < horizon;
         t += exponential(arrivals, 1.0 / s.arrival_rate_per_s)) {
      const double size =
          std::clamp(exponential(arrivals, s.size_mean_bits), s.size_min_bits, s.size_max_bits);
      trace.tasks.push_back({t, u, size});
    }
  }
  std::sort(trace.tasks.begin(), trace.tasks.end(), [](const Task& a, const Task& b) {
    return a.arrival_s != b.arrival_s ? a.arrival_s < b.arrival_s : a.user < b.user;
  });

  // Each task's view of its owner's links (fading redrawn per task if asked).
  Rng task_fading = Rng::stream(seed, 2);
  trace.gain.resize(trace.tasks.size() * n_servers);
  trace.rate.resize(trace.tasks.size() * n_servers);
  for (std::size_t i = 0; i < trace.tasks.size(); ++i) {
    for (int k = 0; k < n_servers; ++k) {
      const std::size_t j = static_cast<std::size_t>(trace.tasks[i].user) * n_servers + k;
      double fading = episode_fading[j];
      if (s.radio.rayleigh_fading && s.radio.fading_redraw == FadingRedraw::task)
        fading = exponential(task_fading, 1.0);
      const double gain = large_scale[j] * fading;
      trace.gain[i * n_servers + k] = gain;
      trace.rate[i * n_servers + k] = uplink_rate(s.radio, s.link(k), gain);
    }
  }
  return trace;
}

}  // namespace paretokit::offloading
