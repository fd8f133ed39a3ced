#include "offloading/problems.hpp"

#include <cmath>

#include "paretokit/core/error.hpp"

namespace paretokit::offloading {

Episodes::Episodes(const Scenario& scenario_, std::vector<std::uint64_t> seeds_)
    : scenario(scenario_), seeds(std::move(seeds_)) {
  if (seeds.empty())
    throw InputError("at least one episode seed is needed", Location::of_field("--episodes"));
  traces.reserve(seeds.size());
  for (const std::uint64_t seed : seeds) traces.push_back(generate_trace(scenario, seed));
}

EpisodeMetrics evaluate_policy(const Episodes& episodes, Policy& policy) {
  EpisodeMetrics total;
  for (std::size_t e = 0; e < episodes.traces.size(); ++e) {
    total += simulate(episodes.scenario, episodes.traces[e], policy, episodes.seeds[e]);
  }
  return total;
}

RowVector objectives_of(const EpisodeMetrics& metrics, bool deadline_objective) {
  RowVector f(deadline_objective ? 3 : 2);
  f(0) = metrics.mean_delay_s();
  f(1) = metrics.mean_energy_j();
  if (deadline_objective) f(2) = metrics.deadline_miss_rate();
  return f;
}

OffloadPolicyProblem::OffloadPolicyProblem(Episodes episodes, PolicyKind kind, bool deadline_objective,
                                           double weight_bound)
    : episodes_(std::move(episodes)),
      kind_(kind),
      deadline_objective_(deadline_objective),
      weight_bound_(weight_bound) {}

void OffloadPolicyProblem::evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut /*G*/) const {
  for (Index i = 0; i < X.rows(); ++i) {
    if (!X.row(i).allFinite()) throw InputError("policy weights must be finite");
    std::vector<double> weights(static_cast<std::size_t>(X.cols()));
    for (Index j = 0; j < X.cols(); ++j) weights[static_cast<std::size_t>(j)] = X(i, j);
    ParametricPolicy policy(kind_, std::move(weights), episodes_.scenario);
    F.row(i) = objectives_of(evaluate_policy(episodes_, policy), deadline_objective_);
  }
}

nlohmann::json OffloadPolicyProblem::params() const {
  return {{"policy", to_string(kind_)},
          {"scenario", episodes_.scenario.name},
          {"episode_seeds", episodes_.seeds},
          {"deadline_objective", deadline_objective_},
          {"weight_bound", weight_bound_}};
}

StaticAssignmentProblem::StaticAssignmentProblem(Episodes episodes, bool deadline_objective)
    : episodes_(std::move(episodes)), deadline_objective_(deadline_objective) {
  const auto& tasks = episodes_.traces.front().tasks;
  if (tasks.empty()) throw InputError("the trace of the first episode has no task: nothing to assign");
  std::vector<nlohmann::json> choices;
  for (const auto& name : option_names(episodes_.scenario)) choices.emplace_back(name);
  for (std::size_t i = 0; i < tasks.size(); ++i) space_.add_categorical("task" + std::to_string(i), choices);
}

void StaticAssignmentProblem::evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut /*G*/) const {
  const int n_options = episodes_.scenario.n_options();
  const Trace& trace = episodes_.traces.front();
  for (Index i = 0; i < X.rows(); ++i) {
    std::vector<int> options(static_cast<std::size_t>(X.cols()));
    for (Index j = 0; j < X.cols(); ++j) {
      const double v = std::round(X(i, j));
      if (!(v >= 0 && v < n_options)) throw InputError("task " + std::to_string(j) + ": option out of range");
      options[static_cast<std::size_t>(j)] = static_cast<int>(v);
    }
    DecisionListPolicy policy(std::move(options));
    F.row(i) = objectives_of(simulate(episodes_.scenario, trace, policy, episodes_.seeds.front()),
                             deadline_objective_);
  }
}

nlohmann::json StaticAssignmentProblem::params() const {
  return {{"policy", "static"},
          {"scenario", episodes_.scenario.name},
          {"episode_seed", episodes_.seeds.front()},
          {"deadline_objective", deadline_objective_}};
}

std::vector<BaselineResult> evaluate_baselines(const Episodes& episodes, bool deadline_objective) {
  std::vector<BaselineResult> results;
  for (const Baseline& baseline : standard_baselines(episodes.scenario)) {
    auto policy = baseline.make();
    const EpisodeMetrics metrics = evaluate_policy(episodes, *policy);
    results.push_back({baseline.name, baseline.group, objectives_of(metrics, deadline_objective), metrics});
  }
  return results;
}

}  // namespace paretokit::offloading
