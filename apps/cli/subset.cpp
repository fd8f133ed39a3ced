// paretokit subset FILE -k K [--restarts R] [--time SECONDS] [--seed S]
//                  [--normalize] [--exact] [--output FILE] [--json]:
// k points of FILE whose star discrepancy is low (carps' task subsets).
#include <fstream>
#include <iostream>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/point_file.hpp"
#include "paretokit/discrepancy/subset_selection.hpp"

namespace paretokit::cli {

// In discrepancy.cpp: all points of the file, checked for [0,1]^d or
// normalized; `raw` receives them as read.
Matrix load_discrepancy_points(const std::string& path, bool normalize, Matrix& raw);

namespace {

int run_subset(const Arguments& args) {
  CommandLine command_line(
      "subset",
      "subset FILE -k K [--restarts R] [--time SECONDS] [--seed S] [--normalize]\n"
      "         [--exact] [--out FILE] [--threads T] [--json] [--timing]",
      "Chooses K of the points of FILE (all point sets together) so that the chosen points,\n"
      "as they are, have a low star discrepancy: greedy starts improved by a shift-style\n"
      "local search, restarts in parallel, reproducible for a seed; in 2-D the best subset is\n"
      "then refined exactly near its worst box by branch and bound. The points must lie in\n"
      "[0,1]^d unless --normalize maps every column min-max onto [0,1] over all points (as\n"
      "carps does). --exact proves the optimum by branch and bound (2-D, small inputs).\n"
      "Indices are 0-based in input order. JSON: {\"indices\": [...], \"discrepancy\": v}.");
  command_line.options.add_options()("k,k", po::value<long long>()->required()->value_name("K"),
                                     "number of points to choose (1 <= K <= n)")(
      "restarts", po::value<int>()->default_value(32)->value_name("R"), "independent restarts")(
      "time", po::value<double>()->value_name("SECONDS"),
      "stop after this many seconds and return the best subset so far")(
      "seed", po::value<std::uint64_t>()->default_value(0)->value_name("S"), "random seed")(
      "normalize", "min-max normalize every column onto [0,1] first")(
      "exact", "exact branch and bound (2-D only; exponential time)")(
      "out", po::value<std::string>()->value_name("FILE"), "write the chosen points (input rows) to FILE")(
      "output", po::value<std::string>()->value_name("FILE"), "deprecated name of --out")(
      "threads", po::value<int>()->default_value(0)->value_name("T"),
      "worker threads (0: all cores); results do not depend on it")("json", "print one JSON document");
  command_line.add_file_argument();
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;
  const int restarts = vm["restarts"].as<int>();
  if (restarts < 1) throw UsageError("must be >= 1", Location::of_field("--restarts"));
  const int threads = vm["threads"].as<int>();
  if (threads < 0) throw UsageError("must be >= 0", Location::of_field("--threads"));
  double seconds = 0.0;
  if (vm.count("time")) {
    seconds = vm["time"].as<double>();
    if (!(seconds > 0.0))
      throw UsageError("must be a positive number of seconds", Location::of_field("--time"));
  }

  const std::string path = vm["file"].as<std::string>();
  const bool normalize = vm.count("normalize") > 0;
  Matrix input;
  const Matrix points = load_discrepancy_points(path, normalize, input);
  const long long k = vm["k"].as<long long>();
  if (k < 1 || k > points.rows())
    throw InputError("K = " + std::to_string(k) +
                         " must lie in [1, n] with n = " + std::to_string(points.rows()) + " points",
                     Location::of_field("-k"));

  discrepancy::SubsetResult result;
  if (vm.count("exact")) {
    discrepancy::ExactSubsetOptions options;
    options.time_limit_seconds = seconds;
    result = discrepancy::select_subset_exact(points, static_cast<Index>(k), options);
  } else {
    discrepancy::SubsetOptions options;
    options.seed = vm["seed"].as<std::uint64_t>();
    options.restarts = restarts;
    options.time_limit_seconds = seconds;
    options.threads = threads;
    result = discrepancy::select_subset(points, static_cast<Index>(k), options);
  }

  if (vm.count("out") && vm.count("output")) {
    throw UsageError("give --out only (--output is its deprecated name)", Location::of_field("--output"));
  }
  if (vm.count("out") || vm.count("output")) {
    const std::string output = vm[vm.count("out") ? "out" : "output"].as<std::string>();
    std::ofstream out(output);
    if (!out) throw InputError("cannot write the file", Location(output));
    Matrix chosen(static_cast<Index>(result.indices.size()), input.cols());
    for (std::size_t i = 0; i < result.indices.size(); ++i)
      chosen.row(static_cast<Index>(i)) = input.row(result.indices[i]);
    write_points(out, chosen);
    if (!out) throw Error("writing failed", Location(output));
  }
  if (vm.count("json")) {
    nlohmann::json document = {
        {"indices", result.indices}, {"discrepancy", result.discrepancy},   {"k", k},
        {"points", points.rows()},   {"restarts_run", result.restarts_run}, {"timed_out", result.timed_out},
        {"seconds", result.seconds}};
    if (vm.count("exact")) document["optimal"] = result.optimal;
    print_json(document);
    return 0;
  }
  std::cout << "discrepancy " << format_number(result.discrepancy) << '\n' << "indices";
  for (Index i : result.indices) std::cout << ' ' << i;
  std::cout << '\n';
  if (vm.count("exact")) std::cout << "optimal " << (result.optimal ? "true" : "false") << '\n';
  return 0;
}

}  // namespace

const RegisterCommand subset_command{"subset", "k points of low star discrepancy", run_subset};

}  // namespace paretokit::cli
