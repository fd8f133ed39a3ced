// The registries' JSON parameter reader; see core/json_params.hpp.
#include "paretokit/core/json_params.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "paretokit/core/error.hpp"

namespace paretokit {

std::string join_names(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

std::string lower_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char ch) { return char(std::tolower(ch)); });
  return text;
}

JsonParams::JsonParams(const nlohmann::json& json, std::string owner, std::vector<std::string> valid)
    : json_(json.is_null() ? nlohmann::json::object() : json), owner_(std::move(owner)) {
  if (!json_.is_object()) throw InputError(owner_ + ": parameters must be a JSON object, got " + json.dump());
  for (const auto& item : json_.items())
    if (std::find(valid.begin(), valid.end(), item.key()) == valid.end())
      throw InputError(owner_ + ": unknown parameter '" + item.key() +
                           "' (valid: " + (valid.empty() ? "none" : join_names(valid)) + ")",
                       Location::of_field(item.key()));
}

void JsonParams::fail(const std::string& key, const std::string& reason) const {
  throw InputError(owner_ + ": parameter " + key + ": " + reason, Location::of_field(key));
}

double JsonParams::number(const std::string& key, double fallback, double low, double high) const {
  if (!has(key)) return fallback;
  const auto& v = json_.at(key);
  if (!v.is_number() || !std::isfinite(v.get<double>()))
    fail(key, "expected a finite number, got " + v.dump());
  const double x = v.get<double>();
  if (x < low || x > high)
    fail(key, "must lie in [" + nlohmann::json(low).dump() + ", " + nlohmann::json(high).dump() + "], got " +
                  v.dump());
  return x;
}

Index JsonParams::integer(const std::string& key, Index fallback, Index low) const {
  if (!has(key)) return fallback;
  const auto& v = json_.at(key);
  Index x = 0;
  if (v.is_number_integer()) {
    x = v.get<Index>();
  } else if (v.is_number_float() && std::isfinite(v.get<double>()) &&
             std::floor(v.get<double>()) == v.get<double>() && std::abs(v.get<double>()) < 1e15) {
    x = Index(v.get<double>());
  } else {
    fail(key, "expected an integer, got " + v.dump());
  }
  if (x < low) fail(key, "must be at least " + std::to_string(low) + ", got " + v.dump());
  return x;
}

bool JsonParams::boolean(const std::string& key, bool fallback) const {
  if (!has(key)) return fallback;
  if (!json_.at(key).is_boolean()) fail(key, "expected true or false, got " + json_.at(key).dump());
  return json_.at(key).get<bool>();
}

std::string JsonParams::choice(const std::string& key, const std::string& fallback,
                               const std::vector<std::string>& choices) const {
  if (!has(key)) return fallback;
  const auto& v = json_.at(key);
  if (!v.is_string() || std::find(choices.begin(), choices.end(), v.get<std::string>()) == choices.end())
    fail(key, "expected one of " + join_names(choices) + ", got " + v.dump());
  return v.get<std::string>();
}

}  // namespace paretokit
