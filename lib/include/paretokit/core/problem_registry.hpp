// Problems by name, for sweep, bench, the apps and configuration files: the
// library side of the problem registry. It starts empty; the benchmark
// problems join through problems::register_builtin_problems() (problems/),
// and a user's own C++ problem through register_problem():
//
//   paretokit::register_problem(
//       {"my_problem", {}, "two objectives of my model", {{"n_var", 4, "number of variables"}}},
//       [](const nlohmann::json& json) {
//         const paretokit::JsonParams p(json, "my_problem", {"n_var"});
//         return std::make_unique<MyProblem>(p.integer("n_var", 4, 1));
//       });
//   auto problem = paretokit::make_registered_problem("my_problem", {{"n_var", 6}});
//
// Explicit calls, not self-registering objects: static libraries drop those.
// Register at start-up, before other threads use the registry. Names are
// matched case-insensitively, on the name and its aliases.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/problem.hpp"

namespace paretokit {

struct ProblemParameter {
  std::string name;
  nlohmann::json default_value;  // the value used when omitted (null: it depends on other parameters)
  std::string description;       // including how the default depends on other parameters
};

struct ProblemInfo {
  std::string name;                  // registry name, lower case, e.g. "dtlz2"
  std::vector<std::string> aliases;  // other accepted names, e.g. "inverted_dtlz1"
  std::string description;           // one line, with the reference
  std::vector<ProblemParameter> parameters;
};

// Builds the problem from its JSON parameters (an object; null is turned
// into {} before the call). Read them with JsonParams (core/json_params.hpp)
// so that errors look alike across problems.
using ProblemFactory = std::function<std::unique_ptr<Problem>(const nlohmann::json&)>;

// Adds a problem, or replaces the one of the same name. References returned
// by registered_problems() are invalidated.
void register_problem(ProblemInfo info, ProblemFactory factory);

// Builds a registered problem; an unknown name throws InputError listing the
// registered ones (field "problem").
std::unique_ptr<Problem> make_registered_problem(const std::string& name,
                                                 const nlohmann::json& params = nlohmann::json::object());

// Every registered problem, sorted by name.
const std::vector<ProblemInfo>& registered_problems();

}  // namespace paretokit
