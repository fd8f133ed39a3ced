// The Pareto set model of Pareto set learning (Lin et al., "Pareto Set
// Learning for Expensive Multi-Objective Optimization", NeurIPS 2022): a
// multilayer perceptron from a preference vector on the simplex (m numbers)
// to a point of the unit cube (n numbers),
//
//   m -> hidden -> hidden -> n,  ReLU between layers, sigmoid at the output,
//
// with its own backpropagation and the Adam optimizer (Kingma and Ba 2015).
// The parameters are one flat vector (so that Adam, SVGD and checkpoints see
// them as one thing), initialized as PyTorch's nn.Linear does: weights and
// biases uniform in +-1/sqrt(fan_in). Forward and backward are whole-batch
// matrix products: O(B (m h + h^2 + h n)) each.
#pragma once

#include <nlohmann/json.hpp>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit {

class SetModel {
 public:
  SetModel() = default;
  // A freshly initialized model; draws its weights from rng.
  SetModel(Index n_obj, Index n_var, Index hidden, Rng& rng);

  Index n_obj() const { return n_obj_; }
  Index n_var() const { return n_var_; }
  Index hidden() const { return hidden_; }
  Index n_parameters() const { return parameters_.size(); }
  const Vector& parameters() const { return parameters_; }
  Vector& parameters() { return parameters_; }

  // Rows of preferences (B x m) -> rows of unit-cube points (B x n).
  Matrix predict(const MatrixRef& preferences) const;
  // The same in single precision (as the papers' PyTorch models), about twice
  // as fast: for SVH-PSL's per-step checkpoint ranking on many preferences.
  Matrix predict_single(const MatrixRef& preferences) const;

  // What backward() needs from a forward pass.
  struct Activations {
    Matrix input, hidden1, hidden2, output;
  };
  Activations forward(const MatrixRef& preferences) const;
  // Gradient of sum_b <output_grad_b, output_b> w.r.t. the parameters, given
  // d loss / d output (B x n).
  Vector backward(const Activations& activations, const MatrixRef& output_grad) const;
  // The same into `gradient` (resized when needed: no allocation in a loop).
  void backward(const Activations& activations, const MatrixRef& output_grad, Vector& gradient) const;
  // SVH-PSL's attraction term without forming the B per-sample gradients:
  // with g_b the gradient of <output_grad_b, output_b> (sample b alone),
  // returns for every parameter p  sum_b w_b g_b[p] / max(||g_.[p]||, 1e-12),
  // the norm taken over the samples. A weight's per-sample gradient is an
  // outer product (delta_b a_b^T), so numerator and squared norm are two
  // matrix products per layer: O(B (m h + h^2 + h n)), as one backward().
  void normalized_weighted_backward(const Activations& activations, const MatrixRef& output_grad,
                                    const VectorRef& weights, Vector& gradient) const;

  nlohmann::json to_json() const;
  // Throws InputError naming `field` (e.g. "set_model.parameters").
  static SetModel from_json(const nlohmann::json& json, const std::string& field);

 private:
  Index n_obj_ = 0, n_var_ = 0, hidden_ = 0;
  Vector parameters_;  // W1 (h x m), b1 (h), W2 (h x h), b2 (h), W3 (n x h), b3 (n), row-major
};

// Adam with bias correction (Kingma and Ba 2015), minimizing.
class Adam {
 public:
  explicit Adam(Index n_parameters, double learning_rate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
                double epsilon = 1e-8);
  void step(Vector& parameters, const VectorRef& gradient);

 private:
  double learning_rate_, beta1_, beta2_, epsilon_;
  Vector m_, v_;
  int t_ = 0;
};

// n preference vectors drawn from the flat Dirichlet distribution on the
// simplex (each row: m numbers >= 0 summing to 1).
Matrix sample_dirichlet(Index n, Index m, Rng& rng);

}  // namespace paretokit
