// ParEGO (Knowles, "ParEGO: A Hybrid Algorithm With On-Line Landscape
// Approximation for Expensive Multiobjective Optimization Problems", IEEE
// TEVC 2006), the baseline beside Pareto set learning: each point of a batch
// draws a weight vector lambda (flat Dirichlet), scalarizes the objectives
// normalized to [0, 1] over the evaluated points by the augmented Tchebycheff
// function max_j lambda_j f_j + 0.05 sum_j lambda_j f_j, fits the module's
// Gaussian process to it, and takes the maximizer of expected improvement:
// the best of n_candidates uniform points and Gaussian perturbations of the
// best observed ones, polished by LBFGS-B on the analytic EI gradient.
// Defaults: 10 initial points (Latin hypercube; Knowles uses 11d - 1), batches of 5.
#pragma once

#include "paretokit/learning/surrogate_algorithm.hpp"

namespace paretokit {

class ParEGO : public SurrogateAlgorithm {
 public:
  struct Options {
    SurrogateOptions surrogate;
    double rho = 0.05;          // augmentation of the Tchebycheff function
    Index n_candidates = 2000;  // EI evaluated at these before the polish
  };

  explicit ParEGO(Options options);
  std::string name() const override { return "parego"; }
  nlohmann::json options() const override;
  static Options options_from_json(const nlohmann::json& params);

  // Expected improvement below `best` of a Gaussian N(mean, std^2), and its
  // derivatives w.r.t. mean and std.
  static double expected_improvement(double mean, double std, double best, double* d_mean = nullptr,
                                     double* d_std = nullptr);

 protected:
  Matrix propose(Index n) override;

 private:
  Options options_;
};

}  // namespace paretokit
