// save_state()/load_state() round trips: k generations, save (through JSON
// text), load into a fresh instance set up with another seed, continue, and
// compare bit for bit with an uninterrupted run. Also: the same seed gives
// the same result with 1 and 2 threads.
#include <catch2/catch.hpp>

#include <tbb/global_control.h>

#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/problems/registry.hpp"
#include "test_support.hpp"

using namespace paretokit;
using paretokit::testing::drive;

namespace {

struct Case {
  std::string algorithm;
  nlohmann::json params;
};

std::vector<Case> small_cases() {
  return {{"nsga2", {{"pop_size", 20}}},
          {"nsga3", {{"n_partitions", 4}}},
          {"moead", {{"n_partitions", 5}, {"n_neighbors", 5}, {"mode", "classic"}, {"n_replace", 2}}},
          {"moead", {{"n_partitions", 5}, {"n_neighbors", 5}, {"mode", "tensor"}}},
          {"hype", {{"pop_size", 12}}},
          {"hype", {{"pop_size", 12}, {"exact_max_objectives", 0}, {"n_samples", 500}, {"one_shot", true}}},
          {"smsemoa", {{"pop_size", 12}, {"n_offsprings", 3}}},
          {"random", {{"pop_size", 10}, {"sampling", "sobol"}}}};
}

}  // namespace

TEST_CASE("checkpoint: a resumed run continues bit for bit as the uninterrupted one") {
  for (const std::string problem_name : {"dtlz2", "c2dtlz2"}) {
    auto problem = make_problem(problem_name, {{"n_obj", 3}});
    for (const auto& c : small_cases()) {
      INFO(c.algorithm << " " << c.params.dump() << " on " << problem_name);
      auto straight = make_algorithm(c.algorithm, c.params);
      straight->setup(*problem, 11);
      drive(*straight, *problem, 12);

      auto first = make_algorithm(c.algorithm, c.params);
      first->setup(*problem, 11);
      drive(*first, *problem, 5);
      const std::string saved = first->save_state().dump();

      auto resumed = make_algorithm(c.algorithm, c.params);
      resumed->setup(*problem, 999);
      resumed->load_state(nlohmann::json::parse(saved));
      drive(*resumed, *problem, 7);

      REQUIRE(resumed->population_x().rows() == straight->population_x().rows());
      CHECK(resumed->population_x() == straight->population_x());
      CHECK(resumed->population_f() == straight->population_f());
      CHECK(resumed->population_g() == straight->population_g());
      CHECK(resumed->save_state() == straight->save_state());
    }
  }
}

TEST_CASE("checkpoint: a state for another algorithm or problem shape is rejected") {
  auto problem = make_problem("dtlz2", {{"n_obj", 3}});
  auto other = make_problem("dtlz2", {{"n_obj", 4}});
  auto a = make_algorithm("nsga2", {{"pop_size", 10}});
  a->setup(*problem, 1);
  drive(*a, *problem, 2);
  const auto state = a->save_state();
  auto b = make_algorithm("nsga3", {{"n_partitions", 3}});
  b->setup(*problem, 1);
  CHECK_THROWS_AS(b->load_state(state), InputError);
  auto c = make_algorithm("nsga2", {{"pop_size", 10}});
  c->setup(*other, 1);
  CHECK_THROWS_AS(c->load_state(state), InputError);
  auto d = make_algorithm("nsga2", {{"pop_size", 10}});
  d->setup(*problem, 1);
  auto broken = state;
  broken.erase("rng");
  CHECK_THROWS_WITH(d->load_state(broken), Catch::Contains("rng"));
}

TEST_CASE("checkpoint: the same seed gives the same result with 1 and 2 threads") {
  auto problem = make_problem("dtlz2", {{"n_obj", 4}});
  for (const auto& c :
       std::vector<Case>{{"nsga3", {{"n_partitions", 6}}},
                         {"moead", {{"n_partitions", 6}, {"mode", "tensor"}}},
                         {"hype", {{"pop_size", 30}, {"exact_max_objectives", 3}, {"n_samples", 3000}}}}) {
    INFO(c.algorithm);
    Matrix result[2];
    for (int threads = 1; threads <= 2; ++threads) {
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                                static_cast<std::size_t>(threads));
      auto a = make_algorithm(c.algorithm, c.params);
      a->setup(*problem, 5);
      drive(*a, *problem, 6);
      result[threads - 1] = a->population_f();
    }
    CHECK(result[0] == result[1]);
  }
}

TEST_CASE("registry: every algorithm is listed with its parameters, unknown ones are rejected") {
  const auto names = algorithm_names();
  CHECK(names == std::vector<std::string>{"nsga2", "nsga3", "moead", "hype", "smsemoa", "random"});
  for (const auto& info : algorithm_catalog()) {
    INFO(info.name);
    CHECK(!info.parameters.empty());
    auto algorithm = make_algorithm(info.name);
    CHECK(algorithm->name() == info.name);
    // Every option the algorithm reports is a catalogued parameter, and the
    // reported options rebuild it.
    const nlohmann::json options = algorithm->options();
    for (auto it = options.begin(); it != options.end(); ++it) {
      const std::string key = it.key();
      const bool listed = std::any_of(info.parameters.begin(), info.parameters.end(),
                                      [&](const AlgorithmParameter& p) { return p.name == key; });
      CHECK(listed);
    }
    CHECK(make_algorithm(info.name, algorithm->options())->options() == algorithm->options());
    CHECK_THROWS_WITH(make_algorithm(info.name, {{"no_such_parameter", 1}}), Catch::Contains("pop_size"));
  }
  CHECK_THROWS_WITH(make_algorithm("moead", {{"decomposition", "weighted"}}), Catch::Contains("tchebycheff"));
  CHECK_THROWS_WITH(make_algorithm("moead", {{"mode", "fast"}}), Catch::Contains("tensor"));
  CHECK_THROWS_WITH(make_algorithm("nsga3", {{"n_partitions", "many"}}), Catch::Contains("n_partitions"));
  CHECK_THROWS_AS(make_algorithm("nsga2", nlohmann::json::array()), InputError);
}
