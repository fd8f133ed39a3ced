// Gaussian-process regression with a Matern 5/2 ARD kernel (Rasmussen and
// Williams 2006, sections 2.2, 4.2 and 5.4), for surrogate-based optimization.
//
//   k(x, x') = s2 (1 + sqrt5 r + 5/3 r^2) exp(-sqrt5 r),  r^2 = sum_d (x_d - x'_d)^2 / l_d^2
//
// Inputs are expected in the unit cube (a SearchSpace's encoding), so that the
// length-scale bounds mean the same thing on every problem; outputs are
// standardized inside (mean 0, standard deviation 1) and predictions come back
// in the original units. Hyperparameters (log length scales, log signal
// variance, log noise variance) maximize the log marginal likelihood with
// LBFGS-B (LBFGS++) from several starts, with analytic gradients and box
// bounds that keep the fit from degenerating (a length scale of 0 or infinity,
// a noise that explains everything). Cholesky by Eigen's LLT; when K is not
// numerically positive definite a growing jitter is added to its diagonal
// and reported.
//
// Cost: a fit is O(starts * iterations * (n^3 + n^2 d)); a prediction of q
// points O(q n (n + d)), with gradients O(q n d) more.
#pragma once

#include <optional>

#include <Eigen/Cholesky>
#include <nlohmann/json.hpp>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit {

struct GaussianProcessOptions {
  int n_starts = 5;                // LBFGS-B starts: the previous/default point, then random ones
  int max_iterations = 200;        // per start
  double min_length_scale = 1e-2;  // in unit-cube units
  double max_length_scale = 1e2;
  double min_signal_variance = 5e-2;  // of the standardized outputs
  double max_signal_variance = 2e1;
  double min_noise_variance = 1e-6;  // of the standardized outputs
  double max_noise_variance = 1e-1;
  // Gamma(shape, rate) prior on every length scale, maximized with the
  // likelihood (MAP), as BoTorch's classic default Gamma(3, 6) (mode 1/3):
  // without it a fit on ~100 points in many dimensions readily switches
  // relevant dimensions off (length scale at the upper bound) and explains
  // the data by one short length scale. shape 0: no prior.
  double length_scale_prior_shape = 3.0;
  // false: fit the raw outputs under a zero prior mean, no centring or
  // scaling (scikit-learn's normalize_y = False, the GP of the PSL-MOBO and
  // SVH-PSL code on ZDT's raw objectives): away from the data the mean falls
  // back to 0, an optimistic guess for positive objectives minimized.
  bool center_outputs = true;
  double length_scale_prior_rate = 6.0;
};

// The hyperparameters, in natural units.
struct GaussianProcessHyperparameters {
  Vector length_scales;  // d
  double signal_variance = 1.0;
  double noise_variance = 1e-4;
};

// What one fit did.
struct GaussianProcessFitReport {
  double log_marginal_likelihood = 0;  // of the standardized outputs, at the chosen hyperparameters
  double jitter = 0;                   // added to K's diagonal to factor it (0: none needed)
  int starts_failed = 0;               // starts whose line search gave up (the best point so far kept)
};

// Posterior of the latent function at q query points (original output units).
struct GaussianProcessPrediction {
  Vector mean;       // q
  Vector std;        // q, of the latent function (noise excluded)
  Matrix mean_grad;  // q x d, d mean / d x (empty unless asked)
  Matrix std_grad;   // q x d, d std / d x (empty unless asked)
};

class GaussianProcess {
 public:
  // Fits to X (n x d) and y (n, finite); the starts beyond the first two draw
  // from rng. `warm_start` (e.g. the previous fit's hyperparameters) is the
  // first start when given. Throws InputError on empty or non-finite data.
  GaussianProcessFitReport fit(
      const MatrixRef& X, const VectorRef& y, Rng& rng, const GaussianProcessOptions& options = {},
      const std::optional<GaussianProcessHyperparameters>& warm_start = std::nullopt);
  // Conditions on X, y with the given hyperparameters, without optimizing.
  GaussianProcessFitReport condition(const MatrixRef& X, const VectorRef& y,
                                     const GaussianProcessHyperparameters& hyperparameters);

  GaussianProcessPrediction predict(const MatrixRef& Xq, bool with_gradients = false) const;

  const GaussianProcessHyperparameters& hyperparameters() const { return hyper_; }
  bool fitted() const { return X_.rows() > 0; }
  Index n_var() const { return X_.cols(); }

  // Kernel matrix k(A, B) under hyperparameters h (|A| x |B|).
  static Matrix kernel(const MatrixRef& A, const MatrixRef& B, const GaussianProcessHyperparameters& h);
  // Log marginal likelihood of standardized outputs y at log-parameters
  // theta = [log l_1..d, log s2, log noise] and its gradient w.r.t. theta.
  // Returns -infinity when K cannot be factored even with jitter.
  static double log_marginal_likelihood(const MatrixRef& X, const VectorRef& y, const Vector& theta,
                                        Vector* gradient);
  // The log marginal likelihood plus the log length-scale prior of `options`
  // (up to a constant), what fit() maximizes; gradient w.r.t. theta.
  static double log_posterior(const MatrixRef& X, const VectorRef& y, const Vector& theta, Vector* gradient,
                              const GaussianProcessOptions& options);

 private:
  Matrix X_;
  bool center_ = true;  // options.center_outputs of the last fit()
  double y_mean_ = 0, y_scale_ = 1;
  GaussianProcessHyperparameters hyper_;
  Eigen::LLT<Eigen::MatrixXd> llt_;
  Vector alpha_;  // K^-1 y (standardized)
};

nlohmann::json to_json(const GaussianProcessHyperparameters& h);
GaussianProcessHyperparameters hyperparameters_from_json(const nlohmann::json& json,
                                                         const std::string& field);

}  // namespace paretokit
