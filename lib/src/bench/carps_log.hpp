// Lines of carps' trial_logs.jsonl and trajectory_logs.jsonl, formatted by
// hand (std::to_chars, round-trip precision) because a long run writes
// hundreds of thousands of them. The fields follow carps.utils.trials
// (TrialInfo, TrialValue) as carps.loggers.file_logger.convert_trials writes
// them: the config is the list of variable values (names in config.json).
#pragma once

#include <cstdint>
#include <string>

#include "paretokit/core/evaluation.hpp"
#include "paretokit/core/matrix.hpp"

namespace paretokit::bench::detail {

// carps.utils.trials.StatusType: core/evaluation.hpp's TrialStatus has its codes.
using paretokit::TrialStatus;

struct TrialLine {
  std::int64_t n_trials = 0;  // 1-based count of evaluations so far
  std::uint64_t seed = 0;
  const RowVector* x = nullptr;  // config values; null writes []
  const RowVector* f = nullptr;  // cost; null writes null (a crash before evaluation)
  const RowVector* g = nullptr;  // constraints, written to additional_info when non-empty
  double time = 0.0;
  double starttime = 0.0;
  double endtime = 0.0;
  TrialStatus status = TrialStatus::success;
  std::string message;  // additional_info.error when non-empty
};

// Appends one complete line ('\n' included).
void append_trial_line(std::string& out, const TrialLine& line);

// A JSON string literal with escapes.
void append_json_string(std::string& out, const std::string& text);

}  // namespace paretokit::bench::detail
