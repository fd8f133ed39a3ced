// Benchmark suites: carps-style task lists (benchmarks_suite/suites/*.json).
//
//   {
//     "name": "carps-mo",
//     "description": "...",                       (optional)
//     "benchmark_id": "Pymoo",                     carps' benchmark id: a folder of the bench layout
//     "tasks": [
//       {"task_id": "Pymoo/MO/unconstraint/zdt1",  carps' task id: folders of the layout
//        "problem": "zdt1",                        a name of the problem registry
//        "params": {"n_var": 30},                  registry parameters (optional, default {})
//        "n_var": 30, "n_obj": 2,                  optional: checked against the problem
//        "n_trials": 240}                          the evaluation budget
//     ],
//     "split": {"dev": [task ids], "test": [task ids]}   (optional, disjoint)
//   }
//
// read_suite() rejects, before anything runs, a file that is not valid JSON,
// an unknown field, an unknown problem or bad parameters (the problem is
// built once), a task id that is not a safe relative path or is repeated, a
// budget that is not an integer in [1, 10^9], and a size that disagrees with
// the problem: InputError with the file, the field (e.g. "tasks[3].n_trials")
// and the reason.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/problem.hpp"

namespace paretokit::bench {

struct Task {
  std::string task_id;  // e.g. "Pymoo/MO/unconstraint/zdt1"
  std::string problem;  // registry name
  nlohmann::json params = nlohmann::json::object();
  Index n_trials = 0;  // evaluations
  Index n_var = 0;     // from the problem
  Index n_obj = 0;
};

struct Suite {
  std::string name;
  std::string description;
  std::string benchmark_id;
  std::vector<Task> tasks;
  std::vector<std::string> dev;  // optional split: task ids
  std::vector<std::string> test;
};

// Builds a problem by name: make_registered_problem of the library's problem
// registry by default (core/problem_registry.hpp: the caller registers the
// benchmark problems, problems::register_builtin_problems(), and its own);
// tests substitute their own.
using ProblemFactory = std::function<std::unique_ptr<Problem>(const std::string&, const nlohmann::json&)>;
ProblemFactory default_problem_factory();

// Reads and validates a suite file (see above).
Suite read_suite(const std::filesystem::path& path,
                 const ProblemFactory& factory = default_problem_factory());
// The same from a parsed document; `source` names it in errors.
Suite parse_suite(const nlohmann::json& document, const std::string& source,
                  const ProblemFactory& factory = default_problem_factory());

// The suite as JSON, in the file format (so that a written suite reads back).
nlohmann::json suite_to_json(const Suite& suite);

// The task with this id, or nullptr.
const Task* find_task(const Suite& suite, const std::string& task_id);

}  // namespace paretokit::bench
