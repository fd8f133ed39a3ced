// Matern 5/2 ARD Gaussian process; see learning/gaussian_process.hpp.
#include "paretokit/learning/gaussian_process.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include <LBFGSB.h>

#include "../algorithms/state_json.hpp"
#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

constexpr double kSqrt5 = 2.2360679774997896964;
constexpr double kLog2Pi = 1.8378770664093454836;

// Cholesky of K with the smallest jitter (0, then 1e-10 .. 1e-2 of the mean
// diagonal, x10 each time) that makes it succeed; -1 when none does.
double factor_with_jitter(Eigen::MatrixXd& K, Eigen::LLT<Eigen::MatrixXd>& llt) {
  llt.compute(K);
  if (llt.info() == Eigen::Success) return 0.0;
  const double scale = K.diagonal().mean();
  for (double relative = 1e-10; relative <= 1e-2; relative *= 10) {
    Eigen::MatrixXd jittered = K;
    jittered.diagonal().array() += relative * scale;
    llt.compute(jittered);
    if (llt.info() == Eigen::Success) {
      K = std::move(jittered);
      return relative * scale;
    }
  }
  return -1.0;
}

GaussianProcessHyperparameters from_theta(const Vector& theta) {
  const Index d = theta.size() - 2;
  return {theta.head(d).array().exp().matrix(), std::exp(theta(d)), std::exp(theta(d + 1))};
}

Vector to_theta(const GaussianProcessHyperparameters& h) {
  const Index d = h.length_scales.size();
  Vector theta(d + 2);
  theta.head(d) = h.length_scales.array().log().matrix();
  theta(d) = std::log(h.signal_variance);
  theta(d + 1) = std::log(h.noise_variance);
  return theta;
}

// Squared scaled distances r^2 between the rows of A and B.
Matrix scaled_sq_distances(const MatrixRef& A, const MatrixRef& B, const Vector& length_scales) {
  const Matrix As = A.array().rowwise() / length_scales.transpose().array();
  const Matrix Bs = B.array().rowwise() / length_scales.transpose().array();
  Matrix r2 = (-2.0 * As * Bs.transpose()).colwise() + As.rowwise().squaredNorm();
  r2.rowwise() += Bs.rowwise().squaredNorm().transpose();
  return r2.cwiseMax(0.0);
}

// The negative log marginal likelihood as LBFGS++ wants it.
struct NegativeLikelihood {
  const MatrixRef& X;
  const VectorRef& y;
  const GaussianProcessOptions& options;
  double operator()(const Vector& theta, Vector& gradient) {
    const double lml = GaussianProcess::log_posterior(X, y, theta, &gradient, options);
    if (!std::isfinite(lml)) {
      gradient.setZero();
      return 1e300;
    }
    gradient = -gradient;
    return -lml;
  }
};

}  // namespace

Matrix GaussianProcess::kernel(const MatrixRef& A, const MatrixRef& B,
                               const GaussianProcessHyperparameters& h) {
  const Matrix r = scaled_sq_distances(A, B, h.length_scales).cwiseSqrt();
  return (h.signal_variance * (1.0 + kSqrt5 * r.array() + (5.0 / 3.0) * r.array().square()) *
          (-kSqrt5 * r.array()).exp())
      .matrix();
}

double GaussianProcess::log_marginal_likelihood(const MatrixRef& X, const VectorRef& y, const Vector& theta,
                                                Vector* gradient) {
  const Index n = X.rows(), d = X.cols();
  const GaussianProcessHyperparameters h = from_theta(theta);
  const Matrix r = scaled_sq_distances(X, X, h.length_scales).cwiseSqrt();
  const Eigen::ArrayXXd decay = (-kSqrt5 * r.array()).exp();
  Eigen::MatrixXd K =
      h.signal_variance * (1.0 + kSqrt5 * r.array() + (5.0 / 3.0) * r.array().square()) * decay;
  const Eigen::MatrixXd K_signal = K;
  K.diagonal().array() += h.noise_variance;
  Eigen::LLT<Eigen::MatrixXd> llt;
  if (factor_with_jitter(K, llt) < 0) return -std::numeric_limits<double>::infinity();
  const Vector alpha = llt.solve(y);
  const double log_det = 2.0 * llt.matrixLLT().diagonal().array().log().sum();
  const double lml = -0.5 * y.dot(alpha) - 0.5 * log_det - 0.5 * static_cast<double>(n) * kLog2Pi;
  if (gradient != nullptr) {
    // d lml / d theta_j = 1/2 tr((alpha alpha^T - K^-1) dK/dtheta_j).
    const Eigen::MatrixXd W = alpha * alpha.transpose() - llt.solve(Eigen::MatrixXd::Identity(n, n));
    // dk/dlog l_d = s2 5/3 (1 + sqrt5 r) exp(-sqrt5 r) (x_d - x'_d)^2 / l_d^2
    const Eigen::ArrayXXd A =
        W.array() * (h.signal_variance * (5.0 / 3.0) * (1.0 + kSqrt5 * r.array()) * decay);
    gradient->resize(d + 2);
    for (Index k = 0; k < d; ++k) {
      const Vector xk = X.col(k) / h.length_scales(k);
      // sum_ab A_ab (x_ak - x_bk)^2 = 2 (sum_a x_a^2 rowsum_a - x^T A x)
      const double s = 2.0 * ((xk.array().square() * A.rowwise().sum()).sum() - xk.dot(A.matrix() * xk));
      (*gradient)(k) = 0.5 * s;
    }
    (*gradient)(d) = 0.5 * (W.array() * K_signal.array()).sum();
    (*gradient)(d + 1) = 0.5 * h.noise_variance * W.trace();
  }
  return lml;
}

