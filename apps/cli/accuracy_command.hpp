// --accuracy-command of `paretokit quantize` and `paretokit nas`: the
// accuracy of a few chosen configurations (the final front's members),
// measured by the user's program through the external-process evaluator
// (evaluation/process_evaluator.hpp), one trial per configuration:
//
//   paretokit quantize --model resnet18 --accuracy-command 'python3 eval.py {config_file}'
//       [--accuracy-key accuracy] [--workers W] [--timeout S]
//
// The configurations are value-form rows of a SearchSpace (its variables
// become config.json, {name} placeholders and PARETOKIT_PARAM_<NAME>); the
// program reports {"<key>": value} in TRIAL/result.json or as the last JSON
// line of stdout. Trial folders go to RUN/accuracy_trials/<i>/ and one line
// per configuration to RUN/accuracy.jsonl. A failed trial (crashed, timeout)
// is a status beside its configuration, never the end of the run; a first
// result without the key is an InputError naming --accuracy-key.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "options.hpp"
#include "paretokit/core/evaluation.hpp"
#include "paretokit/core/search_space.hpp"
#include "paretokit/evaluation/evaluator.hpp"  // EvaluationInterrupted

namespace paretokit::cli {

struct AccuracySettings {
  std::string command;
  std::string key = "accuracy";  // the result's value to read (larger is better)
  int workers = 1;
  double timeout_seconds = 0;  // 0: none
};

// One configuration's measurement.
struct AccuracyMeasurement {
  TrialStatus status = TrialStatus::success;
  double accuracy = 0;  // meaningful for a success only
  std::string message;  // why it failed
  double seconds = 0;
};

// --accuracy-command, --accuracy-key, --workers, --timeout.
void add_accuracy_options(po::options_description& options);
// nullopt without --accuracy-command; UsageError for the other three
// without it, or for a bad value.
std::optional<AccuracySettings> read_accuracy_settings(const po::variables_map& vm);

// Runs the command once per row of X (value form of `space`), `workers` at
// a time, trial i in run_folder/accuracy_trials/i/. EvaluationInterrupted
// when stop_request turns true.
std::vector<AccuracyMeasurement> measure_accuracy(const AccuracySettings& settings, const SearchSpace& space,
                                                  const MatrixRef& X, const std::filesystem::path& run_folder,
                                                  const std::atomic<bool>* stop_request = nullptr);

// {"accuracy": value or null, "accuracy_status": ..., ["accuracy_message": ...]}
// merged into `entry`.
void add_measurement(nlohmann::json& entry, const AccuracyMeasurement& measurement);
// Writes run_folder/accuracy.jsonl: per configuration {"index", "config",
// "status", "accuracy", "message", "seconds"}.
void write_accuracy_log(const std::filesystem::path& run_folder, const SearchSpace& space, const MatrixRef& X,
                        const std::vector<AccuracyMeasurement>& measurements);
// {"command", "key", "workers", "timeout_seconds"}: for config.json.
nlohmann::json to_json(const AccuracySettings& settings);
// to_json(settings) and {"measured", "failed",
// "log", "trials"}: for summary.json and --json.
nlohmann::json accuracy_summary(const AccuracySettings& settings,
                                const std::vector<AccuracyMeasurement>& measurements,
                                const std::filesystem::path& run_folder);
// The text column: the accuracy, or the failure's status.
std::string accuracy_cell(const AccuracyMeasurement& measurement);

}  // namespace paretokit::cli
