// SearchSpace: variables, validation and encode/decode (see core/search_space.hpp);
// conditions and forbiddens are in search_space_conditions.cpp, sampling and
// repair in search_space_sampling.cpp, JSON in search_space_json.cpp.
#include "paretokit/core/search_space.hpp"
#include "search_space_fields.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

Location field(Index j, const std::string& name) { return detail::variable_field(j, name); }

std::string default_name(Index j) { return detail::default_variable_name(j); }

// Index of the equal-width slice of [0, 1] that z falls in, among k.
Index slice_of(double z, Index k) {
  const double scaled = std::floor(z * static_cast<double>(k));
  return static_cast<Index>(std::clamp(scaled, 0.0, static_cast<double>(k - 1)));
}

double slice_centre(Index i, Index k) { return (static_cast<double>(i) + 0.5) / static_cast<double>(k); }

// Position of the value closest to v in a sorted list.
Index nearest(const std::vector<double>& values, double v) {
  const auto it = std::lower_bound(values.begin(), values.end(), v);
  if (it == values.begin()) return 0;
  if (it == values.end()) return static_cast<Index>(values.size()) - 1;
  const auto i = static_cast<Index>(it - values.begin());
  return (v - *(it - 1) <= *it - v) ? i - 1 : i;
}

}  // namespace

const char* to_string(VariableKind kind) {
  switch (kind) {
    case VariableKind::real:
      return "real";
    case VariableKind::integer:
      return "integer";
    case VariableKind::ordinal:
      return "ordinal";
    case VariableKind::categorical:
      return "categorical";
  }
  return "?";
}

Index Variable::cardinality() const {
  switch (kind) {
    case VariableKind::real:
      return 0;
    case VariableKind::integer:
      return static_cast<Index>(upper - lower) + 1;
    case VariableKind::ordinal:
      return static_cast<Index>(values.size());
    case VariableKind::categorical:
      return static_cast<Index>(choices.size());
  }
  return 0;
}

SearchSpace SearchSpace::real_box(const VectorRef& lower, const VectorRef& upper) {
  if (lower.size() != upper.size())
    throw InputError("lower and upper bounds differ in length", Location::of_field("bounds"));
  SearchSpace space;
  for (Index j = 0; j < lower.size(); ++j) space.add_real(default_name(j), lower[j], upper[j]);
  return space;
}

void SearchSpace::add(Variable v) {
  const Index j = size();
  if (v.name.empty()) v.name = default_name(j);
  for (const auto& other : variables_)
    if (other.name == v.name) throw InputError("duplicate variable name '" + v.name + "'", field(j, "name"));
  if (v.kind == VariableKind::real || v.kind == VariableKind::integer) {
    if (!std::isfinite(v.lower) || !std::isfinite(v.upper))
      throw InputError("bounds must be finite", field(j, "lower"));
    if (v.lower > v.upper) throw InputError("lower bound exceeds upper bound", field(j, "upper"));
    if (v.kind == VariableKind::integer && (v.lower != std::round(v.lower) || v.upper != std::round(v.upper)))
      throw InputError("integer bounds must be integers", field(j, "lower"));
    if (v.log_scale && !(v.lower > 0.0)) throw InputError("must be > 0 on a log scale", field(j, "lower"));
  } else if (v.kind == VariableKind::ordinal) {
    if (v.values.empty()) throw InputError("an ordinal needs at least one value", field(j, "values"));
    for (double x : v.values)
      if (!std::isfinite(x)) throw InputError("ordinal values must be finite numbers", field(j, "values"));
    if (!std::is_sorted(v.values.begin(), v.values.end()) ||
        std::adjacent_find(v.values.begin(), v.values.end()) != v.values.end())
      throw InputError("ordinal values must be strictly increasing", field(j, "values"));
  } else {
    if (v.choices.empty()) throw InputError("a categorical needs at least one choice", field(j, "choices"));
    std::set<std::string> seen;
    for (const auto& c : v.choices)
      if (!seen.insert(c.dump()).second)
        throw InputError("duplicate choice " + c.dump(), field(j, "choices"));
  }
  variables_.push_back(std::move(v));
  condition_index_.push_back(-1);
  if (variables_.back().default_value) {
    RowVector probe = defaults().transpose();
    try {
      validate_row(probe);
    } catch (...) {
      variables_.pop_back();
      condition_index_.pop_back();
      throw InputError("default value lies outside the variable's range", field(j, "default"));
    }
  }
  refresh();
}

SearchSpace& SearchSpace::add_real(std::string name, double lower, double upper, bool log_scale,
                                   std::optional<double> default_value) {
  Variable v;
  v.name = std::move(name);
  v.lower = lower;
  v.upper = upper;
  v.log_scale = log_scale;
  v.default_value = default_value;
  add(std::move(v));
  return *this;
}

