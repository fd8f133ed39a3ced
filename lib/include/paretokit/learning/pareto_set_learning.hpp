// Pareto set learning for expensive problems, as ask/tell algorithms:
//
//   psl-mobo  Lin, Yang, Zhang and Zhang, "Pareto Set Learning for Expensive
//             Multi-Objective Optimization", NeurIPS 2022.
//   svh-psl   Nguyen, Nguyen, Tran, ... "Improving Pareto Set Learning for
//             Expensive Multi-objective Optimization via Stein Variational
//             Hypernetworks", AAAI 2025.
//
// Each batch after the initial design: fit one GP per objective (standardized
// objectives, unit-cube inputs; learning/surrogate_algorithm.hpp), train a new
// set model (learning/set_model.hpp) on the GPs' lower confidence bound
// (PSL-MOBO: gradient descent on the augmented Tchebycheff scalarization
// against the ideal point z = min(0, min(observed) - 0.1); SVH-PSL: Stein variational
// updates, see src/learning/psl_training.cpp), map n_candidates Dirichlet
// preferences through it, and choose the batch greedily by hypervolume
// improvement of the candidates' LCB over the evaluated front
// (learning/batch_selection.hpp). The last trained model is the product:
// set_model() (kept in the state, written by sweep to the run folder as
// set_model.json, read back by `paretokit psl-sample`).
//
// Defaults follow the papers: PSL-MOBO 10 initial points (Latin hypercube),
// batches of 5, 1000 Adam steps (learning rate 1e-3) of 10 preferences,
// LCB coefficient 0.1, 1000 candidates, hidden width 256; SVH-PSL 20 initial
// points, the same batches and steps, alpha 1e-3, c 1, and the model kept
// at its best hypervolume step on 100 m test preferences.
// Deviations: z is the current minimum minus 0.1 in the current
// standardization (the code keeps a running minimum across standardizations);
// the Tchebycheff term is augmented (rho = 0.01, set 0 for the papers' plain one).
#pragma once

#include <optional>

#include "paretokit/learning/set_model.hpp"
#include "paretokit/learning/surrogate_algorithm.hpp"

namespace paretokit {

class ParetoSetLearning : public SurrogateAlgorithm {
 public:
  enum class Method { psl_mobo, svh_psl };

  struct Options {
    SurrogateOptions surrogate;  // n_init 10 (psl-mobo) or 20 (svh-psl), batch_size 5
    Index hidden = 256;          // width of both hidden layers
    Index n_steps = 1000;        // training steps per batch
    Index n_preferences = 10;    // preferences per step
    double learning_rate = 1e-3;
    double coef_lcb = 0.1;
    double augmentation = 0.01;
    Index n_candidates = 1000;  // preferences mapped to candidates for batch selection
    double svgd_alpha = 1e-3;   // svh-psl: repulsion weight
    double svgd_c = 1.0;        // svh-psl: bandwidth factor
    Index n_test = 0;           // svh-psl: checkpoint-selection preferences (0: 100 m)
  };

  static Options default_options(Method method);
  ParetoSetLearning(Method method, Options options);

  std::string name() const override { return method_ == Method::psl_mobo ? "psl-mobo" : "svh-psl"; }
  nlohmann::json options() const override;
  static Options options_from_json(Method method, const nlohmann::json& params);

  // The model trained for the last batch (nullopt before the first one).
  const std::optional<SetModel>& set_model() const { return model_; }

 protected:
  Matrix propose(Index n) override;
  void on_setup() override { model_.reset(); }
  void save_extra(nlohmann::json& state) const override;
  void load_extra(const nlohmann::json& state) override;

 private:
  Method method_;
  Options options_;
  std::optional<SetModel> model_;
};

}  // namespace paretokit
