#include <catch2/catch.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/core/search_space.hpp"

using namespace paretokit;

namespace {
SearchSpace mixed() {
  SearchSpace space;
  space.add_real("x", -2.0, 3.0)
      .add_real("lr", 1e-5, 1.0, true, 1e-3)
      .add_integer("layers", 1, 8)
      .add_ordinal("bits", {2, 4, 8}, 8)
      .add_categorical("act", {"relu", "gelu", "tanh"}, nlohmann::json("gelu"));
  return space;
}
}  // namespace

TEST_CASE("search space: decode(encode(x)) == x for values inside the space") {
  const SearchSpace space = mixed();
  CHECK(!space.is_plain_real());
  Matrix X(3, 5);
  X << -2.0, 1e-5, 1, 2, 0,  //
      0.5, 0.01, 4, 4, 1,    //
      3.0, 1.0, 8, 8, 2;
  const Matrix Z = space.encode(X);
  CHECK((Z.array() >= 0.0).all());
  CHECK((Z.array() <= 1.0).all());
  const Matrix back = space.decode(Z);
  CHECK((back - X).cwiseAbs().maxCoeff() < 1e-12);
  for (Index i = 0; i < X.rows(); ++i) CHECK_NOTHROW(space.validate_row(back.row(i)));
}

TEST_CASE("search space: every point of the unit cube decodes to a valid value, slices are fair") {
  const SearchSpace space = mixed();
  Rng rng(1);
  Matrix Z(3000, 5);
  for (Index i = 0; i < Z.size(); ++i) Z.data()[i] = rng.uniform();
  Z.row(0).setZero();
  Z.row(1).setOnes();
  const Matrix X = space.decode(Z);
  for (Index i = 0; i < X.rows(); ++i) space.validate_row(X.row(i));
  // Integers 1..8 each take an eighth of [0, 1].
  for (int v = 1; v <= 8; ++v)
    CHECK((X.col(2).array() == v).cast<double>().mean() == Approx(0.125).margin(0.03));
  // Log scale: half of the draws fall below the geometric mean sqrt(1e-5).
  CHECK((X.col(1).array() < std::sqrt(1e-5)).cast<double>().mean() == Approx(0.5).margin(0.04));
  // Canonical encodings are fixed points.
  const Matrix canonical = space.encode(X);
  CHECK(space.encode(space.decode(canonical)) == canonical);
}

TEST_CASE("search space: JSON round trip, defaults, row_to_json") {
  const SearchSpace space = mixed();
  const nlohmann::json json = space.to_json();
  const SearchSpace back = SearchSpace::from_json(json);
  CHECK(back.to_json() == json);
  const Vector defaults = space.defaults();
  CHECK(defaults[1] == 1e-3);
  CHECK(defaults[3] == 8);
  CHECK(defaults[4] == 1);
  const auto row = space.row_to_json(defaults.transpose());
  CHECK(row["act"] == "gelu");
  CHECK(row["bits"] == 8.0);
  CHECK(row["layers"].is_number_integer());
  CHECK(SearchSpace::real_box(Vector::Zero(3), Vector::Ones(3)).is_plain_real());
}

TEST_CASE("search space: bad definitions name the field") {
  using json = nlohmann::json;
  CHECK_THROWS_WITH(
      SearchSpace::from_json(json{{"variables", {{{"name", "a"}, {"type", "real"}, {"lower", 1}}}}}),
      Catch::Contains("variables[0].upper"));
  CHECK_THROWS_WITH(SearchSpace::from_json(json{{"variables", {{{"type", "complex"}}}}}),
                    Catch::Contains("categorical"));
  CHECK_THROWS_WITH(SearchSpace::from_json(
                        json{{"variables", {{{"type", "real"}, {"lower", 0}, {"upper", 1}, {"log", true}}}}}),
                    Catch::Contains("lower"));
  CHECK_THROWS_WITH(SearchSpace::from_json(json{{"variables", {{{"type", "ordinal"}, {"values", {4, 2}}}}}}),
                    Catch::Contains("increasing"));
  CHECK_THROWS_AS(SearchSpace().add_integer("n", 0.5, 3), InputError);
  CHECK_THROWS_AS(SearchSpace().add_real("a", 0, 1).add_real("a", 0, 1), InputError);
  CHECK_THROWS_WITH(SearchSpace().add_categorical("c", {"a", "b"}, nlohmann::json("z")),
                    Catch::Contains("default"));
  CHECK_THROWS_AS(mixed().encode(Matrix::Zero(1, 4)), InputError);
}
