// Algorithms by name, with parameters as JSON (pymoo names), for the command
// line and for configuration files:
//
//   auto algorithm = make_algorithm("nsga3", {{"pop_size", 92}, {"eta_c", 30}});
//
// Unknown names and parameters, and values out of range, throw InputError
// naming the parameter and listing what is valid. algorithm_catalog() lists
// every algorithm with its parameters and defaults, for help texts.
#pragma once

#include <functional>
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

using AlgorithmFactory = std::function<std::unique_ptr<Algorithm>(const nlohmann::json&)>;

// Adds an algorithm (or replaces the one of the same name) so that
// make_algorithm(), the catalog, sweep and bench find it by name: how modules
// above this one (learning) and users' own algorithms join. An explicit call,
// not a self-registering object, because static libraries drop those. Call it
// at start-up, before other threads use the registry; references returned by
// algorithm_catalog() are invalidated.
void register_algorithm(AlgorithmInfo info, AlgorithmFactory factory);

// Every registered algorithm: the built-in ones in a fixed order, then the
// registered ones in registration order.
const std::vector<AlgorithmInfo>& algorithm_catalog();
std::vector<std::string> algorithm_names();

}  // namespace paretokit
