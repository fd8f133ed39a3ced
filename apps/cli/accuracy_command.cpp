// --accuracy-command of quantize and nas; see accuracy_command.hpp.
#include "accuracy_command.hpp"

#include "paretokit/core/error.hpp"
#include "paretokit/evaluation/command_problem.hpp"
#include "paretokit/evaluation/process_evaluator.hpp"
#include "paretokit/io/atomic_file.hpp"

namespace paretokit::cli {

void add_accuracy_options(po::options_description& options) {
  options.add_options()("accuracy-command", po::value<std::string>(),
                        "shell command run once per front member to measure its accuracy; "
                        "{config_file}, {trial_dir} and {NAME} are replaced")(
      "accuracy-key", po::value<std::string>(),
      "result key of the accuracy (default accuracy; larger is better)")(
      "workers", po::value<int>(), "accuracy trials run at once (default 1)")(
      "timeout", po::value<double>(), "seconds per accuracy trial before it is killed (0: none)");
}

std::optional<AccuracySettings> read_accuracy_settings(const po::variables_map& vm) {
  if (!vm.count("accuracy-command")) {
    for (const char* name : {"accuracy-key", "workers", "timeout"}) {
      if (vm.count(name))
        throw UsageError("needs --accuracy-command", Location::of_field(std::string("--") + name));
    }
    return std::nullopt;
  }
  AccuracySettings s;
  s.command = vm["accuracy-command"].as<std::string>();
  if (s.command.find_first_not_of(" \t") == std::string::npos)
    throw UsageError("is empty", Location::of_field("--accuracy-command"));
  if (vm.count("accuracy-key")) s.key = vm["accuracy-key"].as<std::string>();
  if (s.key.empty()) throw UsageError("is empty", Location::of_field("--accuracy-key"));
  if (vm.count("workers")) s.workers = vm["workers"].as<int>();
  if (s.workers < 1) throw UsageError("must be >= 1", Location::of_field("--workers"));
  if (vm.count("timeout")) s.timeout_seconds = vm["timeout"].as<double>();
  if (!(s.timeout_seconds >= 0)) throw UsageError("must be >= 0", Location::of_field("--timeout"));
  return s;
}

std::vector<AccuracyMeasurement> measure_accuracy(const AccuracySettings& s, const SearchSpace& space,
                                                  const MatrixRef& X, const std::filesystem::path& run_folder,
                                                  const std::atomic<bool>* stop_request) {
  const CommandProblem problem(space, {{s.key, /*maximize=*/true}}, {});
  ProcessEvaluator::Options options;
  options.command = s.command;
  options.trials_directory = run_folder / "accuracy_trials";
  options.workers = s.workers;
  options.timeout_seconds = s.timeout_seconds;
  options.stop_request = stop_request;
  std::vector<AccuracyMeasurement> measurements(static_cast<std::size_t>(X.rows()));
  if (X.rows() == 0) return measurements;
  Evaluation batch;
  try {
    // The command's checks (placeholders, the program) name --command: say
    // which of our flags they are about.
    ProcessEvaluator evaluator(problem, options);
    try {
      batch = evaluator.evaluate_trials(problem, X, 0);
    } catch (const InputError& error) {
      if (error.where().field != "--objectives") throw;
      throw InputError(error.reason(), Location::of_field("--accuracy-key"));
    }
  } catch (const UsageError& error) {
    if (error.where().field != "--command") throw;
    throw UsageError(error.reason(), Location::of_field("--accuracy-command"));
  }
  for (Index i = 0; i < X.rows(); ++i) {
    AccuracyMeasurement& m = measurements[static_cast<std::size_t>(i)];
    m.status = batch.status_of(i);
    m.message = batch.message_of(i);
    if (m.status == TrialStatus::success) m.accuracy = -batch.objectives(i, 0);  // maximized: negated
  }
  return measurements;
}

void add_measurement(nlohmann::json& entry, const AccuracyMeasurement& m) {
  const bool ok = m.status == TrialStatus::success;
  entry["accuracy"] = ok ? nlohmann::json(m.accuracy) : nlohmann::json(nullptr);
  entry["accuracy_status"] = to_string(m.status);
  if (!ok) entry["accuracy_message"] = m.message;
}

void write_accuracy_log(const std::filesystem::path& run_folder, const SearchSpace& space, const MatrixRef& X,
                        const std::vector<AccuracyMeasurement>& measurements) {
  std::string text;
  for (std::size_t i = 0; i < measurements.size(); ++i) {
    nlohmann::json line = {{"index", i}, {"config", space.row_to_json(X.row(static_cast<Index>(i)))}};
    add_measurement(line, measurements[i]);
    text += line.dump() + "\n";
  }
  write_file_atomically(run_folder / "accuracy.jsonl", text);
}

nlohmann::json to_json(const AccuracySettings& s) {
  return {
      {"command", s.command}, {"key", s.key}, {"workers", s.workers}, {"timeout_seconds", s.timeout_seconds}};
}

nlohmann::json accuracy_summary(const AccuracySettings& s,
                                const std::vector<AccuracyMeasurement>& measurements,
                                const std::filesystem::path& run_folder) {
  std::size_t failed = 0;
  for (const auto& m : measurements) failed += m.status != TrialStatus::success;
  nlohmann::json summary = to_json(s);
  summary["measured"] = measurements.size();
  summary["failed"] = failed;
  summary["log"] = (run_folder / "accuracy.jsonl").string();
  summary["trials"] = (run_folder / "accuracy_trials").string();
  return summary;
}

std::string accuracy_cell(const AccuracyMeasurement& m) {
  return m.status == TrialStatus::success ? format_number(m.accuracy) : std::string(to_string(m.status));
}

}  // namespace paretokit::cli
