// paretokit igd | igd-plus | gd | epsilon --front REF_FILE [--json] FILE:
// a distance indicator of each point set of FILE against the reference set
// (all points of REF_FILE). Four commands, one implementation.
#include <functional>
#include <iostream>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/point_file.hpp"
#include "paretokit/indicators/distance_indicators.hpp"

namespace paretokit::cli {

namespace {

using IndicatorFunction = std::function<double(const MatrixRef&, const MatrixRef&)>;

int run_indicator(const std::string& name, const std::string& what, const IndicatorFunction& indicator,
                  const Arguments& args) {
  CommandLine command_line(
      name, name + " --front REF_FILE [--json] FILE",
      what +
          " (minimization) of each point set of FILE against the reference set,\n"
          "all points of REF_FILE. Blank lines separate point sets. FILE '-' reads standard\n"
          "input. Prints one value per set and line, or {\"sets\": [{\"value\": v}, ...]}\n"
          "with --json.");
  command_line.options.add_options()("front", po::value<std::string>()->required()->value_name("REF_FILE"),
                                     "reference set (e.g. the true Pareto front)")("json",
                                                                                   "print one JSON document");
  command_line.add_file_argument();
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  const std::string front_path = vm["front"].as<std::string>();
  const std::string path = vm["file"].as<std::string>();
  if (front_path == "-" && path == "-") throw UsageError("FILE and --front cannot both be standard input");
  const Matrix reference = read_points(front_path);
  const auto sets = read_point_sets(path);

  nlohmann::json values = nlohmann::json::array();
  std::string plain;
  for (const auto& set : sets) {
    if (set.points.cols() != reference.cols()) {
      throw InputError("the points have " + std::to_string(set.points.cols()) +
                           " objectives but the reference set " + front_path + " has " +
                           std::to_string(reference.cols()),
                       {path == "-" ? "<stdin>" : path, set.lines.front()});
    }
    const double value = indicator(set.points, reference);
    values.push_back({{"value", value}});
    plain += format_number(value);
    plain += '\n';
  }
  if (vm.count("json")) {
    print_json({{"sets", values}});
  } else {
    std::cout << plain;
  }
  return 0;
}

const RegisterCommand igd_command{
    "igd", "inverted generational distance to a reference set", [](const Arguments& args) {
      return run_indicator(
          "igd", "Inverted generational distance (IGD)",
          [](const MatrixRef& a, const MatrixRef& z) { return igd(a, z); }, args);
    }};
const RegisterCommand igd_plus_command{
    "igd-plus", "IGD+ (Ishibuchi et al. 2015) to a reference set", [](const Arguments& args) {
      return run_indicator(
          "igd-plus", "IGD+ (Ishibuchi et al. 2015)",
          [](const MatrixRef& a, const MatrixRef& z) { return igd_plus(a, z); }, args);
    }};
const RegisterCommand gd_command{"gd", "generational distance to a reference set", [](const Arguments& args) {
                                   return run_indicator(
                                       "gd", "Generational distance (GD)",
                                       [](const MatrixRef& a, const MatrixRef& z) { return gd(a, z); }, args);
                                 }};
const RegisterCommand epsilon_command{
    "epsilon", "additive epsilon indicator against a reference set", [](const Arguments& args) {
      return run_indicator(
          "epsilon", "Additive epsilon indicator (Zitzler et al. 2003)",
          [](const MatrixRef& a, const MatrixRef& z) { return additive_epsilon(a, z); }, args);
    }};

}  // namespace

}  // namespace paretokit::cli
