// A trace: the tasks of one episode (arrival time, owner, size) and the
// uplink of each task's owner to every server, drawn from a seed.
//
// Arrivals are a Poisson process per user (exponential gaps of mean
// 1 / arrival_rate_per_s over the episode); sizes are exponential of mean
// size_mean_bits clipped to [size_min_bits, size_max_bits], as GMORL's
// simulator. Distances are uniform per user and server, shadowing is
// log-normal per user and server (a fixed loss when its std is 0), and the
// Rayleigh power gain is drawn per user and server once per episode or anew
// for every task (radio.fading_redraw). Channel, arrivals and per-task
// fading use separate streams of the seed, so changing one part of the
// scenario does not reshuffle the others.
#pragma once

#include <cstdint>
#include <vector>

#include "offloading/scenario.hpp"

namespace paretokit::offloading {

struct Task {
  double arrival_s = 0;
  int user = 0;
  double size_bits = 0;
};

struct Trace {
  std::vector<Task> tasks;         // by arrival time
  int n_servers = 0;               // edges then the cloud
  std::vector<double> distance_m;  // users x n_servers
  std::vector<double>
      user_gain;             // users x n_servers: the episode's channel power gain (fading drawn per episode)
  std::vector<double> gain;  // tasks x n_servers: owner's channel power gain at arrival
  std::vector<double> rate;  // tasks x n_servers: owner's uplink rate (bit/s) at arrival

  double gain_of(std::size_t task, int server) const { return gain[task * n_servers + server]; }
  double rate_of(std::size_t task, int server) const { return rate[task * n_servers + server]; }
  double distance_of(int user, int server) const {
    return distance_m[static_cast<std::size_t>(user) * n_servers + server];
  }
};

Trace generate_trace(const Scenario& scenario, std::uint64_t seed);

}  // namespace paretokit::offloading
