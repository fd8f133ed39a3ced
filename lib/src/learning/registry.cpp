// Registers psl-mobo, svh-psl and parego; see learning/registry.hpp.
#include "paretokit/learning/registry.hpp"

#include "paretokit/algorithms/registry.hpp"
#include "paretokit/learning/parego.hpp"
#include "paretokit/learning/pareto_set_learning.hpp"

namespace paretokit {

namespace {

std::vector<AlgorithmParameter> surrogate_parameters(Index n_init) {
  return {
      {"n_init", n_init, "Latin-hypercube points of the initial design"},
      {"batch_size", 5, "points per later batch"},
      {"max_variables", 30, "refuse problems with more variables (a GP on ~100 points cannot model more)"},
      {"gp_starts", 1, "LBFGS-B starts of each GP's hyperparameter fit (beyond the warm start)"},
      {"gp_length_scale_prior", false, "Gamma(3, 6) prior on the GP length scales (false: maximum likelihood)"},
      {"gp_max_length_scale", 31.622776601683793, "upper bound of the GP length scales (unit-cube units)"},
      {"standardize", true, "standardize the objectives before the GPs and scalarizations (false: raw)"}};
}

std::vector<AlgorithmParameter> psl_parameters(Index n_init) {
  auto p = surrogate_parameters(n_init);
  const ParetoSetLearning::Options o;
  p.insert(p.end(), {{"hidden", o.hidden, "width of the set model's two hidden layers"},
                     {"n_steps", o.n_steps, "training steps of the set model per batch"},
                     {"n_preferences", o.n_preferences, "preferences per training step"},
                     {"learning_rate", o.learning_rate, "Adam learning rate"},
                     {"coef_lcb", o.coef_lcb, "lower confidence bound mu - coef_lcb sigma"},
                     {"augmentation", o.augmentation, "rho of the augmented Tchebycheff term (0: plain)"},
                     {"n_candidates", o.n_candidates, "candidates sampled from the set model per batch"}});
  return p;
}

}  // namespace

void register_learning_algorithms() {
  using Method = ParetoSetLearning::Method;
  register_algorithm(
      {"psl-mobo", "PSL-MOBO (Lin et al. 2022)",
       "Pareto set learning on GP lower confidence bounds; batches by greedy hypervolume improvement",
       psl_parameters(10)},
      [](const nlohmann::json& p) {
        return std::make_unique<ParetoSetLearning>(Method::psl_mobo,
                                                   ParetoSetLearning::options_from_json(Method::psl_mobo, p));
      });
  auto svh = psl_parameters(20);
  const ParetoSetLearning::Options o;
  svh.insert(svh.end(), {{"svgd_alpha", o.svgd_alpha, "weight of the Stein repulsion term"},
                         {"svgd_c", o.svgd_c, "kernel bandwidth factor c (h = c median^2 / log n)"},
                         {"n_test", 0, "preferences of the best-step model selection (0: 100 n_obj)"}});
  register_algorithm(
      {"svh-psl", "SVH-PSL (Nguyen et al. 2025)",
       "Pareto set learning with Stein variational updates that spread the set for hypervolume", svh},
      [](const nlohmann::json& p) {
        return std::make_unique<ParetoSetLearning>(Method::svh_psl,
                                                   ParetoSetLearning::options_from_json(Method::svh_psl, p));
      });
  auto parego = surrogate_parameters(10);
  parego.insert(parego.end(), {{"rho", 0.05, "augmentation of the Tchebycheff scalarization"},
                               {"n_candidates", 2000, "EI candidates before the LBFGS-B polish"}});
  register_algorithm(
      {"parego", "ParEGO (Knowles 2006)",
       "random augmented-Tchebycheff scalarizations, one GP each, expected improvement", parego},
      [](const nlohmann::json& p) { return std::make_unique<ParEGO>(ParEGO::options_from_json(p)); });
}

}  // namespace paretokit
