// The run loop with the registered algorithms and problems: thread-count
// independence and exact resume for each of them.
#include <catch2/catch.hpp>

#include "io/temp_dir.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/indicators/distance_indicators.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/problems/registry.hpp"
#include "paretokit/run/run.hpp"

using namespace paretokit;

namespace {
struct Crash {};

nlohmann::json small_params(const std::string& name) {
  if (name == "moead") return {{"pop_size", 28}, {"n_neighbors", 8}};
  return {{"pop_size", 28}};
}
}  // namespace

TEST_CASE("run with registered algorithms: 1 and 2 threads agree, kill + resume is exact") {
  const auto problem = make_problem("dtlz2", {{"n_obj", 3}});
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
      options.output_directory = dir / (threads == 1 ? "t1" : "t2");
      results.push_back(run(*problem, *algorithm, options));
    }
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
