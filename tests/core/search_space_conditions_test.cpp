// Conditions on a SearchSpace: activity (equals, in, and, or, chains),
// canonical inactive values, row_to_json, JSON round trip and the errors of
// bad conditions.
#include <catch2/catch.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/core/search_space.hpp"

using namespace paretokit;
using json = nlohmann::json;

namespace {

// kernel {linear, rbf, poly}; gamma if kernel in {rbf, poly}; degree if
// kernel == poly; coef0 if degree active and degree > 2 (a chain through
// degree); C always.
SearchSpace svm_space() {
  SearchSpace space;
  space.add_categorical("kernel", {"linear", "rbf", "poly"}, json("rbf"))
      .add_real("C", 0.03125, 32768, true, 1.0)
      .add_real("gamma", 1e-4, 8, true, 0.1)
      .add_integer("degree", 2, 5, false, 3)
      .add_real("coef0", -1, 1, false, 0.0);
  space.add_condition(2, Clause::in(0, {1, 2}));
  space.add_condition(3, Clause::equals(0, 2));
  space.add_condition(4, Clause::greater_than(3, 2));
  return space;
}

RowVector row(std::initializer_list<double> values) {
  RowVector x(static_cast<Index>(values.size()));
  Index j = 0;
  for (double v : values) x[j++] = v;
  return x;
}

}  // namespace

TEST_CASE("conditions: activity of every combination, chains included") {
  const SearchSpace space = svm_space();
  REQUIRE(space.has_conditions());
  CHECK_FALSE(space.is_plain_real());
  for (int kernel = 0; kernel < 3; ++kernel)
    for (int degree = 2; degree <= 5; ++degree) {
      const auto active = space.active(row({double(kernel), 1.0, 0.1, double(degree), 0.5}));
      // Brute force, written out from the definition above.
      CHECK(active[0]);
      CHECK(active[1]);
      CHECK(active[2] == (kernel == 1 || kernel == 2));
      CHECK(active[3] == (kernel == 2));
      CHECK(active[4] == (kernel == 2 && degree > 2));
    }
}

TEST_CASE("conditions: and, or, not_equals, less_than") {
  SearchSpace space;
  space.add_categorical("a", {"x", "y", "z"}).add_integer("n", 0, 9).add_real("r", 0, 1).add_real("s", 0, 1);
  space.add_condition(2, Clause::any_of({Clause::equals(0, 0), Clause::all_of({Clause::not_equals(0, 0),
                                                                               Clause::less_than(1, 3)})}));
  space.add_condition(3, Clause::all_of({Clause::equals(0, 2), Clause::in(1, {7, 8})}));
  for (int a = 0; a < 3; ++a)
    for (int n = 0; n <= 9; ++n) {
      const auto active = space.active(row({double(a), double(n), 0.5, 0.5}));
      CHECK(active[2] == (a == 0 || (a != 0 && n < 3)));
      CHECK(active[3] == (a == 2 && (n == 7 || n == 8)));
    }
}

TEST_CASE("conditions: inactive variables are canonical in both forms and absent from row_to_json") {
  const SearchSpace space = svm_space();
  const Vector defaults = space.defaults();
  // linear kernel: gamma, degree, coef0 inactive whatever their values.
  Matrix X(2, 5);
  X << 0, 10, 3.5, 4, 0.7,  //
      0, 10, 0.01, 2, -0.3;
  const Matrix Z = space.encode(X);
  CHECK(Z.row(0) == Z.row(1));  // the same configuration, the same row
  const Matrix back = space.decode(Z);
  CHECK(back(0, 2) == defaults[2]);
  CHECK(back(0, 3) == defaults[3]);
  CHECK(back(0, 4) == defaults[4]);
  CHECK(space.encode(back) == Z);
  const json config = space.row_to_json(back.row(0));
  CHECK(config == json{{"kernel", "linear"}, {"C", back(0, 1)}});
  // poly, degree 2: coef0 inactive through the chain, degree an integer.
  const json poly = space.row_to_json(row({2, 1, 0.5, 2, 0.25}));
  CHECK(poly.contains("gamma"));
  CHECK(poly["degree"].is_number_integer());
  CHECK_FALSE(poly.contains("coef0"));
  const BoolMatrix mask = space.active_mask(X);
  CHECK(mask.row(0).count() == 2);
  // Encoded rows whatever the operators left in inactive columns decode the same.
  Matrix noisy = Z;
  noisy(1, 2) = 0.123;
  noisy(1, 4) = 0.987;
  CHECK(space.decode(noisy) == space.decode(Z));
}

