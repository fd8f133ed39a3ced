// Set-model training for PSL-MOBO (Lin et al., "Pareto Set Learning for
// Expensive Multi-Objective Optimization", NeurIPS 2022) and SVH-PSL (Nguyen
// et al., "Improving Pareto Set Learning for Expensive Multi-objective
// Optimization via Stein Variational Hypernetworks", AAAI 2025).
//
// Each step draws preferences lambda from the flat Dirichlet distribution
// (+1e-4, as the papers' code) and maps them through the model to x. The
// loss of a preference is the augmented Tchebycheff scalarization of the
// lower confidence bound v = mu - c sigma against the ideal point z:
//   g(x | lambda) = max_j lambda_j (v_j - z_j) + rho sum_j lambda_j (v_j - z_j).
// PSL-MOBO: one Adam step on the summed gradient.
// SVH-PSL: each particle's parameter gradient g_k (columns normalized to unit
// norm over the particles, as the paper's code), a kernel on the particles'
// LCB values, "local" per objective: K_ik = exp(-(v_i,j - v_k,j)^2 / h_j) with
// j the objective that attains particle k's Tchebycheff maximum and
// h_j = c median_{ik}((v_ij - v_kj)^2)^2 / log n; the Stein update
//   phi = 1/n [ sum_k (sum_i K_ik) g_k + alpha d/dtheta sum_ik K_ik ]
// (attraction along the kernel-weighted gradients, repulsion that lowers the
// kernel sum, i.e. spreads the particles in objective space). The model
// checkpoint kept is the one whose LCB on n_test fixed preferences has the
// largest hypervolume (reference: worst of those and the front), checked
// after every step as in the paper's code (the model's forward pass in single
// precision there, as the code's float32 model: the ranking's main cost).
// Cost per step: O(n_pref (model + GP gradient)); SVH-PSL adds two batched
// backward passes (the normalized per-particle gradients come from matrix
// products, SetModel::normalized_weighted_backward), and the checkpoint
// check O(n_test) predictions.
#include "psl_training.hpp"

#include <algorithm>
#include <cmath>

#include "lcb.hpp"
#include "paretokit/indicators/hypervolume.hpp"

namespace paretokit::detail {

namespace {

struct Scalarized {
  Vector loss;                // B
  std::vector<Index> argmax;  // B: objective of the Tchebycheff maximum
  Matrix dx;                  // B x n: d loss_b / d x_b
};

Scalarized scalarize(const LowerConfidenceBound& lcb, const MatrixRef& P, const Vector& z, double rho) {
  const Index B = P.rows(), m = P.cols(), n = lcb.grad.front().cols();
  Scalarized s{Vector(B), std::vector<Index>(static_cast<std::size_t>(B)), Matrix::Zero(B, n)};
  for (Index b = 0; b < B; ++b) {
    const RowVector t = P.row(b).array() * (lcb.value.row(b) - z.transpose()).array();
    Index j_max = 0;
    t.maxCoeff(&j_max);
    s.loss(b) = t(j_max) + rho * t.sum();
    s.argmax[static_cast<std::size_t>(b)] = j_max;
    for (Index j = 0; j < m; ++j) {
      const double w = P(b, j) * ((j == j_max ? 1.0 : 0.0) + rho);
      s.dx.row(b) += w * lcb.grad[static_cast<std::size_t>(j)].row(b);
    }
  }
  return s;
}

double median(std::vector<double> values) {
  const std::size_t n = values.size(), h = n / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(h), values.end());
  const double upper = values[h];
  if (n % 2 == 1) return upper;
  return 0.5 * (upper + *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(h)));
}

}  // namespace

Vector stein_bandwidths(const MatrixRef& values, double c) {
  const Index B = values.rows(), m = values.cols();
  Vector h(m);
  for (Index j = 0; j < m; ++j) {
    std::vector<double> d2;
    d2.reserve(static_cast<std::size_t>(B * B));
    for (Index i = 0; i < B; ++i)
      for (Index k = 0; k < B; ++k) d2.push_back(std::pow(values(i, j) - values(k, j), 2));
    const double med = median(d2);
    h(j) = med != 0.0 ? c * med * med / std::log(static_cast<double>(B)) : 5e-6;
  }
  return h;
}

