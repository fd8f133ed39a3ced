// The Pareto set model (MLP) and Adam; see learning/set_model.hpp.
#include "paretokit/learning/set_model.hpp"

#include <cmath>

#include "../algorithms/state_json.hpp"
#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

using ConstMap = Eigen::Map<const Matrix>;
using ConstVectorMap = Eigen::Map<const Vector>;
using MutMap = Eigen::Map<Matrix>;

// Offsets of the six blocks in the flat parameter vector.
struct Layout {
  Index m, h, n;
  Index w1() const { return 0; }
  Index b1() const { return h * m; }
  Index w2() const { return b1() + h; }
  Index b2() const { return w2() + h * h; }
  Index w3() const { return b2() + h; }
  Index b3() const { return w3() + n * h; }
  Index size() const { return b3() + n; }
};

}  // namespace

SetModel::SetModel(Index n_obj, Index n_var, Index hidden, Rng& rng)
    : n_obj_(n_obj), n_var_(n_var), hidden_(hidden) {
  if (n_obj < 1 || n_var < 1 || hidden < 1)
    throw InputError("a set model needs at least one objective, variable and hidden unit",
                     Location::of_field("hidden"));
  const Layout L{n_obj, hidden, n_var};
  parameters_.resize(L.size());
  auto fill = [&](Index offset, Index count, Index fan_in) {
    const double bound = 1.0 / std::sqrt(static_cast<double>(fan_in));
    for (Index k = 0; k < count; ++k) parameters_(offset + k) = rng.uniform(-bound, bound);
  };
  fill(L.w1(), hidden * n_obj, n_obj);
  fill(L.b1(), hidden, n_obj);
  fill(L.w2(), hidden * hidden, hidden);
  fill(L.b2(), hidden, hidden);
  fill(L.w3(), n_var * hidden, hidden);
  fill(L.b3(), n_var, hidden);
}

SetModel::Activations SetModel::forward(const MatrixRef& preferences) const {
  const Layout L{n_obj_, hidden_, n_var_};
  const double* p = parameters_.data();
  const ConstMap W1(p + L.w1(), L.h, L.m), W2(p + L.w2(), L.h, L.h), W3(p + L.w3(), L.n, L.h);
  const ConstVectorMap b1(p + L.b1(), L.h), b2(p + L.b2(), L.h), b3(p + L.b3(), L.n);
  Activations a;
  a.input = preferences;
  a.hidden1 = ((a.input * W1.transpose()).rowwise() + b1.transpose()).cwiseMax(0.0);
  a.hidden2 = ((a.hidden1 * W2.transpose()).rowwise() + b2.transpose()).cwiseMax(0.0);
  a.output = (-((a.hidden2 * W3.transpose()).rowwise() + b3.transpose()).array()).exp().matrix();
  a.output = (1.0 + a.output.array()).inverse().matrix();
  return a;
}

Matrix SetModel::predict(const MatrixRef& preferences) const {
  if (preferences.cols() != n_obj_)
    throw InputError("preferences need " + std::to_string(n_obj_) + " columns",
                     Location::of_field("preferences"));
  return forward(preferences).output;
}

Matrix SetModel::predict_single(const MatrixRef& preferences) const {
  using MatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  using VectorF = Eigen::VectorXf;
  const Layout L{n_obj_, hidden_, n_var_};
  const double* p = parameters_.data();
  const MatrixF W1 = ConstMap(p + L.w1(), L.h, L.m).cast<float>();
  const MatrixF W2 = ConstMap(p + L.w2(), L.h, L.h).cast<float>();
  const MatrixF W3 = ConstMap(p + L.w3(), L.n, L.h).cast<float>();
  const VectorF b1 = ConstVectorMap(p + L.b1(), L.h).cast<float>();
  const VectorF b2 = ConstVectorMap(p + L.b2(), L.h).cast<float>();
  const VectorF b3 = ConstVectorMap(p + L.b3(), L.n).cast<float>();
  const MatrixF input = preferences.cast<float>();
  const MatrixF h1 = ((input * W1.transpose()).rowwise() + b1.transpose()).cwiseMax(0.0f);
  const MatrixF h2 = ((h1 * W2.transpose()).rowwise() + b2.transpose()).cwiseMax(0.0f);
  const MatrixF z = (h2 * W3.transpose()).rowwise() + b3.transpose();
  return (1.0 + (-z.cast<double>().array()).exp()).inverse().matrix();
}

namespace {

// d loss / d pre-activation of each layer, per sample (rows).
struct Deltas {
  Matrix d3, d2, d1;  // B x n, B x h, B x h
};

Deltas deltas_of(const SetModel::Activations& a, const MatrixRef& output_grad, const ConstMap& W2,
                 const ConstMap& W3) {
  Deltas d;
  d.d3 = output_grad.array() * a.output.array() * (1.0 - a.output.array());
  d.d2 = ((d.d3 * W3).array() * (a.hidden2.array() > 0.0).cast<double>()).matrix();
  d.d1 = ((d.d2 * W2).array() * (a.hidden1.array() > 0.0).cast<double>()).matrix();
  return d;
}

}  // namespace

Vector SetModel::backward(const Activations& a, const MatrixRef& output_grad) const {
  Vector g;
  backward(a, output_grad, g);
  return g;
}

