// ProcessEvaluator: every trial is a run of the user's program.
//
//   CommandProblem problem(space, parse_objectives("accuracy:max,latency_ms:min", "--objectives"), {});
//   ProcessEvaluator evaluator(problem, {.command = "python3 train.py --config {config_file}",
//                                        .trials_directory = "runs/x/trials", .workers = 4,
//                                        .timeout_seconds = 600});
//   RunOptions options; options.evaluator = &evaluator; run(problem, algorithm, options);
//
// Trial folder TRIALS/<id>/ (id = the trial number of trials.jsonl):
//   config.json   the configuration: {"name": value, ...}, inactive variables absent
//   stdout, stderr  what the program printed
//   result.json   optional: the program's result, written by the program
//   outcome.json  ours, written last (atomically): status, message, the
//                 program's values, exit code, seconds, attempts, config
// The program gets the configuration three ways: the file ({config_file},
// also $PARETOKIT_CONFIG_FILE), {name} placeholders in the command, and
// environment variables PARETOKIT_PARAM_<NAME>; also $PARETOKIT_TRIAL and
// $PARETOKIT_TRIAL_DIR. It runs in the caller's working directory, through
// /bin/sh -c, in its own process group.
//
// Its result: TRIAL/result.json if the program wrote one, else the last
// line of stdout that is a JSON object; values are taken by objective and
// constraint name (command_problem.hpp negates maximized objectives).
//
// Statuses (core/evaluation.hpp), as carps':
//   crashed     non-zero exit, a signal, or no usable result (message: the
//               exit code and the end of stderr, or what the result lacks)
//   timeout     still running after timeout_seconds: the whole process group
//               gets SIGKILL
//   memory_out  with memory_limit_bytes (RLIMIT_AS, set in the child): a
//               failure whose stderr says so (MemoryError, bad_alloc, "out
//               of memory", "Cannot allocate memory") or whose peak RSS
//               reached 90% of the limit
// A failed trial is retried up to `retries` more times, then recorded; it
// never stops the study. What does stop it, as an InputError: the first
// result the program gives lacks an objective or constraint name (a wrong
// --objectives, caught at once rather than as N crashed trials).
//
// Resume: with reuse_finished, a trial whose folder holds an outcome.json
// for the same configuration is not run again (its outcome is read back);
// a folder without one (the trial was running at a kill -9) is emptied and
// the trial runs again. report() counts both.
//
// Asynchrony: `workers` threads each run one child at a time; submit()
// queues a trial and returns, collect() returns trials as they finish.
// evaluate_trials() submits a whole batch and collects it (generational
// algorithms: the batch is the unit; workers idle only at a batch's end).
//
// Steady state (run() with run/steady_state.hpp): for
// algorithms that take partial batches (SMS-EMOA, MOEA/D, random search),
// run() keeps workers + 1 trials submitted, asks one candidate whenever a
// trial finishes and tells each result as collected, so no worker waits for
// a generation's slowest trial. trials.jsonl then lists trials in the order
// they were told, which resume replays; the arrival order, hence the
// trajectory, depends on timing. `sweep --synchronous` keeps whole batches.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "paretokit/evaluation/command_problem.hpp"
#include "paretokit/evaluation/evaluator.hpp"

namespace paretokit {

namespace detail {
class CommandTemplate;
}

class ProcessEvaluator final : public Evaluator {
 public:
  struct Options {
    // Shell command with {placeholders} (config_file, trial_dir, trial, a variable's name).
    std::string command;
    // Where the trial folders go (sweep: RUN/trials).
    std::filesystem::path trials_directory;
    // Trials run at once.
    int workers = 1;
    // Wall time of one attempt; 0: no limit.
    double timeout_seconds = 0;
    // Address-space limit of the program (RLIMIT_AS); 0: none.
    std::uint64_t memory_limit_bytes = 0;
    // Extra attempts of a failed trial.
    int retries = 0;
    // Resume: reuse finished trial folders of the same configuration. When
    // false, an existing trials_directory is emptied first.
    bool reuse_finished = false;
    // Once true (Ctrl-C), running trials are killed and collect() throws
    // EvaluationInterrupted; their folders, without outcome.json, run again
    // on resume. Not owned.
    const std::atomic<bool>* stop_request = nullptr;
  };

  // Checks the command (placeholders, the program on PATH) before anything
  // runs: UsageError naming --command. `problem` must outlive the evaluator.
  ProcessEvaluator(const CommandProblem& problem, Options options);
  ~ProcessEvaluator() override;  // kills running trials' groups, joins the workers

  std::string name() const override { return "process"; }
  // Rejected: a command has no in-process evaluation (use evaluate_trials).
  void evaluate_into(const Problem& problem, const MatrixRef& X, MatrixMut F, MatrixMut G) override;
  Evaluation evaluate_trials(const Problem& problem, const MatrixRef& X, std::int64_t first_trial) override;
  void submit(const Problem& problem, const Eigen::Ref<const RowVector>& x, std::int64_t trial) override;
  TrialOutcome collect() override;
  std::size_t in_flight() const override;
  int concurrency() const override { return options_.workers; }
  nlohmann::json report() const override;

  const Options& options() const { return options_; }

 private:
  struct Job {
    std::int64_t trial = 0;
    RowVector x;
  };
  void work();
  TrialOutcome run_trial(const Job& job);
  bool reuse(const std::filesystem::path& dir, const nlohmann::json& config, TrialOutcome& outcome);
  void finish_outcome(TrialOutcome& outcome, const nlohmann::json& values, bool have_values);

  const CommandProblem& problem_;
  Options options_;
  std::unique_ptr<detail::CommandTemplate> command_;

  mutable std::mutex mutex_;
  std::condition_variable job_ready_, outcome_ready_;
  std::deque<Job> jobs_;
  std::deque<TrialOutcome> outcomes_;
  std::size_t in_flight_ = 0;
  bool stopping_ = false;
  bool abandoned_ = false;  // interrupted: running trials are killed, not recorded
  std::exception_ptr fatal_;
  bool result_checked_ = false;  // the first result named every objective
  std::set<int> running_groups_;
  std::vector<std::thread> threads_;

  // For report(): busy time summed over workers, from the first submit to
  // the last trial's end.
  double busy_seconds_ = 0;
  double first_submit_ = -1, last_end_ = 0;  // seconds on the steady clock
  std::int64_t run_trials_ = 0, reused_trials_ = 0, rerun_unfinished_ = 0, retried_attempts_ = 0;
};

// SIGKILL to the process group of every trial running in this process (of
// any ProcessEvaluator). Async-signal-safe: for a signal handler that ends
// the process at once (sweep's second Ctrl-C), so that no trial outlives it.
void kill_running_trials() noexcept;

// "512M", "2G", "100k", "1000000" (bytes) -> bytes; UsageError naming `flag`.
std::uint64_t parse_memory_size(const std::string& text, const std::string& flag);

}  // namespace paretokit
