#include "run_one.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

#include "carps_log.hpp"
#include "incumbent_archive.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/json_matrix.hpp"
#include "paretokit/io/jsonl.hpp"

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

// Writes the incumbent front as carps' log_incumbent does: one line per member.
void log_trajectory(JsonlWriter& log, const IncumbentArchive& archive, std::int64_t n_trials,
                    std::uint64_t seed) {
  std::string lines;
  for (const auto& member : archive.members()) {
    TrialLine line;
    line.n_trials = n_trials;
    line.seed = seed;
    line.x = &member.x;
    line.f = &member.f;
    line.time = member.time;
    line.starttime = member.starttime;
    line.endtime = member.endtime;
    append_trial_line(lines, line);
  }
  log.append_lines(lines);
}

// The driving loop; throws whatever the problem or algorithm throws.
class Driver {
 public:
  Driver(const RunSpec& spec, const Options& options) : spec_(spec), options_(options) {}

  void run(CarpsTrialLog& trials, JsonlWriter& trajectory, const Problem& problem, Algorithm& algorithm) {
    const std::int64_t budget = spec_.task->n_trials;
    const Index n_obj = problem.n_obj();
    const bool every_change = budget <= options_.trajectory_every_change_max_trials;
    // --trial-logs front|none: the trajectory is the final incumbent front only.
    const bool full_trajectory = options_.trial_logs == TrialLogs::all;
    fronts_.assign(budget_steps + 1, nlohmann::json());
    fronts_[0] = nlohmann::json::array();  // budget 0: nothing evaluated
    int next_step = 1;
    algorithm.setup(problem, spec_.seed);
    while (evaluated_ < budget) {
      const Matrix X = algorithm.ask();
      if (X.rows() == 0) throw Error("the algorithm proposed an empty batch");
      if (X.cols() != problem.n_var()) throw Error("the algorithm proposed a batch of the wrong width");
      const Index rows = static_cast<Index>(std::min<std::int64_t>(X.rows(), budget - evaluated_));
      const double start = unix_time();
      const auto clock_start = std::chrono::steady_clock::now();
      const Evaluation evaluation = problem.evaluate(X.topRows(rows));
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();
      const double end = unix_time();
      const double per_trial = seconds / static_cast<double>(rows);

      bool changed = false;
      for (Index i = 0; i < rows; ++i) {
        const std::int64_t n = evaluated_ + 1;
        const RowVector x = X.row(i);
        const RowVector f = evaluation.objectives.row(i);
        const RowVector g = evaluation.constraints.row(i);
        // A failed trial's cost is null, as carps writes a crash's.
        TrialLine line{n,         spec_.seed, &x,  evaluation.failed(i) ? nullptr : &f, &g, per_trial,
                       start,     end,        evaluation.status_of(i), evaluation.message_of(i)};
        const bool finite = f.allFinite();
        const bool feasible = g.size() == 0 || (g.array() <= 0.0).all();
        if (!finite && !evaluation.failed(i)) {
          line.status = TrialStatus::crashed;
          line.message = "non-finite objective value";
        }
        const bool entered = finite && feasible && archive_.add({n, x, f, per_trial, start, end});
        changed |= entered;
        trials.add(line, entered);
        evaluated_ = n;
        // The fronts at normalized budgets, for the hypervolume curves.
        while (next_step <= budget_steps && trials_at_budget(next_step, budget) <= evaluated_) {
          fronts_[static_cast<std::size_t>(next_step)] = matrix_to_json(archive_.objectives(n_obj));
          if (full_trajectory ? !every_change : next_step == budget_steps)
            log_trajectory(trajectory, archive_, evaluated_, spec_.seed);
          ++next_step;
        }
      }
      trials.end_batch(archive_);
      if (full_trajectory && every_change && changed)
        log_trajectory(trajectory, archive_, evaluated_, spec_.seed);
      if (rows < X.rows()) break;  // budget reached inside the batch: nothing more to learn
      algorithm.tell(X, evaluation);
    }
  }

  std::int64_t evaluated() const { return evaluated_; }
  const IncumbentArchive& archive() const { return archive_; }
  const std::vector<nlohmann::json>& fronts() const { return fronts_; }

 private:
  const RunSpec& spec_;
  const Options& options_;
  std::int64_t evaluated_ = 0;
  IncumbentArchive archive_;
  std::vector<nlohmann::json> fronts_;
};

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

  Driver driver(spec, options);
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
    driver.run(trials, trajectory, *problem, *algorithm);
  } catch (const std::filesystem::filesystem_error&) {
    throw;  // the folder, not the run, is broken: stop the bench
  } catch (const std::exception& error) {
    message = error.what();
    if (message.empty()) message = "unknown error";
    trials.add({driver.evaluated() + 1, spec.seed, nullptr, nullptr, nullptr, 0.0, unix_time(), unix_time(),
                TrialStatus::crashed, message},
               false);
  }
  trials.finish(driver.archive());
  trajectory.sync();

  const bool crashed = !message.empty();
  nlohmann::json fronts = nlohmann::json::array();
  for (const auto& front : driver.fronts()) fronts.push_back(front);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();
  const nlohmann::json result = {{"status", crashed ? "crashed" : "success"},
                                 {"status_code", crashed ? 2 : 1},
                                 {"message", message},
                                 {"n_trials", driver.evaluated()},
                                 {"seconds", seconds},
                                 {"front",
                                  {{"objectives", matrix_to_json(driver.archive().objectives(n_obj))},
                                   {"x", matrix_to_json(driver.archive().decisions(n_var))}}},
                                 {"fronts_at_budget", fronts}};
  write_json_atomically(spec.directory / "result.json", result, -1);
  return crashed ? RunState::crashed : RunState::success;
}

}  // namespace paretokit::bench::detail