void SetModel::backward(const Activations& a, const MatrixRef& output_grad, Vector& g) const {
  const Layout L{n_obj_, hidden_, n_var_};
  const double* p = parameters_.data();
  const ConstMap W2(p + L.w2(), L.h, L.h), W3(p + L.w3(), L.n, L.h);
  const Deltas d = deltas_of(a, output_grad, W2, W3);
  g.resize(L.size());
  double* q = g.data();
  MutMap(q + L.w3(), L.n, L.h).noalias() = d.d3.transpose() * a.hidden2;
  Eigen::Map<Vector>(q + L.b3(), L.n) = d.d3.colwise().sum().transpose();
  MutMap(q + L.w2(), L.h, L.h).noalias() = d.d2.transpose() * a.hidden1;
  Eigen::Map<Vector>(q + L.b2(), L.h) = d.d2.colwise().sum().transpose();
  MutMap(q + L.w1(), L.h, L.m).noalias() = d.d1.transpose() * a.input;
  Eigen::Map<Vector>(q + L.b1(), L.h) = d.d1.colwise().sum().transpose();
}

void SetModel::normalized_weighted_backward(const Activations& a, const MatrixRef& output_grad,
                                            const VectorRef& weights, Vector& g) const {
  const Layout L{n_obj_, hidden_, n_var_};
  const double* p = parameters_.data();
  const ConstMap W2(p + L.w2(), L.h, L.h), W3(p + L.w3(), L.n, L.h);
  const Deltas d = deltas_of(a, output_grad, W2, W3);
  g.resize(L.size());
  double* q = g.data();
  constexpr double kFloor = 1e-12;  // torch.nn.functional.normalize's eps
  // Weight block: sum_b w_b delta_b a_b^T over sqrt(sum_b delta_b^2 (a_b^2)^T).
  const auto weight_block = [&](Index offset, const Matrix& delta, const Matrix& input) {
    const Matrix numerator = delta.transpose() * (input.array().colwise() * weights.array()).matrix();
    const Matrix norm2 = delta.array().square().matrix().transpose() * input.array().square().matrix();
    MutMap(q + offset, delta.cols(), input.cols()) =
        numerator.array() / norm2.array().sqrt().max(kFloor);
  };
  const auto bias_block = [&](Index offset, const Matrix& delta) {
    Eigen::Map<Vector>(q + offset, delta.cols()) =
        ((delta.transpose() * weights).array() /
         delta.array().square().colwise().sum().transpose().sqrt().max(kFloor))
            .matrix();
  };
  weight_block(L.w3(), d.d3, a.hidden2);
  bias_block(L.b3(), d.d3);
  weight_block(L.w2(), d.d2, a.hidden1);
  bias_block(L.b2(), d.d2);
  weight_block(L.w1(), d.d1, a.input);
  bias_block(L.b1(), d.d1);
}

nlohmann::json SetModel::to_json() const {
  return {{"architecture", "mlp-relu-sigmoid"},
          {"n_obj", n_obj_},
          {"n_var", n_var_},
          {"hidden", hidden_},
          {"parameters", detail::vector_to_json(parameters_)}};
}

SetModel SetModel::from_json(const nlohmann::json& json, const std::string& field) {
  SetModel model;
  auto size = [&](const char* key) {
    const auto& v = detail::member(json, key);
    if (!v.is_number_integer() || v.get<Index>() < 1)
      throw InputError("expected a positive integer", Location::of_field(field + "." + key));
    return v.get<Index>();
  };
  model.n_obj_ = size("n_obj");
  model.n_var_ = size("n_var");
  model.hidden_ = size("hidden");
  model.parameters_ = detail::vector_from_json(detail::member(json, "parameters"), field + ".parameters");
  const Layout L{model.n_obj_, model.hidden_, model.n_var_};
  if (model.parameters_.size() != L.size())
    throw InputError("expected " + std::to_string(L.size()) + " parameters for this architecture",
                     Location::of_field(field + ".parameters"));
  return model;
}

Adam::Adam(Index n_parameters, double learning_rate, double beta1, double beta2, double epsilon)
    : learning_rate_(learning_rate),
      beta1_(beta1),
      beta2_(beta2),
      epsilon_(epsilon),
      m_(Vector::Zero(n_parameters)),
      v_(Vector::Zero(n_parameters)) {}

void Adam::step(Vector& parameters, const VectorRef& gradient) {
  ++t_;
  m_ = beta1_ * m_ + (1.0 - beta1_) * gradient;
  v_ = beta2_ * v_ + (1.0 - beta2_) * gradient.cwiseAbs2();
  const double c1 = 1.0 - std::pow(beta1_, t_), c2 = 1.0 - std::pow(beta2_, t_);
  parameters.array() -= learning_rate_ * (m_.array() / c1) / ((v_.array() / c2).sqrt() + epsilon_);
}

Matrix sample_dirichlet(Index n, Index m, Rng& rng) {
  // Flat Dirichlet = normalized independent Exp(1) draws.
  Matrix P(n, m);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < m; ++j) P(i, j) = -std::log1p(-rng.uniform());
    P.row(i) /= P.row(i).sum();
  }
  return P;
}

}  // namespace paretokit
