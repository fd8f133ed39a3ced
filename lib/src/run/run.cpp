// The run loop: ask, evaluate, log, tell, report, checkpoint.
//
// Resume protocol. A checkpoint is written only after the trials it counts
// have been appended and fsynced, so trials.jsonl always holds at least the
// checkpoint's trials. On resume the log is cut back to exactly that count
// (dropping the trials of generations after the checkpoint and any torn last
// line) and the loop restarts from the checkpoint's state; since the
// algorithm, its Rng and the evaluation are deterministic, it re-evaluates
// the dropped trials identically, so the finished log and front equal those
// of an uninterrupted run, with no trial repeated or missing.
//
// Trials are formatted and written, and checkpoints flushed to disk, on an
// I/O thread while the loop goes on (run_folder_writer.hpp); the order above
// is kept.
//
// With an asynchronous evaluator and an algorithm that takes partial
// batches, the loop hands over to the steady-state driver
// (steady_state.hpp), whose resume replays the trials logged after the
// checkpoint instead of cutting them.
#include "paretokit/run/run.hpp"

#include <chrono>
#include <memory>
#include <optional>

#include <tbb/task_arena.h>

#include "checkpoint.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/evaluation/evaluator.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/run_folder.hpp"
#include "paretokit/run/summary.hpp"
#include "progress.hpp"
#include "run_folder_writer.hpp"
#include "steady_state.hpp"

namespace paretokit {

namespace {

using Clock = std::chrono::steady_clock;

double unix_time() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Options a caller got wrong: a UsageError naming the RunOptions field.
[[noreturn]] void bad_option(const char* field, const std::string& why) {
  throw UsageError("run: " + why, Location::of_field(std::string("RunOptions.") + field));
}

void check_options(const RunOptions& options) {
  if (options.max_generations < 0) bad_option("max_generations", "termination limits must be >= 0");
  if (options.max_evaluations < 0) bad_option("max_evaluations", "termination limits must be >= 0");
  if (options.max_seconds < 0) bad_option("max_seconds", "termination limits must be >= 0");
  if (options.threads < 0) bad_option("threads", "threads must be >= 0");
  if (options.checkpoint_every < 0) bad_option("checkpoint_every", "checkpoint_every must be >= 0");
  if (options.checkpoint_every_evaluations < 0) {
    bad_option("checkpoint_every_evaluations", "checkpoint_every_evaluations must be >= 0");
  }
  if (!(options.checkpoint_every_seconds >= 0)) {
    bad_option("checkpoint_every_seconds", "checkpoint_every_seconds must be >= 0");
  }
  if (!(options.checkpoint_min_seconds >= 0)) {
    bad_option("checkpoint_min_seconds", "checkpoint_min_seconds must be >= 0");
  }
  if (options.resume && options.output_directory.empty()) {
    bad_option("resume", "resume needs an output_directory");
  }
}

// Hypervolume of the population's feasible non-dominated set.
// Exact for the target; bounded in cost (Monte Carlo on a large front of many
// objectives) for the progress line, which must not stall the run.
double population_hypervolume(const Algorithm& algorithm, const Vector& reference, bool bounded = false) {
  const auto front = feasible_front_indices(algorithm.population_f(), algorithm.population_g());
  if (front.empty()) return 0;
  const Matrix F = algorithm.population_f()(front, Eigen::all);
  if (!bounded) return hypervolume(F, reference);
  HypervolumeBudget budget;
  budget.max_exact_cost = budget.max_monte_carlo_cost = 2e8;
  return estimate_hypervolume(F, reference, budget).value;
}

class Loop final : private detail::SteadyStateHost {
 public:
  Loop(const Problem& problem, Algorithm& algorithm, const RunOptions& options)
      : problem_(problem), algorithm_(algorithm), options_(options), progress_(options.progress) {
    max_generations_ = options_.generation_limit();
    // Only the target and the progress line need it (the problem's scale
    // may cost a reference front: not for a bench's many short runs).
    reference_ = options_.hypervolume_reference;
    if (reference_.size() == 0 && (options_.target_hypervolume || progress_.active())) {
      reference_ = hypervolume_reference(problem, Matrix(0, problem.n_obj())).point;
    }
    if (reference_.size() != 0 && reference_.size() != problem.n_obj()) {
      bad_option("hypervolume_reference", "the hypervolume reference needs one value per objective");
    }
    if (options_.target_hypervolume && reference_.size() == 0) {
      bad_option("target_hypervolume", "a target hypervolume needs a reference point (the problem has no nadir)");
    }
    if (options_.evaluator == nullptr) {
      owned_evaluator_ = make_evaluator(options_.threads == 1 ? 1 : 0);  // 0: the loop's arena
    }
    evaluator_ = options_.evaluator != nullptr ? options_.evaluator : owned_evaluator_.get();
    if (options_.steady_state && algorithm_.takes_partial_batches() && evaluator_->concurrency() > 1) {
      // Trials asked in all: the budget (a steady-state generation is one trial).
      std::int64_t limit = options_.max_evaluations;
      if (max_generations_ > 0 && (limit == 0 || max_generations_ < limit)) limit = max_generations_;
      steady_.emplace(problem_, algorithm_, *evaluator_, limit,
                      evaluator_->concurrency() + detail::kSteadyStateAhead);
    }
  }

