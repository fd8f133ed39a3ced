// ConfigSpace's JSON form to a SearchSpace (see core/search_space_file.hpp).
// Field names follow ConfigSpace's read_and_write/dictionary.py (1.x) and
// the older json.py (0.4 to 0.6); the code is paretokit's own.
#include <algorithm>
#include <cmath>
#include <set>

#include "paretokit/core/error.hpp"
#include "paretokit/core/search_space_file.hpp"

namespace paretokit {

namespace {

Location at(const std::string& path) { return Location::of_field(path); }

std::string item_path(const std::string& list, std::size_t k) { return list + "[" + std::to_string(k) + "]"; }

const nlohmann::json& member(const nlohmann::json& item, const char* key, const std::string& path) {
  if (!item.contains(key)) throw InputError("missing field", at(path + "." + key));
  return item.at(key);
}

std::string string_member(const nlohmann::json& item, const char* key, const std::string& path) {
  const auto& value = member(item, key, path);
  if (!value.is_string()) throw InputError("must be a string", at(path + "." + key));
  return value.get<std::string>();
}

double number_member(const nlohmann::json& item, const char* key, const std::string& path) {
  const auto& value = member(item, key, path);
  if (!value.is_number()) throw InputError("must be a number", at(path + "." + key));
  return value.get<double>();
}

// ConfigSpace 1.x writes "default_value", 0.4 to 0.6 wrote "default".
const nlohmann::json* default_of(const nlohmann::json& item) {
  for (const char* key : {"default_value", "default"})
    if (item.contains(key) && !item.at(key).is_null()) return &item.at(key);
  return nullptr;
}

const char* default_key(const nlohmann::json& item) {
  return item.contains("default_value") ? "default_value" : "default";
}

// Errors of SearchSpace::add_*() name "variables[j].field": give them the
// path in this file instead.
[[noreturn]] void rethrow_at(const InputError& error, const std::string& path, const nlohmann::json& item) {
  std::string field = error.where().field;
  const auto dot = field.find('.');
  std::string leaf = dot == std::string::npos ? "" : field.substr(dot + 1);
  if (leaf == "values") leaf = "sequence";
  if (leaf == "default") leaf = default_key(item);
  throw InputError(error.reason(), at(leaf.empty() ? path : path + "." + leaf));
}

void add_hyperparameter(SearchSpace& space, const nlohmann::json& item, const std::string& path) {
  if (!item.is_object()) throw InputError("must be an object", at(path));
  const std::string name = string_member(item, "name", path);
  const std::string type = string_member(item, "type", path);
  if (item.contains("q") && !item.at("q").is_null())
    throw InputError("quantized hyperparameters are not supported (q must be null)", at(path + ".q"));
  if (space.index_of(name))
    throw InputError("duplicate hyperparameter name '" + name + "'", at(path + ".name"));
  const nlohmann::json* def = default_of(item);
  try {
    if (type == "uniform_float" || type == "normal_float" || type == "beta_float" || type == "uniform_int" ||
        type == "normal_int" || type == "beta_int") {
      const bool integer = type.find("_int") != std::string::npos;
      const double lower = number_member(item, "lower", path);
      const double upper = number_member(item, "upper", path);
      const bool log_scale =
          item.contains("log") && item.at("log").is_boolean() && item.at("log").get<bool>();
      if (log_scale && !(lower > 0.0)) throw InputError("must be > 0 on a log scale", at(path + ".lower"));
      if (lower > upper) throw InputError("must be >= lower", at(path + ".upper"));
      std::optional<double> value;
      if (def) {
        if (!def->is_number()) throw InputError("must be a number", at(path + "." + default_key(item)));
        value = def->get<double>();
      }
      if (integer)
        space.add_integer(name, lower, upper, log_scale, value);
      else
        space.add_real(name, lower, upper, log_scale, value);
    } else if (type == "categorical") {
      const auto& choices = member(item, "choices", path);
      if (!choices.is_array()) throw InputError("must be an array", at(path + ".choices"));
      space.add_categorical(name, choices.get<std::vector<nlohmann::json>>(),
                            def ? std::optional<nlohmann::json>(*def) : std::nullopt);
    } else if (type == "ordinal") {
      const auto& sequence = member(item, "sequence", path);
      if (!sequence.is_array() || sequence.empty())
        throw InputError("must be a non-empty array", at(path + ".sequence"));
      const bool numeric =
          std::all_of(sequence.begin(), sequence.end(), [](const auto& x) { return x.is_number(); });
      std::set<double> distinct;
      if (numeric)
        for (const auto& x : sequence) distinct.insert(x.get<double>());
      if (numeric && distinct.size() == sequence.size()) {
        std::optional<double> value;
        if (def) {
          if (!def->is_number())
            throw InputError("must be one of the sequence", at(path + "." + default_key(item)));
          value = def->get<double>();
        }
        space.add_ordinal(name, std::vector<double>(distinct.begin(), distinct.end()), value);
      } else {
        space.add_categorical(name, sequence.get<std::vector<nlohmann::json>>(),
                              def ? std::optional<nlohmann::json>(*def) : std::nullopt);
      }
    } else if (type == "constant" || type == "unparametrized") {
      const auto& value = member(item, "value", path);
      space.add_categorical(name, {value}, value);
    } else {
      throw InputError(
          "unknown type '" + type +
              "' (valid: uniform_float, uniform_int, normal_float, normal_int, beta_float, beta_int, "
              "categorical, ordinal, constant)",
          at(path + ".type"));
    }
  } catch (const InputError& error) {
    if (error.where().field.rfind("variables[", 0) == 0) rethrow_at(error, path, item);
    throw;
  }
}

Index variable_member(const SearchSpace& space, const nlohmann::json& item, const char* key,
                      const std::string& path) {
  const std::string name = string_member(item, key, path);
  const auto j = space.index_of(name);
  if (!j) throw InputError("unknown hyperparameter '" + name + "'", at(path + "." + key));
  return *j;
}

// A condition (or a part of a conjunction) on `child`.
Clause condition_clause(const SearchSpace& space, const nlohmann::json& item, const std::string& path,
                        const std::string& child) {
  if (!item.is_object()) throw InputError("must be an object", at(path));
  const std::string type = string_member(item, "type", path);
  if (item.contains("child") && string_member(item, "child", path) != child)
    throw InputError("must be the conjunction's child '" + child + "'", at(path + ".child"));
  if (type == "AND" || type == "OR") {
    const auto& list = member(item, "conditions", path);
    if (!list.is_array() || list.empty())
      throw InputError("must be a non-empty array", at(path + ".conditions"));
    std::vector<Clause> parts;
    for (std::size_t k = 0; k < list.size(); ++k)
      parts.push_back(condition_clause(space, list[k], item_path(path + ".conditions", k), child));
    return type == "AND" ? Clause::all_of(std::move(parts)) : Clause::any_of(std::move(parts));
  }
  const Index parent = variable_member(space, item, "parent", path);
  if (type == "IN") {
    const auto& values = member(item, "values", path);
    if (!values.is_array() || values.empty())
      throw InputError("must be a non-empty array", at(path + ".values"));
    std::vector<double> list;
    for (std::size_t k = 0; k < values.size(); ++k)
      list.push_back(space.value_from_json(parent, values[k], item_path(path + ".values", k)));
    return Clause::in(parent, std::move(list));
  }
  const std::pair<const char*, Clause::Op> ops[] = {{"EQ", Clause::Op::equals},
                                                    {"NEQ", Clause::Op::not_equals},
                                                    {"LT", Clause::Op::less_than},
                                                    {"GT", Clause::Op::greater_than}};
  for (const auto& [name, op] : ops) {
    if (type != name) continue;
    const bool order = op == Clause::Op::less_than || op == Clause::Op::greater_than;
    if (order && space[parent].kind == VariableKind::categorical)
      throw InputError(
          type + " needs a numeric or ordinal parent, '" + space[parent].name + "' is categorical",
          at(path + ".type"));
    return Clause::leaf(op, parent,
                        {space.value_from_json(parent, member(item, "value", path), path + ".value", order)});
  }
  throw InputError("unknown condition type '" + type + "' (valid: EQ, NEQ, LT, GT, IN, AND, OR)",
                   at(path + ".type"));
}

Clause forbidden_clause(const SearchSpace& space, const nlohmann::json& item, const std::string& path) {
  if (!item.is_object()) throw InputError("must be an object", at(path));
  const std::string type = string_member(item, "type", path);
  if (type == "AND") {
    const auto& list = member(item, "clauses", path);
    if (!list.is_array() || list.empty())
      throw InputError("must be a non-empty array", at(path + ".clauses"));
    std::vector<Clause> parts;
    for (std::size_t k = 0; k < list.size(); ++k)
      parts.push_back(forbidden_clause(space, list[k], item_path(path + ".clauses", k)));
    return Clause::all_of(std::move(parts));
  }
  if (type == "EQUALS") {
    const Index j = variable_member(space, item, "name", path);
    return Clause::equals(j, space.value_from_json(j, member(item, "value", path), path + ".value"));
  }
  if (type == "IN") {
    const Index j = variable_member(space, item, "name", path);
    const auto& values = member(item, "values", path);
    if (!values.is_array() || values.empty())
      throw InputError("must be a non-empty array", at(path + ".values"));
    std::vector<double> list;
    for (std::size_t k = 0; k < values.size(); ++k)
      list.push_back(space.value_from_json(j, values[k], item_path(path + ".values", k)));
    return Clause::in(j, std::move(list));
  }
  if (type.rfind("RELATION", 0) == 0) {
    std::string kind = type == "RELATION" ? string_member(item, "lambda", path)
                                          : type.substr(std::string("RELATION_").size());
    Clause::Op op;
    if (kind == "LT" || kind == "LESS")
      op = Clause::Op::less_than_variable;
    else if (kind == "EQ" || kind == "EQUALS")
      op = Clause::Op::equals_variable;
    else if (kind == "GT" || kind == "GREATER")
      op = Clause::Op::greater_than_variable;
    else
      throw InputError("unknown relation '" + kind + "' (valid: LT, EQ, GT)",
                       at(path + (type == "RELATION" ? ".lambda" : ".type")));
    return Clause::relation(op, variable_member(space, item, "left", path),
                            variable_member(space, item, "right", path));
  }
  throw InputError("unknown forbidden type '" + type +
                       "' (valid: EQUALS, IN, AND, RELATION_LT, RELATION_EQ, RELATION_GT, RELATION)",
                   at(path + ".type"));
}

const nlohmann::json& optional_list(const nlohmann::json& json, const char* key) {
  static const nlohmann::json empty = nlohmann::json::array();
  if (!json.contains(key) || json.at(key).is_null()) return empty;
  if (!json.at(key).is_array()) throw InputError("must be an array", at(key));
  return json.at(key);
}

}  // namespace

const char* to_string(SpaceFormat format) {
  return format == SpaceFormat::configspace ? "configspace" : "paretokit";
}

bool is_configspace_json(const nlohmann::json& json) {
  return json.is_object() && json.contains("hyperparameters");
}

SearchSpace search_space_from_configspace_json(const nlohmann::json& json) {
  if (!is_configspace_json(json)) throw InputError("missing field", at("hyperparameters"));
  const auto& hyperparameters = json.at("hyperparameters");
  if (!hyperparameters.is_array()) throw InputError("must be an array", at("hyperparameters"));
  SearchSpace space;
  for (std::size_t k = 0; k < hyperparameters.size(); ++k)
    add_hyperparameter(space, hyperparameters[k], item_path("hyperparameters", k));
  const auto& conditions = optional_list(json, "conditions");
  for (std::size_t k = 0; k < conditions.size(); ++k) {
    const std::string path = item_path("conditions", k);
    const auto& item = conditions[k];
    if (!item.is_object()) throw InputError("must be an object", at(path));
    const Index child = variable_member(space, item, "child", path);
    space.add_condition(child, condition_clause(space, item, path, space[child].name), path);
  }
  const auto& forbiddens = optional_list(json, "forbiddens");
  for (std::size_t k = 0; k < forbiddens.size(); ++k) {
    const std::string path = item_path("forbiddens", k);
    space.add_forbidden(forbidden_clause(space, forbiddens[k], path), path);
  }
  return space;
}

}  // namespace paretokit
