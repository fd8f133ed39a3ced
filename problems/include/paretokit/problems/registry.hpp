// The benchmark problems of this library by name, with their parameters as
// JSON (pymoo's names: n_var, n_obj; k and l for WFG), so that the command
// line, benchmark task lists and configuration files can pick one.
//
//   auto problem = paretokit::problems::make_problem("dtlz2", {{"n_obj", 5}});
//
// They live in the library's problem registry (core/problem_registry.hpp),
// beside a user's own problems (register_problem): register_builtin_problems()
// adds them, and make_problem() / problem_catalog() call it first, so that code
// linking this library needs no set-up. Code that only links lib/ (bench, a
// user's program) looks problems up with make_registered_problem(), after
// main() or a test has called register_builtin_problems().
//
// An unknown name, an unknown parameter or a bad value throws
// paretokit::InputError naming what is valid.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/problem.hpp"
#include "paretokit/core/problem_registry.hpp"

namespace paretokit::problems {

using ParameterInfo = ProblemParameter;
using paretokit::ProblemInfo;

// Registers every benchmark problem of this library (idempotent: later calls
// do nothing, so a user's replacement of a built-in name stays).
void register_builtin_problems();

// Every registered problem (built-in and users'), sorted by name.
const std::vector<ProblemInfo>& problem_catalog();

// The registered names (without aliases), sorted.
std::vector<std::string> problem_names();

// Builds a registered problem. params must be a JSON object (or null for the defaults).
std::unique_ptr<Problem> make_problem(const std::string& name,
                                      const nlohmann::json& params = nlohmann::json::object());

}  // namespace paretokit::problems

namespace paretokit {
using problems::make_problem;
}  // namespace paretokit
