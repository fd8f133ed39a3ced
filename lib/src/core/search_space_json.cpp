// SearchSpace in paretokit's JSON form: variables, conditions, forbiddens
// (the format is in core/search_space.hpp's header comment).
#include <algorithm>
#include <cmath>
#include <map>

#include "paretokit/core/error.hpp"
#include "paretokit/core/search_space.hpp"
#include "search_space_fields.hpp"

namespace paretokit {

namespace {

Location field(Index j, const std::string& name) { return detail::variable_field(j, name); }

std::string default_name(Index j) { return detail::default_variable_name(j); }

// The operator keys of a leaf clause.
const std::map<std::string, Clause::Op>& leaf_ops() {
  static const std::map<std::string, Clause::Op> ops{
      {"equals", Clause::Op::equals},
      {"not_equals", Clause::Op::not_equals},
      {"in", Clause::Op::in},
      {"less_than", Clause::Op::less_than},
      {"greater_than", Clause::Op::greater_than},
      {"equals_variable", Clause::Op::equals_variable},
      {"less_than_variable", Clause::Op::less_than_variable},
      {"greater_than_variable", Clause::Op::greater_than_variable}};
  return ops;
}

std::string list_of_ops() {
  std::string text;
  for (const auto& [name, op] : leaf_ops()) text.append(text.empty() ? "" : ", ").append(name);
  return text;
}

}  // namespace

double SearchSpace::value_from_json(Index j, const nlohmann::json& value, const std::string& where,
                                    bool any_number) const {
  const Variable& v = (*this)[j];
  const Location at = Location::of_field(where);
  if (v.kind == VariableKind::categorical) {
    const auto it = std::find(v.choices.begin(), v.choices.end(), value);
    if (it == v.choices.end())
      throw InputError(value.dump() + " is not a choice of '" + v.name +
                           "' (choices: " + nlohmann::json(v.choices).dump() + ")",
                       at);
    return static_cast<double>(it - v.choices.begin());
  }
  if (!value.is_number())
    throw InputError("must be a number ('" + v.name + "' is " + to_string(v.kind) + ")", at);
  const double x = value.get<double>();
  if (any_number) {
    if (!std::isfinite(x)) throw InputError("must be a finite number", at);
    return x;
  }
  bool ok = std::isfinite(x) && x >= v.lower && x <= v.upper;
  if (ok && v.kind == VariableKind::integer) ok = x == std::round(x);
  if (ok && v.kind == VariableKind::ordinal) ok = std::binary_search(v.values.begin(), v.values.end(), x);
  if (!ok) {
    // (Built with append: g++ 12 warns falsely (-Wrestrict) about "[" + ...)
    std::string domain = nlohmann::json(v.values).dump();
    if (v.kind != VariableKind::ordinal)
      domain = std::string(1, '[')
                   .append(value_to_json(j, v.lower).dump())
                   .append(", ")
                   .append(value_to_json(j, v.upper).dump())
                   .append("]");
    throw InputError(
        value.dump() + " is not a value of '" + v.name + "' (" + to_string(v.kind) + " " + domain + ")", at);
  }
  return x;
}

nlohmann::json SearchSpace::clause_to_json(const Clause& clause) const {
  if (!clause.is_leaf()) {
    nlohmann::json parts = nlohmann::json::array();
    for (const Clause& part : clause.parts) parts.push_back(clause_to_json(part));
    return {{clause.op == Clause::Op::all ? "and" : "or", std::move(parts)}};
  }
  nlohmann::json item{{"variable", (*this)[clause.variable].name}};
  const std::string op = to_string(clause.op);
  switch (clause.op) {
    case Clause::Op::equals_variable:
    case Clause::Op::less_than_variable:
    case Clause::Op::greater_than_variable:
      item[op] = (*this)[clause.other].name;
      break;
    case Clause::Op::in: {
      nlohmann::json values = nlohmann::json::array();
      for (double x : clause.values) values.push_back(value_to_json(clause.variable, x));
      item[op] = std::move(values);
      break;
    }
    case Clause::Op::less_than:
    case Clause::Op::greater_than:
      item[op] = clause.values[0];  // any number, not rounded to the variable's grid
      break;
    default:
      item[op] = value_to_json(clause.variable, clause.values[0]);
  }
  return item;
}

Clause SearchSpace::clause_from_json(const nlohmann::json& json, const std::string& where) const {
  if (!json.is_object())
    throw InputError(
        "must be an object: {\"variable\": NAME, OP: VALUE}, {\"and\": [...]} or {\"or\": [...]}",
        Location::of_field(where));
  for (const char* key : {"and", "or"}) {
    if (!json.contains(key)) continue;
    const std::string path = where + "." + key;
    if (json.size() != 1)
      throw InputError(std::string("'") + key + "' must stand alone in its object",
                       Location::of_field(where));
    const auto& list = json.at(key);
    if (!list.is_array() || list.empty())
      throw InputError("must be a non-empty array of clauses", Location::of_field(path));
    std::vector<Clause> parts;
    for (std::size_t p = 0; p < list.size(); ++p)
      parts.push_back(clause_from_json(list[p], path + "[" + std::to_string(p) + "]"));
    return std::string(key) == "and" ? Clause::all_of(std::move(parts)) : Clause::any_of(std::move(parts));
  }
  if (!json.contains("variable") || !json.at("variable").is_string())
    throw InputError("must be the name of a variable", Location::of_field(where + ".variable"));
  const std::string name = json.at("variable").get<std::string>();
  const auto j = index_of(name);
  if (!j) throw InputError("unknown variable '" + name + "'", Location::of_field(where + ".variable"));
  std::optional<Clause> clause;
  for (const auto& [key, value] : json.items()) {
    if (key == "variable") continue;
    const std::string path = where + "." + key;
    const auto op = leaf_ops().find(key);
    if (op == leaf_ops().end())
      throw InputError("unknown field '" + key + "' (valid: variable, " + list_of_ops() + ", and, or)",
                       Location::of_field(where));
    if (clause) throw InputError("a clause takes one operator", Location::of_field(path));
    switch (op->second) {
      case Clause::Op::equals_variable:
      case Clause::Op::less_than_variable:
      case Clause::Op::greater_than_variable: {
        const auto k = value.is_string() ? index_of(value.get<std::string>()) : std::nullopt;
        if (!k) throw InputError("must name another variable", Location::of_field(path));
        clause = Clause::relation(op->second, *j, *k);
        break;
      }
      case Clause::Op::in: {
        if (!value.is_array() || value.empty())
          throw InputError("must be a non-empty array", Location::of_field(path));
        std::vector<double> values;
        for (std::size_t k = 0; k < value.size(); ++k)
          values.push_back(value_from_json(*j, value[k], path + "[" + std::to_string(k) + "]"));
        clause = Clause::in(*j, std::move(values));
        break;
      }
      default: {
        const bool order = op->second == Clause::Op::less_than || op->second == Clause::Op::greater_than;
        if (order && (*this)[*j].kind == VariableKind::categorical)
          throw InputError(key + " needs a numeric or ordinal variable, '" + name + "' is categorical",
                           Location::of_field(path));
        clause = Clause::leaf(op->second, *j, {value_from_json(*j, value, path, order)});
      }
    }
    check_clause(*clause, path);
  }
  if (!clause) throw InputError("needs an operator (" + list_of_ops() + ")", Location::of_field(where));
  return *clause;
}

nlohmann::json SearchSpace::to_json() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& v : variables_) {
    nlohmann::json item{{"name", v.name}, {"type", to_string(v.kind)}};
    if (v.kind == VariableKind::real || v.kind == VariableKind::integer) {
      item["lower"] = v.lower;
      item["upper"] = v.upper;
      if (v.log_scale) item["log"] = true;
      if (v.default_value) item["default"] = *v.default_value;
    } else if (v.kind == VariableKind::ordinal) {
      item["values"] = v.values;
      if (v.default_value) item["default"] = *v.default_value;
    } else {
      item["choices"] = v.choices;
      if (v.default_value) item["default"] = v.choices[static_cast<std::size_t>(*v.default_value)];
    }
    list.push_back(std::move(item));
  }
  nlohmann::json json{{"variables", std::move(list)}};
  if (has_conditions()) {
    nlohmann::json conditions = nlohmann::json::array();
    for (const Condition& c : conditions_)
      conditions.push_back({{"child", (*this)[c.child].name}, {"when", clause_to_json(c.when)}});
    json["conditions"] = std::move(conditions);
  }
  if (has_forbiddens()) {
    nlohmann::json forbiddens = nlohmann::json::array();
    for (const Clause& clause : forbiddens_) forbiddens.push_back(clause_to_json(clause));
    json["forbiddens"] = std::move(forbiddens);
  }
  return json;
}

