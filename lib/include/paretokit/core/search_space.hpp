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
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/matrix.hpp"

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

  // Checks that a value-form row is inside the space (throws InputError
  // naming the variable).
  void validate_row(const Eigen::Ref<const RowVector>& x) const;

  // {"name": value, ...} for a value-form row (categoricals give the choice).
  nlohmann::json row_to_json(const Eigen::Ref<const RowVector>& x) const;

  nlohmann::json to_json() const;
  // Throws InputError with the offending field, e.g. "variables[2].upper".
  static SearchSpace from_json(const nlohmann::json& json);

 private:
  void add(Variable variable);
  std::vector<Variable> variables_;
};

const char* to_string(VariableKind kind);

}  // namespace paretokit
