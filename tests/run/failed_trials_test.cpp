// Failed evaluations (core/evaluation.hpp) through the run loop: every
// registered algorithm goes on, keeps failed rows out of its front, the trial
// log marks them, and a stopped run with failures resumes exactly.
#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>

#include "io/temp_dir.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/evaluation/evaluator.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/run_folder.hpp"
#include "paretokit/problems/registry.hpp"
#include "paretokit/run/run.hpp"

using namespace paretokit;

namespace {

// The problem's own values, except that rows with x0 > threshold "crash",
// and (optionally) the whole first batch times out.
class FailingEvaluator final : public Evaluator {
 public:
  explicit FailingEvaluator(double threshold, bool fail_first_batch = false)
      : threshold_(threshold), fail_first_batch_(fail_first_batch) {}
  std::string name() const override { return "failing"; }
  void evaluate_into(const Problem& problem, const MatrixRef& X, MatrixMut F, MatrixMut G) override {
    inner_.evaluate_into(problem, X, F, G);
  }
  Evaluation evaluate_trials(const Problem& problem, const MatrixRef& X, std::int64_t first_trial) override {
    Evaluation e = evaluate(problem, X);
    for (Index i = 0; i < X.rows(); ++i) {
      if (fail_first_batch_ && first_trial == 0) {
        e.set_failed(i, TrialStatus::timeout, "first batch");
      } else if (X(i, 0) > threshold_) {
        e.set_failed(i, TrialStatus::crashed, "x0 = \"" + std::to_string(X(i, 0)) + "\" too large");
      }
    }
    return e;
  }

 private:
  SerialEvaluator inner_;
  double threshold_;
  bool fail_first_batch_;
};

nlohmann::json small_params(const std::string& name) {
  if (name == "moead") return {{"pop_size", 28}, {"n_neighbors", 8}};
  return {{"pop_size", 28}};
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("failed trials: every algorithm goes on, keeps them out of its front, and the log marks them") {
  const auto problem = make_problem("dtlz2", {{"n_obj", 3}});
  for (const auto& name : algorithm_names()) {
    for (const bool fail_first_batch : {false, true}) {
      INFO(name << (fail_first_batch ? ", first batch failed" : ""));
      test::TempDir dir("failed");
      FailingEvaluator evaluator(0.7, fail_first_batch);
      RunOptions options;
      options.seed = 5;
      options.max_generations = 12;
      options.threads = 1;
      options.evaluator = &evaluator;
      options.progress = false;
      options.output_directory = dir / "run";
      const auto algorithm = make_algorithm(name, small_params(name));
      const RunResult result = run(*problem, *algorithm, options);

      const TrialRecords trials = read_trials(dir / "run/trials.jsonl");
      REQUIRE(trials.x.rows() == result.evaluations);
      std::int64_t failed = 0;
      for (Index i = 0; i < trials.x.rows(); ++i) {
        const bool should_fail =
            (fail_first_batch && trials.generation[static_cast<std::size_t>(i)] == 1) || trials.x(i, 0) > 0.7;
        CHECK((trials.status[static_cast<std::size_t>(i)] != TrialStatus::success) == should_fail);
        if (should_fail) {
          ++failed;
          CHECK(std::isinf(trials.f(i, 0)));
        }
      }
      CHECK(failed > 0);
      CHECK(result.failed_trials == failed);
      CHECK(read_json_file(dir / "run/summary.json")["failed_trials"] == failed);
      // The front: finite, feasible, none of the failed region.
      REQUIRE(result.front_f.rows() > 0);
      CHECK(result.front_f.allFinite());
      CHECK((result.front_x.col(0).array() <= 0.7).all());
      CHECK(read_json_file(dir / "run/summary.json")["hypervolume"]["value"].get<double>() > 0);
    }
  }
}

TEST_CASE("failed trials: the log line carries status and message, read back, successes keep their bytes") {
  test::TempDir dir("failed");
  Evaluation e{Matrix::Constant(2, 2, 0.5), Matrix(2, 0)};
  e.set_failed(1, TrialStatus::memory_out, "say \"no\"");
  {
    TrialLog log(dir / "trials.jsonl", true);
    log.append(0, 1, Matrix::Constant(2, 1, 0.25), e);
  }
  CHECK(slurp(dir / "trials.jsonl") ==
        "{\"trial\":0,\"generation\":1,\"x\":[0.25],\"f\":[0.5,0.5]}\n"
        "{\"trial\":1,\"generation\":1,\"x\":[0.25],\"f\":[\"inf\",\"inf\"],\"status\":\"memory_out\","
        "\"message\":\"say \\\"no\\\"\"}\n");
  const TrialRecords records = read_trials(dir / "trials.jsonl");
  CHECK(records.status == std::vector<TrialStatus>{TrialStatus::success, TrialStatus::memory_out});
  CHECK(records.message[1] == "say \"no\"");
}

TEST_CASE("failed trials: a run with failures stopped and resumed ends as the uninterrupted one") {
  const auto problem = make_problem("dtlz2", {{"n_obj", 2}});
  for (const std::string name : {"nsga2", "moead"}) {
    INFO(name);
    test::TempDir dir("failed");
    auto options_for = [&](const std::filesystem::path& out, FailingEvaluator& evaluator) {
      RunOptions options;
      options.seed = 8;
      options.max_generations = 10;
      options.evaluator = &evaluator;
      options.progress = false;
      options.checkpoint_every = 3;
      options.checkpoint_min_seconds = 0;
      options.output_directory = out;
      return options;
    };
    FailingEvaluator whole_evaluator(0.6);
    const auto whole_algorithm = make_algorithm(name, small_params(name));
    const RunResult whole = run(*problem, *whole_algorithm, options_for(dir / "whole", whole_evaluator));

    FailingEvaluator evaluator(0.6);
    std::atomic<bool> stop{false};
    RunOptions options = options_for(dir / "stopped", evaluator);
    options.stop_request = &stop;
    options.callbacks.push_back([&](const GenerationReport& report) {
      if (report.generation == 5) stop = true;
      return true;
    });
    const auto stopped_algorithm = make_algorithm(name, small_params(name));
    REQUIRE(run(*problem, *stopped_algorithm, options).stop_reason == "interrupted");
    options = options_for(dir / "stopped", evaluator);
    options.resume = true;
    const auto resumed_algorithm = make_algorithm(name, small_params(name));
    const RunResult resumed = run(*problem, *resumed_algorithm, options);
    CHECK(resumed.failed_trials == whole.failed_trials);
    CHECK(slurp(dir / "stopped/trials.jsonl") == slurp(dir / "whole/trials.jsonl"));
    CHECK(slurp(dir / "stopped/front.json") == slurp(dir / "whole/front.json"));
  }
}