  RunResult operator()() {
    RunResult result;
    algorithm_.setup(problem_, options_.seed);
    std::optional<RunFolder> folder;
    if (!options_.output_directory.empty()) {
      folder.emplace(options_.output_directory);
      folder->create();
      bool fresh = true;
      if (options_.resume) fresh = !restore(*folder, result);
      if (fresh) folder->remove_outputs();
      trials_.emplace(folder->trials_path(), fresh);
      // The first checkpoint also syncs config.json (if the caller wrote one)
      // and the directory: from then on the run folder survives a power loss.
      writer_.emplace([this] { trials_->sync(); }, folder->checkpoint_path(),
                      std::vector<std::filesystem::path>{folder->config_path()});
    }
    start_ = Clock::now();
    last_checkpoint_ = start_;
    // After a replay, the state it reached is the one later replays start from.
    if (steady_ && result.resumed && writer_) checkpoint();

    while (!steady_) {
      if (const char* reason = limit_reached()) {
        result.stop_reason = reason;
        break;
      }
      Matrix X = algorithm_.ask();
      if (X.rows() == 0) {
        result.stop_reason = "algorithm";
        break;
      }
      // The batch that would pass an exact budget: only the trials left.
      const std::int64_t left = options_.max_evaluations - counters_.evaluations;
      const bool cut = options_.exact_evaluations && options_.max_evaluations > 0 && X.rows() > left;
      if (cut) X.conservativeResize(left, Eigen::NoChange);
      const double start_time = options_.trial_observers.empty() ? 0.0 : unix_time();
      const auto evaluation_start = Clock::now();
      // Rows are trials counters_.evaluations, ...: the process evaluator's
      // trial folders, stable across a resume.
      Evaluation batch;
      try {
        batch = evaluator_->evaluate_trials(problem_, X, counters_.evaluations);
      } catch (const EvaluationInterrupted&) {
        // Mid-batch: the algorithm has asked but not been told, so its state
        // is no checkpoint; the last one stays, and resume redoes the rest.
        result.stop_reason = "interrupted";
        interrupted_mid_batch_ = true;
        break;
      }
      const double batch_seconds = std::chrono::duration<double>(Clock::now() - evaluation_start).count();
      result.evaluation_seconds += batch_seconds;
      counters_.failed_trials += batch.failures();
      if (trials_) log_trials(X, batch);
      if (!options_.trial_observers.empty()) {
        const TrialBatch observed{counters_.evaluations, counters_.generation + 1, &X, &batch, batch_seconds,
                                  start_time, unix_time()};
        for (const auto& observer : options_.trial_observers) observer(observed);
      }
      if (cut) {
        // Not told: the algorithm's state stays that of the last whole batch.
        counters_.evaluations += X.rows();
        result.stop_reason = "evaluations";
        break;
      }
      algorithm_.tell(X, batch);
      counters_.generation += 1;
      counters_.evaluations += X.rows();

      if (const char* reason = after_generation(X, batch)) {
        result.stop_reason = reason;
        break;
      }
      if (folder && checkpoint_due()) checkpoint();
    }
    if (steady_) {
      result.stop_reason = steady_->run(*this);
      if (result.stop_reason == "budget") {
        result.stop_reason = options_.max_evaluations > 0 && steady_->asked() >= options_.max_evaluations
                                 ? "evaluations"
                                 : "generations";
      }
    }
    // The final state too, so that resuming a finished (or interrupted) run
    // changes nothing (or continues exactly).
    if (folder && checkpoint_generation_ != counters_.generation && !interrupted_mid_batch_) checkpoint(true);
    if (progress_.active()) report_progress();
    progress_.finish();
    finish(result);
    if (folder && result.stop_reason == "interrupted") {
      writer_->finish();  // the trials and the checkpoint; no front, no summary
    } else if (folder) {
      // The front files go to the I/O thread behind the final checkpoint
      // while the summary (IGD) is computed here. The summary comes last:
      // finish() flushes them all at once and renames them in this order, so
      // its presence means the run folder is complete.
      writer_->write_file(folder->front_txt_path(), RunFolder::front_txt(result.front_f));
      writer_->write_file(folder->front_json_path(), RunFolder::front_json(result.front_f, result.front_x));
      summarize_into(result);
      writer_->write_file(folder->summary_path(), result.summary.json.dump(2) + '\n');
      writer_->finish();
    } else if (options_.summarize && result.stop_reason != "interrupted") {
      summarize_into(result);
    }
    return result;
  }

