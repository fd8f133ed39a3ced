// JSON helpers for algorithm states; see state_json.hpp.
#include "state_json.hpp"

#include <cmath>
#include <limits>

#include "paretokit/core/error.hpp"

namespace paretokit::detail {

namespace {

nlohmann::json number(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  return x;
}

double number_from(const nlohmann::json& j, const std::string& field) {
  if (j.is_number()) return j.get<double>();
  if (j.is_string()) {
    const auto s = j.get<std::string>();
    if (s == "inf") return std::numeric_limits<double>::infinity();
    if (s == "-inf") return -std::numeric_limits<double>::infinity();
    if (s == "nan") return std::numeric_limits<double>::quiet_NaN();
  }
  throw InputError("expected a number", Location::of_field(field));
}

}  // namespace

nlohmann::json matrix_to_json(const MatrixRef& M) {
  nlohmann::json rows = nlohmann::json::array();
  for (Index i = 0; i < M.rows(); ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (Index j = 0; j < M.cols(); ++j) row.push_back(number(M(i, j)));
    rows.push_back(std::move(row));
  }
  return nlohmann::json{{"rows", M.rows()}, {"cols", M.cols()}, {"data", std::move(rows)}};
}

nlohmann::json vector_to_json(const VectorRef& v) {
  nlohmann::json list = nlohmann::json::array();
  for (Index i = 0; i < v.size(); ++i) list.push_back(number(v[i]));
  return list;
}

nlohmann::json indices_to_json(const std::vector<Index>& v) { return nlohmann::json(v); }

nlohmann::json rng_to_json(const Rng& rng) { return nlohmann::json(rng.state()); }

Matrix matrix_from_json(const nlohmann::json& json, const std::string& field) {
  if (!json.is_object() || !json.contains("rows") || !json.contains("cols") || !json.contains("data"))
    throw InputError("expected {rows, cols, data}", Location::of_field(field));
  const auto rows = json.at("rows").get<Index>();
  const auto cols = json.at("cols").get<Index>();
  const auto& data = json.at("data");
  if (rows < 0 || cols < 0 || !data.is_array() || static_cast<Index>(data.size()) != rows)
    throw InputError("matrix shape does not match its data", Location::of_field(field));
  Matrix M(rows, cols);
  for (Index i = 0; i < rows; ++i) {
    const auto& row = data[static_cast<std::size_t>(i)];
    if (!row.is_array() || static_cast<Index>(row.size()) != cols)
      throw InputError("matrix row " + std::to_string(i) + " has the wrong length",
                       Location::of_field(field));
    for (Index j = 0; j < cols; ++j) M(i, j) = number_from(row[static_cast<std::size_t>(j)], field);
  }
  return M;
}

Vector vector_from_json(const nlohmann::json& json, const std::string& field) {
  if (!json.is_array()) throw InputError("expected an array", Location::of_field(field));
  Vector v(static_cast<Index>(json.size()));
  for (Index i = 0; i < v.size(); ++i) v[i] = number_from(json[static_cast<std::size_t>(i)], field);
  return v;
}

std::vector<Index> indices_from_json(const nlohmann::json& json, const std::string& field) {
  if (!json.is_array()) throw InputError("expected an array of integers", Location::of_field(field));
  std::vector<Index> v;
  for (const auto& x : json) {
    if (!x.is_number_integer()) throw InputError("expected an array of integers", Location::of_field(field));
    v.push_back(x.get<Index>());
  }
  return v;
}

Rng rng_from_json(const nlohmann::json& json, const std::string& field) {
  if (!json.is_array() || json.size() != 4)
    throw InputError("expected the generator's four 64-bit words", Location::of_field(field));
  Rng::State state;
  for (std::size_t k = 0; k < 4; ++k) {
    if (!json[k].is_number_unsigned() && !json[k].is_number_integer())
      throw InputError("expected an unsigned integer", Location::of_field(field));
    state[k] = json[k].get<std::uint64_t>();
  }
  Rng rng;
  rng.set_state(state);
  return rng;
}

const nlohmann::json& member(const nlohmann::json& state, const std::string& key) {
  if (!state.is_object() || !state.contains(key))
    throw InputError("missing from the saved state", Location::of_field(key));
  return state.at(key);
}

}  // namespace paretokit::detail
