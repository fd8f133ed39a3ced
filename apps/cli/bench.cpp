// paretokit bench --suite FILE --optimizers a,b,... [--seeds 1-10] [--jobs N]
// [--out DIR] [--optimizer-params JSON] [--trial-logs all|front|none] [--retry-crashed]
// [--no-report] [--json]:
// every (optimizer, task, seed) of a suite in carps' folder layout, resumable,
// then report.json (bench module).
#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>
#include <thread>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/bench/bench.hpp"
#include "paretokit/bench/report_json.hpp"
#include "paretokit/core/error.hpp"
#include "stop_on_signal.hpp"

namespace paretokit::cli {

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string::npos) end = text.size();
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::uint64_t parse_seed(const std::string& text) {
  if (text.empty() ||
      !std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) ||
      text.size() > 18) {
    throw UsageError("'" + text + "' is not a seed (a non-negative integer)", Location::of_field("--seeds"));
  }
  return std::stoull(text);
}

// "1-10", "1,2,5", "1-3,7".
std::vector<std::uint64_t> parse_seeds(const std::string& text) {
  std::vector<std::uint64_t> seeds;
  for (const auto& part : split(text, ',')) {
    const auto dash = part.find('-');
    if (dash == std::string::npos) {
      seeds.push_back(parse_seed(part));
      continue;
    }
    const auto first = parse_seed(part.substr(0, dash));
    const auto last = parse_seed(part.substr(dash + 1));
    if (last < first || last - first > 100000) {
      throw UsageError("bad seed range '" + part + "'", Location::of_field("--seeds"));
    }
    for (auto seed = first; seed <= last; ++seed) seeds.push_back(seed);
  }
  return seeds;
}

// "nsga2,fast=nsga2": an id and a registry name each (id = name when no '=').
std::vector<bench::OptimizerSpec> parse_optimizers(const std::string& text, const nlohmann::json& params) {
  if (!params.is_object())
    throw UsageError("expected a JSON object keyed by optimizer id",
                     Location::of_field("--optimizer-params"));
  std::vector<bench::OptimizerSpec> optimizers;
  for (const auto& part : split(text, ',')) {
    if (part.empty()) throw UsageError("empty optimizer name", Location::of_field("--optimizers"));
    const auto equals = part.find('=');
    bench::OptimizerSpec spec;
    spec.id = part.substr(0, equals);
    spec.algorithm = equals == std::string::npos ? part : part.substr(equals + 1);
    if (params.contains(spec.id)) spec.params = params.at(spec.id);
    optimizers.push_back(std::move(spec));
  }
  for (const auto& [id, value] : params.items()) {
    if (std::none_of(optimizers.begin(), optimizers.end(), [&](const auto& o) { return o.id == id; })) {
      throw UsageError("parameters for '" + id + "', which is not in --optimizers",
                       Location::of_field("--optimizer-params"));
    }
  }
  return optimizers;
}

