// Reading an algorithm's JSON parameters (pymoo names) into its Options,
// through core/json_params.hpp, plus the variation keys every evolutionary
// algorithm shares.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/json_params.hpp"
#include "paretokit/core/matrix.hpp"

namespace paretokit::detail {

// The one reader of registry parameters (core/json_params.hpp), shared with
// the problem registry: null means the default, errors name the parameter.
using Params = JsonParams;

// "a, b, c"
inline std::string join(const std::vector<std::string>& names) { return join_names(names); }

}  // namespace paretokit::detail

#include "paretokit/algorithms/variation.hpp"

namespace paretokit::detail {

// The JSON names of VariationOptions: eta_c, prob_c, prob_var, eta_m, prob_m,
// eliminate_duplicates, sampling.
const std::vector<std::string>& variation_keys();
VariationOptions read_variation(const Params& params, VariationOptions defaults);
void write_variation(nlohmann::json& json, const VariationOptions& options);

// valid keys = own + variation_keys()
std::vector<std::string> with_variation(std::vector<std::string> own);

}  // namespace paretokit::detail
