// The Gaussian process against closed forms (the Matern 5/2 formula, the
// posterior and the log marginal likelihood by explicit inverses), finite
// differences (likelihood and posterior gradients), and a fit on samples
// drawn from a GP with known length scales; the zero prior mean of raw outputs.
#include <cmath>

#include <Eigen/LU>
#include <catch2/catch.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/learning/gaussian_process.hpp"

using namespace paretokit;

namespace {

Matrix random_points(Index n, Index d, Rng& rng) {
  Matrix X(n, d);
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < d; ++j) X(i, j) = rng.uniform();
  return X;
}

GaussianProcessHyperparameters hyper(Vector l, double s2, double noise) { return {std::move(l), s2, noise}; }

}  // namespace

TEST_CASE("matern 5/2 kernel matches its closed form") {
  const auto h = hyper(Vector::Constant(2, 0.5), 2.0, 1e-4);
  Matrix a(1, 2), b(1, 2);
  a << 0.1, 0.2;
  b << 0.4, 0.6;
  const double r = std::sqrt(std::pow(0.3 / 0.5, 2) + std::pow(0.4 / 0.5, 2));  // = 1
  const double expected = 2.0 * (1 + std::sqrt(5.0) * r + 5.0 / 3.0 * r * r) * std::exp(-std::sqrt(5.0) * r);
  CHECK(GaussianProcess::kernel(a, b, h)(0, 0) == Approx(expected).epsilon(1e-12));
  CHECK(GaussianProcess::kernel(a, a, h)(0, 0) == Approx(2.0));
}

TEST_CASE("posterior and likelihood match explicit inverses") {
  Rng rng(3);
  const Matrix X = random_points(12, 3, rng);
  Vector y(12);
  for (Index i = 0; i < 12; ++i) y(i) = std::sin(3 * X(i, 0)) + X(i, 1) * X(i, 1);
  const auto h = hyper((Vector(3) << 0.3, 0.7, 2.0).finished(), 1.5, 1e-3);
  GaussianProcess gp;
  gp.condition(X, y, h);
  const double mean = y.mean(), sd = std::sqrt((y.array() - mean).square().mean());
  const Vector ys = (y.array() - mean) / sd;
  Eigen::MatrixXd K = GaussianProcess::kernel(X, X, h);
  K.diagonal().array() += h.noise_variance;
  const Eigen::MatrixXd Kinv = K.inverse();
  const Matrix Xq = random_points(5, 3, rng);
  const Eigen::MatrixXd Kq = GaussianProcess::kernel(Xq, X, h);
  const auto p = gp.predict(Xq);
  for (Index q = 0; q < 5; ++q) {
    const double mu = (Kq.row(q) * Kinv * ys)(0) * sd + mean;
    const double var = h.signal_variance - (Kq.row(q) * Kinv * Kq.row(q).transpose())(0);
    CHECK(p.mean(q) == Approx(mu).epsilon(1e-9));
    CHECK(p.std(q) == Approx(std::sqrt(var) * sd).epsilon(1e-6));
  }
  const Vector theta =
      (Vector(5) << std::log(0.3), std::log(0.7), std::log(2.0), std::log(1.5), std::log(1e-3)).finished();
  const double lml = -0.5 * ys.dot(Kinv * ys) - 0.5 * std::log(K.determinant()) - 6.0 * std::log(2 * M_PI);
  CHECK(GaussianProcess::log_marginal_likelihood(X, ys, theta, nullptr) == Approx(lml).epsilon(1e-10));
}

TEST_CASE("likelihood gradient matches finite differences") {
  Rng rng(5);
  const Matrix X = random_points(15, 3, rng);
  Vector y(15);
  for (Index i = 0; i < 15; ++i) y(i) = std::cos(4 * X(i, 0)) - X(i, 2);
  const Vector theta = (Vector(5) << -1.0, -0.3, 0.5, 0.2, -6.0).finished();
  Vector grad;
  GaussianProcess::log_marginal_likelihood(X, y, theta, &grad);
  for (Index k = 0; k < theta.size(); ++k) {
    const double e = 1e-6;
    Vector up = theta, down = theta;
    up(k) += e;
    down(k) -= e;
    const double fd = (GaussianProcess::log_marginal_likelihood(X, y, up, nullptr) -
                       GaussianProcess::log_marginal_likelihood(X, y, down, nullptr)) /
                      (2 * e);
    CHECK(grad(k) == Approx(fd).epsilon(1e-5).margin(1e-6));
  }
  // With the length-scale prior.
  const GaussianProcessOptions options;
  Vector post_grad;
  GaussianProcess::log_posterior(X, y, theta, &post_grad, options);
  for (Index k = 0; k < theta.size(); ++k) {
    const double e = 1e-6;
    Vector up = theta, down = theta;
    up(k) += e;
    down(k) -= e;
    const double fd = (GaussianProcess::log_posterior(X, y, up, nullptr, options) -
                       GaussianProcess::log_posterior(X, y, down, nullptr, options)) /
                      (2 * e);
    CHECK(post_grad(k) == Approx(fd).epsilon(1e-5).margin(1e-6));
  }
}