SteinKernel stein_kernel(const MatrixRef& values, const std::vector<Index>& argmax, const Vector& h) {
  const Index B = values.rows(), m = values.cols();
  SteinKernel out{Matrix(B, B), Matrix::Zero(B, m)};
  for (Index i = 0; i < B; ++i)
    for (Index k = 0; k < B; ++k) {
      const Index j = argmax[static_cast<std::size_t>(k)];
      const double diff = values(i, j) - values(k, j);
      const double K = std::exp(-diff * diff / h(j));
      out.K(i, k) = K;
      // d K_ik / d v_ij = -2 diff / h K_ik;  d K_ik / d v_kj = +2 diff / h K_ik
      out.dsum_dvalues(i, j) += -2.0 * diff / h(j) * K;
      out.dsum_dvalues(k, j) += 2.0 * diff / h(j) * K;
    }
  return out;
}

namespace {

// The Stein variational direction of SVH-PSL for one step, into `direction`
// (`scratch`: the kernel-sum gradient; both reused across steps).
void stein_direction(const SetModel& model, const SetModel::Activations& acts, const LowerConfidenceBound& lcb,
                     const Scalarized& s, const PslTrainingOptions& o, Vector& direction, Vector& scratch) {
  const Index B = acts.output.rows(), m = lcb.value.cols(), n = acts.output.cols();
  const Vector h = stein_bandwidths(lcb.value, o.svgd_c);
  const SteinKernel kernel = stein_kernel(lcb.value, s.argmax, h);
  const Matrix& dS_dv = kernel.dsum_dvalues;
  Matrix dS_dx = Matrix::Zero(B, n);
  for (Index j = 0; j < m; ++j)
    dS_dx += (lcb.grad[static_cast<std::size_t>(j)].array().colwise() * dS_dv.col(j).array()).matrix();
  // sum_k (sum_i K_ik) g_k with each particle's gradient g_k normalized per
  // parameter over the particles, without forming the B x parameters matrix.
  const Vector column_sums = kernel.K.colwise().sum().transpose();
  model.normalized_weighted_backward(acts, s.dx, column_sums, direction);
  model.backward(acts, dS_dx, scratch);
  direction = (direction + o.svgd_alpha * scratch) / static_cast<double>(B);
}

Matrix test_preferences(Index count, Index m, Rng& rng) {
  Matrix P = sample_dirichlet(count, m, rng);
  return P;
}

}  // namespace

void train_set_model(SetModel& model, const std::vector<GaussianProcess>& gps, const Vector& ideal,
                     const Matrix& front, const PslTrainingOptions& o, Rng& rng) {
  const Index m = model.n_obj();
  Adam adam(model.n_parameters(), o.learning_rate);
  const bool select = o.stein && o.n_test > 0;
  const Matrix P_test = select ? test_preferences(o.n_test, m, rng) : Matrix();
  Vector best_parameters = model.parameters();
  Vector direction(model.n_parameters()), scratch(model.n_parameters());
  double best_hv = -1.0;
  for (Index step = 0; step < o.n_steps; ++step) {
    const Matrix P = (sample_dirichlet(o.n_preferences, m, rng).array() + 1e-4).matrix();
    const auto acts = model.forward(P);
    const auto lcb = lower_confidence_bound(gps, acts.output, o.coef_lcb, true);
    const Scalarized s = scalarize(lcb, P, ideal, o.augmentation);
    if (o.stein)
      stein_direction(model, acts, lcb, s, o, direction, scratch);
    else
      model.backward(acts, s.dx, direction);
    adam.step(model.parameters(), direction);
    if (select) {
      const Matrix Y = lower_confidence_bound(gps, model.predict_single(P_test), o.coef_lcb, false).value;
      Matrix all(front.rows() + Y.rows(), m);
      all << front, Y;
      const double hv = hypervolume(Y, all.colwise().maxCoeff().transpose());
      if (hv >= best_hv) {
        best_hv = hv;
        best_parameters = model.parameters();
      }
    }
  }
  if (select) model.parameters() = best_parameters;
}

}  // namespace paretokit::detail
