// paretokit hv [--reference r1,r2,...] [--json] [--timing] FILE...: the
// hypervolume of every point set of every file (blank lines separate sets).
// Default reference point: per objective max + 0.1 (max - min) over all input
// points, as moocore's `hv`.
#include <chrono>
#include <cmath>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/point_file.hpp"
#include "paretokit/indicators/hypervolume.hpp"

namespace paretokit::cli {

namespace {

struct NamedSet {
  std::string file;
  std::size_t index = 0;  // 0-based position of the set in its file
  PointSet set;
};

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

// Every set of every file, all of the same dimension.
std::vector<NamedSet> read_all_sets(const std::vector<std::string>& files) {
  std::vector<NamedSet> all;
  Index dimension = -1;
  for (const auto& file : files) {
    auto sets = read_point_sets(file);
    for (std::size_t k = 0; k < sets.size(); ++k) {
      const Index d = sets[k].points.cols();
      if (dimension < 0) dimension = d;
      if (d != dimension) {
        throw InputError("point set with " + std::to_string(d) + " objectives, but the first one has " +
                             std::to_string(dimension),
                         {display_name(file), sets[k].lines.front()});
      }
      all.push_back({file, k, std::move(sets[k])});
    }
  }
  return all;
}

// The reference point from --reference, or the default over every set.
Vector reference_point(const po::variables_map& vm, const std::vector<NamedSet>& sets) {
  const Index d = sets.front().set.points.cols();
  if (vm.count("reference")) return parse_reference_option(vm["reference"].as<std::string>(), d);
  RowVector high = RowVector::Constant(d, -std::numeric_limits<double>::infinity());
  RowVector low = RowVector::Constant(d, std::numeric_limits<double>::infinity());
  for (const auto& named : sets) {
    high = high.cwiseMax(named.set.points.colwise().maxCoeff());
    low = low.cwiseMin(named.set.points.colwise().minCoeff());
  }
  const Vector reference = (high + 0.1 * (high - low)).transpose();
  for (Index j = 0; j < d; ++j) {
    if (!std::isfinite(reference(j))) {
      throw InputError(
          "the default reference point (max + 0.1 (max - min)) overflows a double in objective " +
              std::to_string(j + 1) + ": give --reference, or rescale the points",
          Location::of_field("--reference"));
    }
  }
  return reference;
}

int run_hv(const Arguments& args) {
  CommandLine command_line(
      "hv", "hv [--reference r1,r2,...] [--json] FILE...",
      "Hypervolume (minimization) of each point set in each FILE; a blank line separates\n"
      "sets, '-' reads standard input. Points that do not strictly dominate the reference\n"
      "point add nothing. Default reference point: for each objective, max + 0.1 (max - min)\n"
      "over all input points (moocore's convention). Prints one value per set and line;\n"
      "--json prints {\"reference\": [...], \"sets\": [{\"file\": F, \"set\": i, \"points\": n,\n"
      "\"hypervolume\": v}, ...]} (sets numbered from 0 in each file).");
  command_line.options.add_options()("reference,r", po::value<std::string>(),
                                     "reference point, comma-separated (one number per objective)")(
      "json", "print one JSON document")("timing", "print the time spent reading and computing on stderr");
  command_line.add_file_argument(/*several=*/true);
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const auto sets = read_all_sets(vm["file"].as<std::vector<std::string>>());
  const Vector reference = reference_point(vm, sets);
  const auto read = Clock::now();
  std::vector<double> values;
  values.reserve(sets.size());
  for (const auto& named : sets) {
    values.push_back(hypervolume(named.set.points, reference));
    // A volume past the largest double is no result: never print inf as one.
    if (!std::isfinite(values.back())) {
      throw InputError("the hypervolume of set " + std::to_string(named.index + 1) +
                           " overflows a double (the box to the reference point is too large): rescale the "
                           "objectives",
                       {display_name(named.file), named.set.lines.front()});
    }
  }
  const auto computed = Clock::now();

  if (vm.count("json")) {
    nlohmann::json document;
    document["reference"] = std::vector<double>(reference.data(), reference.data() + reference.size());
    document["sets"] = nlohmann::json::array();
    for (std::size_t k = 0; k < sets.size(); ++k) {
      document["sets"].push_back({{"file", display_name(sets[k].file)},
                                  {"set", sets[k].index},
                                  {"points", sets[k].set.points.rows()},
                                  {"hypervolume", values[k]}});
    }
    print_json(document);
  } else {
    std::string out;
    for (double value : values) out += format_number(value) + '\n';
    std::cout << out;
  }
  if (vm.count("timing")) {
    const std::chrono::duration<double> reading = read - start;
    const std::chrono::duration<double> computing = computed - read;
    std::cerr << "paretokit hv: read " << reading.count() << " s, computed " << computing.count() << " s\n";
  }
  return 0;
}

const RegisterCommand hv_command{"hv", "hypervolume of each point set", run_hv};

}  // namespace

}  // namespace paretokit::cli
