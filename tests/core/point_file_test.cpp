#include <catch2/catch.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/core/point_file.hpp"

using namespace paretokit;

namespace {
std::string error_of(const std::string& text) {
  try {
    parse_point_sets(text, "f.txt");
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("point files: sets, comments, signs and exponents") {
  const auto sets = parse_point_sets("# header\n1 2\n+3\t-4e1 # tail\n\n\n5 6.5\r\n", "f.txt");
  REQUIRE(sets.size() == 2);
  REQUIRE(sets[0].points.rows() == 2);
  CHECK(sets[0].points(1, 0) == 3.0);
  CHECK(sets[0].points(1, 1) == -40.0);
  CHECK(sets[0].lines == std::vector<std::size_t>{2, 3});
  CHECK(sets[1].points(0, 1) == 6.5);
  CHECK(sets[1].lines == std::vector<std::size_t>{6});
}

TEST_CASE("point files: comment lines do not split sets") {
  const auto sets = parse_point_sets("1 2\n# between\n3 4\n", "f.txt");
  REQUIRE(sets.size() == 1);
  CHECK(sets[0].points.rows() == 2);
}

TEST_CASE("point files: each rejection names the file and line") {
  CHECK(error_of("1 2\n3\n") == "f.txt:2: expected 2 numbers (as on the first point), found 1");
  CHECK(error_of("1 2\n3 x\n") == "f.txt:2: 'x' is not a number");
  CHECK(error_of("1 nan\n") == "f.txt:1: 'nan' is not a finite number");
  CHECK(error_of("1 inf\n") == "f.txt:1: 'inf' is not a finite number");
  CHECK(error_of("1 1e999\n") == "f.txt:1: '1e999' is out of the range of a double");
  CHECK(error_of("1 2,\n") == "f.txt:1: '2,' is not a number");
  CHECK(error_of("") == "f.txt: the file is empty");
  CHECK(error_of("# only a comment\n\n") == "f.txt: the file holds no points");
  CHECK(error_of("1 2\n\n3 4 5\n") == "f.txt:3: expected 2 numbers (as on the first point), found 3");
}

TEST_CASE("point files: a missing file is an input error") {
  CHECK_THROWS_AS(read_point_sets("/nonexistent/points.txt"), InputError);
}
