// Forbidden combinations of a SearchSpace: adding them (with the checks that
// keep the space non-empty), querying rows, and the readable form of clauses
// (see core/search_space.hpp).
#include <string>
#include <vector>

#include "paretokit/core/error.hpp"
#include "paretokit/core/search_space.hpp"

namespace paretokit {

namespace {

// Discrete values of a variable (value form), or empty for a real with a
// range (a continuum: no finite list covers it).
std::vector<double> discrete_values(const Variable& v) {
  switch (v.kind) {
    case VariableKind::real:
      return v.lower == v.upper ? std::vector<double>{v.lower} : std::vector<double>{};
    case VariableKind::ordinal:
      return v.values;
    case VariableKind::integer:
    case VariableKind::categorical: {
      std::vector<double> values;
      for (double x = v.lower; x <= v.upper; x += 1.0) values.push_back(x);
      return values;
    }
  }
  return {};
}

}  // namespace

// True when the clause provably holds for every configuration: every
// variable it reads is unconditional and discrete (or a real of one value),
// and it holds on each combination of their values (enumerated, up to 10^6
// combinations). Clauses on reals with a range or on conditional variables
// are not proven total; the default-configuration check and the bounded
// sampling catch what remains.
bool SearchSpace::forbids_everything(const Clause& clause) const {
  const std::vector<Index> used = clause.variables_used();
  std::vector<std::vector<double>> grids;
  double combinations = 1.0;
  for (Index j : used) {
    if (condition_of(j) != nullptr) return false;
    grids.push_back(discrete_values((*this)[j]));
    if (grids.back().empty()) return false;
    combinations *= static_cast<double>(grids.back().size());
  }
  if (combinations > 1e6) return false;
  RowVector row = inactive_value_;
  std::vector<std::size_t> digit(used.size(), 0);
  const std::vector<bool> all_active(variables_.size(), true);
  while (true) {
    for (std::size_t u = 0; u < used.size(); ++u) row[used[u]] = grids[u][digit[u]];
    if (!holds_raw(clause, row.data(), all_active)) return false;
    std::size_t u = 0;
    while (u < used.size() && ++digit[u] == grids[u].size()) digit[u++] = 0;
    if (u == used.size()) return true;
  }
}

SearchSpace& SearchSpace::add_forbidden(Clause clause, const std::string& where) {
  const Location at = Location::of_field(where);
  check_clause(clause, where);
  if (forbids_everything(clause))
    throw InputError("the clause (" + describe(clause) + ") forbids every configuration", at);
  if (holds(clause, inactive_value_))
    throw InputError("the clause (" + describe(clause) +
                         ") forbids the default configuration; give the variables defaults it allows",
                     at);
  forbiddens_.push_back(std::move(clause));
  return *this;
}

std::optional<Index> SearchSpace::forbidding_clause(const Eigen::Ref<const RowVector>& x) const {
  if (forbiddens_.empty()) return std::nullopt;
  const RowVector row = x;
  std::vector<bool> flags;
  fill_active(row.data(), flags);
  for (std::size_t k = 0; k < forbiddens_.size(); ++k)
    if (holds_raw(forbiddens_[k], row.data(), flags)) return static_cast<Index>(k);
  return std::nullopt;
}

bool SearchSpace::is_forbidden(const Eigen::Ref<const RowVector>& x) const {
  return forbidding_clause(x).has_value();
}

BoolVector SearchSpace::forbidden_rows(const MatrixRef& X) const {
  BoolVector forbidden = BoolVector::Constant(X.rows(), false);
  if (forbiddens_.empty()) return forbidden;
  std::vector<bool> flags;
  RowVector row(X.cols());
  for (Index i = 0; i < X.rows(); ++i) {
    row = X.row(i);
    fill_active(row.data(), flags);
    for (const Clause& clause : forbiddens_)
      if (holds_raw(clause, row.data(), flags)) {
        forbidden[i] = true;
        break;
      }
  }
  return forbidden;
}

std::string SearchSpace::describe(const Clause& clause) const {
  if (!clause.is_leaf()) {
    std::string text = "(";
    for (std::size_t p = 0; p < clause.parts.size(); ++p)
      text.append(p == 0                         ? ""
                  : clause.op == Clause::Op::all ? " and "
                                                 : " or ")
          .append(describe(clause.parts[p]));
    return text + ")";
  }
  const bool known = clause.variable >= 0 && clause.variable < size();
  const std::string name = known ? (*this)[clause.variable].name : "?";
  auto value = [&](double x) { return known ? value_to_json(clause.variable, x).dump() : std::to_string(x); };
  auto other = [&] { return clause.other >= 0 && clause.other < size() ? (*this)[clause.other].name : "?"; };
  auto first = [&] { return clause.values.empty() ? std::string("?") : value(clause.values[0]); };
  switch (clause.op) {
    case Clause::Op::equals:
      return name + " == " + first();
    case Clause::Op::not_equals:
      return name + " != " + first();
    case Clause::Op::less_than:
      return name + " < " + first();
    case Clause::Op::greater_than:
      return name + " > " + first();
    case Clause::Op::in: {
      std::string text = name + " in {";
      for (std::size_t k = 0; k < clause.values.size(); ++k)
        text.append(k == 0 ? "" : ", ").append(value(clause.values[k]));
      return text + "}";
    }
    case Clause::Op::equals_variable:
      return name + " == " + other();
    case Clause::Op::less_than_variable:
      return name + " < " + other();
    case Clause::Op::greater_than_variable:
      return name + " > " + other();
    default:
      return "?";
  }
}

}  // namespace paretokit
