#include "offloading/warm_start.hpp"

namespace paretokit::offloading {

Matrix policy_warm_start(PolicyKind kind) {
  constexpr int kWeights = 11;
  Matrix rows = Matrix::Zero(kWeights + 3, parameter_count(kind));
  // Feature columns: 0-2 the option biases, 6 delay, 7 energy (features.hpp).
  const auto set = [&](Index row, int feature, double value) {
    if (kind == PolicyKind::linear) {
      rows(row, feature) = value;
    } else {
      // W[0][feature], scaled down so that tanh rarely saturates (saturated
      // options tie, and would then differ from the greedy choice).
      rows(row, feature) = 0.1 * value;
      rows(row, kMlpHidden * kFeatureCount + kMlpHidden) = 1;  // v[0]
    }
  };
  for (int i = 0; i < kWeights; ++i) {
    const double w = i / 10.0;
    set(i, 6, w);
    set(i, 7, 1 - w);
  }
  for (int option = 0; option < 3; ++option) set(kWeights + option, option, -1);
  return rows;
}

Matrix static_warm_start(const Episodes& episodes) {
  const Trace& trace = episodes.traces.front();
  const auto baselines = standard_baselines(episodes.scenario);
  Matrix rows(static_cast<Index>(baselines.size()), static_cast<Index>(trace.tasks.size()));
  std::vector<TaskOutcome> outcomes;
  for (std::size_t b = 0; b < baselines.size(); ++b) {
    auto policy = baselines[b].make();
    simulate(episodes.scenario, trace, *policy, episodes.seeds.front(), &outcomes);
    for (std::size_t i = 0; i < outcomes.size(); ++i)
      rows(static_cast<Index>(b), static_cast<Index>(i)) = outcomes[i].option;
  }
  return rows;
}

Matrix WarmStartAlgorithm::ask() {
  Matrix X = inner_->ask();
  if (first_ && X.cols() == seeds_.cols()) {
    const Index n = std::min(X.rows(), seeds_.rows());
    X.topRows(n) = seeds_.topRows(n);
  }
  return X;
}

}  // namespace paretokit::offloading
