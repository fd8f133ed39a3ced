// The registry: names, parameters and errors.
#include <catch2/catch.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/problems/registry.hpp"

using paretokit::make_problem;

namespace {
std::string error_of(const std::string& name, const nlohmann::json& params) {
  try {
    make_problem(name, params);
  } catch (const paretokit::InputError& error) {
    return error.what();
  }
  return "";
}
}  // namespace

TEST_CASE("registry: every catalog entry builds with its defaults and recreates itself") {
  const auto& catalog = paretokit::problems::problem_catalog();
  REQUIRE(catalog.size() >= 14);
  for (const auto& info : catalog) {
    INFO(info.name);
    const auto problem = make_problem(info.name);
    CHECK(problem->name() == info.name);
    CHECK(problem->n_var() == problem->lower_bounds().size());
    CHECK(problem->n_var() == problem->upper_bounds().size());
    CHECK((problem->lower_bounds().array() < problem->upper_bounds().array()).all());
    const auto again = make_problem(info.name, problem->params());
    CHECK(again->n_var() == problem->n_var());
    CHECK(again->n_obj() == problem->n_obj());
    for (const auto& parameter : info.parameters) {
      if (problem->params().contains(parameter.name))
        CHECK(problem->params()[parameter.name] == parameter.default_value);
    }
  }
}

TEST_CASE("registry: names are case-insensitive and aliases work") {
  CHECK(make_problem("DTLZ2")->name() == "dtlz2");
  CHECK(make_problem("ZDT1", nullptr)->name() == "zdt1");
}

TEST_CASE("registry: unknown names and bad parameters give clear errors") {
  CHECK_THAT(error_of("dtlz99", {}), Catch::Contains("unknown problem 'dtlz99'") &&
                                         Catch::Contains("dtlz2") && Catch::Contains("zdt1"));
  CHECK_THAT(error_of("dtlz2", {{"n_objs", 3}}),
             Catch::Contains("unknown parameter 'n_objs'") && Catch::Contains("n_obj"));
  CHECK_THAT(error_of("dtlz2", {{"n_obj", "three"}}), Catch::Contains("expected an integer"));
  CHECK_THAT(error_of("dtlz2", {{"n_obj", 2.5}}), Catch::Contains("expected an integer"));
  CHECK_THAT(error_of("zdt1", {{"n_var", 1}}), Catch::Contains("at least 2"));
  CHECK_THAT(error_of("zdt1", nlohmann::json::array({1, 2})), Catch::Contains("JSON object"));
  CHECK(make_problem("dtlz2", {{"n_obj", 4.0}})->n_obj() == 4);
}

TEST_CASE("registry: evaluating with the wrong number of variables is an input error") {
  const auto problem = make_problem("dtlz2");
  CHECK_THROWS_AS(problem->evaluate(paretokit::Matrix::Zero(2, 3)), paretokit::InputError);
}
