// The learning algorithms' catalog entries document the defaults the code
// uses: each non-null default equals what the default-built algorithm
// reports in options(), and passing the whole catalog back changes nothing.
#include <catch2/catch.hpp>

#include "paretokit/algorithms/registry.hpp"
#include "paretokit/learning/registry.hpp"

using namespace paretokit;

TEST_CASE("learning registry: catalog defaults are the algorithms' own Options defaults") {
  register_learning_algorithms();
  int checked = 0;
  for (const auto& info : algorithm_catalog()) {
    if (info.name != "psl-mobo" && info.name != "svh-psl" && info.name != "parego") continue;
    INFO(info.name);
    const nlohmann::json options = make_algorithm(info.name)->options();
    nlohmann::json all_defaults = nlohmann::json::object();
    for (const auto& parameter : info.parameters) {
      INFO(parameter.name);
      all_defaults[parameter.name] = parameter.default_value;
      if (!parameter.default_value.is_null() && options.contains(parameter.name)) {
        CHECK(options[parameter.name] == parameter.default_value);
        ++checked;
      }
    }
    CHECK(make_algorithm(info.name, all_defaults)->options() == options);
  }
  CHECK(checked > 20);  // the entries were found and compared
}
