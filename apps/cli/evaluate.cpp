// paretokit evaluate --problem NAME [--problem-params JSON] [--json] FILE:
// evaluates every point of FILE (one per line) and prints, per point, its
// objectives then its constraints, in input order.
#include <iostream>
#include <memory>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/point_file.hpp"
#include "paretokit/problems/registry.hpp"

namespace paretokit::cli {

namespace {

std::unique_ptr<Problem> problem_from_options(const po::variables_map& vm) {
  nlohmann::json params = nlohmann::json::object();
  if (vm.count("problem-params"))
    params = parse_json_option(vm["problem-params"].as<std::string>(), "problem-params");
  const std::string name = vm["problem"].as<std::string>();
  try {
    return problems::make_problem(name, params);
  } catch (const InputError& error) {
    const bool unknown = error.where().field == "problem";
    throw InputError(error.reason(), Location::of_field(unknown ? "--problem" : "--problem-params"));
  }
}

// Throws InputError naming the file and line of the first point of the wrong
// length or outside the bounds.
void check_points(const Problem& problem, const PointSet& set, const std::string& source) {
  const Vector lower = problem.lower_bounds(), upper = problem.upper_bounds();
  for (Index r = 0; r < set.points.rows(); ++r) {
    const Location where(source, set.lines[static_cast<std::size_t>(r)]);
    if (set.points.cols() != problem.n_var()) {
      throw InputError(problem.name() + " expects " + std::to_string(problem.n_var()) +
                           " variables per point, got " + std::to_string(set.points.cols()),
                       where);
    }
    for (Index j = 0; j < set.points.cols(); ++j) {
      const double v = set.points(r, j);
      if (v < lower(j) || v > upper(j)) {
        throw InputError("variable " + std::to_string(j + 1) + " = " + format_number(v) +
                             " is outside the bounds [" + format_number(lower(j)) + ", " +
                             format_number(upper(j)) + "] of " + problem.name(),
                         where);
      }
    }
  }
}

nlohmann::json rows_json(const Matrix& M) {
  nlohmann::json rows = nlohmann::json::array();
  for (Index r = 0; r < M.rows(); ++r)
    rows.push_back(std::vector<double>(M.row(r).data(), M.row(r).data() + M.cols()));
  return rows;
}

int run_evaluate(const Arguments& args) {
  CommandLine command_line(
      "evaluate", "evaluate --problem NAME [--problem-params JSON] [--json] FILE",
      "Evaluates each point of FILE (one point per line, all point sets together; '-' reads\n"
      "standard input) on a registered problem (see 'paretokit problems') and prints one line\n"
      "per point: its objectives then its constraints (feasible when <= 0), in input order,\n"
      "with round-trip precision. A point of the wrong length or outside the bounds is an\n"
      "error naming its line. --json prints {\"objectives\": [[...]], \"constraints\": [[...]]}.");
  command_line.options.add_options()("problem", po::value<std::string>()->required(),
                                     "problem name, e.g. dtlz2")(
      "problem-params", po::value<std::string>(),
      "problem parameters as a JSON object, e.g. '{\"n_obj\": 5}'")("json", "print one JSON document");
  command_line.add_file_argument();
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  const auto problem = problem_from_options(vm);
  const std::string path = vm["file"].as<std::string>();
  const std::string source = path == "-" ? "<stdin>" : path;
  const auto sets = read_point_sets(path);
  Index rows = 0;
  for (const auto& set : sets) {
    check_points(*problem, set, source);
    rows += set.points.rows();
  }
  Matrix X(rows, problem->n_var());
  Index row = 0;
  for (const auto& set : sets) {
    X.middleRows(row, set.points.rows()) = set.points;
    row += set.points.rows();
  }
  const auto result = problem->evaluate(X);

  if (vm.count("json")) {
    print_json(
        {{"objectives", rows_json(result.objectives)}, {"constraints", rows_json(result.constraints)}});
    return 0;
  }
  Matrix both(rows, problem->n_obj() + problem->n_constr());
  both << result.objectives, result.constraints;
  write_points(std::cout, both);
  return 0;
}

const RegisterCommand evaluate_command{"evaluate", "evaluate points on a benchmark problem", run_evaluate};

}  // namespace

}  // namespace paretokit::cli
