// Parameter reading for the algorithm registry; see params.hpp.
#include "params.hpp"

#include <algorithm>
#include <cmath>

#include "paretokit/core/error.hpp"

namespace paretokit::detail {

std::string join(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

Params::Params(const nlohmann::json& json, std::string algorithm, const std::vector<std::string>& valid)
    : json_(json.is_null() ? nlohmann::json::object() : json), algorithm_(std::move(algorithm)) {
  if (!json_.is_object())
    throw InputError("parameters of '" + algorithm_ + "' must be a JSON object",
                     Location::of_field("algorithm-params"));
  for (const auto& item : json_.items())
    if (std::find(valid.begin(), valid.end(), item.key()) == valid.end())
      throw InputError(
          "unknown parameter '" + item.key() + "' of " + algorithm_ + " (valid: " + join(valid) + ")",
          Location::of_field(item.key()));
}

void Params::fail(const std::string& key, const std::string& reason) const {
  throw InputError(algorithm_ + " parameter " + key + " " + reason, Location::of_field(key));
}

double Params::number(const std::string& key, double fallback, double low, double high) const {
  if (!has(key)) return fallback;
  const auto& v = json_.at(key);
  if (!v.is_number()) fail(key, "must be a number");
  const double x = v.get<double>();
  if (!std::isfinite(x) || x < low || x > high)
    fail(key, "must lie in [" + nlohmann::json(low).dump() + ", " + nlohmann::json(high).dump() + "], got " +
                  v.dump());
  return x;
}

Index Params::integer(const std::string& key, Index fallback, Index low) const {
  if (!has(key)) return fallback;
  const auto& v = json_.at(key);
  if (!v.is_number_integer() && !(v.is_number() && v.get<double>() == std::floor(v.get<double>())))
    fail(key, "must be an integer, got " + v.dump());
  const auto x = static_cast<Index>(v.get<double>());
  if (x < low) fail(key, "must be >= " + std::to_string(low) + ", got " + v.dump());
  return x;
}

bool Params::boolean(const std::string& key, bool fallback) const {
  if (!has(key)) return fallback;
  if (!json_.at(key).is_boolean()) fail(key, "must be true or false");
  return json_.at(key).get<bool>();
}

std::string Params::choice(const std::string& key, const std::string& fallback,
                           const std::vector<std::string>& choices) const {
  if (!has(key)) return fallback;
  const auto& v = json_.at(key);
  if (!v.is_string() || std::find(choices.begin(), choices.end(), v.get<std::string>()) == choices.end())
    fail(key, "must be one of " + join(choices) + ", got " + v.dump());
  return v.get<std::string>();
}

}  // namespace paretokit::detail

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
