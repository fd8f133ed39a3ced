// SearchSpace: the decision variables of a problem, of four kinds:
//
//   real         a number in [lower, upper], optionally on a log scale
//   integer      an integer in [lower, upper], optionally on a log scale
//   ordinal      one of an ordered list of numbers (e.g. bit-widths 2, 4, 8)
//   categorical  one of a list of unordered choices (strings or numbers)
//
// A decision vector as a Problem sees it (its "value" form) holds the real
// or integer value, the ordinal's number, and the categorical's index into
// its choices. Algorithms search an "encoded" form instead: every variable
// mapped to [0, 1] (linearly, or logarithmically for log-scaled ones; an
// integer or a choice owns an equal-width slice of [0, 1]). decode() rounds,
// clamps and picks; encode(decode(z)) is the canonical encoding of z.
//
// A space whose variables are all linear reals need not be encoded at all:
// is_plain_real() says so, and algorithms then work on the values directly,
// so such problems pay nothing. Encoding and decoding cost O(n d).
//
// JSON form (to_json/from_json):
//   {"variables": [
//     {"name": "lr",   "type": "real", "lower": 1e-5, "upper": 1, "log": true, "default": 1e-3},
//     {"name": "bits", "type": "integer", "lower": 2, "upper": 8},
//     {"name": "w",    "type": "ordinal", "values": [2, 4, 8]},
//     {"name": "act",  "type": "categorical", "choices": ["relu", "gelu"]}]}
// "default" is optional (a value in the variable's own terms; for a
// categorical the choice itself); a bare array of variables is accepted too.
//
// Conditions and forbidden combinations (ConfigSpace's model):
//
//   "conditions": [
//     {"child": "degree", "when": {"variable": "kernel", "equals": "poly"}},
//     {"child": "gamma",  "when": {"variable": "kernel", "in": ["rbf", "poly"]}},
//     {"child": "coef0",  "when": {"or": [{"variable": "kernel", "equals": "poly"},
//                                         {"and": [{"variable": "kernel", "equals": "sigmoid"},
//                                                  {"variable": "degree", "greater_than": 2}]}]}}],
//   "forbiddens": [
//     {"and": [{"variable": "kernel", "equals": "linear"}, {"variable": "shrinking", "equals": false}]},
//     {"variable": "lr", "greater_than_variable": "lr_max"}]
//
// A test ("clause") is {"variable": NAME, OP: VALUE} with OP one of equals,
// not_equals, in (a list), less_than, greater_than (numbers and ordinals),
// or equals_variable, less_than_variable, greater_than_variable (NAME
// against another variable), or {"and": [...]} / {"or": [...]}. A test on an
// inactive variable is false (so a chain a -> b -> c makes c inactive
// whenever b is). A variable takes at most one condition (combine with and /
// or); conditions must not form a cycle. A configuration is forbidden when
// one of the forbiddens holds; a forbidden clause that holds for every
// configuration, or for the default configuration, is an error.
// core/search_space_file.hpp reads these files and ConfigSpace's JSON.
//
// Inactive variables. In the value and encoded matrices an inactive
// variable holds a canonical value: its default (value form) and that
// default's encoding (encoded form). So identical configurations have
// identical rows whatever the operators did to the inactive columns, and
// duplicates are found on what the program sees. decode() and encode() set
// them (encode(decode(z)) stays the canonical encoding), row_to_json()
// leaves them out, active()/active_mask() say which are active. A space
// with conditions or forbiddens is never is_plain_real().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit {

enum class VariableKind { real, integer, ordinal, categorical };

struct Variable {
  std::string name;
  VariableKind kind = VariableKind::real;
  double lower = 0.0;  // real and integer: bounds (inclusive)
  double upper = 1.0;
  bool log_scale = false;               // real and integer only; needs lower > 0
  std::vector<double> values;           // ordinal: the ordered numbers
  std::vector<nlohmann::json> choices;  // categorical: the choices
  std::optional<double> default_value;  // value form (categorical: the index)

  // Number of distinct values (0 for real).
  Index cardinality() const;
};