 private:
  double seconds() const { return base_seconds_ + std::chrono::duration<double>(Clock::now() - start_).count(); }

  // Returns true when the run continues from a checkpoint.
  bool restore(const RunFolder& folder, RunResult& result) {
    const auto checkpoint = folder.read_checkpoint();
    if (!checkpoint) return false;
    counters_ = detail::check_checkpoint(*checkpoint, problem_, algorithm_, options_.seed,
                                         folder.checkpoint_path().string());
    if (checkpoint->contains("steady_state") != steady_.has_value()) {
      throw InputError(
          steady_ ? "this checkpoint was written by whole batches; resume it with whole batches "
                    "(one worker, or steady_state off)"
                  : "this checkpoint was written by the steady-state driver; resume it with the same "
                    "asynchronous evaluator (workers > 1)",
          {folder.checkpoint_path().string(), 0, "steady_state"});
    }
    algorithm_.load_state((*checkpoint)["state"]);
    if (steady_) {
      // Keep the lines after the checkpoint (a torn last one aside) and replay them.
      const TrialRecords log = read_trials(folder.trials_path());
      if (static_cast<std::int64_t>(log.trial.size()) < counters_.evaluations) {
        throw InputError("trials.jsonl holds fewer trials than the checkpoint counts",
                         {folder.trials_path().string(), 0, "trials"});
      }
      truncate_jsonl(folder.trials_path(), log.trial.size());
      const auto from = static_cast<std::size_t>(counters_.evaluations);
      result.resumed_generation = counters_.generation;
      steady_->restore((*checkpoint)["steady_state"], log, from, counters_,
                       folder.checkpoint_path().string());
      base_seconds_ = counters_.seconds;
      checkpoint_generation_ = -1;
      checkpoint_evaluations_ = counters_.evaluations;
      result.resumed = true;
      return true;
    }
    const auto lines = count_jsonl_lines(folder.trials_path());
    truncate_jsonl(folder.trials_path(), static_cast<std::uint64_t>(counters_.evaluations));
    base_seconds_ = counters_.seconds;
    checkpoint_generation_ = counters_.generation;
    checkpoint_evaluations_ = counters_.evaluations;
    result.resumed = true;
    result.resumed_generation = counters_.generation;
    result.dropped_trials = static_cast<std::int64_t>(lines) - counters_.evaluations;
    return true;
  }

