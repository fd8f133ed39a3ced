// The steady-state driver (run/steady_state.hpp) with simulated workers:
// every trial once, results deterministic given their arrival order,
// resume after a crash replaying the log exactly, utilization near 1 where
// whole batches leave workers idle; and checkpoints by evaluations and
// seconds (RunOptions) in both drivers.
#include <catch2/catch.hpp>

#include <deque>
#include <fstream>
#include <map>
#include <set>

#include "io/temp_dir.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/evaluation/evaluator.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/jsonl.hpp"
#include "paretokit/io/run_folder.hpp"
#include "paretokit/run/run.hpp"
#include "run/toy.hpp"

using namespace paretokit;
using test::ToyProblem;

namespace {

struct Crash {};

// Trial t takes 1 + (t * 7919 mod 10) time units (a 10x spread). In
// `simulated` mode a worker runs each trial from the moment it is
// submitted (a discrete-event simulation: collect() returns the earliest
// finish and advances the clock); otherwise collect() returns the trial in
// flight of least t + duration(t), an order fixed by the set in flight
// alone, so that a resumed run (whose trials in flight are submitted anew)
// meets the same order as an uninterrupted one.
class SimulatedWorkers final : public Evaluator {
 public:
  SimulatedWorkers(int workers, bool simulated) : workers_(workers), simulated_(simulated) {}
  std::string name() const override { return "simulated"; }
  void evaluate_into(const Problem& problem, const MatrixRef& X, MatrixMut F, MatrixMut G) override {
    problem.evaluate_into(X, F, G);
  }
  static double duration(std::int64_t trial) { return 1.0 + static_cast<double>((trial * 7919) % 10); }
  // Trials beyond the workers wait in a queue and start when one frees.
  void submit(const Problem& problem, const Eigen::Ref<const RowVector>& x, std::int64_t trial) override {
    const Evaluation e = problem.evaluate(Matrix(x));
    TrialOutcome outcome;
    outcome.trial = trial;
    outcome.objectives = e.objectives.row(0);
    outcome.constraints = e.constraints.row(0);
    ++submitted_[trial];
    if (simulated_ && static_cast<int>(running_.size()) >= workers_) {
      queued_.push_back(outcome);
      return;
    }
    start(outcome, now_);
  }
  TrialOutcome collect() override {
    REQUIRE_FALSE(running_.empty());
    const auto first = running_.begin();
    if (simulated_) now_ = first->first.first;
    TrialOutcome outcome = first->second;
    running_.erase(first);
    if (!queued_.empty()) {
      start(queued_.front(), now_);
      queued_.pop_front();
    }
    return outcome;
  }
  std::size_t in_flight() const override { return running_.size() + queued_.size(); }
  int concurrency() const override { return workers_; }
  double utilization() const { return busy_ / (workers_ * now_); }
  // Whole batches: every row of the batch starts at once, the batch ends
  // with its slowest row (workers each take ceil(n / workers) rows).
  Evaluation evaluate_trials(const Problem& problem, const MatrixRef& X, std::int64_t first_trial) override {
    std::vector<double> finish(static_cast<std::size_t>(workers_), now_);
    for (Index r = 0; r < X.rows(); ++r) {
      auto earliest = std::min_element(finish.begin(), finish.end());
      *earliest += duration(first_trial + r);
      busy_ += duration(first_trial + r);
    }
    now_ = *std::max_element(finish.begin(), finish.end());
    return problem.evaluate(X);
  }
  const std::map<std::int64_t, int>& submitted() const { return submitted_; }

 private:
  void start(const TrialOutcome& outcome, double at) {
    const double key = simulated_ ? at + duration(outcome.trial)
                                  : static_cast<double>(outcome.trial) + duration(outcome.trial);
    running_.emplace(std::make_pair(key, outcome.trial), outcome);
    busy_ += duration(outcome.trial);
  }
  std::deque<TrialOutcome> queued_;
  int workers_;
  bool simulated_;
  double now_ = 0, busy_ = 0;
  std::map<std::pair<double, std::int64_t>, TrialOutcome> running_;
  std::map<std::int64_t, int> submitted_;
};

std::unique_ptr<Algorithm> algorithm_named(const std::string& name) {
  if (name == "smsemoa") return make_algorithm("smsemoa", {{"pop_size", 8}});
  if (name == "moead") return make_algorithm("moead", {{"pop_size", 10}, {"n_neighbors", 4}});
  return make_algorithm("random", {{"pop_size", 6}});
}

RunOptions steady_options(Evaluator& evaluator, const std::filesystem::path& out) {
  RunOptions options;
  options.seed = 9;
  options.max_evaluations = 60;
  options.evaluator = &evaluator;
  options.output_directory = out;
  options.checkpoint_every = 0;
  options.checkpoint_every_evaluations = 7;
  options.checkpoint_min_seconds = 0;  // every due checkpoint, not one a second
  options.progress = false;
  return options;
}

std::vector<std::int64_t> logged_trials(const std::filesystem::path& out) {
  return read_trials(out / "trials.jsonl").trial;
}

}  // namespace