TEST_CASE("conditions: JSON round trip and validate_row ignores inactive values") {
  const SearchSpace space = svm_space();
  const json document = space.to_json();
  REQUIRE(document.contains("conditions"));
  CHECK(document["conditions"][0] ==
        json{{"child", "gamma"}, {"when", {{"variable", "kernel"}, {"in", {"rbf", "poly"}}}}});
  CHECK(document["conditions"][2]["when"] == json{{"variable", "degree"}, {"greater_than", 2.0}});
  const SearchSpace back = SearchSpace::from_json(document);
  CHECK(back.to_json() == document);
  CHECK_NOTHROW(space.validate_row(row({0, 1, 999, -5, 42})));  // inactive: not checked
  CHECK_THROWS_WITH(space.validate_row(row({1, 1, 999, 3, 0})), Catch::Contains("gamma"));
  // A space without conditions writes what it wrote before.
  SearchSpace plain;
  plain.add_real("x", 0, 1);
  CHECK(plain.to_json() ==
        json{{"variables", {{{"name", "x"}, {"type", "real"}, {"lower", 0.0}, {"upper", 1.0}}}}});
}

TEST_CASE("conditions: errors name the JSON path") {
  const json variables = {{{"name", "k"}, {"type", "categorical"}, {"choices", {"a", "b"}}},
                          {{"name", "x"}, {"type", "real"}, {"lower", 0}, {"upper", 1}},
                          {{"name", "y"}, {"type", "real"}, {"lower", 0}, {"upper", 1}}};
  auto with = [&](json conditions) { return json{{"variables", variables}, {"conditions", conditions}}; };
  auto fails = [&](json conditions, const auto& message) {
    CHECK_THROWS_WITH(SearchSpace::from_json(with(std::move(conditions))), message);
  };
  fails(json::array({{{"child", "z"}, {"when", {{"variable", "k"}, {"equals", "a"}}}}}),
        "conditions[0].child: unknown variable 'z'");
  fails(json::array({{{"child", "x"}, {"when", {{"variable", "kk"}, {"equals", "a"}}}}}),
        "conditions[0].when.variable: unknown variable 'kk'");
  fails(json::array({{{"child", "x"}, {"when", {{"variable", "k"}, {"equals", "c"}}}}}),
        "conditions[0].when.equals: \"c\" is not a choice of 'k' (choices: [\"a\",\"b\"])");
  fails(json::array({{{"child", "x"}, {"when", {{"variable", "y"}, {"equals", 2}}}}}),
        "conditions[0].when.equals: 2 is not a value of 'y' (real [0.0, 1.0])");
  fails(json::array(
            {{{"child", "x"}, {"when", {{"or", json::array({{{"variable", "k"}, {"in", {"a", 3}}}})}}}}}),
        "conditions[0].when.or[0].in[1]: 3 is not a choice of 'k' (choices: [\"a\",\"b\"])");
  fails(json::array({{{"child", "x"}, {"when", {{"variable", "k"}, {"equal", "a"}}}}}),
        Catch::Contains("conditions[0].when: unknown field 'equal'"));
  fails(json::array({{{"child", "x"}, {"when", {{"variable", "k"}, {"less_than", 1}}}}}),
        "conditions[0].when.less_than: less_than needs a numeric or ordinal variable, 'k' is categorical");
  fails(json::array({{{"child", "x"}, {"when", {{"variable", "x"}, {"less_than", 0.5}}}}}),
        "conditions[0]: the condition of 'x' tests 'x' itself");
  fails(json::array({{{"child", "x"}, {"when", {{"variable", "k"}, {"equals", "a"}}}},
                     {{"child", "x"}, {"when", {{"variable", "k"}, {"equals", "b"}}}}}),
        "conditions[1]: 'x' already has a condition (k == \"a\"); combine both with and / or");
  fails(json::array({{{"child", "x"}, {"when", {{"variable", "y"}, {"less_than", 0.5}}}},
                     {{"child", "y"}, {"when", {{"variable", "x"}, {"less_than", 0.5}}}}}),
        "conditions[1]: the conditions form a cycle among x, y");
  fails(json::array({{{"child", "x"}}}), "conditions[0].when: missing field");
  fails(json::array({{{"child", "x"}, {"when", {{"and", json::array()}}}}}),
        "conditions[0].when.and: must be a non-empty array of clauses");
  CHECK_THROWS_WITH(SearchSpace::from_json(json{{"variables", variables}, {"condition", json::array()}}),
                    Catch::StartsWith("condition: unknown field"));
}