SearchSpace SearchSpace::from_json(const nlohmann::json& json) {
  const nlohmann::json* list = &json;
  if (json.is_object()) {
    if (!json.contains("variables")) throw InputError("missing field", Location::of_field("variables"));
    list = &json.at("variables");
  }
  if (!list->is_array()) throw InputError("must be an array of variables", Location::of_field("variables"));
  SearchSpace space;
  Index j = 0;
  for (const auto& item : *list) {
    if (!item.is_object()) throw InputError("must be an object", field(j, ""));
    auto number = [&](const char* key) -> double {
      if (!item.contains(key)) throw InputError("missing field", field(j, key));
      if (!item.at(key).is_number()) throw InputError("must be a number", field(j, key));
      return item.at(key).get<double>();
    };
    const std::string name = item.value("name", default_name(j));
    const std::string type = item.value("type", "real");
    const bool log_scale = item.value("log", false);
    std::optional<double> def;
    if (item.contains("default") && type != "categorical") def = number("default");
    if (type == "real" || type == "float") {
      space.add_real(name, number("lower"), number("upper"), log_scale, def);
    } else if (type == "integer" || type == "int") {
      space.add_integer(name, number("lower"), number("upper"), log_scale, def);
    } else if (type == "ordinal") {
      if (!item.contains("values") || !item.at("values").is_array())
        throw InputError("must be an array of numbers", field(j, "values"));
      std::vector<double> values;
      for (const auto& x : item.at("values")) {
        if (!x.is_number()) throw InputError("must be an array of numbers", field(j, "values"));
        values.push_back(x.get<double>());
      }
      space.add_ordinal(name, std::move(values), def);
    } else if (type == "categorical") {
      if (!item.contains("choices") || !item.at("choices").is_array())
        throw InputError("must be an array", field(j, "choices"));
      std::optional<nlohmann::json> choice;
      if (item.contains("default")) choice = item.at("default");
      space.add_categorical(name, item.at("choices").get<std::vector<nlohmann::json>>(), choice);
    } else {
      throw InputError("unknown type '" + type + "' (valid: real, integer, ordinal, categorical)",
                       field(j, "type"));
    }
    ++j;
  }
  if (!json.is_object()) return space;
  for (const auto& [key, value] : json.items())
    if (key != "variables" && key != "conditions" && key != "forbiddens" && key != "name" &&
        key != "description")
      throw InputError("unknown field (valid: variables, conditions, forbiddens, name, description)",
                       Location::of_field(key));
  if (json.contains("conditions")) {
    const auto& list = json.at("conditions");
    if (!list.is_array()) throw InputError("must be an array", Location::of_field("conditions"));
    for (std::size_t k = 0; k < list.size(); ++k) {
      const std::string path = "conditions[" + std::to_string(k) + "]";
      const auto& item = list[k];
      if (!item.is_object() || !item.contains("child") || !item.at("child").is_string())
        throw InputError("must be the name of a variable", Location::of_field(path + ".child"));
      const auto child = space.index_of(item.at("child").get<std::string>());
      if (!child)
        throw InputError("unknown variable '" + item.at("child").get<std::string>() + "'",
                         Location::of_field(path + ".child"));
      if (!item.contains("when")) throw InputError("missing field", Location::of_field(path + ".when"));
      for (const auto& [key, value] : item.items())
        if (key != "child" && key != "when")
          throw InputError("unknown field '" + key + "' (valid: child, when)", Location::of_field(path));
      space.add_condition(*child, space.clause_from_json(item.at("when"), path + ".when"), path);
    }
  }
  if (json.contains("forbiddens")) {
    const auto& list = json.at("forbiddens");
    if (!list.is_array()) throw InputError("must be an array", Location::of_field("forbiddens"));
    for (std::size_t k = 0; k < list.size(); ++k) {
      const std::string path = "forbiddens[" + std::to_string(k) + "]";
      space.add_forbidden(space.clause_from_json(list[k], path), path);
    }
  }
  return space;
}

}  // namespace paretokit
