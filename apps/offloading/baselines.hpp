// The baselines of issue 16: all local, all on the nearest or the least
// loaded edge server, all in the cloud, uniformly random, greedy per task by
// the estimated delay or energy, and greedy by weighted sums of the two
// (normalized, see features.hpp) swept over weights.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "offloading/policy.hpp"

namespace paretokit::offloading {

class FixedOptionPolicy : public Policy {  // always one option (0 local, E+1 cloud)
 public:
  explicit FixedOptionPolicy(int option) : option_(option) {}
  int choose(const DecisionState&) override { return option_; }

 private:
  int option_;
};

class NearestEdgePolicy : public Policy {
 public:
  int choose(const DecisionState& state) override;
};

// Fewest tasks queued or running; ties to the nearest.
class LeastLoadedEdgePolicy : public Policy {
 public:
  int choose(const DecisionState& state) override;
};

class RandomPolicy : public Policy {
 public:
  void reset(std::uint64_t episode_seed) override;
  int choose(const DecisionState& state) override;

 private:
  std::uint64_t state_ = 0;
};

// Minimizes w * delay / delay_scale + (1 - w) * energy / energy_scale of the
// task's own estimates; w = 1 is greedy by delay, w = 0 by energy.
class GreedyPolicy : public Policy {
 public:
  GreedyPolicy(double delay_weight, double delay_scale, double energy_scale);
  int choose(const DecisionState& state) override;

 private:
  double delay_coefficient_, energy_coefficient_;
};

struct Baseline {
  std::string name;   // e.g. "greedy-w0.30"
  std::string group;  // the set it belongs to ("greedy-weighted"), or its name
  std::function<std::unique_ptr<Policy>()> make;
};

// Every baseline, the weighted greedy ones for w = 0.1, 0.2, ..., 0.9.
std::vector<Baseline> standard_baselines(const Scenario& scenario);

}  // namespace paretokit::offloading
