// Scenario files: the shipped ones load; bad ones are rejected naming the
// file, the JSON path of the field and why.
#include <catch2/catch.hpp>

#include <fstream>

#include "offloading/scenario.hpp"
#include "paretokit/core/error.hpp"
#include "test_scenarios.hpp"

using namespace offloading_test;

TEST_CASE("the shipped scenarios load, with their sizes", "[offloading]") {
  const Scenario base = read_scenario(data_path("mec-10u-1e.json"));
  CHECK(base.users == 10);
  CHECK(base.edges.size() == 1);
  CHECK(base.radio.rate_formula == RateFormula::shannon);
  CHECK(base.size_mean_bits == 6e6);
  CHECK(read_scenario(data_path("mec-50u-5e.json")).edges.size() == 5);
  const Scenario big = read_scenario(data_path("mec-200u-10e.json"));
  CHECK(big.users == 200);
  CHECK(big.edges.size() == 10);
  CHECK(read_scenario(data_path("mec-10u-1e-original-rate.json")).radio.rate_formula ==
        RateFormula::original);
  CHECK(read_scenario(data_path("mec-tiny.json")).users == 3);
  // to_json round-trips.
  const Scenario again = scenario_from_json(to_json(big), "x");
  CHECK(to_json(again) == to_json(big));
}

namespace {

std::string error_of(const std::function<void(nlohmann::json&)>& edit) {
  std::ifstream in(data_path("mec-10u-1e.json"));
  nlohmann::json document = nlohmann::json::parse(in);
  edit(document);
  try {
    scenario_from_json(document, "s.json");
  } catch (const paretokit::InputError& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("bad scenarios name the file, the field and the reason", "[offloading]") {
  using Catch::Contains;
  CHECK_THAT(error_of([](auto& j) { j["radio"]["edge"].erase("bandwidth_hz"); }),
             Contains("s.json") && Contains("radio.edge.bandwidth_hz") && Contains("missing"));
  CHECK_THAT(error_of([](auto& j) { j["radio"]["edge"]["bandwidth_hz"] = -1; }),
             Contains("radio.edge.bandwidth_hz") && Contains("> 0"));
  CHECK_THAT(error_of([](auto& j) { j["edges"][0]["cpu_hz"] = "fast"; }),
             Contains("edges[0].cpu_hz") && Contains("number"));
  CHECK_THAT(error_of([](auto& j) { j["users"]["cuont"] = 3; }),
             Contains("users.cuont") && Contains("unknown"));
  CHECK_THAT(error_of([](auto& j) { j["users"]["count"] = 2.5; }),
             Contains("users.count") && Contains("integer"));
  CHECK_THAT(error_of([](auto& j) { j["radio"]["rate_formula"] = "fast"; }),
             Contains("radio.rate_formula") && Contains("shannon"));
  CHECK_THAT(error_of([](auto& j) {
               j["radio"]["cloud"]["distance_m"] = {2000, 1000};
             }),
             Contains("radio.cloud.distance_m"));
  CHECK_THAT(error_of([](auto& j) { j["tasks"]["size_max_bits"] = 1; }), Contains("tasks.size_max_bits"));
  CHECK_THAT(error_of([](auto& j) { j["edges"] = nlohmann::json::array(); }), Contains("edges"));
  CHECK_THAT(error_of([](auto& j) { j = 3; }), Contains("object"));
  CHECK_THROWS_AS(read_scenario("/nonexistent/s.json"), paretokit::InputError);
}
