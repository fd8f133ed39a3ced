// The external-process path of `paretokit sweep`; see sweep_command.hpp.
#include "sweep_command.hpp"

#include "paretokit/core/error.hpp"
#include "paretokit/core/search_space_file.hpp"
#include "paretokit/io/atomic_file.hpp"

namespace paretokit::cli {

void add_command_options(po::options_description& options) {
  options.add_options()("space", po::value<std::string>(),
                        "search space file (JSON) of the --command's variables")(
      "command", po::value<std::string>(),
      "shell command run once per trial; {config_file}, {trial_dir}, {trial} "
      "and {NAME} (a variable) are replaced")(
      "objectives", po::value<std::string>(),
      "result keys to optimize: NAME[:min|:max],... (with --command)")(
      "constraints", po::value<std::string>(),
      "result keys to bound: NAME<=B or NAME>=B,... (with --command)")(
      "budget", po::value<std::int64_t>(), "stop once N trials are evaluated (N > 0; ends the generation)")(
      "workers", po::value<int>(), "trials run at once (with --command; default 1)")(
      "timeout", po::value<double>(), "seconds per trial before its process group is killed (0: none)")(
      "memory-limit", po::value<std::string>(), "address-space limit per trial, e.g. 2G (setrlimit)")(
      "retries", po::value<int>(), "extra attempts of a failed trial (default 0)")(
      "synchronous",
      "with --workers W > 1, whole generations at a time (results independent of timing; workers wait "
      "at each generation's end) instead of a new trial as soon as a worker frees (SMS-EMOA, MOEA/D, "
      "random)");
}

const std::vector<const char*>& command_option_names() {
  static const std::vector<const char*> names = {"space",   "command",    "objectives",   "constraints",
                                                 "budget",  "workers",    "memory-limit", "retries",
                                                 "timeout", "synchronous"};
  return names;
}

std::int64_t read_budget(const po::variables_map& vm) {
  if (!vm.count("budget")) return 0;
  const auto budget = vm["budget"].as<std::int64_t>();
  if (budget <= 0)
    throw UsageError("must be > 0 (the number of trials to run)", Location::of_field("--budget"));
  return budget;
}

std::optional<CommandSettings> read_command_settings(const po::variables_map& vm) {
  if (!vm.count("command")) {
    for (const char* name : {"space", "objectives", "constraints", "workers", "timeout", "memory-limit",
                             "retries", "synchronous"}) {
      if (vm.count(name)) throw UsageError("needs --command", Location::of_field(std::string("--") + name));
    }
    return std::nullopt;
  }
  if (vm.count("problem")) {
    throw UsageError("--command optimizes a program, --problem a built-in problem: give one",
                     Location::of_field("--problem"));
  }
  if (!vm.count("space")) throw UsageError("--command needs --space FILE", Location::of_field("--space"));
  if (!vm.count("objectives")) {
    throw UsageError("--command needs --objectives NAME[:min|:max],...", Location::of_field("--objectives"));
  }
  CommandSettings s;
  // Either form (ours or ConfigSpace's), kept in ours: config.json then
  // holds the space itself, conditions and forbiddens included.
  s.space = read_search_space_file(vm["space"].as<std::string>()).space.to_json();
  s.command = vm["command"].as<std::string>();
  s.objectives = vm["objectives"].as<std::string>();
  if (vm.count("constraints")) s.constraints = vm["constraints"].as<std::string>();
  if (vm.count("workers")) s.workers = vm["workers"].as<int>();
  if (s.workers < 1) throw UsageError("must be >= 1", Location::of_field("--workers"));
  if (vm.count("timeout")) s.timeout_seconds = vm["timeout"].as<double>();
  if (!(s.timeout_seconds >= 0)) throw UsageError("must be >= 0", Location::of_field("--timeout"));
  if (vm.count("memory-limit"))
    s.memory_limit_bytes = parse_memory_size(vm["memory-limit"].as<std::string>(), "--memory-limit");
  if (vm.count("retries")) s.retries = vm["retries"].as<int>();
  if (s.retries < 0) throw UsageError("must be >= 0", Location::of_field("--retries"));
  s.synchronous = vm.count("synchronous") > 0;
  // Parsed now, so that a bad flag fails before anything runs.
  parse_objectives(s.objectives, "--objectives");
  parse_constraints(s.constraints, "--constraints");
  return s;
}

nlohmann::json to_json(const CommandSettings& s) {
  nlohmann::json json = {{"space", s.space},
                         {"command", s.command},
                         {"objectives", s.objectives},
                         {"constraints", s.constraints},
                         {"workers", s.workers},
                         {"timeout_seconds", s.timeout_seconds},
                         {"memory_limit_bytes", s.memory_limit_bytes},
                         {"retries", s.retries}};
  if (s.synchronous) json["synchronous"] = true;  // only then: older configs keep their bytes
  return json;
}

CommandSettings command_settings_from_json(const nlohmann::json& json, const std::string& path) {
  CommandSettings s;
  try {
    s.space = json.at("space");
    s.command = json.at("command").get<std::string>();
    s.objectives = json.at("objectives").get<std::string>();
    s.constraints = json.value("constraints", std::string());
    s.workers = json.value("workers", 1);
    s.timeout_seconds = json.value("timeout_seconds", 0.0);
    s.memory_limit_bytes = json.value("memory_limit_bytes", std::uint64_t{0});
    s.retries = json.value("retries", 0);
    s.synchronous = json.value("synchronous", false);
  } catch (const nlohmann::json::exception& error) {
    throw InputError(std::string("bad sweep config: ") + error.what(), {path, 0, "evaluator"});
  }
  return s;
}

std::unique_ptr<CommandProblem> make_command_problem(const CommandSettings& s) {
  return std::make_unique<CommandProblem>(SearchSpace::from_json(s.space),
                                          parse_objectives(s.objectives, "--objectives"),
                                          parse_constraints(s.constraints, "--constraints"));
}

std::unique_ptr<ProcessEvaluator> make_process_evaluator(const CommandSettings& s,
                                                         const CommandProblem& problem,
                                                         const std::filesystem::path& run_folder, bool resume,
                                                         const std::atomic<bool>* stop_request) {
  ProcessEvaluator::Options options;
  options.command = s.command;
  options.trials_directory = run_folder / "trials";
  options.workers = s.workers;
  options.timeout_seconds = s.timeout_seconds;
  options.memory_limit_bytes = s.memory_limit_bytes;
  options.retries = s.retries;
  options.reuse_finished = resume;
  options.stop_request = stop_request;
  return std::make_unique<ProcessEvaluator>(problem, options);
}

}  // namespace paretokit::cli
