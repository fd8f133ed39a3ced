#include "run_one.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "carps_log.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/json_matrix.hpp"
#include "paretokit/io/jsonl.hpp"
#include "paretokit/pareto/archive.hpp"
#include "paretokit/run/run.hpp"

namespace paretokit::bench::detail {

namespace {

namespace fs = std::filesystem;

double unix_time() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

nlohmann::json run_config(const RunSpec& spec, const Problem& problem, const Algorithm& algorithm) {
  nlohmann::json variables = nlohmann::json::array();
  // (append, not operator+: GCC 12 warns -Wrestrict wrongly on "x" + string)
  for (Index i = 0; i < problem.n_var(); ++i) variables.push_back(std::string("x").append(std::to_string(i)));
  nlohmann::json objectives = nlohmann::json::array();
  for (Index i = 0; i < problem.n_obj(); ++i) {
    objectives.push_back(std::string("objective_").append(std::to_string(i)));
  }
  const Task& task = *spec.task;
  return {{"optimizer_id", spec.optimizer->id},
          {"optimizer",
           {{"name", spec.optimizer->algorithm},
            {"params", spec.optimizer->params},
            {"options", algorithm.options()}}},
          {"benchmark_id", spec.benchmark_id},
          {"task_id", task.task_id},
          {"seed", spec.seed},
          {"task",
           {{"problem", task.problem},
            {"params", task.params},
            {"n_var", problem.n_var()},
            {"n_obj", problem.n_obj()},
            {"n_constr", problem.n_constr()},
            {"n_trials", task.n_trials},
            {"lower_bounds", vector_to_json(problem.lower_bounds())},
            {"upper_bounds", vector_to_json(problem.upper_bounds())}}},
          {"variables", variables},
          {"objectives", objectives}};
}

// The incumbent front: the non-dominated set of the successful, feasible
// trials (pareto/archive.hpp, as carps keeps it), each member with the
// timing of the trial that produced it, for trajectory_logs.jsonl.
class Incumbents {
 public:
  struct Timing {
    std::int64_t trial = 0;  // 1-based n_trials of the evaluation
    double time = 0.0;       // seconds of the evaluation
    double starttime = 0.0;  // Unix time
    double endtime = 0.0;
  };

  Incumbents(Index n_var, Index n_obj) : archive_(n_var, n_obj) {}

  // Returns true when the front changed.
  bool add(const RowVector& x, const RowVector& f, const Timing& timing) {
    const Index id = archive_.offered();
    if (!archive_.insert_one(x, f)) return false;
    timings_[id] = timing;
    // Now and then drop the timings of evicted members: linear in the front
    // once per front-sized number of entries.
    if (timings_.size() > 2 * static_cast<std::size_t>(archive_.size()) + 1024) {
      std::unordered_map<Index, Timing> kept;
      for (const Index member : archive_.ids()) kept.emplace(member, timings_.at(member));
      timings_ = std::move(kept);
    }
    return true;
  }

  const NondominatedArchive& archive() const { return archive_; }
  const Timing& timing(std::size_t member) const { return timings_.at(archive_.ids()[member]); }
  // The 1-based trial numbers of the members, in member order.
  std::vector<std::int64_t> member_trials() const {
    std::vector<std::int64_t> trials;
    trials.reserve(static_cast<std::size_t>(archive_.size()));
    for (const Index member : archive_.ids()) trials.push_back(timings_.at(member).trial);
    return trials;
  }

 private:
  NondominatedArchive archive_;
  std::unordered_map<Index, Timing> timings_;  // archive id -> timing, for the members (and some evicted)
};

// Writes the incumbent front as carps' log_incumbent does: one line per member.
void log_trajectory(JsonlWriter& log, const Incumbents& incumbents, std::int64_t n_trials,
                    std::uint64_t seed) {
  std::string lines;
  const NondominatedArchive& archive = incumbents.archive();
  for (Index i = 0; i < archive.size(); ++i) {
    const RowVector x = archive.x().row(i);
    const RowVector f = archive.f().row(i);
    const auto& timing = incumbents.timing(static_cast<std::size_t>(i));
    TrialLine line;
    line.n_trials = n_trials;
    line.seed = seed;
    line.x = &x;
    line.f = &f;
    line.time = timing.time;
    line.starttime = timing.starttime;
    line.endtime = timing.endtime;
    append_trial_line(lines, line);
  }
  log.append_lines(lines);
}

// The incumbent fronts at the normalized budgets, for result.json's
// budget_fronts: every member that was in the front at some budget step is
// stored once, with the first and last step it was in it (a member that
// leaves never comes back), instead of one full front per step. Entries are
// in insertion order, so a step's front read back in entry order is the
// archive's member order at that step.
class BudgetFronts {
 public:
  void record(int step, const NondominatedArchive& archive) {
    std::unordered_map<Index, std::size_t> current;
    const auto& ids = archive.ids();
    const Matrix& f = archive.f();
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const auto known = entry_of_.find(ids[i]);
      std::size_t entry;
      if (known != entry_of_.end()) {
        entry = known->second;
      } else {
        entry = first_step_.size();
        first_step_.push_back(step);
        last_step_.push_back(step);
        const auto row = f.row(static_cast<Index>(i));
        objectives_.insert(objectives_.end(), row.data(), row.data() + row.size());
      }
      last_step_[entry] = step;
      current.emplace(ids[i], entry);
    }
    entry_of_ = std::move(current);
    steps_ = step;
  }