int run_bench_command(const Arguments& args) {
  CommandLine command_line(
      "bench",
      "bench --suite FILE --optimizers a,b,... [--optimizer-params JSON] [--seeds 1-10]\n"
      "         [--jobs N] [--out DIR] [--trial-logs all|front|none] [--retry-crashed] [--no-report]\n"
      "         [--json]",
      "Runs every (optimizer, task, seed) triple of a suite (benchmarks_suite/suites/*.json) and\n"
      "writes carps' layout: DIR/<optimizer>/<benchmark_id>/<task_id>/<seed>/ with config.json,\n"
      "trial_logs.jsonl, trajectory_logs.jsonl and result.json (the finished marker), then\n"
      "DIR/report.json (schema: benchmarks_suite/REPORT_SCHEMA.md). Rerunning the same command\n"
      "skips finished runs and redoes unfinished ones from scratch. Each run is deterministic for\n"
      "its seed, so the results do not depend on --jobs. A run that throws is recorded as\n"
      "crashed (status 2) and the bench goes on. An optimizer is NAME or ID=NAME (registry name\n"
      "NAME, folder ID); --optimizer-params gives registry parameters per ID, e.g.\n"
      "'{\"nsga2\": {\"pop_size\": 40}}'. --trial-logs front keeps only the lines of the final\n"
      "front's evaluations (and failed ones) in trial_logs.jsonl, none only the failed ones; both\n"
      "keep only the final front in trajectory_logs.jsonl. result.json and report.json are the\n"
      "same in every mode.");
  command_line.options.add_options()("suite", po::value<std::string>()->required(), "suite file (JSON)")(
      "optimizers", po::value<std::string>()->required(), "comma-separated optimizers: NAME or ID=NAME")(
      "optimizer-params", po::value<std::string>()->default_value("{}"),
      "JSON object: optimizer id -> parameters")("seeds", po::value<std::string>()->default_value("1-10"),
                                                 "seeds: 1-10, 1,2,5 or 1-3,7")(
      "jobs",
      po::value<int>()->default_value(static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))),
      "runs at a time, one thread each (unlike sweep's --threads: threads within one run)")(
      "out", po::value<std::string>()->default_value("bench"), "output folder")(
      "trial-logs", po::value<std::string>()->default_value("all")->value_name("all|front|none"),
      "what trial_logs.jsonl holds: every evaluation, the final front's and the failed ones, or the "
      "failed ones only")("retry-crashed", "redo runs that finished as crashed")(
      "no-report", "do not write report.json")("json", "print one JSON document");
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  bench::Options options;
  options.optimizers =
      parse_optimizers(vm["optimizers"].as<std::string>(),
                       parse_json_option(vm["optimizer-params"].as<std::string>(), "optimizer-params"));
  options.seeds = parse_seeds(vm["seeds"].as<std::string>());
  options.jobs = vm["jobs"].as<int>();
  options.out = vm["out"].as<std::string>();
  options.retry_crashed = vm.count("retry-crashed") > 0;
  options.trial_logs = bench::trial_logs_from_string(vm["trial-logs"].as<std::string>());
  options.progress = !vm.count("json");
  options.algorithm_factory = [](const std::string& name, const nlohmann::json& params) {
    return make_algorithm(name, params);
  };
  const bench::Suite suite = bench::read_suite(vm["suite"].as<std::string>());
  StopOnSignal stop;
  options.stop_request = &stop.requested();
  const bench::Summary summary = bench::run_bench(suite, options);
  if (summary.interrupted) {
    stop.tell("paretokit: bench interrupted: " + std::to_string(summary.completed + summary.skipped) +
              " of " + std::to_string(summary.runs) +
              " runs finished, no report.json; run the same command again to " + "continue\n");
    return 128 + stop.signal_number();
  }
  double report_seconds = 0;
  if (!vm.count("no-report")) {
    const auto start = std::chrono::steady_clock::now();
    bench::write_report_json(options.out);
    report_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

  if (vm.count("json")) {
    print_json({{"suite", suite.name},
                {"out", options.out.string()},
                {"runs", summary.runs},
                {"skipped", summary.skipped},
                {"completed", summary.completed},
                {"crashed", summary.crashed},
                {"seconds", summary.seconds},
                {"report_seconds", report_seconds},
                {"report", vm.count("no-report") ? nlohmann::json()
                                                 : nlohmann::json((options.out / "report.json").string())}});
    return 0;
  }
  std::cout << "bench " << suite.name << ": " << summary.runs << " runs (" << suite.tasks.size()
            << " tasks x " << options.optimizers.size() << " optimizers x " << options.seeds.size()
            << " seeds), " << summary.completed << " completed, " << summary.skipped << " already finished, "
            << summary.crashed << " crashed, " << format_number(summary.seconds) << " s\n";
  if (!vm.count("no-report")) {
    std::cout << "report " << (options.out / "report.json").string() << " (" << format_number(report_seconds)
              << " s)\n";
  }
  return 0;
}

}  // namespace

const RegisterCommand bench_command{"bench", "carps-style runs of N optimizers on M tasks",
                                    run_bench_command};

}  // namespace paretokit::cli