  // A copy of the batch goes to the I/O thread, which formats and appends it
  // (init-captures: non-const copies, moved, not copied again, into the job).
  void log_trials(const Matrix& X, const Evaluation& batch) {
    const std::size_t bytes = sizeof(double) * static_cast<std::size_t>(X.size() + batch.objectives.size() +
                                                                        batch.constraints.size());
    writer_->append_trials(
        [trials = &*trials_, first = counters_.evaluations, generation = counters_.generation + 1, x = X,
         evaluation = batch] { trials->append(first, generation, x, evaluation); },
        bytes);
  }

  // The state as text here; trials.jsonl's fsync (the checkpoint must never
  // count trials a crash could take back), the write and the rename on the
  // I/O thread.
  // last: the run's final one, landed with the front files and summary.
  void checkpoint(bool last = false) {
    counters_.seconds = seconds();
    nlohmann::json json = detail::make_checkpoint(problem_, algorithm_, options_.seed, counters_);
    if (steady_) json["steady_state"] = steady_->checkpoint_block();
    std::string text = json.dump();
    text += '\n';
    writer_->submit_checkpoint(std::move(text), last);
    checkpoint_generation_ = counters_.generation;
    checkpoint_evaluations_ = counters_.evaluations;
    last_checkpoint_ = Clock::now();
  }

  // Every checkpoint_every generations, checkpoint_every_evaluations
  // evaluations or checkpoint_every_seconds seconds, whichever comes first,
  // and no closer than checkpoint_min_seconds to the last.
  bool checkpoint_due() const {
    const double since = std::chrono::duration<double>(Clock::now() - last_checkpoint_).count();
    const bool due =
        (options_.checkpoint_every > 0 && counters_.generation % options_.checkpoint_every == 0) ||
        (options_.checkpoint_every_evaluations > 0 &&
         counters_.evaluations - checkpoint_evaluations_ >= options_.checkpoint_every_evaluations) ||
        (options_.checkpoint_every_seconds > 0 && since >= options_.checkpoint_every_seconds);
    return due && (options_.checkpoint_min_seconds <= 0 || since >= options_.checkpoint_min_seconds);
  }

  // --- what the steady-state driver borrows (steady_state.hpp) ----------------
  detail::Counters& counters() override { return counters_; }
  void log_trial(std::int64_t trial, std::int64_t generation, const Matrix& x, const Evaluation& e) override {
    if (!options_.trial_observers.empty()) {
      // One trial as it comes back (its own wall time is not known here).
      const double now = unix_time();
      const TrialBatch observed{trial, generation, &x, &e, 0.0, now, now};
      for (const auto& observer : options_.trial_observers) observer(observed);
    }
    if (!trials_) return;
    writer_->append_trials(
        [trials = &*trials_, trial, generation, x = x, e = e] { trials->append(trial, generation, x, e); },
        sizeof(double) * static_cast<std::size_t>(x.size() + e.objectives.size() + e.constraints.size()));
  }
  const char* after_tell(const Matrix& x, const Evaluation& e) override { return after_generation(x, e); }
  const char* stop_now() const override {
    if (options_.max_seconds > 0 && seconds() >= options_.max_seconds) return "time";
    if (options_.stop_request != nullptr && options_.stop_request->load()) return "interrupted";
    return nullptr;
  }
  void maybe_checkpoint() override {
    if (writer_ && checkpoint_due()) checkpoint();
  }