// A test on a configuration: a leaf compares one variable with values (in
// value form: a categorical's value is the index of its choice) or with
// another variable; `all` / `any` combine parts. A leaf on an inactive
// variable is false.
struct Clause {
  enum class Op {
    equals,
    not_equals,
    in,
    less_than,
    greater_than,
    equals_variable,
    less_than_variable,
    greater_than_variable,
    all,
    any
  };
  Op op = Op::equals;
  Index variable = -1;         // leaves and relations: the variable tested
  Index other = -1;            // *_variable: the variable it is compared with
  std::vector<double> values;  // equals ... greater_than: the operand(s)
  std::vector<Clause> parts;   // all, any

  static Clause equals(Index variable, double value) { return leaf(Op::equals, variable, {value}); }
  static Clause not_equals(Index variable, double value) { return leaf(Op::not_equals, variable, {value}); }
  static Clause in(Index variable, std::vector<double> values) {
    return leaf(Op::in, variable, std::move(values));
  }
  static Clause less_than(Index variable, double value) { return leaf(Op::less_than, variable, {value}); }
  static Clause greater_than(Index variable, double value) {
    return leaf(Op::greater_than, variable, {value});
  }
  static Clause relation(Op op, Index variable, Index other);
  static Clause all_of(std::vector<Clause> parts);
  static Clause any_of(std::vector<Clause> parts);
  static Clause leaf(Op op, Index variable, std::vector<double> values);

  bool is_leaf() const { return op != Op::all && op != Op::any; }
  // The variables the clause reads, each once, in first-use order.
  std::vector<Index> variables_used() const;
};

// A variable is active only when `when` holds.
struct Condition {
  Index child = -1;
  Clause when;
};

// Rows x columns of flags (active_mask) or one flag per row (forbidden_rows).
using BoolMatrix = Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using BoolVector = Eigen::Array<bool, Eigen::Dynamic, 1>;

class SearchSpace {
 public:
  SearchSpace() = default;

  // n real variables x0..x{n-1} with the given bounds.
  static SearchSpace real_box(const VectorRef& lower, const VectorRef& upper);

  SearchSpace& add_real(std::string name, double lower, double upper, bool log_scale = false,
                        std::optional<double> default_value = std::nullopt);
  SearchSpace& add_integer(std::string name, double lower, double upper, bool log_scale = false,
                           std::optional<double> default_value = std::nullopt);
  SearchSpace& add_ordinal(std::string name, std::vector<double> values,
                           std::optional<double> default_value = std::nullopt);
  SearchSpace& add_categorical(std::string name, std::vector<nlohmann::json> choices,
                               std::optional<nlohmann::json> default_choice = std::nullopt);

  Index size() const { return static_cast<Index>(variables_.size()); }
  const std::vector<Variable>& variables() const { return variables_; }
  const Variable& operator[](Index j) const { return variables_[static_cast<std::size_t>(j)]; }

  // True when every variable is a linear real: the encoding can be skipped.
  bool is_plain_real() const;

  // Bounds of the value form (ordinal: smallest and largest value;
  // categorical: 0 and count - 1), e.g. for Problem::lower_bounds().
  Vector lower_bounds() const;
  Vector upper_bounds() const;

  // Value form (n x d) <-> encoded form in [0, 1]^d (n x d).
  Matrix encode(const MatrixRef& X) const;
  Matrix decode(const MatrixRef& Z) const;

  // The defaults in value form (a variable without one takes the middle of
  // its range, rounded for discrete kinds).
  Vector defaults() const;

  // Checks that a value-form row is inside the space and not forbidden
  // (throws InputError naming the variable or the forbidden clause); the
  // values of inactive variables are not checked.
  void validate_row(const Eigen::Ref<const RowVector>& x) const;

  // {"name": value, ...} for a value-form row (value_to_json() of each:
  // categoricals give the choice); inactive variables are left out.
  nlohmann::json row_to_json(const Eigen::Ref<const RowVector>& x) const;

  // --- conditions and forbidden combinations ------------------------------
  // Index of the variable called `name`, if any.
  std::optional<Index> index_of(const std::string& name) const;

  // Makes variable `child` active only when `when` holds. Throws InputError
  // at field `where` for an unknown variable, a test on the child itself, a
  // value outside the tested variable's domain, a second condition on the
  // child, or a cycle among the conditions.
  SearchSpace& add_condition(Index child, Clause when, const std::string& where = "conditions");
  // Forbids the configurations where `clause` holds. Throws InputError at
  // `where` as add_condition() does, and when the clause holds for every
  // configuration or for the default one.
  SearchSpace& add_forbidden(Clause clause, const std::string& where = "forbiddens");

