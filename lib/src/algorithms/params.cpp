// Parameter reading for the algorithm registry; see params.hpp.
#include "params.hpp"

namespace paretokit::detail {

const std::vector<std::string>& variation_keys() {
  static const std::vector<std::string> keys{
      "eta_c", "prob_c", "prob_var", "eta_m", "prob_m", "prob_mutation", "eliminate_duplicates", "sampling"};
  return keys;
}

std::vector<std::string> with_variation(std::vector<std::string> own) {
  own.insert(own.end(), variation_keys().begin(), variation_keys().end());
  return own;
}

VariationOptions read_variation(const Params& params, VariationOptions v) {
  v.crossover.eta = params.number("eta_c", v.crossover.eta, 0.0, 1e6);
  v.crossover.prob = params.number("prob_c", v.crossover.prob, 0.0, 1.0);
  v.crossover.prob_var = params.number("prob_var", v.crossover.prob_var, 0.0, 1.0);
  v.mutation.eta = params.number("eta_m", v.mutation.eta, 0.0, 1e6);
  v.mutation.prob_var = params.number("prob_m", v.mutation.prob_var, 0.0, 1.0);
  v.mutation.prob = params.number("prob_mutation", v.mutation.prob, 0.0, 1.0);
  v.eliminate_duplicates = params.boolean("eliminate_duplicates", v.eliminate_duplicates);
  v.sampling =
      sampling_from_string(params.choice("sampling", to_string(v.sampling), {"uniform", "lhs", "sobol"}));
  return v;
}

void write_variation(nlohmann::json& json, const VariationOptions& v) {
  json["eta_c"] = v.crossover.eta;
  json["prob_c"] = v.crossover.prob;
  json["prob_var"] = v.crossover.prob_var;
  json["eta_m"] = v.mutation.eta;
  if (v.mutation.prob_var >= 0.0) json["prob_m"] = v.mutation.prob_var;
  json["prob_mutation"] = v.mutation.prob;
  json["eliminate_duplicates"] = v.eliminate_duplicates;
  json["sampling"] = to_string(v.sampling);
}

}  // namespace paretokit::detail
