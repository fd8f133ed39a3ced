// Parametric online policies: a score per option from its features
// (features.hpp), the task going to the lowest score. Their weights are the
// real-valued search space of `paretokit offload --policy linear|mlp`.
//
//   linear: score_k = w . phi_k                          (8 weights)
//   mlp:    score_k = v . tanh(W phi_k + b)              (H x 8 + H + H weights)
//
// Scores are shared across options (the same weights score every option), so
// a policy works for any number of servers. The weighted greedy baselines
// are linear policies (weights only on the delay and energy estimates).
#pragma once

#include <string>
#include <vector>

#include "offloading/features.hpp"
#include "offloading/policy.hpp"

namespace paretokit::offloading {

enum class PolicyKind { linear, mlp };

inline constexpr int kMlpHidden = 8;

// Number of weights of a policy of this kind.
int parameter_count(PolicyKind kind);
PolicyKind policy_kind_from_string(const std::string& name);  // InputError on an unknown name
const char* to_string(PolicyKind kind);

class ParametricPolicy : public Policy {
 public:
  ParametricPolicy(PolicyKind kind, std::vector<double> weights, const Scenario& scenario);
  int choose(const DecisionState& state) override;
  double score(const Features& phi) const;

 private:
  PolicyKind kind_;
  std::vector<double> weights_;
  FeatureScales scales_;
};

}  // namespace paretokit::offloading
