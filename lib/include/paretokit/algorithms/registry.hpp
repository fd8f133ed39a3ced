// Algorithms by name, with parameters as JSON (pymoo names), for the command
// line and for configuration files:
//
//   auto algorithm = make_algorithm("nsga3", {{"pop_size", 92}, {"eta_c", 30}});
//
// Unknown names and parameters, and values out of range, throw InputError
// naming the parameter and listing what is valid. algorithm_catalog() lists
// every algorithm with its parameters and defaults, for help texts.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/algorithms/algorithm.hpp"

namespace paretokit {

std::unique_ptr<Algorithm> make_algorithm(const std::string& name,
                                          const nlohmann::json& params = nlohmann::json::object());

struct AlgorithmParameter {
  std::string name;              // e.g. "pop_size"
  nlohmann::json default_value;  // null when the default depends on the problem
  std::string description;       // one line, including the default when it depends on the problem
};

struct AlgorithmInfo {
  std::string name;     // registry name, e.g. "nsga3"
  std::string title;    // e.g. "NSGA-III (Deb and Jain 2014)"
  std::string summary;  // one line
  std::vector<AlgorithmParameter> parameters;
};

// Every registered algorithm, in a fixed order.
const std::vector<AlgorithmInfo>& algorithm_catalog();
std::vector<std::string> algorithm_names();

}  // namespace paretokit
