// ParEGO; see learning/parego.hpp.
#include "paretokit/learning/parego.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <LBFGSB.h>
#include <boost/math/distributions/normal.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/learning/set_model.hpp"
#include "paretokit/operators/sampling.hpp"
#include "surrogate_params.hpp"

namespace paretokit {

ParEGO::ParEGO(Options options) : SurrogateAlgorithm(options.surrogate), options_(options) {}

ParEGO::Options ParEGO::options_from_json(const nlohmann::json& json) {
  const detail::Params params(json, "parego", detail::with_surrogate_keys({"rho", "n_candidates"}));
  Options o;
  detail::read_surrogate(params, o.surrogate);
  o.rho = params.number("rho", o.rho, 0.0, 1.0);
  o.n_candidates = params.integer("n_candidates", o.n_candidates, 1);
  return o;
}

nlohmann::json ParEGO::options() const {
  nlohmann::json j = surrogate_options_json();
  j["rho"] = options_.rho;
  j["n_candidates"] = options_.n_candidates;
  return j;
}

double ParEGO::expected_improvement(double mean, double std, double best, double* d_mean, double* d_std) {
  static const boost::math::normal_distribution<double> normal;
  if (std <= 0) {
    if (d_mean) *d_mean = mean < best ? -1.0 : 0.0;
    if (d_std) *d_std = 0.0;
    return std::max(best - mean, 0.0);
  }
  const double u = (best - mean) / std;
  const double cdf = boost::math::cdf(normal, u), pdf = boost::math::pdf(normal, u);
  if (d_mean) *d_mean = -cdf;
  if (d_std) *d_std = pdf;
  return std * (u * cdf + pdf);
}

namespace {

struct NegativeEi {
  const GaussianProcess& gp;
  double best;
  double operator()(const Vector& x, Vector& gradient) {
    const auto p = gp.predict(x.transpose(), true);
    double d_mean = 0, d_std = 0;
    const double ei = ParEGO::expected_improvement(p.mean(0), p.std(0), best, &d_mean, &d_std);
    gradient = -(d_mean * p.mean_grad.row(0) + d_std * p.std_grad.row(0)).transpose();
    return -ei;
  }
};

}  // namespace

Matrix ParEGO::propose(Index n) {
  const Matrix F = evaluated_f()(finite_rows_, Eigen::all);
  if (F.rows() < 2)
    throw Error("parego: fewer than two finite evaluations", Location::of_field("objectives"));
  const Matrix Z = finite_z();
  const RowVector low = F.colwise().minCoeff(), high = F.colwise().maxCoeff();
  const RowVector range = (high - low).cwiseMax(1e-12);
  const Matrix Fn = (F.rowwise() - low).array().rowwise() / range.array();
  const Index d = n_var_;
  Matrix batch(n, d);
  for (Index b = 0; b < n; ++b) {
    const RowVector lambda = sample_dirichlet(1, n_obj_, rng_).row(0);
    const Matrix weighted = Fn.array().rowwise() * lambda.array();
    const Vector f = weighted.rowwise().maxCoeff() + options_.rho * weighted.rowwise().sum();
    GaussianProcess gp;
    Rng gp_rng = rng_.split();
    gp.fit(Z, f, gp_rng, surrogate_options().gp);
    const double best = f.minCoeff();

    // Candidates: uniform, plus perturbations of the five best points.
    Matrix C = sample_uniform(options_.n_candidates, Vector::Zero(d), Vector::Ones(d), rng_);
    std::vector<Index> order(static_cast<std::size_t>(f.size()));
    for (Index i = 0; i < f.size(); ++i) order[static_cast<std::size_t>(i)] = i;
    std::sort(order.begin(), order.end(), [&](Index a, Index c) { return f(a) < f(c); });
    const Index n_local = options_.n_candidates / 2;
    for (Index i = 0; i < n_local; ++i) {
      const Index source = order[static_cast<std::size_t>(i % std::min<Index>(5, f.size()))];
      for (Index j = 0; j < d; ++j) C(i, j) = std::clamp(Z(source, j) + 0.05 * rng_.normal(), 0.0, 1.0);
    }
    const auto p = gp.predict(C, false);
    Index arg = 0;
    double best_ei = -1;
    for (Index i = 0; i < C.rows(); ++i) {
      const double ei = expected_improvement(p.mean(i), p.std(i), best);
      if (ei > best_ei) {
        best_ei = ei;
        arg = i;
      }
    }
    Vector x = C.row(arg).transpose();
    LBFGSpp::LBFGSBParam<double> param;
    param.max_iterations = 50;
    LBFGSpp::LBFGSBSolver<double> solver(param);
    NegativeEi objective{gp, best};
    Vector polished = x;
    double value = 0;
    try {
      solver.minimize(objective, polished, value, Vector::Zero(d), Vector::Ones(d));
      if (-value > best_ei) x = polished;
    } catch (const std::exception&) {
      // keep the best candidate
    }
    batch.row(b) = x.transpose();
  }
  return batch;
}

}  // namespace paretokit