TEST_CASE("steady state: every trial once, told as it arrives, for each partial-batch algorithm") {
  for (const std::string name : {"smsemoa", "moead", "random"}) {
    INFO(name);
    test::TempDir dir("steady");
    ToyProblem problem(5, true);
    SimulatedWorkers workers(4, true);
    auto algorithm = algorithm_named(name);
    REQUIRE(algorithm->takes_partial_batches());
    const RunResult result = run(problem, *algorithm, steady_options(workers, dir / "run"));
    CHECK(result.stop_reason == "evaluations");
    CHECK(result.evaluations == 60);
    CHECK(result.generations == 60);  // a steady-state generation is one told trial
    const auto trials = logged_trials(dir / "run");
    REQUIRE(trials.size() == 60);
    CHECK(std::set<std::int64_t>(trials.begin(), trials.end()).size() == 60);
    CHECK(*std::max_element(trials.begin(), trials.end()) == 59);
    CHECK_FALSE(std::is_sorted(trials.begin(), trials.end()));  // arrival order, not trial order
    for (const auto& [trial, times] : workers.submitted()) CHECK(times == 1);
    CHECK(algorithm->pending() == 0);
    CHECK(result.front_f.rows() > 0);
    CHECK(std::filesystem::exists(dir / "run" / "summary.json"));
  }
}

TEST_CASE("steady state: the same arrival order gives the same run, byte for byte") {
  test::TempDir dir("steady");
  ToyProblem problem;
  for (const std::string name : {"smsemoa", "moead"}) {
    INFO(name);
    SimulatedWorkers a(3, false), b(3, false);
    auto first = algorithm_named(name), second = algorithm_named(name);
    run(problem, *first, steady_options(a, dir / (name + "-a")));
    run(problem, *second, steady_options(b, dir / (name + "-b")));
    for (const char* file : {"trials.jsonl", "front.txt", "front.json"}) {
      INFO(file);
      CHECK(read_text_file(dir / (name + "-a") / file) == read_text_file(dir / (name + "-b") / file));
    }
  }
}

TEST_CASE("steady state: a crash after a checkpoint, resumed, replays the log and ends as uninterrupted") {
  for (const std::string name : {"smsemoa", "moead", "random"}) {
    INFO(name);
    test::TempDir dir("steady");
    ToyProblem problem(5, true);
    SimulatedWorkers whole_workers(4, false);
    auto whole = algorithm_named(name);
    const RunResult reference = run(problem, *whole, steady_options(whole_workers, dir / "whole"));

    // Crashes after its 26th tell: checkpoints at 7, 14, 21; 5 lines after the last.
    const auto killed = dir / "killed";
    {
      SimulatedWorkers workers(4, false);
      auto algorithm = algorithm_named(name);
      RunOptions options = steady_options(workers, killed);
      options.callbacks.push_back([](const GenerationReport& report) -> bool {
        if (report.evaluations == 26) throw Crash{};
        return true;
      });
      CHECK_THROWS_AS(run(problem, *algorithm, options), Crash);
    }
    const nlohmann::json checkpoint = read_json_file(killed / "checkpoint.json");
    CHECK(checkpoint["evaluations"] == 21);
    CHECK(checkpoint["steady_state"]["in_flight"].size() == 5);  // 4 workers + 1 ahead
    CHECK(count_jsonl_lines(killed / "trials.jsonl") == 26);
    // A torn last line, as a kill in the middle of a write leaves.
    {
      std::ofstream torn(killed / "trials.jsonl", std::ios::app);
      torn << "{\"trial\":3";
    }
    SimulatedWorkers workers(4, false);
    auto algorithm = algorithm_named(name);
    RunOptions options = steady_options(workers, killed);
    options.resume = true;
    const RunResult resumed = run(problem, *algorithm, options);
    CHECK(resumed.resumed);
    CHECK(resumed.evaluations == 60);
    CHECK((resumed.population_x.array() == reference.population_x.array()).all());
    for (const char* file : {"trials.jsonl", "front.txt", "front.json"}) {
      INFO(file);
      CHECK(read_text_file(killed / file) == read_text_file(dir / "whole" / file));
    }
    // No logged trial ran again: only the 5 in flight at the crash (and
    // those asked by the replay, never logged) were submitted.
    const auto logged = read_trials(killed / "trials.jsonl").trial;
    for (std::size_t i = 0; i < 26; ++i) CHECK(workers.submitted().count(logged[i]) == 0);
  }
}

