// The Problems `paretokit offload` searches (objectives minimized: mean
// delay per task in seconds, mean energy per task in joules, and optionally
// the deadline-miss rate), and the evaluation of baselines on the same
// episodes so that every candidate and baseline meets the same tasks.
//
//   OffloadPolicyProblem     weights of a linear or MLP policy (real), each
//                            evaluated by simulating one episode per seed;
//                            objectives pooled over all their tasks.
//   StaticAssignmentProblem  one categorical per task of one trace (local,
//                            edge1..edgeE, cloud).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "offloading/baselines.hpp"
#include "offloading/parametric_policy.hpp"
#include "offloading/scenario.hpp"
#include "offloading/simulator.hpp"
#include "offloading/trace.hpp"
#include "paretokit/core/problem.hpp"

namespace paretokit::offloading {

// A set of episodes: one trace per seed.
struct Episodes {
  Episodes(const Scenario& scenario, std::vector<std::uint64_t> seeds);
  Scenario scenario;
  std::vector<std::uint64_t> seeds;
  std::vector<Trace> traces;
};

// Runs the policy on every episode and pools the metrics.
EpisodeMetrics evaluate_policy(const Episodes& episodes, Policy& policy);
// (mean delay, mean energy[, deadline-miss rate]).
RowVector objectives_of(const EpisodeMetrics& metrics, bool deadline_objective);

class OffloadPolicyProblem : public Problem {
 public:
  OffloadPolicyProblem(Episodes episodes, PolicyKind kind, bool deadline_objective = false,
                       double weight_bound = 1.0);

  std::string name() const override { return std::string("offload-") + to_string(kind_); }
  Index n_var() const override { return parameter_count(kind_); }
  Index n_obj() const override { return deadline_objective_ ? 3 : 2; }
  Vector lower_bounds() const override { return Vector::Constant(n_var(), -weight_bound_); }
  Vector upper_bounds() const override { return Vector::Constant(n_var(), weight_bound_); }
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const override;
  nlohmann::json params() const override;

  const Episodes& episodes() const { return episodes_; }

 private:
  Episodes episodes_;
  PolicyKind kind_;
  bool deadline_objective_;
  double weight_bound_;
};

class StaticAssignmentProblem : public Problem {
 public:
  // The trace of episodes.seeds[0] (InputError when it has no task).
  StaticAssignmentProblem(Episodes episodes, bool deadline_objective = false);

  std::string name() const override { return "offload-static"; }
  Index n_var() const override { return static_cast<Index>(episodes_.traces.front().tasks.size()); }
  Index n_obj() const override { return deadline_objective_ ? 3 : 2; }
  Vector lower_bounds() const override { return space_.lower_bounds(); }
  Vector upper_bounds() const override { return space_.upper_bounds(); }
  std::optional<SearchSpace> search_space() const override { return space_; }
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const override;
  nlohmann::json params() const override;

  const Episodes& episodes() const { return episodes_; }

 private:
  Episodes episodes_;
  bool deadline_objective_;
  SearchSpace space_;
};

// Replays fixed decisions, one per task of the trace.
class DecisionListPolicy : public Policy {
 public:
  explicit DecisionListPolicy(std::vector<int> options) : options_(std::move(options)) {}
  int choose(const DecisionState& state) override { return options_.at(state.task_index); }

 private:
  std::vector<int> options_;
};

struct BaselineResult {
  std::string name, group;
  RowVector objectives;
  EpisodeMetrics metrics;
};
std::vector<BaselineResult> evaluate_baselines(const Episodes& episodes, bool deadline_objective);

}  // namespace paretokit::offloading
