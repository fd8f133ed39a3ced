#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <string>

#include "paretokit/bench/suite.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/json_params.hpp"
#include "paretokit/core/problem_registry.hpp"
#include "paretokit/problems/registry.hpp"
#include "toy.hpp"

using namespace paretokit::bench;

namespace {

const std::string suites = std::string(PARETOKIT_SOURCE_DIR) + "/benchmarks_suite/suites/";

// The error of parsing `document`, as "field: reason".
std::string error_of(const nlohmann::json& document) {
  try {
    parse_suite(document, "s.json", toy::problem_factory());
  } catch (const paretokit::InputError& error) {
    return error.where().field + ": " + error.reason();
  }
  return "no error";
}

nlohmann::json valid() {
  return {{"name", "t"},
          {"benchmark_id", "B"},
          {"tasks", {{{"task_id", "a/b"}, {"problem", "toy"}, {"n_trials", 10}}}}};
}

}  // namespace

TEST_CASE("suites: carps-mo has carps' task ids sizes and budgets ceil 20 + 40 sqrt d") {
  paretokit::problems::register_builtin_problems();  // as the command line does
  const Suite suite = read_suite(suites + "carps-mo.json");
  CHECK(suite.name == "carps-mo");
  CHECK(suite.benchmark_id == "Pymoo");
  CHECK(suite.tasks.size() == 29);
  for (const auto& task : suite.tasks) {
    INFO(task.task_id);
    CHECK(task.n_trials ==
          static_cast<paretokit::Index>(std::ceil(20.0 + 40.0 * std::sqrt(double(task.n_var)))));
  }
  const Task* zdt1 = find_task(suite, "Pymoo/MO/unconstraint/zdt1");
  REQUIRE(zdt1 != nullptr);
  CHECK(zdt1->n_var == 30);
  CHECK(zdt1->n_trials == 240);
  const Task* dtlz2 = find_task(suite, "Pymoo/ManyO/unconstraint/dtlz2");
  REQUIRE(dtlz2 != nullptr);
  CHECK(dtlz2->n_obj == 3);
  CHECK(dtlz2->n_trials == 147);
  const Task* wfg9 = find_task(suite, "Pymoo/ManyO/unconstraint/wfg9_10_5");
  REQUIRE(wfg9 != nullptr);
  CHECK(wfg9->n_obj == 5);
  CHECK(wfg9->n_trials == 147);
  CHECK(find_task(suite, "Pymoo/ManyO/unconstraint/dtlz1")->n_trials == 126);
}

TEST_CASE("suites: emo-long has long budgets and 5- and 8-objective DTLZ and WFG") {
  paretokit::problems::register_builtin_problems();  // as the command line does
  const Suite suite = read_suite(suites + "emo-long.json");
  CHECK(suite.tasks.size() >= 29 + 2 * 16);
  int many = 0;
  for (const auto& task : suite.tasks) {
    CHECK(task.n_trials >= 25000);
    many += task.n_obj == 8;
  }
  CHECK(many == 16);
}

TEST_CASE("suites: round trip through suite_to_json") {
  paretokit::problems::register_builtin_problems();  // as the command line does
  const Suite suite = read_suite(suites + "carps-mo.json");
  const Suite again = parse_suite(suite_to_json(suite), "again");
  REQUIRE(again.tasks.size() == suite.tasks.size());
  CHECK(again.tasks[7].task_id == suite.tasks[7].task_id);
  CHECK(again.tasks[7].params == suite.tasks[7].params);
}

