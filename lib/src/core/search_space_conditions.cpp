// Conditions of a SearchSpace: clauses, their evaluation, activity of the
// variables and the order that evaluates parents before children (see
// core/search_space.hpp). Evaluating the activity of a row costs
// O(d + total size of the conditions).
#include <algorithm>
#include <cmath>
#include <iterator>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/core/search_space.hpp"

namespace paretokit {

const char* to_string(Clause::Op op) {
  switch (op) {
    case Clause::Op::equals:
      return "equals";
    case Clause::Op::not_equals:
      return "not_equals";
    case Clause::Op::in:
      return "in";
    case Clause::Op::less_than:
      return "less_than";
    case Clause::Op::greater_than:
      return "greater_than";
    case Clause::Op::equals_variable:
      return "equals_variable";
    case Clause::Op::less_than_variable:
      return "less_than_variable";
    case Clause::Op::greater_than_variable:
      return "greater_than_variable";
    case Clause::Op::all:
      return "and";
    case Clause::Op::any:
      return "or";
  }
  return "?";
}

Clause Clause::leaf(Op op, Index variable, std::vector<double> values) {
  Clause clause;
  clause.op = op;
  clause.variable = variable;
  clause.values = std::move(values);
  return clause;
}

Clause Clause::relation(Op op, Index variable, Index other) {
  Clause clause;
  clause.op = op;
  clause.variable = variable;
  clause.other = other;
  return clause;
}

Clause Clause::all_of(std::vector<Clause> parts) {
  Clause clause;
  clause.op = Op::all;
  clause.parts = std::move(parts);
  return clause;
}

Clause Clause::any_of(std::vector<Clause> parts) {
  Clause clause;
  clause.op = Op::any;
  clause.parts = std::move(parts);
  return clause;
}

std::vector<Index> Clause::variables_used() const {
  std::vector<Index> used;
  auto note = [&](Index j) {
    if (j >= 0 && std::find(used.begin(), used.end(), j) == used.end()) used.push_back(j);
  };
  if (is_leaf()) {
    note(variable);
    note(other);
  }
  for (const Clause& part : parts)
    for (Index j : part.variables_used()) note(j);
  return used;
}

namespace {

bool is_relation(Clause::Op op) {
  return op == Clause::Op::equals_variable || op == Clause::Op::less_than_variable ||
         op == Clause::Op::greater_than_variable;
}

bool is_order_test(Clause::Op op) {
  return op == Clause::Op::less_than || op == Clause::Op::greater_than ||
         op == Clause::Op::less_than_variable || op == Clause::Op::greater_than_variable;
}

// Whether v is one of the variable's own values (value form).
bool in_domain(const Variable& v, double x) {
  if (!std::isfinite(x) || x < v.lower || x > v.upper) return false;
  if (v.kind == VariableKind::integer || v.kind == VariableKind::categorical) return x == std::round(x);
  if (v.kind == VariableKind::ordinal) return std::binary_search(v.values.begin(), v.values.end(), x);
  return true;
}

}  // namespace

void SearchSpace::check_clause(const Clause& clause, const std::string& where) const {
  const Location at = Location::of_field(where);
  if (!clause.is_leaf()) {
    if (clause.parts.empty())
      throw InputError(std::string("'") + to_string(clause.op) + "' needs at least one part", at);
    for (const Clause& part : clause.parts) check_clause(part, where);
    return;
  }
  if (clause.variable < 0 || clause.variable >= size())
    throw InputError("unknown variable " + std::to_string(clause.variable), at);
  const Variable& v = (*this)[clause.variable];
  if (is_order_test(clause.op) && v.kind == VariableKind::categorical)
    throw InputError(std::string(to_string(clause.op)) + " needs a numeric or ordinal variable, '" + v.name +
                         "' is categorical",
                     at);
  if (is_relation(clause.op)) {
    if (clause.other < 0 || clause.other >= size() || clause.other == clause.variable)
      throw InputError("a relation needs two different variables", at);
    const Variable& w = (*this)[clause.other];
    if ((v.kind == VariableKind::categorical) != (w.kind == VariableKind::categorical) ||
        (is_order_test(clause.op) && w.kind == VariableKind::categorical))
      throw InputError("cannot compare '" + v.name + "' with '" + w.name + "'", at);
    return;
  }
  if (clause.values.empty()) throw InputError("needs a value", at);
  if (clause.op != Clause::Op::in && clause.values.size() != 1)
    throw InputError("needs exactly one value", at);
  for (double x : clause.values) {
    const bool ok = is_order_test(clause.op) ? std::isfinite(x) : in_domain(v, x);
    if (!ok)
      throw InputError(value_to_json(clause.variable, x).dump() + " is not a value of '" + v.name + "'", at);
  }
}

SearchSpace& SearchSpace::add_condition(Index child, Clause when, const std::string& where) {
  const Location at = Location::of_field(where);
  if (child < 0 || child >= size()) throw InputError("unknown child variable", at);
  const Variable& v = (*this)[child];
  if (const Condition* existing = condition_of(child))
    throw InputError("'" + v.name + "' already has a condition (" + describe(existing->when) +
                         "); combine both with and / or",
                     at);
  check_clause(when, where);
  for (Index j : when.variables_used())
    if (j == child) throw InputError("the condition of '" + v.name + "' tests '" + v.name + "' itself", at);

  // Parents before children: a topological order of the graph parent ->
  // child (Boost.Graph); a cycle among the conditions is an error.
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Graph graph(static_cast<std::size_t>(size()));
  auto add_edges = [&](Index to, const Clause& clause) {
    for (Index from : clause.variables_used())
      boost::add_edge(static_cast<std::size_t>(from), static_cast<std::size_t>(to), graph);
  };
  for (const Condition& c : conditions_) add_edges(c.child, c.when);
  add_edges(child, when);
  std::vector<std::size_t> reversed;
  try {
    boost::topological_sort(graph, std::back_inserter(reversed));
  } catch (const boost::not_a_dag&) {
    std::vector<std::size_t> component(static_cast<std::size_t>(size()));
    boost::strong_components(graph, component.data());
    std::string members;
    const std::size_t mine = component[static_cast<std::size_t>(child)];
    for (Index j = 0; j < size(); ++j)
      if (component[static_cast<std::size_t>(j)] == mine)
        members.append(members.empty() ? "" : ", ").append((*this)[j].name);
    throw InputError("the conditions form a cycle among " + members, at);
  }
  order_.assign(reversed.rbegin(), reversed.rend());
  condition_index_[static_cast<std::size_t>(child)] = static_cast<Index>(conditions_.size());
  conditions_.push_back(Condition{child, std::move(when)});
  return *this;
}

const Condition* SearchSpace::condition_of(Index j) const {
  const Index k = condition_index_[static_cast<std::size_t>(j)];
  return k < 0 ? nullptr : &conditions_[static_cast<std::size_t>(k)];
}

bool SearchSpace::holds_raw(const Clause& clause, const double* x, const std::vector<bool>& active) const {
  switch (clause.op) {
    case Clause::Op::all:
      return std::all_of(clause.parts.begin(), clause.parts.end(),
                         [&](const Clause& part) { return holds_raw(part, x, active); });
    case Clause::Op::any:
      return std::any_of(clause.parts.begin(), clause.parts.end(),
                         [&](const Clause& part) { return holds_raw(part, x, active); });
    default:
      break;
  }
  const auto j = static_cast<std::size_t>(clause.variable);
  if (!active[j]) return false;
  const double value = x[j];
  switch (clause.op) {
    case Clause::Op::equals:
      return value == clause.values[0];
    case Clause::Op::not_equals:
      return value != clause.values[0];
    case Clause::Op::in:
      return std::find(clause.values.begin(), clause.values.end(), value) != clause.values.end();
    case Clause::Op::less_than:
      return value < clause.values[0];
    case Clause::Op::greater_than:
      return value > clause.values[0];
    default:
      break;
  }
  const auto k = static_cast<std::size_t>(clause.other);
  if (!active[k]) return false;
  const double other = x[k];
  switch (clause.op) {
    case Clause::Op::equals_variable:
      if ((*this)[clause.variable].kind == VariableKind::categorical)
        return value_to_json(clause.variable, value) == value_to_json(clause.other, other);
      return value == other;
    case Clause::Op::less_than_variable:
      return value < other;
    case Clause::Op::greater_than_variable:
      return value > other;
    default:
      return false;
  }
}

void SearchSpace::fill_active(const double* x, std::vector<bool>& active) const {
  active.assign(variables_.size(), true);
  if (conditions_.empty()) return;
  for (Index j : order_) {
    const Index k = condition_index_[static_cast<std::size_t>(j)];
    if (k >= 0)
      active[static_cast<std::size_t>(j)] =
          holds_raw(conditions_[static_cast<std::size_t>(k)].when, x, active);
  }
}

std::vector<bool> SearchSpace::active(const Eigen::Ref<const RowVector>& x) const {
  if (x.size() != size())
    throw InputError("expected " + std::to_string(size()) + " variables", Location::of_field("variables"));
  const RowVector row = x;
  std::vector<bool> flags;
  fill_active(row.data(), flags);
  return flags;
}

BoolMatrix SearchSpace::active_mask(const MatrixRef& X) const {
  BoolMatrix mask = BoolMatrix::Constant(X.rows(), X.cols(), true);
  if (conditions_.empty()) return mask;
  std::vector<bool> flags;
  RowVector row(X.cols());
  for (Index i = 0; i < X.rows(); ++i) {
    row = X.row(i);
    fill_active(row.data(), flags);
    for (Index j = 0; j < X.cols(); ++j) mask(i, j) = flags[static_cast<std::size_t>(j)];
  }
  return mask;
}

void SearchSpace::canonicalize(MatrixMut X) const {
  if (conditions_.empty()) return;
  const BoolMatrix mask = active_mask(X);
  for (Index i = 0; i < X.rows(); ++i)
    for (Index j = 0; j < X.cols(); ++j)
      if (!mask(i, j)) X(i, j) = inactive_value_[j];
}

bool SearchSpace::holds(const Clause& clause, const Eigen::Ref<const RowVector>& x) const {
  const RowVector row = x;
  std::vector<bool> flags;
  fill_active(row.data(), flags);
  return holds_raw(clause, row.data(), flags);
}

}  // namespace paretokit
