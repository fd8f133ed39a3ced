// The problem registry: every problem of this library by name, with its
// parameters as JSON (pymoo's names: n_var, n_obj; k and l for WFG), so that
// the command line, benchmark task lists and configuration files can pick one.
//
//   auto problem = paretokit::problems::make_problem("dtlz2", {{"n_obj", 5}});
//
// An unknown name, an unknown parameter or a bad value throws
// paretokit::InputError naming what is valid.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/problem.hpp"

namespace paretokit::problems {

struct ParameterInfo {
  std::string name;
  nlohmann::json default_value;  // the value used when omitted (for the default sizes)
  std::string description;       // including how the default depends on other parameters
};

struct ProblemInfo {
  std::string name;                  // registry name, lower case, e.g. "dtlz2"
  std::vector<std::string> aliases;  // other accepted names, e.g. "inverted_dtlz1"
  std::string description;           // one line, with the reference
  std::vector<ParameterInfo> parameters;
};

// Every registered problem, sorted by name.
const std::vector<ProblemInfo>& problem_catalog();

// The registered names (without aliases), sorted.
std::vector<std::string> problem_names();

// Builds a problem. params must be a JSON object (or null for the defaults).
std::unique_ptr<Problem> make_problem(const std::string& name,
                                      const nlohmann::json& params = nlohmann::json::object());

}  // namespace paretokit::problems

namespace paretokit {
using problems::make_problem;
}  // namespace paretokit