SearchSpace& SearchSpace::add_integer(std::string name, double lower, double upper, bool log_scale,
                                      std::optional<double> default_value) {
  Variable v;
  v.name = std::move(name);
  v.kind = VariableKind::integer;
  v.lower = lower;
  v.upper = upper;
  v.log_scale = log_scale;
  v.default_value = default_value;
  add(std::move(v));
  return *this;
}

SearchSpace& SearchSpace::add_ordinal(std::string name, std::vector<double> values,
                                      std::optional<double> default_value) {
  Variable v;
  v.name = std::move(name);
  v.kind = VariableKind::ordinal;
  v.values = std::move(values);
  if (!v.values.empty()) {
    v.lower = v.values.front();
    v.upper = v.values.back();
  }
  v.default_value = default_value;
  add(std::move(v));
  return *this;
}

SearchSpace& SearchSpace::add_categorical(std::string name, std::vector<nlohmann::json> choices,
                                          std::optional<nlohmann::json> default_choice) {
  Variable v;
  v.name = std::move(name);
  v.kind = VariableKind::categorical;
  v.choices = std::move(choices);
  v.lower = 0.0;
  v.upper = static_cast<double>(v.choices.size()) - 1.0;
  if (default_choice) {
    const auto it = std::find(v.choices.begin(), v.choices.end(), *default_choice);
    if (it == v.choices.end())
      throw InputError("default is not one of the choices", field(size(), "default"));
    v.default_value = static_cast<double>(it - v.choices.begin());
  }
  add(std::move(v));
  return *this;
}

bool SearchSpace::is_plain_real() const {
  if (has_conditions() || has_forbiddens()) return false;
  return std::all_of(variables_.begin(), variables_.end(),
                     [](const Variable& v) { return v.kind == VariableKind::real && !v.log_scale; });
}

Vector SearchSpace::lower_bounds() const {
  Vector b(size());
  for (Index j = 0; j < size(); ++j) b[j] = (*this)[j].lower;
  return b;
}

Vector SearchSpace::upper_bounds() const {
  Vector b(size());
  for (Index j = 0; j < size(); ++j) b[j] = (*this)[j].upper;
  return b;
}

Matrix SearchSpace::encode(const MatrixRef& X) const {
  Matrix Z = encode_values(X);
  if (!has_conditions()) return Z;
  // Activity is read on the values the encoding stands for (snapped to the
  // grid of discrete variables), the same values decode() gives back.
  const BoolMatrix active = active_mask(decode_values(Z));
  for (Index i = 0; i < Z.rows(); ++i)
    for (Index j = 0; j < Z.cols(); ++j)
      if (!active(i, j)) Z(i, j) = inactive_encoding_[j];
  return Z;
}

Matrix SearchSpace::decode(const MatrixRef& Z) const {
  Matrix X = decode_values(Z);
  canonicalize(X);
  return X;
}

Matrix SearchSpace::encode_values(const MatrixRef& X) const {
  if (X.cols() != size())
    throw InputError("expected " + std::to_string(size()) + " variables, got " + std::to_string(X.cols()),
                     Location::of_field("variables"));
  Matrix Z(X.rows(), X.cols());
  for (Index j = 0; j < size(); ++j) {
    const Variable& v = (*this)[j];
    auto x = X.col(j).array();
    auto z = Z.col(j).array();
    switch (v.kind) {
      case VariableKind::real:
        if (v.upper == v.lower)
          z = 0.5;
        else if (v.log_scale)
          z = (x.max(v.lower).log() - std::log(v.lower)) / (std::log(v.upper) - std::log(v.lower));
        else
          z = (x - v.lower) / (v.upper - v.lower);
        break;
      case VariableKind::integer: {
        const Index k = v.cardinality();
        if (v.log_scale) {
          // Slices of equal width in log space around each integer.
          const double lo = std::log(v.lower - 0.5 > 0 ? v.lower - 0.5 : v.lower * 0.5);
          const double hi = std::log(v.upper + 0.5);
          z = ((x.max(v.lower).log() - lo) / (hi - lo)).max(0.0).min(1.0);
        } else {
          for (Index i = 0; i < X.rows(); ++i)
            z[i] =
                slice_centre(static_cast<Index>(std::round(std::clamp(x[i], v.lower, v.upper) - v.lower)), k);
        }
        break;
      }
      case VariableKind::ordinal:
        for (Index i = 0; i < X.rows(); ++i) z[i] = slice_centre(nearest(v.values, x[i]), v.cardinality());
        break;
      case VariableKind::categorical: {
        const Index k = v.cardinality();
        for (Index i = 0; i < X.rows(); ++i)
          z[i] = slice_centre(
              static_cast<Index>(std::clamp(std::round(x[i]), 0.0, static_cast<double>(k - 1))), k);
        break;
      }
    }
  }
  return Z;
}