  nlohmann::json to_json(Index n_obj) const {
    const auto rows = static_cast<Index>(first_step_.size());
    const Eigen::Map<const Matrix> objectives(objectives_.data(), rows, n_obj);
    return {{"steps", steps_},
            {"objectives", matrix_to_json(objectives)},
            {"first_step", first_step_},
            {"last_step", last_step_}};
  }

 private:
  int steps_ = 0;  // the last step recorded (0: only the empty front at budget 0)
  std::vector<double> objectives_;
  std::vector<int> first_step_, last_step_;
  std::unordered_map<Index, std::size_t> entry_of_;  // the current members' entries
};

// carps' logs of a run, written by run()'s trial observer from each
// evaluated batch, and the fronts at the normalized budgets.
class CarpsLogger {
 public:
  CarpsLogger(const RunSpec& spec, const Options& options, CarpsTrialLog& trials, JsonlWriter& trajectory)
      : spec_(spec),
        trials_(trials),
        trajectory_(trajectory),
        budget_(spec.task->n_trials),
        every_change_(budget_ <= options.trajectory_every_change_max_trials),
        // --trial-logs front|none: the trajectory is the final incumbent front only.
        full_trajectory_(options.trial_logs == TrialLogs::all) {}

  // Called once the problem is built.
  void start(const Problem& problem) { incumbents_.emplace(problem.n_var(), problem.n_obj()); }

  void observe(const TrialBatch& batch) {
    const Matrix& X = *batch.x;
    const Evaluation& evaluation = *batch.evaluation;
    const Index rows = X.rows();
    const double per_trial = batch.seconds / static_cast<double>(rows);
    bool changed = false;
    for (Index i = 0; i < rows; ++i) {
      const std::int64_t n = evaluated_ + 1;
      const RowVector x = X.row(i);
      const RowVector f = evaluation.objectives.row(i);
      const RowVector g = evaluation.constraints.row(i);
      // A failed trial's cost is null, as carps writes a crash's.
      TrialLine line{n,
                     spec_.seed,
                     &x,
                     evaluation.failed(i) ? nullptr : &f,
                     &g,
                     per_trial,
                     batch.start_time,
                     batch.end_time,
                     evaluation.status_of(i),
                     evaluation.message_of(i)};
      const bool finite = f.allFinite();
      const bool feasible = g.size() == 0 || (g.array() <= 0.0).all();
      if (!finite && !evaluation.failed(i)) {
        line.status = TrialStatus::crashed;
        line.message = "non-finite objective value";
      }
      const bool entered =
          finite && feasible && incumbents_->add(x, f, {n, per_trial, batch.start_time, batch.end_time});
      changed |= entered;
      trials_.add(line, entered);
      evaluated_ = n;
      // The fronts at normalized budgets, for the hypervolume curves.
      while (next_step_ <= budget_steps && trials_at_budget(next_step_, budget_) <= evaluated_) {
        budget_fronts_.record(next_step_, incumbents_->archive());
        if (full_trajectory_ ? !every_change_ : next_step_ == budget_steps)
          log_trajectory(trajectory_, *incumbents_, evaluated_, spec_.seed);
        ++next_step_;
      }
    }
    trials_.end_batch(front_trials());
    if (full_trajectory_ && every_change_ && changed)
      log_trajectory(trajectory_, *incumbents_, evaluated_, spec_.seed);
  }

  // For CarpsTrialLog: the incumbent front's trial numbers, when asked.
  CarpsTrialLog::FrontTrials front_trials() const {
    return [this] { return incumbents_ ? incumbents_->member_trials() : std::vector<std::int64_t>{}; };
  }

