// paretokit hvc [--reference r1,r2,...] [--json] FILE: the exclusive
// hypervolume contribution HV(S) - HV(S without p) of every point, in input
// order. Each point set of the file (blank lines separate sets) is its own S;
// the default reference point (max + 0.1 (max - min) per objective) is taken
// over all points of the file.
#include <iostream>
#include <string>
#include <vector>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/point_file.hpp"
#include "paretokit/indicators/hypervolume.hpp"

namespace paretokit::cli {

namespace {

int run_hvc(const Arguments& args) {
  CommandLine command_line(
      "hvc", "hvc [--reference r1,r2,...] [--json] FILE",
      "Exclusive hypervolume contribution HV(S) - HV(S without p) of each point of FILE,\n"
      "one per input point and line, in input order. Each point set (blank lines separate\n"
      "sets) is its own S. A dominated point contributes 0 and lowers the contribution of a\n"
      "point that dominates it alone; two equal points both contribute 0. Default reference\n"
      "point: for each objective, max + 0.1 (max - min) over all points of FILE.\n"
      "--json prints {\"reference\": [...], \"contributions\": [...]}.");
  command_line.options.add_options()("reference,r", po::value<std::string>(),
                                     "reference point, comma-separated (one number per objective)")(
      "json", "print one JSON document");
  command_line.add_file_argument();
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  const std::string path = vm["file"].as<std::string>();
  const auto sets = read_point_sets(path);
  const Index d = sets.front().points.cols();
  RowVector high = sets.front().points.colwise().maxCoeff();
  RowVector low = sets.front().points.colwise().minCoeff();
  for (const auto& set : sets) {
    if (set.points.cols() != d) {
      throw InputError("point set with " + std::to_string(set.points.cols()) +
                           " objectives, but the first one has " + std::to_string(d),
                       {path == "-" ? "<stdin>" : path, set.lines.front()});
    }
    high = high.cwiseMax(set.points.colwise().maxCoeff());
    low = low.cwiseMin(set.points.colwise().minCoeff());
  }
  Vector reference = (high + 0.1 * (high - low)).transpose();
  if (vm.count("reference")) reference = parse_reference_option(vm["reference"].as<std::string>(), d);
  if (!reference.allFinite()) {
    throw InputError(
        "the default reference point (max + 0.1 (max - min)) overflows a double: give --reference, "
        "or rescale the points",
        Location::of_field("--reference"));
  }

  std::vector<double> contributions;
  for (const auto& set : sets) {
    const Vector c = hypervolume_contributions(set.points, reference);
    contributions.insert(contributions.end(), c.data(), c.data() + c.size());
    // Never print inf as a result.
    if (!c.allFinite()) {
      throw InputError(
          "a contribution overflows a double (the box to the reference point is too large): "
          "rescale the objectives",
          {path == "-" ? "<stdin>" : path, set.lines.front()});
    }
  }
  if (vm.count("json")) {
    nlohmann::json document;
    document["reference"] = std::vector<double>(reference.data(), reference.data() + reference.size());
    document["contributions"] = contributions;
    print_json(document);
  } else {
    std::string out;
    for (double value : contributions) out += format_number(value) + '\n';
    std::cout << out;
  }
  return 0;
}

const RegisterCommand hvc_command{"hvc", "exclusive hypervolume contribution of each point", run_hvc};

}  // namespace

}  // namespace paretokit::cli