  // A run whose budget is spent finishes, even when a stop was requested.
  const char* limit_reached() const {
    if (max_generations_ > 0 && counters_.generation >= max_generations_) return "generations";
    if (options_.max_evaluations > 0 && counters_.evaluations >= options_.max_evaluations) return "evaluations";
    if (options_.max_seconds > 0 && seconds() >= options_.max_seconds) return "time";
    if (options_.stop_request != nullptr && options_.stop_request->load()) return "interrupted";
    return nullptr;
  }

  const char* after_generation(const Matrix& X, const Evaluation& batch) {
    if (options_.target_hypervolume &&
        population_hypervolume(algorithm_, reference_) >= *options_.target_hypervolume) {
      return "target_hypervolume";
    }
    if (progress_.due(seconds())) report_progress();
    if (!options_.callbacks.empty()) {
      const GenerationReport report{counters_.generation, counters_.evaluations, seconds(), &algorithm_, &X, &batch};
      bool go_on = true;
      for (const auto& callback : options_.callbacks) go_on = callback(report) && go_on;
      if (!go_on) return "callback";
    }
    return nullptr;
  }

  void report_progress() {
    const double now = seconds();
    const auto front = feasible_front_indices(algorithm_.population_f(), algorithm_.population_g());
    std::optional<double> hv;
    if (reference_.size() > 0) hv = population_hypervolume(algorithm_, reference_, true);
    progress_.print(counters_.generation, counters_.evaluations, static_cast<std::int64_t>(front.size()), hv, now,
                    now > 0 ? static_cast<double>(counters_.evaluations) / now : 0.0);
  }

  void finish(RunResult& result) {
    result.population_x = algorithm_.population_x();
    result.population_f = algorithm_.population_f();
    result.population_g = algorithm_.population_g();
    result.front_indices = feasible_front_indices(result.population_f, result.population_g);
    result.front_x = result.population_x(result.front_indices, Eigen::all);
    result.front_f = result.population_f(result.front_indices, Eigen::all);
    result.feasible = result.population_g.cols() == 0
                          ? result.population_g.rows()
                          : (result.population_g.array() <= 0).rowwise().all().count();
    result.evaluations = counters_.evaluations;
    result.failed_trials = counters_.failed_trials;
    result.evaluator_report = evaluator_->report();
    result.generations = counters_.generation;
    result.seconds = seconds();
  }

  void summarize_into(RunResult& result) const {
    result.summary = summarize_front(problem_, options_, result.front_f);
    result.summary.json = summary_json(problem_, algorithm_, options_, result, result.summary);
  }

  const Problem& problem_;
  Algorithm& algorithm_;
  const RunOptions& options_;
  detail::ProgressLine progress_;
  std::int64_t max_generations_ = 0;
  Vector reference_;
  std::unique_ptr<Evaluator> owned_evaluator_;
  Evaluator* evaluator_ = nullptr;
  std::optional<TrialLog> trials_;
  std::optional<detail::RunFolderWriter> writer_;  // after trials_: stops first
  detail::Counters counters_;
  std::int64_t checkpoint_generation_ = -1;
  std::int64_t checkpoint_evaluations_ = 0;  // evaluations at the last checkpoint
  std::optional<detail::SteadyStateDriver> steady_;
  bool interrupted_mid_batch_ = false;
  double base_seconds_ = 0;
  Clock::time_point start_;
  Clock::time_point last_checkpoint_;  // or the start
};

}  // namespace

RunResult run(const Problem& problem, Algorithm& algorithm, const RunOptions& options) {
  check_options(options);
  Loop loop(problem, algorithm, options);
  // One arena for the whole loop, so that `threads` bounds the evaluator and
  // the algorithm's own parallel kernels alike.
  tbb::task_arena arena(options.threads > 0 ? options.threads : tbb::task_arena::automatic);
  RunResult result;
  arena.execute([&] { result = loop(); });
  return result;
}

}  // namespace paretokit