  std::int64_t evaluated() const { return evaluated_; }
  // The final front; `n_obj` and `n_var` size it when the problem was never built.
  Matrix front_f(Index n_obj = 0) const {
    return incumbents_ ? incumbents_->archive().f() : Matrix(0, n_obj);
  }
  Matrix front_x(Index n_var = 0) const {
    return incumbents_ ? incumbents_->archive().x() : Matrix(0, n_var);
  }
  const BudgetFronts& budget_fronts() const { return budget_fronts_; }

 private:
  const RunSpec& spec_;
  CarpsTrialLog& trials_;
  JsonlWriter& trajectory_;
  const std::int64_t budget_;
  const bool every_change_;
  const bool full_trajectory_;
  std::int64_t evaluated_ = 0;
  int next_step_ = 1;
  std::optional<Incumbents> incumbents_;
  BudgetFronts budget_fronts_;
};

// Runs the algorithm through run() up to the task's exact budget, one
// thread per run unless the bench runs one job; throws whatever the problem
// or algorithm throws.
void drive(const RunSpec& spec, const Options& options, const Problem& problem, Algorithm& algorithm,
           CarpsLogger& logger) {
  RunOptions run_options;
  run_options.max_evaluations = spec.task->n_trials;
  run_options.exact_evaluations = true;
  run_options.seed = spec.seed;
  run_options.threads = options.jobs == 1 ? 0 : 1;
  run_options.progress = false;
  run_options.summarize = false;  // the report computes the bench's indicators
  run_options.trial_observers.push_back([&](const TrialBatch& batch) { logger.observe(batch); });
  const RunResult result = paretokit::run(problem, algorithm, run_options);
  if (result.stop_reason == "algorithm") throw Error("the algorithm proposed an empty batch");
}

}  // namespace

nlohmann::json read_result(const fs::path& directory) {
  const fs::path path = directory / "result.json";
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return nullptr;
  try {
    nlohmann::json result = read_json_file(path);
    if (result.is_object() && result.contains("status") && result.contains("front")) return result;
  } catch (const std::exception&) {
    // An unreadable marker means an unfinished run: it is redone.
  }
  return nullptr;
}

RunState run_one(const RunSpec& spec, const Options& options) {
  fs::remove_all(spec.directory);
  fs::create_directories(spec.directory);
  const auto clock_start = std::chrono::steady_clock::now();
  CarpsTrialLog trials(spec.directory / "trial_logs.jsonl", options.trial_logs);
  JsonlWriter trajectory(spec.directory / "trajectory_logs.jsonl", {.truncate = true});

  CarpsLogger logger(spec, options, trials, trajectory);
  std::string message;
  Index n_obj = spec.task->n_obj;
  Index n_var = spec.task->n_var;
  try {
    const auto problem = options.problem_factory(spec.task->problem, spec.task->params);
    auto algorithm = options.algorithm_factory(spec.optimizer->algorithm, spec.optimizer->params);
    if (!problem || !algorithm) throw Error("the factory built nothing");
    n_obj = problem->n_obj();
    n_var = problem->n_var();
    nlohmann::json config = run_config(spec, *problem, *algorithm);
    if (options.trial_logs != TrialLogs::all) config["trial_logs"] = to_string(options.trial_logs);
    write_json_atomically(spec.directory / "config.json", config);
    logger.start(*problem);
    drive(spec, options, *problem, *algorithm, logger);
  } catch (const std::filesystem::filesystem_error&) {
    throw;  // the folder, not the run, is broken: stop the bench
  } catch (const std::exception& error) {
    message = error.what();
    if (message.empty()) message = "unknown error";
    trials.add({logger.evaluated() + 1, spec.seed, nullptr, nullptr, nullptr, 0.0, unix_time(), unix_time(),
                TrialStatus::crashed, message},
               false);
  }
  trials.finish(logger.front_trials());
  trajectory.sync();

  const bool crashed = !message.empty();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();
  const nlohmann::json result = {
      {"status", crashed ? "crashed" : "success"},
      {"status_code", crashed ? 2 : 1},
      {"message", message},
      {"n_trials", logger.evaluated()},
      {"seconds", seconds},
      {"front",
       {{"objectives", matrix_to_json(logger.front_f(n_obj))}, {"x", matrix_to_json(logger.front_x(n_var))}}},
      {"budget_fronts", logger.budget_fronts().to_json(n_obj)}};
  write_json_atomically(spec.directory / "result.json", result, -1);
  return crashed ? RunState::crashed : RunState::success;
}

}  // namespace paretokit::bench::detail
