// Forbidden combinations: queries, rejection sampling (uniform over the
// allowed configurations, never a forbidden one), repair, and the errors of
// clauses that would leave nothing.
#include <catch2/catch.hpp>

#include <map>

#include "paretokit/core/error.hpp"
#include "paretokit/core/search_space.hpp"

using namespace paretokit;
using json = nlohmann::json;

namespace {

// a in {p, q, r}, b integer in [0, 1]; (a == p and b == 0) forbidden.
SearchSpace small_space() {
  SearchSpace space;
  space.add_categorical("a", {"p", "q", "r"}, json("q")).add_integer("b", 0, 1);
  space.add_forbidden(Clause::all_of({Clause::equals(0, 0), Clause::equals(1, 0)}));
  return space;
}

}  // namespace

TEST_CASE("forbiddens: queries on rows, batched and one by one") {
  const SearchSpace space = small_space();
  Matrix X(4, 2);
  X << 0, 0, 0, 1, 1, 0, 2, 0;
  const BoolVector forbidden = space.forbidden_rows(X);
  CHECK(forbidden[0]);
  CHECK_FALSE(forbidden[1]);
  CHECK_FALSE(forbidden[2]);
  CHECK_FALSE(forbidden[3]);
  CHECK(space.forbidding_clause(X.row(0)) == std::optional<Index>(0));
  CHECK_FALSE(space.is_forbidden(X.row(3)));
  CHECK_THROWS_WITH(space.validate_row(X.row(0)),
                    "forbiddens[0]: the configuration is forbidden ((a == \"p\" and b == 0))");
}

TEST_CASE("forbiddens: sampling is uniform over the allowed configurations") {
  const SearchSpace space = small_space();
  Rng rng(5);
  const Index n = 20000;
  const Matrix X = space.sample(n, rng);
  std::map<std::pair<int, int>, int> counts;
  for (Index i = 0; i < n; ++i) {
    REQUIRE_FALSE(space.is_forbidden(X.row(i)));
    ++counts[{int(X(i, 0)), int(X(i, 1))}];
  }
  // Five allowed configurations, 1/5 each (binomial sd about 0.0028).
  CHECK(counts.size() == 5);
  for (const auto& [config, count] : counts) CHECK(std::abs(double(count) / double(n) - 0.2) < 0.015);
  // Same seed, same sample.
  Rng again(5);
  CHECK(space.sample(n, again) == X);
}

TEST_CASE("forbiddens: on a conditional variable only while it is active") {
  SearchSpace space;
  space.add_categorical("opt", {"sgd", "adam"}, json("adam")).add_real("momentum", 0, 1, false, 0.5);
  space.add_condition(1, Clause::equals(0, 0));
  space.add_forbidden(Clause::greater_than(1, 0.9));
  RowVector adam(2), sgd(2);
  adam << 1, 0.95;
  sgd << 0, 0.95;
  CHECK_FALSE(space.is_forbidden(adam));
  CHECK(space.is_forbidden(sgd));
  Rng rng(2);
  const Matrix X = space.sample(2000, rng);
  for (Index i = 0; i < X.rows(); ++i) {
    CHECK_FALSE(space.is_forbidden(X.row(i)));
    if (X(i, 0) == 1) CHECK(X(i, 1) == 0.5);  // inactive: the canonical default
  }
}

TEST_CASE("forbiddens: repair replaces exactly the forbidden rows, deterministically") {
  const SearchSpace space = small_space();
  Matrix X(6, 2);
  X << 0, 0, 1, 1, 0, 0, 2, 0, 0, 1, 0, 0;
  Matrix Z = space.encode(X);
  const Matrix before = Z;
  Rng rng(9);
  CHECK(space.repair(Z, rng) == 3);
  const Matrix repaired = space.decode(Z);
  for (Index i = 0; i < Z.rows(); ++i) {
    CHECK_FALSE(space.is_forbidden(repaired.row(i)));
    if (!space.is_forbidden(X.row(i))) CHECK(Z.row(i) == before.row(i));
  }
  Matrix Z2 = space.encode(X);
  Rng rng2(9);
  space.repair(Z2, rng2);
  CHECK(Z2 == Z);
  // Nothing forbidden: nothing drawn.
  Rng untouched(4);
  const auto state = untouched.state();
  Matrix allowed = space.encode(X.bottomRows(3));
  allowed.row(2) = space.encode(X.row(1));
  CHECK(space.repair(allowed, untouched) == 0);
  CHECK(untouched.state() == state);
}