TEST_CASE("suites: rejections name the field and the reason") {
  CHECK(error_of(valid()) == "no error");
  auto bad = valid();
  bad["tasks"][0]["problem"] = "nope";
  CHECK(error_of(bad) == "tasks[0].problem: unknown problem 'nope'");
  bad = valid();
  bad["tasks"][0]["n_trials"] = 0;
  CHECK(error_of(bad).rfind("tasks[0].n_trials: must lie in [1,", 0) == 0);
  bad["tasks"][0]["n_trials"] = 2.5;
  CHECK(error_of(bad).rfind("tasks[0].n_trials: expected an integer", 0) == 0);
  bad["tasks"][0]["n_trials"] = "100";
  CHECK(error_of(bad).rfind("tasks[0].n_trials: expected an integer", 0) == 0);
  bad = valid();
  bad["tasks"][0].erase("n_trials");
  CHECK(error_of(bad) == "tasks[0].n_trials: missing");
  bad = valid();
  bad["tasks"][0]["task_id"] = "../escape";
  CHECK(error_of(bad).rfind("tasks[0].task_id:", 0) == 0);
  bad = valid();
  bad["tasks"].push_back(bad["tasks"][0]);
  CHECK(error_of(bad) == "tasks[1].task_id: task id 'a/b' appears twice");
  bad = valid();
  bad["tasks"][0]["n_var"] = 3;
  CHECK(error_of(bad).rfind("tasks[0].n_var: the suite says 3 but problem 'toy'", 0) == 0);
  bad = valid();
  bad["tasks"][0]["budget"] = 3;
  CHECK(error_of(bad).rfind("tasks[0].budget: unknown field", 0) == 0);
  bad = valid();
  bad["split"] = {{"dev", {"a/b"}}, {"test", {"a/b"}}};
  CHECK(error_of(bad) == "split.test: task id 'a/b' is in both dev and test");
  bad = valid();
  bad.erase("tasks");
  CHECK(error_of(bad) == "tasks: missing");
  CHECK(error_of(nlohmann::json::array()).rfind("(top level): expected a JSON object", 0) == 0);
}

TEST_CASE("suites: a file that is not JSON names the file and line - real registry names unknown problems") {
  paretokit::problems::register_builtin_problems();  // as the command line does
  const auto path = std::filesystem::temp_directory_path() / "paretokit_bad_suite.json";
  { std::ofstream(path) << "{\n \"name\": \"x\",\n \"tasks\": [\n}\n"; }
  try {
    read_suite(path);
    FAIL("no error");
  } catch (const paretokit::InputError& error) {
    CHECK(error.where().file == path.string());
    CHECK(error.where().line == 4);
  }
  nlohmann::json document = valid();
  document["tasks"][0]["problem"] = "zdt99";
  try {
    parse_suite(document, "s.json");
    FAIL("no error");
  } catch (const paretokit::InputError& error) {
    CHECK(error.where().field == "tasks[0].problem");
    CHECK(std::string(error.what()).find("zdt99") != std::string::npos);
  }
  document["tasks"][0]["problem"] = "zdt1";
  document["tasks"][0]["params"] = {{"n_var", -3}};
  try {
    parse_suite(document, "s.json");
    FAIL("no error");
  } catch (const paretokit::InputError& error) {
    CHECK(error.where().field.rfind("tasks[0].params", 0) == 0);
  }
}

TEST_CASE("suites: every error in the file is reported, not only the first") {
  auto bad = valid();
  bad["tasks"].push_back({{"task_id", "c"}, {"problem", "nope"}, {"n_trials", 10}});
  bad["tasks"].push_back({{"task_id", "d"}, {"problem", "toy"}, {"n_trials", 0}});
  bad["tasks"][0]["n_trials"] = "ten";
  bad.erase("name");
  const std::string message = error_of(bad);
  INFO(message);
  CHECK(message.find("4 errors:") != std::string::npos);
  CHECK(message.find("\n  name: missing") != std::string::npos);
  CHECK(message.find("\n  tasks[0].n_trials: expected an integer") != std::string::npos);
  CHECK(message.find("\n  tasks[1].problem: unknown problem 'nope'") != std::string::npos);
  CHECK(message.find("\n  tasks[2].n_trials: must lie in [1,") != std::string::npos);
}

TEST_CASE("suites: a user's own problem, registered by an explicit call, is found by name") {
  paretokit::register_problem({"my_toy_problem", {"MyToy"}, "the toy problem, registered by a user", {}},
                              [](const nlohmann::json& json) -> std::unique_ptr<paretokit::Problem> {
                                const paretokit::JsonParams params(json, "my_toy_problem",
                                                                   {});  // no parameters
                                return std::make_unique<toy::Schaffer2>();
                              });
  nlohmann::json document = valid();
  document["tasks"][0]["problem"] = "MYTOY";
  const Suite suite = parse_suite(document, "s.json");
  REQUIRE(suite.tasks.size() == 1);
  CHECK(suite.tasks[0].n_obj == 2);
  document["tasks"][0]["params"] = {{"size", 3}};
  try {
    parse_suite(document, "s.json");
    FAIL("no error");
  } catch (const paretokit::InputError& error) {
    CHECK(std::string(error.what()).find("unknown parameter 'size'") != std::string::npos);
  }
}
