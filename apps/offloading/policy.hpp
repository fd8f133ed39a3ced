// What an offloading policy sees when a task arrives, and the interface
// every policy (baselines, static assignments, linear and MLP policies)
// implements. Options are numbered 0 = local, 1..E = edge servers,
// E + 1 = cloud.
#pragma once

#include <cstdint>
#include <vector>

#include "offloading/scenario.hpp"
#include "offloading/trace.hpp"

namespace paretokit::offloading {

struct DecisionState {
  const Scenario* scenario = nullptr;
  const Trace* trace = nullptr;
  std::size_t task_index = 0;
  Task task;
  // Per option (local first): tasks queued or running there (local: the
  // user's own CPU; server: running plus still uploading), the owner's
  // channel power gain and uplink rate (0 for local), the distance (0 for
  // local), and the myopic estimates of this task's delay and energy if
  // placed there (see simulator.hpp).
  std::vector<int> queue_length;
  std::vector<double> gain, rate_bps, distance_m, estimated_delay_s, estimated_energy_j;

  int n_options() const { return static_cast<int>(queue_length.size()); }
};

class Policy {
 public:
  virtual ~Policy() = default;
  // Called before each episode, with the episode's seed (for random policies).
  virtual void reset(std::uint64_t /*episode_seed*/) {}
  // The option for the task in `state`.
  virtual int choose(const DecisionState& state) = 0;
};

}  // namespace paretokit::offloading
