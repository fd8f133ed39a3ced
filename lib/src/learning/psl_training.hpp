// Training the Pareto set model on the GP surrogates: PSL-MOBO's gradient
// descent on the scalarized lower confidence bound, and SVH-PSL's Stein
// variational update over the batch of preference-conditioned solutions.
#pragma once

#include <vector>

#include "paretokit/learning/gaussian_process.hpp"
#include "paretokit/learning/set_model.hpp"

namespace paretokit::detail {

struct PslTrainingOptions {
  Index n_steps = 1000;      // Adam steps
  Index n_preferences = 10;  // preferences (particles) per step
  double learning_rate = 1e-3;
  double coef_lcb = 0.1;       // value = mu - coef_lcb * sigma
  double augmentation = 0.01;  // rho of the augmented Tchebycheff term
  // SVH-PSL only
  bool stein = false;
  double svgd_alpha = 1e-3;  // weight of the repulsive (kernel-gradient) term
  double svgd_c = 1.0;       // bandwidth factor: h = c median(d^2)^2 / log(n)
  Index n_test = 0;          // preferences of the model checkpoint selection (0: none)
};

// SVH-PSL's local kernel on the particles' LCB values (B x m): K_ik =
// exp(-(v_ij - v_kj)^2 / h_j) with j = argmax[k], and d(sum_ik K_ik)/d v.
struct SteinKernel {
  Matrix K;             // B x B
  Matrix dsum_dvalues;  // B x m
};
// h_j = c median_ik((v_ij - v_kj)^2)^2 / log B (5e-6 when the median is 0).
Vector stein_bandwidths(const MatrixRef& values, double c);
SteinKernel stein_kernel(const MatrixRef& values, const std::vector<Index>& argmax, const Vector& h);

// Trains `model` in place (standardized objectives, ideal point z).
// Returns the number of steps whose checkpoint selection kept the model.
void train_set_model(SetModel& model, const std::vector<GaussianProcess>& gps, const Vector& ideal,
                     const Matrix& front, const PslTrainingOptions& options, Rng& rng);

}  // namespace paretokit::detail
