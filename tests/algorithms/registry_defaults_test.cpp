// The catalog's documented defaults are the Options{} the code uses: every
// non-null default equals the value the default-built algorithm reports, and
// passing the whole catalog back as parameters changes nothing.
#include <catch2/catch.hpp>

#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/error.hpp"

using namespace paretokit;

TEST_CASE("registry: catalog defaults are the algorithms' own Options defaults") {
  for (const auto& info : algorithm_catalog()) {
    INFO(info.name);
    const auto algorithm = make_algorithm(info.name);
    const nlohmann::json options = algorithm->options();
    nlohmann::json all_defaults = nlohmann::json::object();
    for (const auto& parameter : info.parameters) {
      INFO(parameter.name);
      all_defaults[parameter.name] = parameter.default_value;  // null reads as "the default"
      if (parameter.default_value.is_null()) {
        CHECK((!options.contains(parameter.name) || options[parameter.name].is_null()));
      } else if (options.contains(parameter.name)) {
        CHECK(options[parameter.name] == parameter.default_value);
      }
    }
    CHECK(make_algorithm(info.name, all_defaults)->options() == options);
  }
}

TEST_CASE("registry: prob_m's default is min(0.5, 1/n_var), null in the catalog, and null reads as it") {
  for (const auto& info : algorithm_catalog())
    for (const auto& parameter : info.parameters)
      if (parameter.name == "prob_m") {
        CHECK(parameter.default_value.is_null());
        CHECK(parameter.description.find("min(0.5, 1/n_var)") != std::string::npos);
      }
  CHECK(make_algorithm("nsga2", {{"prob_m", nullptr}})->options() == make_algorithm("nsga2")->options());
}

TEST_CASE("registry: algorithm names are case-insensitive, as problem names are") {
  CHECK(make_algorithm("NSGA2")->name() == "nsga2");
  CHECK(make_algorithm("SmsEmoa")->name() == "smsemoa");
  CHECK_THROWS_AS(make_algorithm("nsga4"), InputError);
}
