#include "paretokit/evaluation/command_problem.hpp"

#include <charconv>
#include <cmath>
#include <set>
#include <sstream>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    const auto begin = part.find_first_not_of(" \t");
    const auto end = part.find_last_not_of(" \t");
    parts.push_back(begin == std::string::npos ? std::string() : part.substr(begin, end - begin + 1));
  }
  return parts;
}

bool valid_name(const std::string& name) {
  if (name.empty()) return false;
  for (const char c : name) {
    if (c == ':' || c == ',' || c == '<' || c == '>' || c == '=' || c == ' ') return false;
  }
  return true;
}

}  // namespace

std::vector<ObjectiveSpec> parse_objectives(const std::string& text, const std::string& flag) {
  std::vector<ObjectiveSpec> specs;
  std::set<std::string> seen;
  for (const std::string& part : split_commas(text)) {
    ObjectiveSpec spec;
    const auto colon = part.rfind(':');
    spec.name = colon == std::string::npos ? part : part.substr(0, colon);
    if (colon != std::string::npos) {
      const std::string sense = part.substr(colon + 1);
      if (sense == "max") {
        spec.maximize = true;
      } else if (sense != "min") {
        throw UsageError("'" + part + "': the sense must be 'min' or 'max'", Location::of_field(flag));
      }
    }
    if (!valid_name(spec.name))
      throw UsageError("'" + part + "' is not NAME[:min|:max]", Location::of_field(flag));
    if (!seen.insert(spec.name).second)
      throw UsageError("'" + spec.name + "' is named twice", Location::of_field(flag));
    specs.push_back(spec);
  }
  if (specs.empty()) throw UsageError("needs at least one objective", Location::of_field(flag));
  return specs;
}

std::vector<ConstraintSpec> parse_constraints(const std::string& text, const std::string& flag) {
  std::vector<ConstraintSpec> specs;
  if (text.empty()) return specs;
  for (const std::string& part : split_commas(text)) {
    ConstraintSpec spec;
    auto at = part.find("<=");
    spec.at_most = at != std::string::npos;
    if (!spec.at_most) at = part.find(">=");
    if (at == std::string::npos) {
      throw UsageError("'" + part + "' is not NAME<=BOUND or NAME>=BOUND", Location::of_field(flag));
    }
    spec.name = part.substr(0, at);
    while (!spec.name.empty() && spec.name.back() == ' ') spec.name.pop_back();
    std::string bound = part.substr(at + 2);
    bound.erase(0, bound.find_first_not_of(' '));
    const auto [end, error] = std::from_chars(bound.data(), bound.data() + bound.size(), spec.bound);
    if (error != std::errc() || end != bound.data() + bound.size() || !std::isfinite(spec.bound)) {
      throw UsageError("'" + part + "': the bound must be a finite number", Location::of_field(flag));
    }
    if (!valid_name(spec.name)) throw UsageError("'" + part + "': bad name", Location::of_field(flag));
    specs.push_back(spec);
  }
  return specs;
}

CommandProblem::CommandProblem(SearchSpace space, std::vector<ObjectiveSpec> objectives,
                               std::vector<ConstraintSpec> constraints)
    : space_(std::move(space)), objectives_(std::move(objectives)), constraints_(std::move(constraints)) {
  if (space_.size() == 0)
    throw InputError("the search space has no variables", Location::of_field("--space"));
  if (objectives_.empty())
    throw UsageError("needs at least one objective", Location::of_field("--objectives"));
}

nlohmann::json CommandProblem::params() const {
  nlohmann::json objectives = nlohmann::json::array(), constraints = nlohmann::json::array();
  for (const auto& o : objectives_)
    objectives.push_back({{"name", o.name}, {"sense", o.maximize ? "max" : "min"}});
  for (const auto& c : constraints_) {
    constraints.push_back({{"name", c.name}, {"op", c.at_most ? "<=" : ">="}, {"bound", c.bound}});
  }
  return {{"objectives", objectives}, {"constraints", constraints}};
}

void CommandProblem::evaluate_into(const MatrixRef& /*X*/, MatrixMut /*F*/, MatrixMut /*G*/) const {
  throw Error(
      "the 'command' problem runs its program through a ProcessEvaluator (evaluation/process_evaluator.hpp)");
}

bool CommandProblem::values_to_row(const nlohmann::json& values, RowVector& f, RowVector& g,
                                   std::string& problem) const {
  f.resize(n_obj());
  g.resize(n_constr());
  auto number = [&](const std::string& name, double& out) {
    const auto it = values.find(name);
    if (it == values.end()) {
      problem = "the result has no '" + name + "'";
      return false;
    }
    if (!it->is_number() || !std::isfinite(it->get<double>())) {
      problem = "'" + name + "' is " + it->dump() + ", not a finite number";
      return false;
    }
    out = it->get<double>();
    return true;
  };
  for (Index j = 0; j < n_obj(); ++j) {
    const auto& o = objectives_[static_cast<std::size_t>(j)];
    double v = 0;
    if (!number(o.name, v)) return false;
    f[j] = o.maximize ? -v : v;
  }
  for (Index j = 0; j < n_constr(); ++j) {
    const auto& c = constraints_[static_cast<std::size_t>(j)];
    double v = 0;
    if (!number(c.name, v)) return false;
    g[j] = c.at_most ? v - c.bound : c.bound - v;
  }
  return true;
}

}  // namespace paretokit
