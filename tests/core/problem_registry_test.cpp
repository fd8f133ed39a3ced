// The library side of the problem registry (core/problem_registry.hpp): a
// user's own problem, by an explicit call, found by name and alias.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "paretokit/core/error.hpp"
#include "paretokit/core/json_params.hpp"
#include "paretokit/core/problem_registry.hpp"

using namespace paretokit;

namespace {

// f = (x, 1 - x) on [0, 1]^n, n from the parameters.
class Line : public Problem {
 public:
  explicit Line(Index n, std::string label) : n_(n), label_(std::move(label)) {}
  std::string name() const override { return label_; }
  Index n_var() const override { return n_; }
  Index n_obj() const override { return 2; }
  Vector lower_bounds() const override { return Vector::Zero(n_); }
  Vector upper_bounds() const override { return Vector::Ones(n_); }
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut) const override {
    F.col(0) = X.col(0);
    F.col(1) = 1.0 - X.col(0).array();
  }

 private:
  Index n_;
  std::string label_;
};

ProblemFactory line_factory(const std::string& label) {
  return [label](const nlohmann::json& json) -> std::unique_ptr<Problem> {
    const JsonParams params(json, "user_line", {"n_var"});
    return std::make_unique<Line>(params.integer("n_var", 3, 1), label);
  };
}

}  // namespace

TEST_CASE("problem registry: a registered problem is built by name or alias, any case") {
  register_problem({"User_Line", {"Line2"}, "a user's line", {{"n_var", 3, "number of variables"}}},
                   line_factory("first"));
  CHECK(make_registered_problem("user_line")->n_var() == 3);
  CHECK(make_registered_problem("USER_LINE", {{"n_var", 5}})->n_var() == 5);
  CHECK(make_registered_problem("line2", nullptr)->n_var() == 3);
  const auto& listed = registered_problems();
  const auto entry =
      std::find_if(listed.begin(), listed.end(), [](const ProblemInfo& i) { return i.name == "user_line"; });
  REQUIRE(entry != listed.end());
  CHECK(entry->aliases == std::vector<std::string>{"line2"});
  CHECK_THROWS_WITH(make_registered_problem("user_line", {{"n", 5}}),
                    Catch::Contains("unknown parameter 'n'"));
  CHECK_THROWS_WITH(make_registered_problem("no_such_problem"),
                    Catch::Contains("unknown problem 'no_such_problem'") && Catch::Contains("user_line"));
}

TEST_CASE("problem registry: registering a name again replaces it") {
  register_problem({"user_line_2", {}, "first", {}}, line_factory("first"));
  register_problem({"user_line_2", {}, "second", {}}, line_factory("second"));
  CHECK(make_registered_problem("user_line_2")->name() == "second");
  const auto& listed = registered_problems();
  CHECK(std::count_if(listed.begin(), listed.end(),
                      [](const ProblemInfo& i) { return i.name == "user_line_2"; }) == 1);
  CHECK_THROWS_AS(register_problem({"", {}, "", {}}, line_factory("x")), InputError);
}

TEST_CASE("problem registry: the listing is sorted by name and shows the latest registration of each") {
  // Inserted out of order, one replaced: the listing must equal a sorted
  // list built independently from what was registered last.
  const std::vector<std::pair<std::string, std::string>> registrations = {
      {"zz_order_c", "c1"}, {"zz_order_a", "a1"}, {"zz_order_d", "d1"},
      {"zz_order_b", "b1"}, {"zz_order_a", "a2"}, {"zz_order_e", "e1"}};
  std::map<std::string, std::string> expected;
  for (const auto& [name, description] : registrations) {
    register_problem({name, {}, description, {}}, line_factory(description));
    expected[name] = description;
  }
  const auto& listed = registered_problems();
  CHECK(std::is_sorted(listed.begin(), listed.end(),
                       [](const ProblemInfo& a, const ProblemInfo& b) { return a.name < b.name; }));
  std::map<std::string, std::string> seen;
  for (const auto& info : listed)
    if (info.name.rfind("zz_order_", 0) == 0) seen[info.name] = info.description;
  CHECK(seen == expected);
  CHECK(make_registered_problem("zz_order_a")->name() == "a2");
}
