// A study folder: ask/tell from the shell, for any language and any
// scheduler (`paretokit study create`, `ask`, `tell`, `study show`,
// `study expire`).
//
//   DIR/study.json    the settings: space (paretokit's form), objectives,
//                     constraints, algorithm, its parameters, seed
//   DIR/state.json    the algorithm's state after its last tell (null before
//                     the first) and the current batch: its rows, which are
//                     given out ("asked", with the time) or told (with the
//                     result), and how many trial lines are logged
//   DIR/trials.jsonl  one line per told trial, in sweep's format ("trial",
//                     "generation", "x", "f", "g", "status", "message") plus
//                     "config" and "values" (the program's values by name)
//   DIR/lock          flock(2) target: every command holds it exclusively
//                     while it reads and writes, so several ask/tell
//                     processes at once (a job array) neither lose a tell nor
//                     give a trial out twice
//
// The rules. `ask` hands out the next row of the current batch that is not
// given out yet; only when there is no current batch is the algorithm asked
// for a new one. When every row of a batch is told, the algorithm is told
// the whole batch, rows in batch order, and its trials are appended to
// trials.jsonl in that order: the same seed and the same told values give
// the same trials.jsonl and the same next batches, whatever the order the
// tells arrive in. While some rows are given out but not told and none is
// left to give, `ask` hands out nothing (exit code 3, "no trial available
// now: N pending"): a generational algorithm needs the whole batch before it
// can propose the next, and inventing extra trials would make the study
// depend on timing. A trial asked but never told can be expired: it is told
// as failed (status "timeout", message "expired: ..."), as a failed trial of
// a sweep is (core/evaluation.hpp), so the study can go on.
//
// Crash safety. state.json is replaced atomically (temp file + rename);
// trial lines are appended before the state that counts them is written, and
// a longer trials.jsonl (a crash in between) is cut back to the state's count
// on the next command, so the log always matches the state.
//
// The algorithm's state is saved after a tell, never between ask and tell: a
// batch is told by restoring the state it was asked from, asking again (the
// same rows: the algorithm and its Rng are deterministic, and this is
// checked) and telling.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/algorithms/algorithm.hpp"
#include "paretokit/core/evaluation.hpp"
#include "paretokit/evaluation/command_problem.hpp"

namespace paretokit::cli {

struct StudySettings {
  nlohmann::json space;  // paretokit's form
  std::string objectives, constraints;
  std::string algorithm;
  nlohmann::json algorithm_params = nlohmann::json::object();
  std::uint64_t seed = 1;
  // Trials handed out in all; 0: no limit. The batch that reaches it is
  // cut: its rows past the budget are never given out, and once its rows
  // are told they are logged but the algorithm is not told (the study is
  // over; a cut batch is no batch the algorithm asked for).
  std::int64_t budget = 0;
};

// Exit code of `ask` when every row of the batch is given out, some untold.
constexpr int kNoTrialAvailable = 3;

// An exclusive flock(2) on DIR/lock, released when destroyed; waits for
// the other holders. InputError when DIR holds no study (unless `must_hold_study`
// is false: `study create`).
class StudyLock {
 public:
  explicit StudyLock(const std::filesystem::path& directory, bool must_hold_study = true);
  ~StudyLock();
  StudyLock(const StudyLock&) = delete;
  StudyLock& operator=(const StudyLock&) = delete;

 private:
  int fd_ = -1;
};

// One row of the current batch.
struct BatchRow {
  enum class State { open, asked, told };
  State state = State::open;
  double asked_at = 0;  // Unix seconds
  TrialStatus status = TrialStatus::success;
  std::string message;
  nlohmann::json values;  // the program's values by name (success only)
};

struct AskedTrial {
  std::int64_t trial = 0;
  std::int64_t generation = 0;
  RowVector x;
  nlohmann::json config;
};

struct TellResult {
  bool batch_completed = false;  // the algorithm was told and the trials logged
  std::int64_t generation = 0;
};

// A study folder loaded under its lock. Every method that changes it writes
// it back before returning.
class Study {
 public:
  // Creates DIR (InputError when it already holds a study).
  static void create(const std::filesystem::path& directory, const StudySettings& settings);
  // Reads DIR; the caller holds its StudyLock.
  explicit Study(const std::filesystem::path& directory);

  // The next trial, or nullopt when none is available (every row given out).
  std::optional<AskedTrial> ask(double now);
  // Tells trial `trial`: the program's values in the order of the
  // objectives then the constraints, or a failure status. InputError for an
  // unknown trial, one told already or never asked, or the wrong number of values.
  TellResult tell(std::int64_t trial, const std::vector<double>& values, double now);
  TellResult tell_failed(std::int64_t trial, TrialStatus status, const std::string& message);
  // Tells every trial given out more than `seconds` ago as expired; returns their ids.
  std::vector<std::int64_t> expire(double seconds, double now);

  // Trials given out and not told.
  std::int64_t pending() const;
  // Every trial of the budget (study create --budget) is given out.
  bool budget_spent() const { return settings_.budget > 0 && next_given() >= settings_.budget; }
  // For `study show`.
  nlohmann::json describe(double now) const;
  const StudySettings& settings() const { return settings_; }
  const CommandProblem& problem() const { return *problem_; }

 private:
  void load_state();
  void save_state() const;
  std::int64_t row_of(std::int64_t trial, bool for_tell) const;
  // Rows of the current batch that may be given out (all, or those within the budget).
  Index rows_within_budget() const;
  // The next trial id that would be given out.
  std::int64_t next_given() const;
  TellResult complete_batch_if_told();
  nlohmann::ordered_json trial_line(Index row) const;

  std::filesystem::path directory_;
  StudySettings settings_;
  std::unique_ptr<CommandProblem> problem_;
  std::unique_ptr<Algorithm> algorithm_;
  nlohmann::json algorithm_state_;  // null: fresh from setup()
  std::int64_t generation_ = 0;     // batches told
  std::int64_t next_trial_ = 0;     // trials in every batch asked so far
  std::int64_t logged_trials_ = 0;  // lines of trials.jsonl
  std::int64_t failed_trials_ = 0;
  bool has_batch_ = false;
  std::int64_t batch_first_trial_ = 0;
  Matrix batch_x_;
  std::vector<BatchRow> rows_;
};

// Seconds since the Unix epoch (the clock of "asked_at" and --older-than).
double unix_seconds();

StudySettings study_settings_from_json(const nlohmann::json& json, const std::string& path);
nlohmann::json to_json(const StudySettings& settings);

}  // namespace paretokit::cli
