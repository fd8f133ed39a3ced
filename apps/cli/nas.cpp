// paretokit nas: hardware-aware architecture search over the ProxylessNAS
// space (apps/nas/): the front of architectures trading latency, FLOPs,
// parameters and accuracy on a device, written as a run folder; or, with
// --describe ARCH, the per-layer table of one architecture.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <numeric>

#include "accuracy_command.hpp"
#include "command.hpp"
#include "nas/describe.hpp"
#include "nas/nas_problem.hpp"
#include "options.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/run_folder.hpp"
#include "paretokit/report/html_report.hpp"
#include "paretokit/run/run.hpp"
#include "stop_on_signal.hpp"

namespace paretokit::cli {

namespace {

namespace fs = std::filesystem;
using namespace paretokit::nas;

constexpr const char* kDescription =
    "Searches the ProxylessNAS space (Cai, Zhu and Han, ICLR 2019): after a fixed 3x3 conv and an\n"
    "MBConv1 block, 21 blocks in six stages (widths 24,40,80,96,192,320; 4,4,4,4,4,1 blocks; strides\n"
    "2,2,2,1,2,1), each MBConv with kernel 3/5/7 and expansion 3/6, or zero where it may be skipped.\n"
    "Objectives, all minimized: latency (ms, from --device's roofline or lookup table, or\n"
    "--latency-table), flops (millions of multiply-adds), params (millions), accuracy (from a ridge\n"
    "surrogate fitted on --accuracy-table; without one, a capacity proxy that is NOT an accuracy:\n"
    "sum over blocks of log2(expand * k^2)). Costs alone all favour the smallest network: add\n"
    "accuracy for a trade-off. Prints the front in ProxylessNAS notation with its costs and writes\n"
    "the run folder (config.json, trials.jsonl, front.txt/.json, summary.json, architectures.json,\n"
    "report.html; default runs/nas-<algorithm>-seed<S>).\n"
    "--describe ARCH prints the per-layer table of ARCH: 21 comma-separated blocks (e.g.\n"
    "5x5_MBConv3,3x3_MBConv3,zero,...) or a network config file (data/proxylessnas/mobile.json).\n"
    "--accuracy-command CMD measures the accuracy of every architecture of the final front once the\n"
    "search ends (the search itself uses the surrogate or the proxy): one run of CMD each\n"
    "(--workers at a time); its config.json holds \"arch\" (the notation), \"block1\"..\"blockN\" (the\n"
    "choices), \"resolution\" and \"width_multiplier\" ({NAME} and $PARETOKIT_PARAM_<NAME> too); it\n"
    "reports {\"accuracy\": value} (or --accuracy-key) in result.json or as its last JSON line on\n"
    "stdout. The accuracy (or the status: crashed, timeout) is printed beside each architecture and\n"
    "written to architectures.json, accuracy.jsonl and accuracy_trials/<i>/; failures never stop it.";

std::vector<int> int_list(const po::variables_map& vm, const char* name) {
  std::vector<int> values;
  for (double value : parse_number_list(vm[name].as<std::string>(), name)) {
    if (value != std::floor(value) || std::abs(value) > 1e6) {
      throw UsageError("must be integers", Location::of_field(std::string("--") + name));
    }
    values.push_back(static_cast<int>(value));
  }
  return values;
}

ProxylessSpaceOptions space_options(const po::variables_map& vm) {
  if (vm["space"].as<std::string>() != "proxyless") {
    throw UsageError("unknown space '" + vm["space"].as<std::string>() + "' (known: proxyless)",
                     Location::of_field("--space"));
  }
  ProxylessSpaceOptions options;
  options.width_multiplier = vm["width-multiplier"].as<double>();
  options.resolution = vm["resolution"].as<int>();
  if (vm.count("stage-blocks")) options.stage_blocks = int_list(vm, "stage-blocks");
  if (vm.count("kernels")) options.kernels = int_list(vm, "kernels");
  if (vm.count("expansions")) options.expansions = int_list(vm, "expansions");
  options.allow_zero = !vm.count("no-zero");
  return options;
}

std::shared_ptr<const LatencyModel> latency_model(const po::variables_map& vm) {
  if (vm.count("device") && vm.count("latency-table")) {
    throw UsageError("give --device or --latency-table, not both", Location::of_field("--latency-table"));
  }
  if (vm.count("device")) return load_device_latency(vm["device"].as<std::string>());
  if (vm.count("latency-table")) return load_table_latency(vm["latency-table"].as<std::string>());
  return nullptr;
}

int describe(const po::variables_map& vm) {
  const std::string arch = vm["describe"].as<std::string>();
  if (vm.count("accuracy-command"))
    throw UsageError("measures a front: not with --describe", Location::of_field("--accuracy-command"));
  const auto latency = latency_model(vm);
  NetworkSpec network;
  if (fs::is_regular_file(arch)) {
    network = load_network_config(arch);
  } else {
    const ProxylessSpace space(space_options(vm));
    network = space.network(space.parse_architecture(arch, Location::of_field("--describe")));
  }
  const nlohmann::json description = describe_network(network, latency.get());
  if (vm.count("json")) {
    print_json(description);
  } else {
    std::cout << describe_network_text(description);
  }
  return 0;
}

// The front's architectures, by increasing first objective.
std::vector<std::vector<BlockOp>> front_ops(const NasProblem& problem, const RunResult& result) {
  std::vector<Index> order(static_cast<std::size_t>(result.front_x.rows()));
  std::iota(order.begin(), order.end(), Index{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](Index a, Index b) { return result.front_f(a, 0) < result.front_f(b, 0); });
  std::vector<std::vector<BlockOp>> front;
  for (Index r : order) front.push_back(problem.space().ops_from_row(result.front_x.row(r)));
  return front;
}

// What an accuracy command sees of each architecture: its notation ("arch",
// a categorical of the front's notations), the per-block choices (the
// space's categoricals block1..blockN), the resolution and width multiplier.
SearchSpace accuracy_space(const ProxylessSpace& space, const std::vector<std::vector<BlockOp>>& front) {
  SearchSpace config = space.search_space();
  std::vector<nlohmann::json> notations;
  for (const auto& ops : front) {
    const nlohmann::json notation = ProxylessSpace::to_notation(ops);
    if (std::find(notations.begin(), notations.end(), notation) == notations.end())
      notations.push_back(notation);
  }
  config.add_categorical("arch", notations);
  config.add_ordinal("resolution", {static_cast<double>(space.options().resolution)});
  config.add_ordinal("width_multiplier", {space.options().width_multiplier});
  return config;
}

Matrix accuracy_rows(const ProxylessSpace& space, const SearchSpace& config,
                     const std::vector<std::vector<BlockOp>>& front) {
  const Index blocks = space.n_blocks();
  const auto& notations = config[blocks].choices;
  Matrix X(static_cast<Index>(front.size()), config.size());
  for (std::size_t r = 0; r < front.size(); ++r) {
    const auto i = static_cast<Index>(r);
    X.row(i).head(blocks) = space.row_from_ops(front[r]);
    const nlohmann::json notation = ProxylessSpace::to_notation(front[r]);
    X(i, blocks) =
        static_cast<double>(std::find(notations.begin(), notations.end(), notation) - notations.begin());
    X(i, blocks + 1) = space.options().resolution;
    X(i, blocks + 2) = space.options().width_multiplier;
  }
  return X;
}

// The front's architectures with their costs (and measured accuracy).
nlohmann::json front_architectures(const NasProblem& problem, const std::vector<std::vector<BlockOp>>& front,
                                   const std::vector<AccuracyMeasurement>& measured) {
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t r = 0; r < front.size(); ++r) {
    const auto& ops = front[r];
    const ArchitectureCosts costs = problem.costs(ops);
    nlohmann::json row = {
        {"arch", ProxylessSpace::to_notation(ops)}, {"mflops", costs.mflops}, {"mparams", costs.mparams}};
    row["latency_ms"] = std::isnan(costs.latency_ms) ? nlohmann::json() : nlohmann::json(costs.latency_ms);
    row[problem.accuracy_is_proxy() ? "capacity_proxy" : "accuracy"] = costs.accuracy;
    if (!measured.empty()) {
      nlohmann::json entry = nlohmann::json::object();
      add_measurement(entry, measured[r]);
      row["measured"] = std::move(entry);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void print_front(const nlohmann::json& rows, bool proxy, const std::vector<AccuracyMeasurement>& measured) {
  const bool with_measured = !measured.empty();
  std::printf("%12s %10s %9s %10s%s  %s\n", "latency_ms", "MFLOPs", "Mparams",
              proxy ? "capacity*" : "accuracy", with_measured ? "   measured" : "", "architecture");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const double latency = row["latency_ms"].is_null() ? NAN : row["latency_ms"].get<double>();
    std::printf("%12.4f %10.2f %9.4f %10.4f", latency, row["mflops"].get<double>(),
                row["mparams"].get<double>(), row[proxy ? "capacity_proxy" : "accuracy"].get<double>());
    if (with_measured) std::printf(" %10s", accuracy_cell(measured[r]).c_str());
    std::printf("  %s\n", row["arch"].get<std::string>().c_str());
  }
  if (proxy) std::printf("* capacity proxy, not an accuracy (no --accuracy-table)\n");
  for (std::size_t r = 0; r < measured.size(); ++r) {
    if (measured[r].status != TrialStatus::success)
      std::printf("measured accuracy of architecture %zu %s: %s\n", r, to_string(measured[r].status),
                  measured[r].message.c_str());
  }
}

int search(const po::variables_map& vm) {
  if (!vm.count("objectives")) throw UsageError("missing --objectives", Location::of_field("--objectives"));
  const auto objectives = parse_objectives(vm["objectives"].as<std::string>());
  const bool wants_accuracy =
      std::find(objectives.begin(), objectives.end(), NasObjective::accuracy) != objectives.end();
  ProxylessSpace space(space_options(vm));
  std::optional<AccuracySurrogate> accuracy;
  if (vm.count("accuracy-table")) {
    accuracy =
        AccuracySurrogate::fit(space, load_accuracy_table(vm["accuracy-table"].as<std::string>(), space),
                               vm["ridge-lambda"].as<double>());
  }
  const NasProblem problem(space, objectives, latency_model(vm), accuracy);
  if (wants_accuracy && !accuracy) {
    std::cerr << "paretokit: note: no --accuracy-table: the accuracy objective is a capacity proxy "
                 "(sum of log2(expand * k^2) over blocks), not an accuracy\n";
  }
  const std::string algorithm_name = vm["algorithm"].as<std::string>();
  const nlohmann::json algorithm_params =
      vm.count("algorithm-params")
          ? parse_json_option(vm["algorithm-params"].as<std::string>(), "algorithm-params")
          : nlohmann::json::object();
  const auto algorithm = make_algorithm(algorithm_name, algorithm_params);
  const std::int64_t budget = vm["budget"].as<std::int64_t>();
  if (budget <= 0) throw UsageError("must be > 0", Location::of_field("--budget"));
  const std::uint64_t seed = vm["seed"].as<std::uint64_t>();
  const int threads = vm["threads"].as<int>();
  if (threads < 0) throw UsageError("must be >= 0", Location::of_field("--threads"));
  const std::optional<AccuracySettings> accuracy_settings = read_accuracy_settings(vm);

  fs::path out = vm.count("out") ? fs::path(vm["out"].as<std::string>()) : fs::path();
  if (out.empty()) {
    const std::string base = "runs/nas-" + algorithm_name + "-seed" + std::to_string(seed);
    out = base;
    for (int k = 2; fs::exists(out); ++k) out = base + "-" + std::to_string(k);
  }
  const RunFolder folder(out);
  if (folder.holds_run()) {
    throw UsageError("'" + out.string() + "' already holds a run: choose another --out",
                     Location::of_field("--out"));
  }
  folder.create();
  folder.write_config({{"command", "nas"},
                       {"problem", problem.name()},
                       {"problem_params", problem.params()},
                       {"algorithm", algorithm_name},
                       {"algorithm_params", algorithm_params},
                       {"seed", seed},
                       {"termination", {{"evaluations", budget}}},
                       {"threads", threads},
                       {"resolved", {{"algorithm_options", algorithm->options()}}},
                       {"accuracy", accuracy_settings ? to_json(*accuracy_settings) : nlohmann::json()}},
                      {.sync_file = false, .sync_directory = false});

  RunOptions options;
  options.max_evaluations = budget;
  options.seed = seed;
  options.threads = threads;
  options.output_directory = folder.directory();
  StopOnSignal stop;
  options.stop_request = &stop.requested();
  const RunResult result = run(problem, *algorithm, options);
  if (result.stop_reason == "interrupted") {
    stop.tell("paretokit: interrupted after generation " + std::to_string(result.generations) +
              " (the trials so far are in " + folder.trials_path().string() + ")\n");
    return 128 + stop.signal_number();
  }

  const auto front = front_ops(problem, result);
  std::vector<AccuracyMeasurement> measured;
  nlohmann::json summary = result.summary.json;
  if (accuracy_settings) {
    const SearchSpace config = accuracy_space(space, front);
    const Matrix X = accuracy_rows(space, config, front);
    try {
      measured = measure_accuracy(*accuracy_settings, config, X, folder.directory(), &stop.requested());
    } catch (const EvaluationInterrupted&) {
      stop.tell("paretokit: interrupted while measuring accuracy (the front is in " +
                folder.directory().string() + ")\n");
      return 128 + stop.signal_number();
    }
    write_accuracy_log(folder.directory(), config, X, measured);
    summary["measured_accuracy"] = accuracy_summary(*accuracy_settings, measured, folder.directory());
    folder.write_summary(summary);
  }
  const nlohmann::json rows = front_architectures(problem, front, measured);
  write_file_atomically(folder.directory() / "architectures.json", rows.dump(1) + "\n");
  const fs::path report_path = folder.directory() / "report.html";
  write_file_atomically(report_path, report::run_report_html(folder.directory()));
  if (vm.count("json")) {
    print_json({{"summary", summary},
                {"front", rows},
                {"accuracy_is_proxy", problem.accuracy_is_proxy()},
                {"run_folder", folder.directory().string()}});
    return 0;
  }
  const nlohmann::json latency = problem.params()["latency"];
  char count[32];
  std::snprintf(count, sizeof count, "%.4g", space.size());
  std::cout << "nas: proxyless space, " << space.n_blocks() << " blocks, " << count
            << " architectures; latency: "
            << (latency.is_null()
                    ? std::string("none")
                    : latency["model"].get<std::string>() + ", " + latency["device"].get<std::string>() +
                          " (" + latency["file"].get<std::string>() + ")")
            << "\n"
            << algorithm_name << ": " << result.generations << " generations, " << result.evaluations
            << " evaluations in " << format_number(result.seconds) << " s\n"
            << "front (" << rows.size() << " architectures):\n";
  std::cout.flush();
  print_front(rows, problem.accuracy_is_proxy(), measured);
  std::fflush(stdout);
  std::cout << "run folder: " << folder.directory().string() << " (architectures.json, report.html)\n";
  return 0;
}

int run_nas(const Arguments& args) {
  CommandLine command_line(
      "nas",
      "nas --space proxyless (--device FILE | --latency-table FILE) --objectives "
      "latency,flops,params[,accuracy]\n"
      "         [--width-multiplier W] [--resolution R] [--stage-blocks B,...] [--kernels K,...]\n"
      "         [--expansions E,...] [--no-zero] [--accuracy-table FILE] [--ridge-lambda L]\n"
      "         [--algorithm nsga3] [--algorithm-params JSON] [--budget N] [--seed S]\n"
      "         [--threads T] [--accuracy-command CMD] [--accuracy-key NAME] [--workers W]\n"
      "         [--timeout S] [--out DIR] [--json]\n"
      "       paretokit nas --describe ARCH [--device FILE | --latency-table FILE] [--json]",
      kDescription);
  command_line.options.add_options()("space", po::value<std::string>()->default_value("proxyless"),
                                     "search space: proxyless")("width-multiplier",
                                                                po::value<double>()->default_value(1.0),
                                                                "scales every width (make_divisible by 8)")(
      "resolution", po::value<int>()->default_value(224), "input resolution")(
      "stage-blocks", po::value<std::string>(), "blocks per stage (default 4,4,4,4,4,1)")(
      "kernels", po::value<std::string>(), "kernel choices (default 3,5,7)")(
      "expansions", po::value<std::string>(), "expansion choices (default 3,6)")("no-zero",
                                                                                 "no zero (skip) choice")(
      "device", po::value<std::string>(),
      "device file: roofline, or the lookup table it names (data/devices/)")(
      "latency-table", po::value<std::string>(), "latency lookup table (ours or ProxylessNAS's)")(
      "objectives", po::value<std::string>(), "comma-separated: latency, flops, params, accuracy")(
      "accuracy-table", po::value<std::string>(),
      "measured (architecture, accuracy) pairs for the surrogate")(
      "ridge-lambda", po::value<double>()->default_value(1.0), "ridge penalty of the accuracy surrogate")(
      "algorithm", po::value<std::string>()->default_value("nsga3"),
      "algorithm (see 'paretokit sweep --help')")("algorithm-params", po::value<std::string>(),
                                                  "algorithm parameters, a JSON object")(
      "budget", po::value<std::int64_t>()->default_value(5000), "evaluations (ends the generation)")(
      "seed", po::value<std::uint64_t>()->default_value(1), "random seed")(
      "threads", po::value<int>()->default_value(0), "threads; 0: every core (results do not depend on it)")(
      "out", po::value<std::string>(), "run folder (default runs/nas-<algorithm>-seed<S>)")(
      "describe", po::value<std::string>(), "print the per-layer table of ARCH instead of searching")(
      "json", "print one JSON document");
  add_accuracy_options(command_line.options);
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;
  return vm.count("describe") ? describe(vm) : search(vm);
}

const RegisterCommand nas_command{"nas", "hardware-aware architecture search (ProxylessNAS space)", run_nas};

}  // namespace

}  // namespace paretokit::cli
