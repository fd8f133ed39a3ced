// The external-process path of `paretokit sweep`:
//
//   paretokit sweep --space space.json --command 'python3 train.py --config {config_file}'
//       --objectives accuracy:max,latency_ms:min [--constraints 'memory_mb<=512']
//       --budget 200 --workers 4 [--timeout 600] [--memory-limit 2G] [--retries 1] --out DIR
//
// The settings go to config.json (the space itself included, so that
// --resume needs no other file), the problem is a CommandProblem and the
// evaluator a ProcessEvaluator with its trial folders in DIR/trials/.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "options.hpp"
#include "paretokit/evaluation/command_problem.hpp"
#include "paretokit/evaluation/process_evaluator.hpp"

namespace paretokit::cli {

struct CommandSettings {
  nlohmann::json space;  // SearchSpace JSON, as read from --space
  std::string command, objectives, constraints;
  int workers = 1;
  double timeout_seconds = 0;
  std::uint64_t memory_limit_bytes = 0;
  int retries = 0;
  // --synchronous: whole generations even with several workers (RunOptions::steady_state off).
  bool synchronous = false;
};

// --space, --command, --objectives, --constraints, --budget, --workers,
// --timeout, --memory-limit, --retries, --synchronous.
void add_command_options(po::options_description& options);
// The flags that only the command path takes (for --resume's check).
const std::vector<const char*>& command_option_names();

// nullopt without --command; UsageError for --space etc. without it, or a
// missing --space or --objectives.
std::optional<CommandSettings> read_command_settings(const po::variables_map& vm);
// --budget N (> 0), or 0 when not given.
std::int64_t read_budget(const po::variables_map& vm);

nlohmann::json to_json(const CommandSettings& settings);
CommandSettings command_settings_from_json(const nlohmann::json& json, const std::string& path);

std::unique_ptr<CommandProblem> make_command_problem(const CommandSettings& settings);
std::unique_ptr<ProcessEvaluator> make_process_evaluator(const CommandSettings& settings,
                                                         const CommandProblem& problem,
                                                         const std::filesystem::path& run_folder, bool resume,
                                                         const std::atomic<bool>* stop_request);

}  // namespace paretokit::cli