TEST_CASE("steady state: a log that does not continue the checkpoint is an input error") {
  test::TempDir dir("steady");
  ToyProblem problem;
  const auto out = dir / "run";
  {
    SimulatedWorkers workers(2, false);
    auto algorithm = algorithm_named("smsemoa");
    RunOptions options = steady_options(workers, out);
    options.callbacks.push_back([](const GenerationReport& report) -> bool {
      if (report.evaluations == 10) throw Crash{};
      return true;
    });
    CHECK_THROWS_AS(run(problem, *algorithm, options), Crash);
  }
  // Lines 8-10 follow the checkpoint at 7; swap the x of line 9 for another.
  const std::string text = read_text_file(out / "trials.jsonl");
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < text.size();) {
    const auto end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  REQUIRE(lines.size() == 10);
  const auto x_at = lines[8].find("\"x\":[") + 5;
  lines[8][x_at] = lines[8][x_at] == '0' ? '1' : '0';
  std::string changed;
  for (const auto& line : lines) changed += line + "\n";
  write_file_atomically(out / "trials.jsonl", changed);
  SimulatedWorkers workers(2, false);
  auto algorithm = algorithm_named("smsemoa");
  RunOptions options = steady_options(workers, out);
  options.resume = true;
  CHECK_THROWS_AS(run(problem, *algorithm, options), InputError);
  // A steady-state checkpoint resumed with whole batches.
  SimulatedWorkers one(1, false);
  options.evaluator = &one;
  CHECK_THROWS_WITH(run(problem, *algorithm, options), Catch::Contains("steady-state driver"));
}

TEST_CASE("steady state: utilization of 4 workers on trials whose durations vary 10x") {
  ToyProblem problem;
  for (const std::string name : {"smsemoa", "moead", "random"}) {
    INFO(name);
    SimulatedWorkers steady(4, true), batched(4, true);
    auto a = algorithm_named(name), b = algorithm_named(name);
    RunOptions options;
    options.max_evaluations = 400;
    options.progress = false;
    options.evaluator = &steady;
    run(problem, *a, options);
    options.evaluator = &batched;
    options.steady_state = false;
    run(problem, *b, options);
    INFO("steady " << steady.utilization() << ", whole batches " << batched.utilization());
    CHECK(steady.utilization() >= 0.9);
    CHECK(steady.utilization() > batched.utilization());
  }
}

TEST_CASE("checkpoints by evaluations and by seconds, resumed to the same result") {
  test::TempDir dir("steady");
  ToyProblem problem;
  auto options_for = [&](const std::filesystem::path& out) {
    RunOptions options;
    options.seed = 4;
    options.threads = 1;
    options.max_generations = 20;
    options.output_directory = out;
    options.checkpoint_every = 0;
    options.checkpoint_every_evaluations = 10;  // batches of 4: at 12, 24, 36, ...
    options.checkpoint_min_seconds = 0;         // every due checkpoint, not one a second
    options.progress = false;
    return options;
  };
  test::ToyAlgorithm whole(4);
  run(problem, whole, options_for(dir / "whole"));
  const auto killed = dir / "killed";
  {
    test::ToyAlgorithm algorithm(4);
    RunOptions options = options_for(killed);
    options.callbacks.push_back([](const GenerationReport& report) -> bool {
      if (report.generation == 8) throw Crash{};
      return true;
    });
    CHECK_THROWS_AS(run(problem, algorithm, options), Crash);
  }
  CHECK(read_json_file(killed / "checkpoint.json")["evaluations"] == 24);
  test::ToyAlgorithm algorithm(4);
  RunOptions options = options_for(killed);
  options.resume = true;
  const RunResult resumed = run(problem, algorithm, options);
  CHECK(resumed.resumed_generation == 6);
  for (const char* file : {"trials.jsonl", "front.txt", "front.json"}) {
    INFO(file);
    CHECK(read_text_file(killed / file) == read_text_file(dir / "whole" / file));
  }

  // By seconds: with a bound every generation has passed, a checkpoint each.
  const auto timed = dir / "timed";
  test::ToyAlgorithm timed_algorithm(4);
  RunOptions timed_options = options_for(timed);
  timed_options.checkpoint_every_evaluations = 0;
  timed_options.checkpoint_every_seconds = 1e-9;
  timed_options.callbacks.push_back([](const GenerationReport& report) -> bool {
    if (report.generation == 8) throw Crash{};
    return true;
  });
  CHECK_THROWS_AS(run(problem, timed_algorithm, timed_options), Crash);
  CHECK(read_json_file(timed / "checkpoint.json")["generation"] == 7);

  RunOptions bad = options_for(dir / "bad");
  bad.checkpoint_every_evaluations = -1;
  CHECK_THROWS_AS(run(problem, algorithm, bad), UsageError);
}
