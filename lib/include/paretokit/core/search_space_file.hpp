// Reading search-space files, in paretokit's JSON form (variables,
// conditions, forbiddens: core/search_space.hpp) or in ConfigSpace's JSON
// form, as ConfigSpace's `space.to_json()` (and SMAC3 and carps through it)
// writes it:
//
//   {"hyperparameters": [
//      {"type": "uniform_float", "name": "C", "lower": 0.03, "upper": 32768, "log": true,
//       "default_value": 1.0},
//      {"type": "categorical", "name": "kernel", "choices": ["rbf", "poly"], "default_value": "rbf"},
//      {"type": "uniform_int", "name": "degree", "lower": 2, "upper": 5, "default_value": 3},
//      {"type": "ordinal", "name": "bits", "sequence": [2, 4, 8]},
//      {"type": "constant", "name": "tol", "value": 0.001}],
//    "conditions": [{"type": "EQ", "child": "degree", "parent": "kernel", "value": "poly"}],
//    "forbiddens": [{"type": "AND", "clauses": [{"type": "EQUALS", "name": "kernel", "value": "poly"},
//                                               {"type": "IN", "name": "degree", "values": [5]}]}]}
//
// Hyperparameters: uniform_float -> real, uniform_int -> integer (both with
// "log"); normal_* and beta_* -> real / integer over their lower and upper
// bounds (the prior is not used: paretokit searches the range uniformly);
// categorical -> categorical ("weights" ignored); ordinal -> ordinal when its
// sequence is distinct numbers (sorted), else categorical (the order of
// string levels is lost); constant -> a categorical of one choice. The
// default is "default_value" (ConfigSpace 1.x) or "default" (0.4 to 0.6).
// Conditions: EQ, NEQ, LT, GT, IN, AND, OR. Forbiddens: EQUALS, IN, AND,
// RELATION_LT / RELATION_EQ / RELATION_GT and the older RELATION with
// "lambda". Quantized hyperparameters ("q" other than null) are an error.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "paretokit/core/search_space.hpp"

namespace paretokit {

enum class SpaceFormat { paretokit, configspace };
const char* to_string(SpaceFormat format);

// Whether a JSON document is in ConfigSpace's form (it has "hyperparameters").
bool is_configspace_json(const nlohmann::json& json);

// ConfigSpace's form; throws InputError at the JSON path, e.g.
// "hyperparameters[3].lower: must be > 0 on a log scale".
SearchSpace search_space_from_configspace_json(const nlohmann::json& json);

struct SearchSpaceFile {
  SearchSpace space;
  SpaceFormat format = SpaceFormat::paretokit;
};

// Reads either form from a file; errors name the file and the JSON path:
// "space.json: conditions[0].parent: unknown variable 'kernel'".
SearchSpaceFile read_search_space_file(const std::string& path);

}  // namespace paretokit
