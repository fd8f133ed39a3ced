#include "offloading/baselines.hpp"

#include <cstdio>
#include <limits>

#include "offloading/features.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit::offloading {

int NearestEdgePolicy::choose(const DecisionState& state) {
  const int cloud = state.n_options() - 1;
  int best = 1;
  for (int k = 2; k < cloud; ++k) {
    if (state.distance_m[static_cast<std::size_t>(k)] < state.distance_m[static_cast<std::size_t>(best)])
      best = k;
  }
  return best;
}

int LeastLoadedEdgePolicy::choose(const DecisionState& state) {
  const int cloud = state.n_options() - 1;
  int best = 1;
  for (int k = 2; k < cloud; ++k) {
    const auto a = static_cast<std::size_t>(k), b = static_cast<std::size_t>(best);
    if (state.queue_length[a] < state.queue_length[b] ||
        (state.queue_length[a] == state.queue_length[b] && state.distance_m[a] < state.distance_m[b])) {
      best = k;
    }
  }
  return best;
}

void RandomPolicy::reset(std::uint64_t episode_seed) { state_ = episode_seed; }

int RandomPolicy::choose(const DecisionState& state) {
  // A stream per task, so the choice does not depend on earlier decisions.
  Rng rng = Rng::stream(state_ ^ 0x6f66666c6f6164ULL, state.task_index);
  return static_cast<int>(rng.below(static_cast<std::uint64_t>(state.n_options())));
}

GreedyPolicy::GreedyPolicy(double delay_weight, double delay_scale, double energy_scale)
    : delay_coefficient_(delay_weight / delay_scale),
      energy_coefficient_((1.0 - delay_weight) / energy_scale) {}

int GreedyPolicy::choose(const DecisionState& state) {
  int best = 0;
  double best_cost = std::numeric_limits<double>::infinity();
  for (int k = 0; k < state.n_options(); ++k) {
    const auto j = static_cast<std::size_t>(k);
    // Ties go to the lower index (local first).
    const double cost =
        delay_coefficient_ * state.estimated_delay_s[j] + energy_coefficient_ * state.estimated_energy_j[j];
    if (cost < best_cost) {
      best = k;
      best_cost = cost;
    }
  }
  return best;
}

std::vector<Baseline> standard_baselines(const Scenario& scenario) {
  const FeatureScales scales(scenario);
  const int cloud = scenario.n_options() - 1;
  std::vector<Baseline> baselines{
      {"all-local", "all-local", [] { return std::make_unique<FixedOptionPolicy>(0); }},
      {"edge-nearest", "edge-nearest", [] { return std::make_unique<NearestEdgePolicy>(); }},
      {"edge-least-loaded", "edge-least-loaded", [] { return std::make_unique<LeastLoadedEdgePolicy>(); }},
      {"all-cloud", "all-cloud", [cloud] { return std::make_unique<FixedOptionPolicy>(cloud); }},
      {"random", "random", [] { return std::make_unique<RandomPolicy>(); }},
      {"greedy-delay", "greedy-delay",
       [scales] { return std::make_unique<GreedyPolicy>(1.0, scales.delay_s, scales.energy_j); }},
      {"greedy-energy", "greedy-energy",
       [scales] { return std::make_unique<GreedyPolicy>(0.0, scales.delay_s, scales.energy_j); }},
  };
  for (int i = 1; i <= 9; ++i) {
    const double w = i / 10.0;
    char name[32];
    std::snprintf(name, sizeof name, "greedy-w%.1f", w);
    baselines.push_back({name, "greedy-weighted", [scales, w] {
                           return std::make_unique<GreedyPolicy>(w, scales.delay_s, scales.energy_j);
                         }});
  }
  return baselines;
}

}  // namespace paretokit::offloading