TEST_CASE("forbiddens: a clause that forbids everything or the default is an error") {
  SearchSpace space;
  space.add_categorical("a", {"p", "q"}, json("q")).add_integer("b", 0, 2, false, 1).add_real("r", 0, 1);
  CHECK_THROWS_WITH(SearchSpace(space).add_forbidden(Clause::in(0, {0, 1}), "forbiddens[0]"),
                    "forbiddens[0]: the clause (a in {\"p\", \"q\"}) forbids every configuration");
  CHECK_THROWS_WITH(
      SearchSpace(space).add_forbidden(Clause::any_of({Clause::equals(0, 0), Clause::equals(0, 1)})),
      Catch::Contains("forbids every configuration"));
  CHECK_THROWS_WITH(SearchSpace(space).add_forbidden(Clause::less_than(1, 5)),
                    Catch::Contains("(b < 5) forbids every configuration"));
  CHECK_THROWS_WITH(SearchSpace(space).add_forbidden(Clause::equals(0, 1)),
                    "forbiddens: the clause (a == \"q\") forbids the default configuration; give the "
                    "variables defaults it allows");
  CHECK_THROWS_WITH(SearchSpace(space).add_forbidden(Clause::equals(1, 7)),
                    "forbiddens: 7 is not a value of 'b'");
  CHECK_THROWS_WITH(SearchSpace(space).add_forbidden(Clause::relation(Clause::Op::less_than_variable, 0, 1)),
                    Catch::Contains("less_than_variable needs a numeric or ordinal variable"));
  // Allowed: p only.
  CHECK_NOTHROW(SearchSpace(space).add_forbidden(Clause::equals(0, 0)));
}

TEST_CASE("forbiddens: sampling a space that admits (almost) nothing ends with an error") {
  // Only r == 0.5 (the default) is allowed: every draw is forbidden.
  SearchSpace space;
  space.add_real("r", 0, 1, false, 0.5);
  space.add_forbidden(Clause::less_than(0, 0.5)).add_forbidden(Clause::greater_than(0, 0.5));
  Rng rng(1);
  CHECK_THROWS_WITH(space.sample(3, rng),
                    Catch::StartsWith("forbiddens: the forbiddens leave (almost) no "
                                      "configuration: 10000 random draws gave 0 allowed "
                                      "of the 3 wanted"));
}

TEST_CASE("forbiddens: JSON form, relations and errors with paths") {
  const json variables = {{{"name", "lo"}, {"type", "integer"}, {"lower", 0}, {"upper", 9}, {"default", 1}},
                          {{"name", "hi"}, {"type", "integer"}, {"lower", 0}, {"upper", 9}, {"default", 5}},
                          {{"name", "k"}, {"type", "categorical"}, {"choices", {"a", "b"}}}};
  const json forbiddens =
      json::array({{{"variable", "lo"}, {"greater_than_variable", "hi"}},
                   {{"and", {{{"variable", "k"}, {"equals", "a"}}, {{"variable", "lo"}, {"equals", 9}}}}}});
  const SearchSpace space = SearchSpace::from_json({{"variables", variables}, {"forbiddens", forbiddens}});
  CHECK(space.to_json()["forbiddens"] == forbiddens);
  RowVector x(3);
  x << 6, 5, 1;
  CHECK(space.is_forbidden(x));
  x << 5, 5, 1;
  CHECK_FALSE(space.is_forbidden(x));
  Rng rng(3);
  const Matrix X = space.sample(500, rng);
  CHECK((X.col(0).array() <= X.col(1).array()).all());
  auto fails = [&](json clause, const auto& message) {
    CHECK_THROWS_WITH(
        SearchSpace::from_json({{"variables", variables}, {"forbiddens", json::array({clause})}}), message);
  };
  fails({{"variable", "lo"}, {"less_than_variable", "nope"}},
        "forbiddens[0].less_than_variable: must name another variable");
  fails({{"variable", "lo"}, {"equals", 1}, {"in", {2}}}, Catch::Contains("forbiddens[0]."));
  fails({{"variable", "k"}},
        "forbiddens[0]: needs an operator (equals, equals_variable, greater_than, "
        "greater_than_variable, in, less_than, less_than_variable, not_equals)");
  fails({{"variable", "k"}, {"in", {"a", "b"}}},
        "forbiddens[0]: the clause (k in {\"a\", \"b\"}) forbids every configuration");
  fails({{"variable", "lo"}, {"in", json::array()}}, "forbiddens[0].in: must be a non-empty array");
  fails("k", Catch::StartsWith("forbiddens[0]: must be an object"));
}
