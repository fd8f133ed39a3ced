// carps' trial-log lines (lib/src/bench/carps_log.hpp): the exact text of a
// line, every field as carps.loggers.file_logger reads it back, round-trip
// numbers and escaped messages.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

#include "bench/carps_log.hpp"

using namespace paretokit;
using namespace paretokit::bench::detail;

namespace {

nlohmann::json parsed(const TrialLine& line) {
  std::string text;
  append_trial_line(text, line);
  REQUIRE(!text.empty());
  REQUIRE(text.back() == '\n');
  REQUIRE(text.find('\n') == text.size() - 1);  // one line
  return nlohmann::json::parse(text);
}

}  // namespace

TEST_CASE("carps log: the exact text of a successful constrained trial") {
  const RowVector x = (RowVector(2) << 0.5, -3).finished();
  const RowVector f = (RowVector(2) << 2, 0.25).finished();
  const RowVector g = (RowVector(1) << -1.5).finished();
  TrialLine line{7, 3, &x, &f, &g, 0.125, 1700000000.5, 1700000001.0, TrialStatus::success, ""};
  std::string text;
  append_trial_line(text, line);
  CHECK(text ==
        "{\"n_trials\":7,\"n_function_calls\":7,\"trial_info\":{\"config\":[0.5,-3],\"instance\":null,"
        "\"seed\":3,\"budget\":null,\"normalized_budget\":null,\"name\":null,\"checkpoint\":null},"
        "\"trial_value\":{\"cost\":[2,0.25],\"time\":0.125,\"virtual_time\":0.0,\"status\":1,"
        "\"starttime\":1700000000.5,\"endtime\":1700000001,\"additional_info\":{\"constraints\":[-1.5]}}}\n");
  // Appends: a second line follows the first.
  append_trial_line(text, line);
  CHECK(text.size() == 2 * text.find('\n') + 2);
}

TEST_CASE("carps log: every field parses back, numbers to the last bit") {
  const RowVector x = (RowVector(3) << 0.1 + 0.2, 1.0 / 3.0, -1e-300).finished();
  const RowVector f = (RowVector(2) << std::nextafter(1.0, 2.0), 12345678.9).finished();
  const RowVector no_constraints(0);
  TrialLine line{42,   18446744073709551615ull, &x, &f, &no_constraints, 2.5e-7, 1.5,
                 2.25, TrialStatus::success,    ""};
  const nlohmann::json j = parsed(line);
  CHECK(j["n_trials"] == 42);
  CHECK(j["n_function_calls"] == 42);
  CHECK(j["trial_info"]["seed"].get<std::uint64_t>() == 18446744073709551615ull);
  for (const char* key : {"instance", "budget", "normalized_budget", "name", "checkpoint"}) {
    CHECK(j["trial_info"][key].is_null());
  }
  for (Index i = 0; i < x.size(); ++i) CHECK(j["trial_info"]["config"][i].get<double>() == x[i]);
  for (Index i = 0; i < f.size(); ++i) CHECK(j["trial_value"]["cost"][i].get<double>() == f[i]);
  CHECK(j["trial_value"]["time"].get<double>() == 2.5e-7);
  CHECK(j["trial_value"]["virtual_time"].get<double>() == 0.0);
  CHECK(j["trial_value"]["starttime"].get<double>() == 1.5);
  CHECK(j["trial_value"]["endtime"].get<double>() == 2.25);
  CHECK(j["trial_value"]["status"] == 1);
  // No constraints and no error: an empty additional_info.
  CHECK(j["trial_value"]["additional_info"] == nlohmann::json::object());
}

TEST_CASE("carps log: a crash has a null cost, its status code and the escaped message") {
  const std::string message = "bad \"x\"\\ at\tline 1\nthen \x01 and \x1f, ünïcode";
  TrialLine crash{5, 1, nullptr, nullptr, nullptr, 0.0, 10.0, 10.0, TrialStatus::crashed, message};
  const nlohmann::json j = parsed(crash);
  CHECK(j["trial_info"]["config"] == nlohmann::json::array());  // no config: []
  CHECK(j["trial_value"]["cost"].is_null());
  CHECK(j["trial_value"]["status"] == 2);
  CHECK(j["trial_value"]["additional_info"]["error"] == message);
  CHECK_FALSE(j["trial_value"]["additional_info"].contains("constraints"));

  // Constraints and an error together, and the other statuses' codes.
  const RowVector x = (RowVector(1) << 1).finished();
  const RowVector g = (RowVector(2) << 0.5, -0.5).finished();
  for (const auto& [status, code] :
       {std::pair{TrialStatus::timeout, 3}, std::pair{TrialStatus::memory_out, 4}}) {
    TrialLine line{1, 1, &x, nullptr, &g, 0.0, 0.0, 0.0, status, "limit"};
    const nlohmann::json k = parsed(line);
    CHECK(k["trial_value"]["status"] == code);
    CHECK(k["trial_value"]["additional_info"]["constraints"] == nlohmann::json({0.5, -0.5}));
    CHECK(k["trial_value"]["additional_info"]["error"] == "limit");
  }
}

TEST_CASE("carps log: JSON string literals escape quotes, backslashes and control characters") {
  std::string out;
  append_json_string(out, std::string("a\"b\\c\n\r\t") + '\0' + "\x7f");
  CHECK(out == "\"a\\\"b\\\\c\\n\\r\\t\\u0000\x7f\"");
  CHECK(nlohmann::json::parse(out).get<std::string>() == std::string("a\"b\\c\n\r\t") + '\0' + "\x7f");
}
