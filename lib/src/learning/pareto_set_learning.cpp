// PSL-MOBO and SVH-PSL as ask/tell algorithms; see
// learning/pareto_set_learning.hpp.
#include "paretokit/learning/pareto_set_learning.hpp"

#include "lcb.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/learning/batch_selection.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"
#include "psl_training.hpp"
#include "surrogate_params.hpp"

namespace paretokit {

ParetoSetLearning::Options ParetoSetLearning::default_options(Method method) {
  Options o;
  o.surrogate.n_init = method == Method::psl_mobo ? 10 : 20;
  return o;
}

ParetoSetLearning::ParetoSetLearning(Method method, Options options)
    : SurrogateAlgorithm(options.surrogate), method_(method), options_(options) {
  if (options_.hidden < 1) throw InputError("hidden must be >= 1", Location::of_field("hidden"));
  if (options_.n_preferences < 2 && method == Method::svh_psl)
    throw InputError("svh-psl needs n_preferences >= 2 (the particles)", Location::of_field("n_preferences"));
}

ParetoSetLearning::Options ParetoSetLearning::options_from_json(Method method, const nlohmann::json& json) {
  const std::string name = method == Method::psl_mobo ? "psl-mobo" : "svh-psl";
  std::vector<std::string> keys{"hidden",   "n_steps",      "n_preferences", "learning_rate",
                                "coef_lcb", "augmentation", "n_candidates"};
  if (method == Method::svh_psl) keys.insert(keys.end(), {"svgd_alpha", "svgd_c", "n_test"});
  const detail::Params params(json, name, detail::with_surrogate_keys(keys));
  Options o = default_options(method);
  detail::read_surrogate(params, o.surrogate);
  o.hidden = params.integer("hidden", o.hidden, 1);
  o.n_steps = params.integer("n_steps", o.n_steps, 0);
  o.n_preferences = params.integer("n_preferences", o.n_preferences, 1);
  o.learning_rate = params.number("learning_rate", o.learning_rate, 0.0, 1.0);
  o.coef_lcb = params.number("coef_lcb", o.coef_lcb, 0.0, 1e3);
  o.augmentation = params.number("augmentation", o.augmentation, 0.0, 1.0);
  o.n_candidates = params.integer("n_candidates", o.n_candidates, 1);
  if (method == Method::svh_psl) {
    o.svgd_alpha = params.number("svgd_alpha", o.svgd_alpha, 0.0, 1e6);
    o.svgd_c = params.number("svgd_c", o.svgd_c, 0.0, 1e6);
    o.n_test = params.integer("n_test", o.n_test, 0);
  }
  return o;
}

nlohmann::json ParetoSetLearning::options() const {
  nlohmann::json j = surrogate_options_json();
  j["hidden"] = options_.hidden;
  j["n_steps"] = options_.n_steps;
  j["n_preferences"] = options_.n_preferences;
  j["learning_rate"] = options_.learning_rate;
  j["coef_lcb"] = options_.coef_lcb;
  j["augmentation"] = options_.augmentation;
  j["n_candidates"] = options_.n_candidates;
  if (method_ == Method::svh_psl) {
    j["svgd_alpha"] = options_.svgd_alpha;
    j["svgd_c"] = options_.svgd_c;
    j["n_test"] = options_.n_test;
  }
  return j;
}

Matrix ParetoSetLearning::propose(Index n) {
  fit_surrogates();
  const Matrix Fs = standardized_finite_f();
  // z = min(0, min(observed) - 0.1): the papers' code starts its running
  // minimum at 0 (which matters only for raw objectives, standardize: false).
  const Vector ideal = (Fs.colwise().minCoeff().array() - 0.1).min(0.0).transpose();
  const Matrix front = Fs(nondominated_indices(Fs), Eigen::all);

  SetModel model(n_obj_, n_var_, options_.hidden, rng_);
  detail::PslTrainingOptions t;
  t.n_steps = options_.n_steps;
  t.n_preferences = options_.n_preferences;
  t.learning_rate = options_.learning_rate;
  t.coef_lcb = options_.coef_lcb;
  t.augmentation = options_.augmentation;
  t.stein = method_ == Method::svh_psl;
  t.svgd_alpha = options_.svgd_alpha;
  t.svgd_c = options_.svgd_c;
  t.n_test = options_.n_test > 0 ? options_.n_test : 100 * n_obj_;
  detail::train_set_model(model, gps_, ideal, front, t, rng_);

  const Matrix P = (sample_dirichlet(options_.n_candidates, n_obj_, rng_).array() + 1e-4).matrix();
  const Matrix candidates = canonical(model.predict(P));
  const Matrix Y = detail::lower_confidence_bound(gps_, candidates, options_.coef_lcb, false).value;
  const auto chosen = select_by_hypervolume_improvement(front, Y, candidates, evaluated_z(), n);
  model_ = std::move(model);
  return candidates(chosen, Eigen::all);
}

void ParetoSetLearning::save_extra(nlohmann::json& state) const {
  state["set_model"] = model_ ? model_->to_json() : nlohmann::json();
}

void ParetoSetLearning::load_extra(const nlohmann::json& state) {
  const auto& model = state.contains("set_model") ? state.at("set_model") : nlohmann::json();
  if (model.is_null()) {
    model_.reset();
  } else {
    model_ = SetModel::from_json(model, "set_model");
    if (model_->n_obj() != n_obj_ || model_->n_var() != n_var_)
      throw InputError("the state's set model does not fit the problem", Location::of_field("set_model"));
  }
}

}  // namespace paretokit
