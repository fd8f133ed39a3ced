// paretokit discrepancy [--json] [--normalize] [--exact | --bounds] FILE:
// the star discrepancy of the points of FILE, with the worst box; exact (DEM)
// when affordable, otherwise a lower and an upper bound reported as such.
#include <iostream>
#include <limits>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/point_file.hpp"
#include "paretokit/discrepancy/star_discrepancy.hpp"

namespace paretokit::cli {

namespace {

struct LoadedPoints {
  Matrix points;
  std::vector<std::size_t> lines;
};

// All point sets of the file as one set, each row with its line.
LoadedPoints load_unit_points(const std::string& path, bool normalize, Matrix* raw = nullptr) {
  const auto sets = read_point_sets(path);
  LoadedPoints loaded;
  Index rows = 0;
  for (const auto& set : sets) rows += set.points.rows();
  const Index d = sets.front().points.cols();
  loaded.points.resize(rows, d);
  Index at = 0;
  for (const auto& set : sets) {
    if (set.points.cols() != d)
      throw InputError("point sets of different dimensions (" + std::to_string(set.points.cols()) + " and " +
                           std::to_string(d) + ")",
                       {path == "-" ? "<stdin>" : path, set.lines.front()});
    loaded.points.middleRows(at, set.points.rows()) = set.points;
    loaded.lines.insert(loaded.lines.end(), set.lines.begin(), set.lines.end());
    at += set.points.rows();
  }
  if (raw) *raw = loaded.points;
  if (normalize) {
    loaded.points = discrepancy::normalize_columns(loaded.points);
  } else {
    try {
      discrepancy::check_unit_cube(loaded.points, path == "-" ? "<stdin>" : path, loaded.lines);
    } catch (const InputError& error) {
      throw InputError(error.reason() + " (--normalize maps each column onto [0,1])", error.where());
    }
  }
  return loaded;
}

nlohmann::json vector_json(const Vector& v) {
  nlohmann::json array = nlohmann::json::array();
  for (Index i = 0; i < v.size(); ++i) array.push_back(v(i));
  return array;
}

int run_discrepancy(const Arguments& args) {
  CommandLine command_line(
      "discrepancy", "discrepancy [--json] [--normalize] [--exact | --bounds] [--seed S] [--threads T] FILE",
      "Star discrepancy D* of the points of FILE (all point sets together), which must lie\n"
      "in [0,1]^d unless --normalize maps each column min-max onto [0,1]. Exact by the\n"
      "Dobkin-Eppstein-Mitchell algorithm when n^(1+d/2) is affordable; otherwise a lower\n"
      "bound (threshold accepting) and an upper bound (grid bracketing). The worst box is\n"
      "[0,q) (too few points) or [0,q] (too many). JSON: {\"points\": n, \"dimension\": d,\n"
      "\"discrepancy\": v, \"exact\": true, \"worst_box\": [q...], \"worst_box_closed\": b}, with\n"
      "\"lower\" and \"upper\" when not exact.");
  command_line.options.add_options()("json", "print one JSON document")(
      "normalize", "min-max normalize every column onto [0,1] first")(
      "exact", "always compute the exact value, however long it takes")(
      "bounds", "only compute bounds (threshold accepting and bracketing)")(
      "seed", po::value<std::uint64_t>()->default_value(0), "seed of the threshold-accepting runs")(
      "threads", po::value<int>()->default_value(0),
      "worker threads (0: all cores); results do not depend on it");
  command_line.add_file_argument();
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;
  if (vm.count("exact") && vm.count("bounds")) throw UsageError("--exact and --bounds exclude each other");
  const int threads = vm["threads"].as<int>();
  if (threads < 0) throw UsageError("must be >= 0", Location::of_field("--threads"));

  const LoadedPoints loaded = load_unit_points(vm["file"].as<std::string>(), vm.count("normalize") > 0);
  discrepancy::StarDiscrepancyOptions options;
  options.exact.threads = threads;
  options.bounds.threads = threads;
  options.bounds.seed = vm["seed"].as<std::uint64_t>();
  if (vm.count("exact")) options.exact_work_limit = std::numeric_limits<double>::infinity();
  if (vm.count("bounds")) options.exact_work_limit = -1.0;
  const auto result = discrepancy::star_discrepancy(loaded.points, options);

  if (vm.count("json")) {
    nlohmann::json document = {{"points", loaded.points.rows()},
                               {"dimension", loaded.points.cols()},
                               {"discrepancy", result.value},
                               {"exact", result.exact},
                               {"worst_box", vector_json(result.worst_box.upper)},
                               {"worst_box_closed", result.worst_box.closed},
                               {"seconds", result.seconds}};
    if (!result.exact) {
      document["lower"] = result.lower;
      document["upper"] = result.upper;
    }
    print_json(document);
    return 0;
  }
  std::cout << "discrepancy " << format_number(result.value) << '\n'
            << "exact " << (result.exact ? "true" : "false") << '\n';
  if (!result.exact)
    std::cout << "lower " << format_number(result.lower) << '\n'
              << "upper " << format_number(result.upper) << '\n';
  std::cout << "worst_box " << (result.worst_box.closed ? "closed" : "open");
  for (Index j = 0; j < result.worst_box.upper.size(); ++j)
    std::cout << ' ' << format_number(result.worst_box.upper(j));
  std::cout << '\n';
  return 0;
}

}  // namespace

// Shared with subset.cpp: the points as read (raw) and as checked or normalized.
Matrix load_discrepancy_points(const std::string& path, bool normalize, Matrix& raw) {
  return load_unit_points(path, normalize, &raw).points;
}

const RegisterCommand discrepancy_command{"discrepancy", "star discrepancy of points in [0,1]^d",
                                          run_discrepancy};

}  // namespace paretokit::cli