TEST_CASE("posterior mean and std gradients match finite differences") {
  Rng rng(7);
  const Matrix X = random_points(20, 4, rng);
  Vector y(20);
  for (Index i = 0; i < 20; ++i) y(i) = X.row(i).squaredNorm() + std::sin(5 * X(i, 3));
  GaussianProcess gp;
  gp.condition(X, y, hyper((Vector(4) << 0.3, 0.5, 0.8, 0.4).finished(), 1.2, 1e-4));
  const Matrix Xq = random_points(6, 4, rng);
  const auto p = gp.predict(Xq, true);
  REQUIRE(p.mean_grad.rows() == 6);
  REQUIRE(p.std_grad.cols() == 4);
  for (Index q = 0; q < 6; ++q)
    for (Index d = 0; d < 4; ++d) {
      const double e = 1e-6;
      Matrix up = Xq.row(q), down = Xq.row(q);
      up(0, d) += e;
      down(0, d) -= e;
      const auto pu = gp.predict(up), pd = gp.predict(down);
      CHECK(p.mean_grad(q, d) == Approx((pu.mean(0) - pd.mean(0)) / (2 * e)).epsilon(1e-5).margin(1e-7));
      CHECK(p.std_grad(q, d) == Approx((pu.std(0) - pd.std(0)) / (2 * e)).epsilon(1e-4).margin(1e-7));
    }
}

TEST_CASE("the fit recovers the length scales of a sampled GP") {
  // y drawn from a GP with l = (0.15, 1.5): the fit must find the first
  // dimension short and the second long.
  Rng rng(11);
  const Index n = 100;
  const Matrix X = random_points(n, 2, rng);
  const auto truth = hyper((Vector(2) << 0.15, 1.5).finished(), 1.0, 1e-6);
  Eigen::MatrixXd K = GaussianProcess::kernel(X, X, truth);
  K.diagonal().array() += 1e-6;
  const Eigen::MatrixXd L = K.llt().matrixL();
  Vector z(n);
  for (Index i = 0; i < n; ++i) z(i) = rng.normal();
  const Vector y = L * z;
  // Maximum likelihood (no prior) recovers both.
  GaussianProcess gp;
  Rng fit_rng(1);
  GaussianProcessOptions no_prior;
  no_prior.length_scale_prior_shape = 0;
  const auto report = gp.fit(X, y, fit_rng, no_prior);
  const Vector l = gp.hyperparameters().length_scales;
  CHECK(l(0) > 0.15 / 2);
  CHECK(l(0) < 0.15 * 2);
  CHECK(l(1) > 0.7);
  CHECK(report.jitter == 0.0);
  // The default Gamma(3, 6) prior shrinks the long one but keeps the order.
  GaussianProcess map;
  Rng map_rng(1);
  map.fit(X, y, map_rng);
  const Vector lm = map.hyperparameters().length_scales;
  CHECK(lm(0) > 0.15 / 2);
  CHECK(lm(0) < 0.15 * 2);
  CHECK(lm(1) > 2 * lm(0));
  // Held-out predictions are close.
  const Matrix Xq = random_points(1, 2, rng);
  CHECK(std::isfinite(gp.predict(Xq).mean(0)));
}

TEST_CASE("a singular kernel matrix is factored with a reported jitter") {
  Matrix X(3, 1);
  X << 0.5, 0.5, 0.5;  // three copies of one point
  const Vector y = Vector::Constant(3, 1.0);
  GaussianProcess gp;
  const auto report = gp.condition(X, y, hyper(Vector::Constant(1, 0.5), 1.0, 0.0));
  CHECK(report.jitter > 0.0);
  CHECK(std::isfinite(gp.predict(X).mean(0)));
}

TEST_CASE("non-finite data is refused") {
  Matrix X(2, 1);
  X << 0.1, 0.2;
  Vector y(2);
  y << 1.0, std::nan("");
  GaussianProcess gp;
  Rng rng(1);
  CHECK_THROWS_AS(gp.fit(X, y, rng), InputError);
}

TEST_CASE("without centring the posterior mean falls back to a zero prior mean") {
  // Data in one corner of the square, y around 5; length scales held short,
  // so at the far corner k* is ~0 and the mean k*^T K^-1 y is ~0 (zero prior
  // mean) instead of the data mean (centred outputs).
  Rng rng(21);
  Matrix X = 0.1 * random_points(12, 2, rng);
  Vector y(12);
  for (Index i = 0; i < 12; ++i) y(i) = 5.0 + X(i, 0) - X(i, 1);
  GaussianProcessOptions options;
  options.max_length_scale = 0.05;
  options.length_scale_prior_shape = 0;
  const Matrix far = (Matrix(1, 2) << 1.0, 1.0).finished();
  GaussianProcess centred, raw;
  centred.fit(X, y, rng, options);
  options.center_outputs = false;
  options.max_signal_variance = 1e3;
  raw.fit(X, y, rng, options);
  CHECK(centred.predict(far).mean(0) == Approx(y.mean()).margin(1e-6));
  CHECK(std::abs(raw.predict(far).mean(0)) < 1e-6);
  // Both still interpolate the data.
  CHECK((raw.predict(X).mean - y).cwiseAbs().maxCoeff() < 0.05);
  CHECK((centred.predict(X).mean - y).cwiseAbs().maxCoeff() < 0.05);
}