double GaussianProcess::log_posterior(const MatrixRef& X, const VectorRef& y, const Vector& theta,
                                      Vector* gradient, const GaussianProcessOptions& options) {
  double value = log_marginal_likelihood(X, y, theta, gradient);
  const double a = options.length_scale_prior_shape, b = options.length_scale_prior_rate;
  if (a <= 0 || !std::isfinite(value)) return value;
  // log Gamma(l | a, b) = (a - 1) log l - b l + const, with t = log l.
  for (Index k = 0; k < X.cols(); ++k) {
    const double l = std::exp(theta(k));
    value += (a - 1) * theta(k) - b * l;
    if (gradient != nullptr) (*gradient)(k) += (a - 1) - b * l;
  }
  return value;
}

GaussianProcessFitReport GaussianProcess::condition(const MatrixRef& X, const VectorRef& y,
                                                    const GaussianProcessHyperparameters& hyperparameters) {
  if (X.rows() == 0 || X.rows() != y.size())
    throw InputError("a Gaussian process needs at least one point and one output per point",
                     Location::of_field("gp"));
  if (!X.allFinite() || !y.allFinite())
    throw InputError("Gaussian-process data must be finite", Location::of_field("gp"));
  X_ = X;
  hyper_ = hyperparameters;
  y_mean_ = center_ ? y.mean() : 0.0;
  const double sd = std::sqrt((y.array() - y_mean_).square().mean());
  y_scale_ = center_ && sd > 1e-12 * std::max(1.0, std::abs(y_mean_)) ? sd : 1.0;
  const Vector ys = (y.array() - y_mean_) / y_scale_;
  Eigen::MatrixXd K = kernel(X_, X_, hyper_);
  K.diagonal().array() += hyper_.noise_variance;
  GaussianProcessFitReport report;
  report.jitter = factor_with_jitter(K, llt_);
  if (report.jitter < 0)
    throw Error("Gaussian process: the kernel matrix is not positive definite even with jitter",
                Location::of_field("gp"));
  alpha_ = llt_.solve(ys);
  report.log_marginal_likelihood = -0.5 * ys.dot(alpha_) - llt_.matrixLLT().diagonal().array().log().sum() -
                                   0.5 * static_cast<double>(ys.size()) * kLog2Pi;
  return report;
}

GaussianProcessFitReport GaussianProcess::fit(
    const MatrixRef& X, const VectorRef& y, Rng& rng, const GaussianProcessOptions& options,
    const std::optional<GaussianProcessHyperparameters>& warm_start) {
  if (X.rows() == 0 || X.rows() != y.size() || !X.allFinite() || !y.allFinite())
    throw InputError("a Gaussian process needs finite data, one output per point", Location::of_field("gp"));
  const Index d = X.cols();
  center_ = options.center_outputs;
  const double mean = center_ ? y.mean() : 0.0;
  const double sd = std::sqrt((y.array() - mean).square().mean());
  const double scale = center_ && sd > 1e-12 * std::max(1.0, std::abs(mean)) ? sd : 1.0;
  const Vector ys = (y.array() - mean) / scale;

  Vector lower(d + 2), upper(d + 2);
  lower.head(d).setConstant(std::log(options.min_length_scale));
  upper.head(d).setConstant(std::log(options.max_length_scale));
  lower(d) = std::log(options.min_signal_variance);
  upper(d) = std::log(options.max_signal_variance);
  lower(d + 1) = std::log(options.min_noise_variance);
  upper(d + 1) = std::log(options.max_noise_variance);

  std::vector<Vector> starts;
  if (warm_start && warm_start->length_scales.size() == d)
    starts.push_back(to_theta(*warm_start).cwiseMax(lower).cwiseMin(upper));
  // A neutral default: length 0.5 of the cube, unit variance, small noise.
  starts.push_back(to_theta({Vector::Constant(d, 0.5), 1.0, 1e-4}).cwiseMax(lower).cwiseMin(upper));
  // Random starts always draw the same numbers, used or not, so the stream
  // does not depend on the warm start.
  for (int k = 0; k < options.n_starts; ++k) {
    Vector theta(d + 2);
    for (Index j = 0; j < d + 2; ++j) theta(j) = rng.uniform(lower(j), upper(j));
    if (static_cast<int>(starts.size()) < std::max(options.n_starts, 1)) starts.push_back(theta);
  }

  LBFGSpp::LBFGSBParam<double> param;
  param.max_iterations = options.max_iterations;
  param.epsilon = 1e-6;
  param.epsilon_rel = 1e-6;
  param.max_linesearch = 40;
  LBFGSpp::LBFGSBSolver<double> solver(param);
  NegativeLikelihood objective{X, ys, options};

  Vector best_theta = starts.front();
  double best = std::numeric_limits<double>::infinity();
  GaussianProcessFitReport report;
  for (Vector theta : starts) {
    double value = 0;
    try {
      solver.minimize(objective, theta, value, lower, upper);
    } catch (const std::exception&) {
      // The line search gave up: keep where it stopped, if better.
      ++report.starts_failed;
      Vector g;
      value = objective(theta, g);
    }
    if (std::isfinite(value) && value < best) {
      best = value;
      best_theta = theta;
    }
  }
  const GaussianProcessFitReport conditioned = condition(X, y, from_theta(best_theta));
  report.log_marginal_likelihood = conditioned.log_marginal_likelihood;
  report.jitter = conditioned.jitter;
  return report;
}

