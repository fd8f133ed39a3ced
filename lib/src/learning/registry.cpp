// Registers psl-mobo, svh-psl and parego; see learning/registry.hpp.
#include "paretokit/learning/registry.hpp"

#include "paretokit/algorithms/registry.hpp"
#include "paretokit/learning/parego.hpp"
#include "paretokit/learning/pareto_set_learning.hpp"

namespace paretokit {

namespace {

// The documented defaults are read from the Options structs the code uses.
std::vector<AlgorithmParameter> surrogate_parameters(const SurrogateOptions& o) {
  return {
      {"n_init", o.n_init, "Latin-hypercube points of the initial design"},
      {"batch_size", o.batch_size, "points per later batch"},
      {"max_variables", o.max_variables,
       "refuse problems with more variables (a GP on ~100 points cannot model more)"},
      {"gp_starts", o.gp.n_starts, "LBFGS-B starts of each GP's hyperparameter fit (beyond the warm start)"},
      {"gp_length_scale_prior", o.gp.length_scale_prior_shape > 0,
       "Gamma(3, 6) prior on the GP length scales (false: maximum likelihood)"},
      {"gp_max_length_scale", o.gp.max_length_scale, "upper bound of the GP length scales (unit-cube units)"},
      {"gp_zero_mean", !o.gp.center_outputs,
       "GPs on the raw outputs with a zero prior mean (the papers' code on ZDT; use with standardize: "
       "false)"},
      {"standardize", o.standardize,
       "standardize the objectives before the GPs and scalarizations (false: raw)"}};
}

std::vector<AlgorithmParameter> psl_parameters(ParetoSetLearning::Method method) {
  const ParetoSetLearning::Options o = ParetoSetLearning::default_options(method);
  auto p = surrogate_parameters(o.surrogate);
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
       psl_parameters(Method::psl_mobo)},
      [](const nlohmann::json& p) {
        return std::make_unique<ParetoSetLearning>(Method::psl_mobo,
                                                   ParetoSetLearning::options_from_json(Method::psl_mobo, p));
      });
  auto svh = psl_parameters(Method::svh_psl);
  const ParetoSetLearning::Options o = ParetoSetLearning::default_options(Method::svh_psl);
  svh.insert(svh.end(),
             {{"svgd_alpha", o.svgd_alpha, "weight of the Stein repulsion term"},
              {"svgd_c", o.svgd_c, "kernel bandwidth factor c (h = c median^2 / log n)"},
              {"n_test", o.n_test, "preferences of the best-step model selection (0: 100 n_obj)"}});
  register_algorithm(
      {"svh-psl", "SVH-PSL (Nguyen et al. 2025)",
       "Pareto set learning with Stein variational updates that spread the set for hypervolume", svh},
      [](const nlohmann::json& p) {
        return std::make_unique<ParetoSetLearning>(Method::svh_psl,
                                                   ParetoSetLearning::options_from_json(Method::svh_psl, p));
      });
  const ParEGO::Options parego_defaults;
  auto parego = surrogate_parameters(parego_defaults.surrogate);
  parego.insert(parego.end(),
                {{"rho", parego_defaults.rho, "augmentation of the Tchebycheff scalarization"},
                 {"n_candidates", parego_defaults.n_candidates, "EI candidates before the LBFGS-B polish"}});
  register_algorithm(
      {"parego", "ParEGO (Knowles 2006)",
       "random augmented-Tchebycheff scalarizations, one GP each, expected improvement", parego},
      [](const nlohmann::json& p) { return std::make_unique<ParEGO>(ParEGO::options_from_json(p)); });
}

}  // namespace paretokit
