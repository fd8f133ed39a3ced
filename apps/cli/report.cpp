// paretokit report DIR [--out FILE] [--refresh] [--json]: one self-contained
// HTML file (inline SVG and CSS) for a bench folder (from its report.json,
// computed first when missing or with --refresh) or a run folder.
#include <filesystem>
#include <iostream>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/bench/report_json.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/indicators/problem_reference.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/problems/registry.hpp"
#include "paretokit/report/html_report.hpp"
#include "stop_on_signal.hpp"

namespace paretokit::cli {

namespace {

namespace fs = std::filesystem;

// The true front and the fixed reference of the run's problem, from its
// config.json, where the registry knows the problem.
report::RunReportOptions run_page_options(const fs::path& directory) {
  report::RunReportOptions options;
  if (!fs::is_regular_file(directory / "config.json")) return options;
  const nlohmann::json config = read_json_file(directory / "config.json");
  if (!config.contains("problem") || !config["problem"].is_string()) return options;
  const auto problem = make_problem(config["problem"].get<std::string>(),
                                    config.value("problem_params", nlohmann::json::object()));
  options.true_front = problem->pareto_front(problem->n_obj() <= 2 ? 400 : 1000);
  if (const auto fixed = fixed_hypervolume_reference(*problem)) {
    options.reference = fixed->point;
    options.reference_source = fixed->source;
  }
  return options;
}

int run_report(const Arguments& args) {
  CommandLine command_line(
      "report", "report DIR [--out FILE] [--refresh] [--json] [--timing]",
      "Writes an HTML report (one self-contained file: inline SVG and CSS, no scripts)\n"
      "of DIR: a bench folder (bench.json; report.json is computed first when missing\n"
      "or with --refresh) or a run folder (trials.jsonl of `paretokit sweep`, or\n"
      "trial_logs.jsonl of one bench run). Default output: DIR/report.html. A run of many\n"
      "trials is drawn as an even sample of it (said on the page). Ctrl-C stops it\n"
      "with no file written.");
  command_line.options.add_options()("out", po::value<std::string>(), "output HTML file")(
      "refresh", "recompute report.json of a bench folder")("json", "print one JSON document");
  command_line.hidden.add_options()("dir", po::value<std::string>()->required(), "folder");
  command_line.positional.add("dir", 1);
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  const fs::path directory = vm["dir"].as<std::string>();
  if (!fs::is_directory(directory)) throw InputError("no such folder", Location(directory.string()));
  const fs::path out = vm.count("out") ? fs::path(vm["out"].as<std::string>()) : directory / "report.html";
  StopOnSignal stop;
  std::string html;
  std::string kind;
  if (fs::is_regular_file(directory / "bench.json")) {
    kind = "bench";
    const fs::path report_path = directory / "report.json";
    const nlohmann::json report = (vm.count("refresh") || !fs::is_regular_file(report_path))
                                      ? bench::write_report_json(directory)
                                      : read_json_file(report_path);
    html = report::bench_report_html(report, report_path.string());
  } else {
    kind = "run";
    report::RunReportOptions options = run_page_options(directory);
    options.stop_request = &stop.requested();
    try {
      html = report::run_report_html(directory, options);
    } catch (const report::Interrupted&) {
      stop.tell("paretokit: report interrupted: " + out.string() + " not written\n");
      return 128 + stop.signal_number();
    }
  }
  if (stop.requested().load()) {
    stop.tell("paretokit: report interrupted: " + out.string() + " not written\n");
    return 128 + stop.signal_number();
  }
  write_file_atomically(out, html);
  if (vm.count("json")) {
    print_json({{"kind", kind}, {"html", out.string()}, {"bytes", html.size()}});
  } else {
    std::cout << "report " << out.string() << " (" << kind << " folder, " << html.size() << " bytes)\n";
  }
  return 0;
}

}  // namespace

const RegisterCommand report_command{"report", "HTML report of a run or bench folder", run_report};

}  // namespace paretokit::cli
