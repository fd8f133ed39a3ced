// The one parameter reader of the registries (core/json_params.hpp).
#include <catch2/catch.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/core/json_params.hpp"

using paretokit::InputError;
using paretokit::JsonParams;

namespace {

// "field | message" of the error reading `json`, or "no error".
template <class Read>
std::string error_of(const nlohmann::json& json, Read read) {
  try {
    const JsonParams params(json, "thing", {"n", "x", "flag", "mode"});
    read(params);
  } catch (const InputError& error) {
    return error.where().field + " | " + error.reason();
  }
  return "no error";
}

}  // namespace

TEST_CASE("json params: defaults for null, missing and null-valued keys") {
  const JsonParams none(nullptr, "thing", {"n"});
  CHECK(none.integer("n", 7, 1) == 7);
  const JsonParams null_value({{"n", nullptr}}, "thing", {"n"});
  CHECK(!null_value.has("n"));
  CHECK(null_value.integer("n", 7, 1) == 7);
  const JsonParams given({{"n", 4.0}, {"x", 0.25}, {"flag", true}, {"mode", "b"}}, "thing",
                         {"n", "x", "flag", "mode"});
  CHECK(given.integer("n", 7, 1) == 4);
  CHECK(given.number("x", 1.0, 0.0, 1.0) == 0.25);
  CHECK(given.boolean("flag", false));
  CHECK(given.choice("mode", "a", {"a", "b"}) == "b");
}

TEST_CASE("json params: errors name the owner, the parameter and why") {
  const auto nothing = [](const JsonParams&) {};
  CHECK(error_of({{"m", 1}}, nothing) == "m | thing: unknown parameter 'm' (valid: n, x, flag, mode)");
  CHECK(error_of(nlohmann::json::array({1}), nothing) ==
        " | thing: parameters must be a JSON object, got [1]");
  const auto n = [](const JsonParams& p) { p.integer("n", 1, 2); };
  CHECK(error_of({{"n", 2.5}}, n) == "n | thing: parameter n: expected an integer, got 2.5");
  CHECK(error_of({{"n", "3"}}, n) == "n | thing: parameter n: expected an integer, got \"3\"");
  CHECK(error_of({{"n", 1}}, n) == "n | thing: parameter n: must be at least 2, got 1");
  const auto x = [](const JsonParams& p) { p.number("x", 0.5, 0.0, 1.0); };
  CHECK(error_of({{"x", 2}}, x) == "x | thing: parameter x: must lie in [0.0, 1.0], got 2");
  CHECK(error_of({{"x", "a"}}, x) == "x | thing: parameter x: expected a finite number, got \"a\"");
  const auto flag = [](const JsonParams& p) { p.boolean("flag", false); };
  CHECK(error_of({{"flag", 1}}, flag) == "flag | thing: parameter flag: expected true or false, got 1");
  const auto mode = [](const JsonParams& p) { p.choice("mode", "a", {"a", "b"}); };
  CHECK(error_of({{"mode", "c"}}, mode) == "mode | thing: parameter mode: expected one of a, b, got \"c\"");
}