GaussianProcessPrediction GaussianProcess::predict(const MatrixRef& Xq, bool with_gradients) const {
  if (!fitted()) throw Error("predict() before fit()", Location::of_field("gp"));
  if (Xq.cols() != X_.cols())
    throw InputError("predict(): expected " + std::to_string(X_.cols()) + " columns",
                     Location::of_field("gp"));
  const Matrix r = scaled_sq_distances(Xq, X_, hyper_.length_scales).cwiseSqrt();
  const Eigen::ArrayXXd decay = (-kSqrt5 * r.array()).exp();
  const Eigen::MatrixXd Kq = hyper_.signal_variance *
                             (1.0 + kSqrt5 * r.array() + (5.0 / 3.0) * r.array().square()) * decay;  // q x n
  GaussianProcessPrediction out;
  out.mean = (Kq * alpha_).array() * y_scale_ + y_mean_;
  const Eigen::MatrixXd V = llt_.matrixL().solve(Kq.transpose());  // n x q
  const Vector variance =
      (hyper_.signal_variance - V.colwise().squaredNorm().transpose().array()).cwiseMax(0.0);
  // A floor keeps the std differentiable at the data points.
  const Vector sd_standardized = (variance.array() + 1e-12 * hyper_.signal_variance).sqrt();
  out.std = sd_standardized * y_scale_;
  if (!with_gradients) return out;

  // dk(x, x_i)/dx_d = -s2 5/3 (1 + sqrt5 r) exp(-sqrt5 r) (x_d - x_id) / l_d^2
  const Eigen::ArrayXXd C = -hyper_.signal_variance * (5.0 / 3.0) * (1.0 + kSqrt5 * r.array()) * decay;
  const Eigen::MatrixXd B = llt_.matrixU().solve(V);  // K^-1 k*, n x q
  const RowVector inv_l2 = hyper_.length_scales.array().square().inverse().transpose();
  // sum_i M_qi (x_qd - x_id) = x_qd rowsum_q(M) - (M X)_qd
  auto directional = [&](const Eigen::MatrixXd& M) {
    Matrix G = (Xq.array().colwise() * M.rowwise().sum().array()).matrix() - M * X_;
    return Matrix(G.array().rowwise() * inv_l2.array());
  };
  const Eigen::MatrixXd Ca = C.matrix() * alpha_.asDiagonal();
  out.mean_grad = directional(Ca) * y_scale_;
  // d var = -2 (K^-1 k*)^T dk*;  d std = d var / (2 std)
  const Eigen::MatrixXd Cb = (C * B.transpose().array()).matrix();
  const Matrix var_grad = -2.0 * directional(Cb);
  out.std_grad = (var_grad.array().colwise() / (2.0 * sd_standardized.array())).matrix() * y_scale_;
  return out;
}

nlohmann::json to_json(const GaussianProcessHyperparameters& h) {
  return {{"length_scales", detail::vector_to_json(h.length_scales)},
          {"signal_variance", h.signal_variance},
          {"noise_variance", h.noise_variance}};
}

GaussianProcessHyperparameters hyperparameters_from_json(const nlohmann::json& json,
                                                         const std::string& field) {
  GaussianProcessHyperparameters h;
  h.length_scales = detail::vector_from_json(detail::member(json, "length_scales"), field + ".length_scales");
  const auto number = [&](const char* key) {
    const auto& v = detail::member(json, key);
    if (!v.is_number()) throw InputError("expected a number", Location::of_field(field + "." + key));
    return v.get<double>();
  };
  h.signal_variance = number("signal_variance");
  h.noise_variance = number("noise_variance");
  return h;
}

}  // namespace paretokit
