// paretokit front --problem NAME [--problem-params JSON] -n N [--json]: about
// N points of the problem's known Pareto front.
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

std::unique_ptr<Problem> front_problem(const po::variables_map& vm) {
  nlohmann::json params = nlohmann::json::object();
  if (vm.count("problem-params"))
    params = parse_json_option(vm["problem-params"].as<std::string>(), "problem-params");
  try {
    return problems::make_problem(vm["problem"].as<std::string>(), params);
  } catch (const InputError& error) {
    const bool unknown = error.where().field == "problem";
    throw InputError(error.reason(), Location::of_field(unknown ? "--problem" : "--problem-params"));
  }
}

nlohmann::json vector_json(const std::optional<Vector>& v) {
  if (!v) return nullptr;
  return std::vector<double>(v->data(), v->data() + v->size());
}

int run_front(const Arguments& args) {
  CommandLine command_line(
      "front", "front --problem NAME [--problem-params JSON] -n|--points N [--json]",
      "Prints about N well-spread points of the known Pareto front of a registered problem\n"
      "(closed form, or sampled and filtered for disconnected fronts), one per line with\n"
      "round-trip precision. Problems without a known front (e.g. Kursawe, the RE suite)\n"
      "are an error. --json prints {\"problem\", \"params\", \"points\": [[...]], \"ideal\",\n"
      "\"nadir\"} (ideal and nadir are null where unknown).");
  command_line.options.add_options()("problem", po::value<std::string>()->required(),
                                     "problem name, e.g. dtlz2")("problem-params", po::value<std::string>(),
                                                                 "problem parameters as a JSON object")(
      "points,n", po::value<long long>()->required(), "number of points (about; >= 1)")(
      "json", "print one JSON document");
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  const long long n = vm["points"].as<long long>();
  if (n < 1 || n > 10000000)
    throw UsageError("must be between 1 and 10^7, got " + std::to_string(n), Location::of_field("-n"));
  const auto problem = front_problem(vm);
  const auto front = problem->pareto_front(static_cast<Index>(n));
  if (!front) {
    throw InputError("no known Pareto front for " + problem->name(), Location::of_field("--problem"));
  }
  if (vm.count("json")) {
    nlohmann::json points = nlohmann::json::array();
    for (Index r = 0; r < front->rows(); ++r) {
      points.push_back(std::vector<double>(front->row(r).data(), front->row(r).data() + front->cols()));
    }
    print_json({{"problem", problem->name()},
                {"params", problem->params()},
                {"points", points},
                {"ideal", vector_json(problem->ideal_point())},
                {"nadir", vector_json(problem->nadir_point())}});
    return 0;
  }
  write_points(std::cout, *front);
  return 0;
}

const RegisterCommand front_command{"front", "print a reference Pareto front of a benchmark problem",
                                    run_front};

}  // namespace

}  // namespace paretokit::cli
