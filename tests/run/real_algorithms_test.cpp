// The run loop with the registered algorithms and problems: thread-count
// independence and exact resume for each of them.
#include <catch2/catch.hpp>

#include "io/temp_dir.hpp"
#include <atomic>

#include "paretokit/algorithms/registry.hpp"
#include "paretokit/evaluation/evaluator.hpp"
#include "paretokit/indicators/distance_indicators.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/problems/registry.hpp"
#include "paretokit/run/run.hpp"

using namespace paretokit;

namespace {
struct Crash {};

// The problem it wraps, counting the calls of evaluate_into: more calls
// than batches means that the evaluator split batches into blocks.
class CountedProblem final : public Problem {
 public:
  explicit CountedProblem(std::unique_ptr<Problem> inner) : inner_(std::move(inner)) {}
  std::string name() const override { return inner_->name(); }
  Index n_var() const override { return inner_->n_var(); }
  Index n_obj() const override { return inner_->n_obj(); }
  Index n_constr() const override { return inner_->n_constr(); }
  Vector lower_bounds() const override { return inner_->lower_bounds(); }
  Vector upper_bounds() const override { return inner_->upper_bounds(); }
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const override {
    ++calls;
    inner_->evaluate_into(X, F, G);
  }
  nlohmann::json params() const override { return inner_->params(); }
  std::optional<Matrix> pareto_front(Index n) const override { return inner_->pareto_front(n); }
  std::optional<Vector> ideal_point() const override { return inner_->ideal_point(); }
  std::optional<Vector> nadir_point() const override { return inner_->nadir_point(); }

  mutable std::atomic<std::int64_t> calls{0};

 private:
  std::unique_ptr<Problem> inner_;
};

nlohmann::json small_params(const std::string& name) {
  if (name == "moead") return {{"pop_size", 28}, {"n_neighbors", 8}};
  return {{"pop_size", 28}};
}
}  // namespace

TEST_CASE("run with registered algorithms: 1 and 2 threads agree, kill + resume is exact") {
  const auto problem = std::make_unique<CountedProblem>(make_problem("dtlz2", {{"n_obj", 3}}));
  // Blocks of 8 rows, never serial by cost: the 28-row batches are split
  // over both threads (the default blocks, 64 rows, would never split them).
  ThreadEvaluator split({.threads = 0, .min_block_rows = 8, .serial_below_seconds = 0});
  for (const auto& name : algorithm_names()) {
    INFO(name);
    test::TempDir dir("real");
    RunOptions options;
    options.seed = 21;
    options.max_generations = 12;
    options.checkpoint_every = 5;
    options.checkpoint_min_seconds = 0;
    std::vector<RunResult> results;
    for (int threads : {1, 2}) {
      auto algorithm = make_algorithm(name, small_params(name));
      options.threads = threads;
      options.evaluator = threads == 1 ? nullptr : &split;
      options.output_directory = dir / (threads == 1 ? "t1" : "t2");
      problem->calls = 0;
      results.push_back(run(*problem, *algorithm, options));
    }
    options.evaluator = nullptr;
    // Batches of more than one block (SMS-EMOA asks one row at a time) were split.
    if (results[1].evaluations > 8 * results[1].generations) CHECK(problem->calls > results[1].generations);
    CHECK((results[0].population_x.array() == results[1].population_x.array()).all());
    CHECK((results[0].front_f.array() == results[1].front_f.array()).all());
    CHECK(read_text_file(dir / "t1" / "trials.jsonl") == read_text_file(dir / "t2" / "trials.jsonl"));
    // summary.json's IGD (its own loop) is igd()'s value to the last bit.
    CHECK(read_json_file(dir / "t1" / "summary.json")["igd"]["value"].get<double>() ==
          igd(results[0].front_f, *problem->pareto_front(10000)));

    auto crashing = make_algorithm(name, small_params(name));
    options.output_directory = dir / "killed";
    options.callbacks = {[](const GenerationReport& report) -> bool {
      if (report.generation == 8) throw Crash{};
      return true;
    }};
    CHECK_THROWS_AS(run(*problem, *crashing, options), Crash);
    auto resumed_algorithm = make_algorithm(name, small_params(name));
    options.callbacks.clear();
    options.resume = true;
    const auto resumed = run(*problem, *resumed_algorithm, options);
    options.resume = false;
    CHECK(resumed.resumed_generation == 5);
    CHECK((resumed.population_x.array() == results[0].population_x.array()).all());
    CHECK(read_text_file(dir / "killed" / "trials.jsonl") == read_text_file(dir / "t1" / "trials.jsonl"));
    CHECK(read_text_file(dir / "killed" / "front.txt") == read_text_file(dir / "t1" / "front.txt"));
  }
}