  bool has_conditions() const { return !conditions_.empty(); }
  bool has_forbiddens() const { return !forbiddens_.empty(); }
  const std::vector<Condition>& conditions() const { return conditions_; }
  const std::vector<Clause>& forbiddens() const { return forbiddens_; }
  // The condition of variable j, if it has one.
  const Condition* condition_of(Index j) const;

  // Which variables of a value-form row are active (parents before children).
  std::vector<bool> active(const Eigen::Ref<const RowVector>& x) const;
  // Batched: n x d, true where active. O(n (d + size of the conditions)).
  BoolMatrix active_mask(const MatrixRef& X) const;
  // Sets the inactive variables of value-form rows to their canonical value.
  void canonicalize(MatrixMut X) const;

  // Whether a value-form row is forbidden; forbidding_clause() says by which
  // forbiddens[k] (the first that holds).
  bool is_forbidden(const Eigen::Ref<const RowVector>& x) const;
  std::optional<Index> forbidding_clause(const Eigen::Ref<const RowVector>& x) const;
  // Batched: one flag per row.
  BoolVector forbidden_rows(const MatrixRef& X) const;
  // True when the clause holds for the (value-form) row.
  bool holds(const Clause& clause, const Eigen::Ref<const RowVector>& x) const;

  // A readable form of a clause, e.g. `kernel in {"rbf", "poly"}`.
  std::string describe(const Clause& clause) const;
  // The value of variable j in its own terms (a categorical's choice; an
  // integer, or an ordinal of whole numbers, as a JSON integer).
  nlohmann::json value_to_json(Index j, double value) const;
  // The inverse: a value of variable j in its own terms to value form;
  // throws InputError at `where` when it is not one of the variable's values
  // (`any_number`: any finite number will do, as for less_than).
  double value_from_json(Index j, const nlohmann::json& value, const std::string& where,
                         bool any_number = false) const;
  // A clause as JSON ({"variable": NAME, OP: VALUE}, {"and": [...]}) and back.
  nlohmann::json clause_to_json(const Clause& clause) const;
  Clause clause_from_json(const nlohmann::json& json, const std::string& where) const;

  // n configurations (value form), uniform on the encoded cube, canonical,
  // none forbidden: forbidden draws are redrawn. Throws InputError when
  // max(10000, 1000 n) draws did not give n allowed configurations.
  Matrix sample(Index n, Rng& rng) const;
  // Replaces every forbidden row of canonical encoded rows Z by an allowed
  // one, deterministically from rng: first up to 20 redraws of one of the
  // variables the forbidding clause reads (a local repair, as a mutation),
  // then a redraw of the whole row. Returns how many rows were forbidden.
  // Draws nothing when no row is forbidden.
  Index repair(MatrixMut Z, Rng& rng) const;

  nlohmann::json to_json() const;
  // Throws InputError with the offending field, e.g. "variables[2].upper"
  // or "conditions[1].when.in[0]".
  static SearchSpace from_json(const nlohmann::json& json);

 private:
  void add(Variable variable);
  // decode()/encode() without setting inactive variables.
  Matrix decode_values(const MatrixRef& Z) const;
  Matrix encode_values(const MatrixRef& X) const;
  // Recomputes order_, inactive_value_ and inactive_encoding_.
  void refresh();
  void check_clause(const Clause& clause, const std::string& where) const;
  bool forbids_everything(const Clause& clause) const;
  void fill_active(const double* x, std::vector<bool>& active) const;
  bool holds_raw(const Clause& clause, const double* x, const std::vector<bool>& active) const;

  std::vector<Variable> variables_;
  std::vector<Condition> conditions_;
  std::vector<Clause> forbiddens_;
  std::vector<Index> condition_index_;  // per variable: its condition, or -1
  std::vector<Index> order_;            // variables, parents before children
  RowVector inactive_value_;            // canonical value form of inactive variables
  RowVector inactive_encoding_;         // ... and its encoding
};

const char* to_string(Clause::Op op);

const char* to_string(VariableKind kind);

}  // namespace paretokit
