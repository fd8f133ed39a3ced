// Lines of carps' trial_logs.jsonl and trajectory_logs.jsonl, formatted by
// hand (std::to_chars, round-trip precision) because a long run writes
// hundreds of thousands of them. The fields follow carps.utils.trials
// (TrialInfo, TrialValue) as carps.loggers.file_logger.convert_trials writes
// them: the config is the list of variable values (names in config.json).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "paretokit/bench/bench.hpp"
#include "paretokit/core/evaluation.hpp"
#include "paretokit/core/matrix.hpp"
#include "paretokit/io/jsonl.hpp"

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

// trial_logs.jsonl of one run, as Options::trial_logs asks (bench.hpp):
//   all    every trial, written batch by batch;
//   front  the trials of the final incumbent front and the failed ones, kept
//          back and written at finish() in trial order;
//   none   the failed trials only, written as they come.
// A line is the same text in every mode (append_trial_line()), so a kept
// line reads exactly as in the full log. Front keeps the lines of the
// current front and the failed trials: memory in the size of the front.
class CarpsTrialLog {
 public:
  // The 1-based trial numbers of the incumbent front's members, asked for
  // only when the front mode prunes what it keeps.
  using FrontTrials = std::function<std::vector<std::int64_t>()>;

  CarpsTrialLog(const std::filesystem::path& path, TrialLogs mode);

  // One trial; `entered_front`: it has just joined the incumbent front.
  void add(const TrialLine& line, bool entered_front);
  // The end of a batch: all writes its lines, front forgets those of trials
  // the archive no longer holds.
  void end_batch(const FrontTrials& front);
  // Writes what front kept (the archive's members and the failures, in
  // trial order), then syncs the file.
  void finish(const FrontTrials& front);

 private:
  void forget_outside(const FrontTrials& front);

  JsonlWriter writer_;
  TrialLogs mode_;
  std::string batch_;                         // all: the batch's lines
  std::map<std::int64_t, std::string> kept_;  // front: n_trials -> line
  std::set<std::int64_t> failed_;             // front: the kept lines of failed trials
  std::size_t kept_at_last_forget_ = 0;
};

}  // namespace paretokit::bench::detail
