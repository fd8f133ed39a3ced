// The lower confidence bound mu - c sigma of each objective's GP, batched,
// with its gradient with respect to x: what PSL-MOBO and SVH-PSL train on.
#pragma once

#include <vector>

#include "paretokit/learning/gaussian_process.hpp"

namespace paretokit::detail {

struct LowerConfidenceBound {
  Matrix value;              // B x m
  std::vector<Matrix> grad;  // m matrices B x n: d value_j / d x (empty unless asked)
};

inline LowerConfidenceBound lower_confidence_bound(const std::vector<GaussianProcess>& gps,
                                                   const MatrixRef& X, double coef, bool with_gradients) {
  LowerConfidenceBound out;
  out.value.resize(X.rows(), static_cast<Index>(gps.size()));
  for (std::size_t j = 0; j < gps.size(); ++j) {
    const auto p = gps[j].predict(X, with_gradients);
    out.value.col(static_cast<Index>(j)) = p.mean - coef * p.std;
    if (with_gradients) out.grad.push_back(p.mean_grad - coef * p.std_grad);
  }
  return out;
}

}  // namespace paretokit::detail
