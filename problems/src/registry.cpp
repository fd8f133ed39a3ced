#include "paretokit/problems/registry.hpp"

#include <algorithm>
#include <cmath>

#include "catalog.hpp"
#include "paretokit/core/error.hpp"

namespace paretokit::problems {

namespace detail {

Params::Params(const nlohmann::json& json, const ProblemInfo& info) : problem_(info.name) {
  if (json.is_null()) {
    json_ = nlohmann::json::object();
    return;
  }
  if (!json.is_object()) {
    throw InputError(info.name + ": parameters must be a JSON object, got " + json.dump());
  }
  json_ = json;
  for (const auto& [key, value] : json.items()) {
    const bool known = std::any_of(info.parameters.begin(), info.parameters.end(),
                                   [&](const ParameterInfo& p) { return p.name == key; });
    if (!known) {
      std::string valid;
      for (const auto& p : info.parameters) valid += (valid.empty() ? "" : ", ") + p.name;
      throw InputError(
          info.name + ": unknown parameter '" + key + "' (valid: " + (valid.empty() ? "none" : valid) + ")",
          Location::of_field(key));
    }
  }
}

void Params::fail(const std::string& key, const std::string& reason) const {
  throw InputError(problem_ + ": parameter " + key + ": " + reason, Location::of_field(key));
}

Index Params::integer(const std::string& key, Index fallback, Index minimum) const {
  Index value = fallback;
  if (json_.contains(key)) {
    const auto& v = json_.at(key);
    if (v.is_number_integer()) {
      value = v.get<Index>();
    } else if (v.is_number_float() && std::isfinite(v.get<double>()) &&
               std::floor(v.get<double>()) == v.get<double>() && std::abs(v.get<double>()) < 1e15) {
      value = Index(v.get<double>());
    } else {
      fail(key, "expected an integer, got " + v.dump());
    }
  }
  if (value < minimum)
    fail(key, "must be at least " + std::to_string(minimum) + ", got " + std::to_string(value));
  return value;
}

double Params::number(const std::string& key, double fallback) const {
  if (!json_.contains(key)) return fallback;
  const auto& v = json_.at(key);
  if (!v.is_number() || !std::isfinite(v.get<double>()))
    fail(key, "expected a finite number, got " + v.dump());
  return v.get<double>();
}

}  // namespace detail

namespace {

const detail::Catalog& catalog() {
  static const detail::Catalog entries = [] {
    detail::Catalog c;
    detail::add_zdt(c);
    detail::add_dtlz(c);
    detail::add_constrained_dtlz(c);
    detail::add_wfg(c);
    detail::add_classic(c);
    detail::add_re(c);
    std::sort(c.begin(), c.end(), [](const auto& a, const auto& b) { return a.info.name < b.info.name; });
    return c;
  }();
  return entries;
}

std::string lower_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char ch) { return char(std::tolower(ch)); });
  return text;
}

}  // namespace

const std::vector<ProblemInfo>& problem_catalog() {
  static const std::vector<ProblemInfo> infos = [] {
    std::vector<ProblemInfo> out;
    for (const auto& entry : catalog()) out.push_back(entry.info);
    return out;
  }();
  return infos;
}

std::vector<std::string> problem_names() {
  std::vector<std::string> names;
  for (const auto& entry : catalog()) names.push_back(entry.info.name);
  return names;
}

std::unique_ptr<Problem> make_problem(const std::string& name, const nlohmann::json& params) {
  const std::string key = lower_case(name);
  for (const auto& entry : catalog()) {
    const auto& aliases = entry.info.aliases;
    if (entry.info.name == key || std::find(aliases.begin(), aliases.end(), key) != aliases.end()) {
      return entry.make(detail::Params(params, entry.info));
    }
  }
  std::string valid;
  for (const auto& entry : catalog()) valid += (valid.empty() ? "" : ", ") + entry.info.name;
  throw InputError("unknown problem '" + name + "' (valid: " + valid + ")", Location::of_field("problem"));
}

}  // namespace paretokit::problems
