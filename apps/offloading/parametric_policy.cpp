#include "offloading/parametric_policy.hpp"

#include <cmath>
#include <limits>

#include "paretokit/core/error.hpp"

namespace paretokit::offloading {

int parameter_count(PolicyKind kind) {
  return kind == PolicyKind::linear ? kFeatureCount : kMlpHidden * kFeatureCount + 2 * kMlpHidden;
}

PolicyKind policy_kind_from_string(const std::string& name) {
  if (name == "linear") return PolicyKind::linear;
  if (name == "mlp") return PolicyKind::mlp;
  throw InputError("unknown policy '" + name + "' (linear, mlp)", Location::of_field("--policy"));
}

const char* to_string(PolicyKind kind) { return kind == PolicyKind::linear ? "linear" : "mlp"; }

ParametricPolicy::ParametricPolicy(PolicyKind kind, std::vector<double> weights, const Scenario& scenario)
    : kind_(kind), weights_(std::move(weights)), scales_(scenario) {
  if (static_cast<int>(weights_.size()) != parameter_count(kind)) {
    throw InputError(std::string(to_string(kind)) + " policy needs " + std::to_string(parameter_count(kind)) +
                     " weights, got " + std::to_string(weights_.size()));
  }
}

double ParametricPolicy::score(const Features& phi) const {
  if (kind_ == PolicyKind::linear) {
    double s = 0;
    for (int j = 0; j < kFeatureCount; ++j)
      s += weights_[static_cast<std::size_t>(j)] * phi[static_cast<std::size_t>(j)];
    return s;
  }
  // Layout: W (hidden x features, row-major), b (hidden), v (hidden).
  const double* W = weights_.data();
  const double* b = W + kMlpHidden * kFeatureCount;
  const double* v = b + kMlpHidden;
  double s = 0;
  for (int h = 0; h < kMlpHidden; ++h) {
    double a = b[h];
    for (int j = 0; j < kFeatureCount; ++j) a += W[h * kFeatureCount + j] * phi[static_cast<std::size_t>(j)];
    s += v[h] * std::tanh(a);
  }
  return s;
}

int ParametricPolicy::choose(const DecisionState& state) {
  int best = 0;
  double best_score = std::numeric_limits<double>::infinity();
  Features phi;
  for (int k = 0; k < state.n_options(); ++k) {
    option_features(state, k, scales_, phi);
    const double s = score(phi);
    if (s < best_score) {  // a NaN score never wins
      best = k;
      best_score = s;
    }
  }
  return best;
}

}  // namespace paretokit::offloading
