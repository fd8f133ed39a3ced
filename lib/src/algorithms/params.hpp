// Reading an algorithm's JSON parameters (pymoo names) into its Options,
// with errors that name the parameter and list what is valid.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/matrix.hpp"

namespace paretokit::detail {

class Params {
 public:
  // Throws InputError when `json` is not an object or has a key outside `valid`.
  Params(const nlohmann::json& json, std::string algorithm, const std::vector<std::string>& valid);

  bool has(const std::string& key) const { return json_.contains(key) && !json_.at(key).is_null(); }
  const nlohmann::json& raw(const std::string& key) const { return json_.at(key); }

  // A number in [low, high] (either end may be open with `open_low`).
  double number(const std::string& key, double fallback, double low, double high) const;
  // An integer >= low.
  Index integer(const std::string& key, Index fallback, Index low) const;
  bool boolean(const std::string& key, bool fallback) const;
  // One of `choices`.
  std::string choice(const std::string& key, const std::string& fallback,
                     const std::vector<std::string>& choices) const;

  [[noreturn]] void fail(const std::string& key, const std::string& reason) const;

 private:
  nlohmann::json json_;
  std::string algorithm_;
};

// "a, b, c"
std::string join(const std::vector<std::string>& names);

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
