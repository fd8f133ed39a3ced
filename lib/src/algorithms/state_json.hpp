// JSON helpers for Algorithm::save_state()/load_state(): matrices and
// vectors as arrays of rows, with non-finite numbers as the strings "inf",
// "-inf" and "nan" (JSON has no such numbers); doubles are printed with 17
// significant digits by nlohmann::json and read back exactly, so a state
// round-trips bit for bit. The Rng is its four 64-bit words.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit::detail {

nlohmann::json matrix_to_json(const MatrixRef& M);
nlohmann::json vector_to_json(const VectorRef& v);
nlohmann::json indices_to_json(const std::vector<Index>& v);
nlohmann::json rng_to_json(const Rng& rng);

// Each throws InputError naming `field` when the JSON does not fit.
Matrix matrix_from_json(const nlohmann::json& json, const std::string& field);
Vector vector_from_json(const nlohmann::json& json, const std::string& field);
std::vector<Index> indices_from_json(const nlohmann::json& json, const std::string& field);
Rng rng_from_json(const nlohmann::json& json, const std::string& field);

// The member `key` of a state object, or an InputError naming it.
const nlohmann::json& member(const nlohmann::json& state, const std::string& key);

}  // namespace paretokit::detail
