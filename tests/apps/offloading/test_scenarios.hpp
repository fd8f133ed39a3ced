// Hand-made scenarios and traces for the offloading tests.
#pragma once

#include <string>

#include "offloading/scenario.hpp"
#include "offloading/trace.hpp"

namespace offloading_test {

using namespace paretokit::offloading;

inline std::string data_path(const std::string& name) {
  return std::string(PARETOKIT_SOURCE_DIR) + "/data/mec/" + name;
}

// One edge, the cloud, no fading, fixed shadowing.
inline Scenario plain_scenario(int users = 1) {
  Scenario s;
  s.users = users;
  s.local = {1e9, 1000, 1e-27};
  s.edges = {{2e9, 1000, 5e-31}};
  s.cloud = {4e9, 1000, 5e-31};
  s.radio.edge = {16.6e6, 0.01, 50, 500};
  s.radio.cloud = {16.6e6, 0.01, 1000, 2000};
  s.radio.rayleigh_fading = false;
  return s;
}

// A trace of the given tasks whose every link has the given rate (and
// gain 1e-10).
inline Trace fixed_rate_trace(const Scenario& s, std::vector<Task> tasks, double rate_bps) {
  Trace trace;
  trace.tasks = std::move(tasks);
  trace.n_servers = s.n_servers();
  trace.distance_m.assign(static_cast<std::size_t>(s.users * s.n_servers()), 100.0);
  trace.gain.assign(trace.tasks.size() * static_cast<std::size_t>(s.n_servers()), 1e-10);
  trace.rate.assign(trace.tasks.size() * static_cast<std::size_t>(s.n_servers()), rate_bps);
  return trace;
}

}  // namespace offloading_test
