// Speed of the offloading simulator (issue 16: an episode of 10 users x 100
// steps should take well under a millisecond, so that a search of 10^4
// policies runs in seconds). Times simulate() on pre-generated traces (the
// search generates its traces once) for several policies, the trace
// generation itself, and whole Problem evaluations (5 episodes per policy).
// Prints the median over repeated rounds of at least --seconds / 10 each.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "offloading/baselines.hpp"
#include "offloading/features.hpp"
#include "offloading/parametric_policy.hpp"
#include "offloading/problems.hpp"
#include "paretokit/core/rng.hpp"

using namespace paretokit;
using namespace paretokit::offloading;

namespace {

using Clock = std::chrono::steady_clock;

// Median seconds per call of `body` (which does `per_round` calls).
double median_seconds(const std::function<void()>& body, double seconds, int rounds = 10) {
  std::vector<double> per_call;
  for (int r = 0; r < rounds; ++r) {
    long calls = 0;
    const auto start = Clock::now();
    double elapsed = 0;
    do {
      body();
      ++calls;
      elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < seconds / rounds);
    per_call.push_back(elapsed / static_cast<double>(calls));
  }
  std::sort(per_call.begin(), per_call.end());
  return per_call[per_call.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::string scenario_path = std::string(PARETOKIT_SOURCE_DIR) + "/data/mec/mec-10u-1e.json";
  double seconds = 2.0;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--scenario") && i + 1 < argc) {
      scenario_path = argv[++i];
    } else if (!std::strcmp(argv[i], "--seconds") && i + 1 < argc) {
      seconds = std::stod(argv[++i]);
    } else {
      std::printf("usage: perf_offloading [--scenario FILE] [--seconds S]\n");
      return std::strcmp(argv[i], "--help") ? 2 : 0;
    }
  }
  const Scenario scenario = read_scenario(scenario_path);
  std::vector<Trace> traces;
  double tasks = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    traces.push_back(generate_trace(scenario, seed));
    tasks += static_cast<double>(traces.back().tasks.size());
  }
  std::printf("scenario %s: %d users, %zu edges, %d steps of %g s, %.1f tasks per episode (20 seeds)\n",
              scenario.name.c_str(), scenario.users, scenario.edges.size(), scenario.steps, scenario.step_s,
              tasks / 20);

  const FeatureScales scales(scenario);
  Rng rng(3);
  std::vector<double> linear_weights(static_cast<std::size_t>(parameter_count(PolicyKind::linear)));
  std::vector<double> mlp_weights(static_cast<std::size_t>(parameter_count(PolicyKind::mlp)));
  for (double& w : linear_weights) w = rng.uniform(-1, 1);
  for (double& w : mlp_weights) w = rng.uniform(-1, 1);
  struct Case {
    const char* name;
    std::unique_ptr<Policy> policy;
  };
  std::vector<Case> cases;
  cases.push_back({"all-local", std::make_unique<FixedOptionPolicy>(0)});
  cases.push_back({"greedy-w0.5", std::make_unique<GreedyPolicy>(0.5, scales.delay_s, scales.energy_j)});
  cases.push_back(
      {"linear", std::make_unique<ParametricPolicy>(PolicyKind::linear, linear_weights, scenario)});
  cases.push_back({"mlp", std::make_unique<ParametricPolicy>(PolicyKind::mlp, mlp_weights, scenario)});
  double sink = 0;
  for (auto& c : cases) {
    std::size_t next = 0;
    const double t = median_seconds(
        [&] {
          sink += simulate(scenario, traces[next], *c.policy, next).total_delay_s;
          next = (next + 1) % traces.size();
        },
        seconds);
    std::printf("simulate one episode, %-12s %9.2f us  (%.0f ns per task)\n", c.name, t * 1e6,
                t * 1e9 / (tasks / 20));
  }
  std::uint64_t seed = 100;
  const double t_trace = median_seconds(
      [&] { sink += static_cast<double>(generate_trace(scenario, seed++).tasks.size()); }, seconds);
  std::printf("generate one trace            %9.2f us\n", t_trace * 1e6);

  const OffloadPolicyProblem problem(Episodes(scenario, {1, 2, 3, 4, 5}), PolicyKind::linear);
  Matrix X(100, problem.n_var());
  for (Index i = 0; i < X.rows(); ++i) {
    for (Index j = 0; j < X.cols(); ++j) X(i, j) = rng.uniform(-1, 1);
  }
  const double t_batch = median_seconds([&] { sink += problem.evaluate(X).objectives(0, 0); }, seconds);
  std::printf("OffloadPolicyProblem (linear, 5 episodes): %.0f policies/s on one thread (%.2f s for 10^4)\n",
              100 / t_batch, 1e4 * t_batch / 100);
  return sink == 12345.678 ? 1 : 0;  // keeps the work observable
}
