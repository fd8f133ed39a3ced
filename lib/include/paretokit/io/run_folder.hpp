// The run folder of `paretokit sweep` (DESIGN.md section 5):
//
//   config.json       everything needed to rerun or resume (written by the caller)
//   trials.jsonl      one evaluated candidate per line, appended as evaluated:
//                     {"trial":0,"generation":1,"x":[...],"f":[...]}  (+ "g":[...]
//                     when the problem has constraints); trial numbers start at
//                     0 and generations at 1 (the first ask/tell cycle). A
//                     failed trial adds "status" ("crashed", "timeout",
//                     "memory_out") and "message", its f and g reading "inf";
//                     a successful one has no status field
//   checkpoint.json   the algorithm's full state and the counters, replaced
//                     atomically every K generations while running
//   front.txt         the final non-dominated objective vectors, a point file
//   front.json        {"objectives": [[...]], "x": [[...]]} of the same points
//   summary.json      counters, timing and indicators
//
// Every JSON file is replaced atomically (io/atomic_file.hpp); trials.jsonl is
// appended whole lines at a time (io/jsonl.hpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/problem.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/jsonl.hpp"

namespace paretokit {

class RunFolder {
 public:
  explicit RunFolder(std::filesystem::path directory);

  const std::filesystem::path& directory() const { return directory_; }
  std::filesystem::path config_path() const { return directory_ / "config.json"; }
  std::filesystem::path trials_path() const { return directory_ / "trials.jsonl"; }
  std::filesystem::path checkpoint_path() const { return directory_ / "checkpoint.json"; }
  std::filesystem::path front_txt_path() const { return directory_ / "front.txt"; }
  std::filesystem::path front_json_path() const { return directory_ / "front.json"; }
  std::filesystem::path summary_path() const { return directory_ / "summary.json"; }

  // Creates the directory (and its parents) if needed.
  void create() const;
  // True when the folder already holds a run (its config.json exists).
  bool holds_run() const;

  // Removes what a previous run left (checkpoint, front, summary; not the
  // config or the trials, which the caller truncates), so that a fresh run
  // killed early is never resumed from an older run's checkpoint.
  void remove_outputs() const;

  // `how`: sweep leaves the syncs to run(), whose first checkpoint syncs
  // config.json and the directory before it counts.
  void write_config(const nlohmann::json& config, AtomicWrite how = {}) const;
  // InputError when missing or malformed.
  nlohmann::json read_config() const;

  void write_checkpoint(const nlohmann::json& checkpoint) const;
  // The last complete checkpoint, if any. A stale checkpoint.json.tmp left by
  // a crash during a write is removed: it was never a committed checkpoint.
  std::optional<nlohmann::json> read_checkpoint() const;

  void write_summary(const nlohmann::json& summary) const;
  // front.txt (objectives) and front.json (objectives and decision vectors).
  // `how.sync_directory = false` when a later write syncs the directory.
  void write_front(const MatrixRef& objectives, const MatrixRef& x, AtomicWrite how = {}) const;
  // Their contents, for a caller that writes them itself.
  static std::string front_txt(const MatrixRef& objectives);
  static std::string front_json(const MatrixRef& objectives, const MatrixRef& x);

 private:
  std::filesystem::path directory_;
};

// trials.jsonl, written fast: a whole batch is formatted into one buffer of
// complete lines (std::to_chars, round-trip precision) and appended. Every
// kWritebackBytes appended, the disk write starts (without waiting), so that
// the fsync before a checkpoint does not wait for a whole run's log at once.
class TrialLog {
 public:
  // truncate: start an empty log; otherwise append to the existing one.
  TrialLog(const std::filesystem::path& path, bool truncate);

  // Appends rows i = 0..n-1 of the batch as trials first_trial + i.
  void append(std::int64_t first_trial, std::int64_t generation, const MatrixRef& x, const Evaluation& evaluation);
  // fsync, so that a checkpoint written next never counts trials that a
  // power loss could take back.
  void sync() {
    writer_.sync();
    unflushed_bytes_ = 0;
  }

  static constexpr std::size_t kWritebackBytes = std::size_t{1} << 20;

 private:
  JsonlWriter writer_;
  std::string buffer_;
  std::size_t unflushed_bytes_ = 0;  // appended since the last writeback or sync
};

// trials.jsonl read back (tests, reports, bench). A torn last line is dropped.
struct TrialRecords {
  std::vector<std::int64_t> trial;
  std::vector<std::int64_t> generation;
  Matrix x, f, g;  // one row per trial; g has 0 columns when unconstrained
  std::vector<TrialStatus> status;   // success unless the line says otherwise
  std::vector<std::string> message;  // empty unless the line has one
  bool dropped_torn_line = false;
};
TrialRecords read_trials(const std::filesystem::path& path);

}  // namespace paretokit