Matrix SearchSpace::decode_values(const MatrixRef& Z) const {
  if (Z.cols() != size())
    throw InputError(
        "expected " + std::to_string(size()) + " encoded variables, got " + std::to_string(Z.cols()),
        Location::of_field("variables"));
  Matrix X(Z.rows(), Z.cols());
  for (Index j = 0; j < size(); ++j) {
    const Variable& v = (*this)[j];
    const auto z = Z.col(j).array().max(0.0).min(1.0);
    auto x = X.col(j).array();
    switch (v.kind) {
      case VariableKind::real:
        if (v.log_scale)
          x = (std::log(v.lower) + z * (std::log(v.upper) - std::log(v.lower)))
                  .exp()
                  .max(v.lower)
                  .min(v.upper);
        else
          x = (v.lower + z * (v.upper - v.lower)).max(v.lower).min(v.upper);
        break;
      case VariableKind::integer:
        if (v.log_scale) {
          const double lo = std::log(v.lower - 0.5 > 0 ? v.lower - 0.5 : v.lower * 0.5);
          const double hi = std::log(v.upper + 0.5);
          x = (lo + z * (hi - lo)).exp().round().max(v.lower).min(v.upper);
        } else {
          for (Index i = 0; i < Z.rows(); ++i)
            x[i] = v.lower + static_cast<double>(slice_of(z[i], v.cardinality()));
        }
        break;
      case VariableKind::ordinal:
        for (Index i = 0; i < Z.rows(); ++i)
          x[i] = v.values[static_cast<std::size_t>(slice_of(z[i], v.cardinality()))];
        break;
      case VariableKind::categorical:
        for (Index i = 0; i < Z.rows(); ++i) x[i] = static_cast<double>(slice_of(z[i], v.cardinality()));
        break;
    }
  }
  return X;
}

Vector SearchSpace::defaults() const {
  const Matrix middle = decode_values(Matrix::Constant(1, size(), 0.5));
  Vector x(size());
  for (Index j = 0; j < size(); ++j) {
    const Variable& v = (*this)[j];
    x[j] = v.default_value ? *v.default_value : middle(0, j);
  }
  return x;
}

void SearchSpace::refresh() {
  inactive_value_ = defaults().transpose();
  inactive_encoding_ = encode_values(inactive_value_);
  // A new variable has no condition yet, nor children: it may go last.
  while (order_.size() < variables_.size()) order_.push_back(static_cast<Index>(order_.size()));
}

void SearchSpace::validate_row(const Eigen::Ref<const RowVector>& x) const {
  if (x.size() != size())
    throw InputError("expected " + std::to_string(size()) + " variables", Location::of_field("variables"));
  const std::vector<bool> is_active = active(x);
  for (Index j = 0; j < size(); ++j) {
    const Variable& v = (*this)[j];
    const double value = x[j];
    if (!is_active[static_cast<std::size_t>(j)]) continue;
    bool ok = std::isfinite(value) && value >= v.lower && value <= v.upper;
    if (ok && v.kind == VariableKind::integer) ok = value == std::round(value);
    if (ok && v.kind == VariableKind::categorical) ok = value == std::round(value);
    if (ok && v.kind == VariableKind::ordinal)
      ok = std::binary_search(v.values.begin(), v.values.end(), value);
    if (!ok)
      throw InputError("value " + std::to_string(value) + " is not in the space", Location::of_field(v.name));
  }
  if (const auto k = forbidding_clause(x))
    throw InputError(
        "the configuration is forbidden (" + describe(forbiddens_[static_cast<std::size_t>(*k)]) + ")",
        Location::of_field("forbiddens[" + std::to_string(*k) + "]"));
}

nlohmann::json SearchSpace::row_to_json(const Eigen::Ref<const RowVector>& x) const {
  nlohmann::json row = nlohmann::json::object();
  const std::vector<bool> is_active = active(x);
  for (Index j = 0; j < size(); ++j)
    if (is_active[static_cast<std::size_t>(j)]) row[(*this)[j].name] = value_to_json(j, x[j]);
  return row;
}

nlohmann::json SearchSpace::value_to_json(Index j, double value) const {
  const Variable& v = (*this)[j];
  if (v.kind == VariableKind::categorical) {
    const auto i = static_cast<std::size_t>(std::clamp(std::round(value), 0.0, v.upper));
    return v.choices[i];
  }
  if (v.kind == VariableKind::integer) return static_cast<long long>(std::llround(value));
  // An ordinal of whole numbers (bit-widths, layer sizes) gives integers, so
  // that a program reads 64, not 64.0.
  if (v.kind == VariableKind::ordinal && std::all_of(v.values.begin(), v.values.end(), [](double x) {
        return x == std::round(x) && std::abs(x) < 9.007199254740992e15;
      }))
    return static_cast<long long>(std::llround(value));
  return value;
}

std::optional<Index> SearchSpace::index_of(const std::string& name) const {
  for (Index j = 0; j < size(); ++j)
    if ((*this)[j].name == name) return j;
  return std::nullopt;
}

}  // namespace paretokit
