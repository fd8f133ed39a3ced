// paretokit bench-subset DIR -k K [--reference-optimizers a,b] [--seed S]
// [--out FILE] [--json]: dev and test task subsets of low star discrepancy
// (carps' method), written as a suite file with a "split".
#include <filesystem>
#include <iostream>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/bench/report_json.hpp"
#include "paretokit/bench/suite.hpp"
#include "paretokit/bench/task_subset.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"

namespace paretokit::cli {

namespace {

namespace fs = std::filesystem;

int run_bench_subset(const Arguments& args) {
  CommandLine command_line(
      "bench-subset", "bench-subset DIR -k K [--reference-optimizers a,b,c] [--seed S] [--out FILE] [--json]",
      "Embeds each task of the bench folder DIR as the point of the reference optimizers'\n"
      "seed-averaged final normalized hypervolume, normalizes each axis over the tasks to\n"
      "[0,1], and selects the k tasks of lowest star discrepancy (dev), then k more from the\n"
      "rest (test, disjoint). Writes the bench's suite with this split (default\n"
      "DIR/subset_k<K>.json) and prints both discrepancies.");
  command_line.options.add_options()("k,k", po::value<long>()->required(), "tasks per subset")(
      "reference-optimizers", po::value<std::string>()->default_value(""), "comma-separated (default: all)")(
      "seed", po::value<std::uint64_t>()->default_value(0), "seed of the subset search")(
      "out", po::value<std::string>(), "output suite file")("json", "print one JSON document");
  command_line.hidden.add_options()("dir", po::value<std::string>()->required(), "bench folder");
  command_line.positional.add("dir", 1);
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  const fs::path directory = vm["dir"].as<std::string>();
  if (!fs::is_regular_file(directory / "bench.json")) {
    throw InputError("not a bench folder (no bench.json)", Location(directory.string()));
  }
  const fs::path report_path = directory / "report.json";
  const nlohmann::json report =
      fs::is_regular_file(report_path) ? read_json_file(report_path) : bench::write_report_json(directory);

  bench::TaskSubsetOptions options;
  options.k = vm["k"].as<long>();
  options.seed = vm["seed"].as<std::uint64_t>();
  const std::string reference = vm["reference-optimizers"].as<std::string>();
  for (std::size_t start = 0; !reference.empty() && start <= reference.size();) {
    std::size_t end = reference.find(',', start);
    if (end == std::string::npos) end = reference.size();
    options.reference_optimizers.push_back(reference.substr(start, end - start));
    start = end + 1;
  }
  const bench::TaskSubsets subsets = bench::select_task_subsets(report, options);

  const nlohmann::json definition = read_json_file(directory / "bench.json");
  nlohmann::json suite = definition.at("suite");
  suite["name"] = suite.value("name", "suite") + "-subset-k" + std::to_string(options.k);
  suite["description"] =
      "Tasks of " + definition.at("suite").value("name", "the suite") +
      " with a dev and a test selection of low star discrepancy (paretokit bench-subset, k = " +
      std::to_string(options.k) + ", seed " + std::to_string(options.seed) + ").";
  suite["split"] = {{"dev", subsets.dev}, {"test", subsets.test}};
  // Reads back as a suite: the same validation as --suite.
  bench::parse_suite(suite, "bench-subset output");
  const fs::path out = vm.count("out") ? fs::path(vm["out"].as<std::string>())
                                       : directory / ("subset_k" + std::to_string(options.k) + ".json");
  write_json_atomically(out, suite);

  if (vm.count("json")) {
    print_json({{"suite", out.string()},
                {"k", options.k},
                {"dev", subsets.dev},
                {"test", subsets.test},
                {"dev_discrepancy", subsets.dev_discrepancy},
                {"test_discrepancy", subsets.test_discrepancy}});
    return 0;
  }
  std::cout << "dev discrepancy " << format_number(subsets.dev_discrepancy) << '\n';
  for (const auto& id : subsets.dev) std::cout << "  dev  " << id << '\n';
  std::cout << "test discrepancy " << format_number(subsets.test_discrepancy) << '\n';
  for (const auto& id : subsets.test) std::cout << "  test " << id << '\n';
  std::cout << "suite " << out.string() << '\n';
  return 0;
}

}  // namespace

const RegisterCommand bench_subset_command{"bench-subset", "representative task subsets by star discrepancy",
                                           run_bench_subset};

}  // namespace paretokit::cli
