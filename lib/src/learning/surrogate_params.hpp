// The JSON parameters every surrogate algorithm shares (n_init, batch_size,
// max_variables, gp_starts), read with the algorithms module's Params.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "../algorithms/params.hpp"
#include "paretokit/learning/surrogate_algorithm.hpp"

namespace paretokit::detail {

inline std::vector<std::string> with_surrogate_keys(std::vector<std::string> own) {
  for (const char* key : {"n_init", "batch_size", "max_variables", "gp_starts", "gp_length_scale_prior",
                          "gp_max_length_scale", "gp_zero_mean", "standardize"})
    own.emplace_back(key);
  return own;
}

inline void read_surrogate(const Params& params, SurrogateOptions& o) {
  o.n_init = params.integer("n_init", o.n_init, 2);
  o.batch_size = params.integer("batch_size", o.batch_size, 1);
  o.max_variables = params.integer("max_variables", o.max_variables, 1);
  o.gp.n_starts = static_cast<int>(params.integer("gp_starts", o.gp.n_starts, 1));
  // false: maximum likelihood, no length-scale prior.
  if (!params.boolean("gp_length_scale_prior", o.gp.length_scale_prior_shape > 0))
    o.gp.length_scale_prior_shape = 0;
  o.standardize = params.boolean("standardize", o.standardize);
  o.gp.max_length_scale = params.number("gp_max_length_scale", o.gp.max_length_scale, 0.1, 1e6);
  // The papers' GP on raw outputs: zero prior mean, DGEMO's signal-variance
  // bounds sqrt(1e-3)..sqrt(1e3) in the outputs' own units.
  if (params.boolean("gp_zero_mean", !o.gp.center_outputs)) {
    o.gp.center_outputs = false;
    o.gp.min_signal_variance = std::sqrt(1e-3);
    o.gp.max_signal_variance = std::sqrt(1e3);
  }
}

}  // namespace paretokit::detail
