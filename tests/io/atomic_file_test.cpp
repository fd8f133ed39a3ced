#include <catch2/catch.hpp>

#include <fstream>

#include "io/temp_dir.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/json_matrix.hpp"

using namespace paretokit;

TEST_CASE("atomic file: replaces the whole file and leaves no temp file") {
  test::TempDir dir("atomic");
  const auto path = dir / "a.json";
  write_file_atomically(path, "first version, longer than the second\n");
  write_file_atomically(path, "second\n");
  CHECK(read_text_file(path) == "second\n");
  CHECK_FALSE(std::filesystem::exists(dir / "a.json.tmp"));
}

TEST_CASE("atomic file: a stale temp file from a crash is overwritten") {
  test::TempDir dir("atomic");
  const auto path = dir / "c.json";
  write_json_atomically(path, {{"generation", 3}});
  std::ofstream(dir / "c.json.tmp") << "{\"generation\": 4, \"torn";  // a write killed half way
  CHECK(read_json_file(path)["generation"] == 3);                     // readers never look at .tmp
  write_json_atomically(path, {{"generation", 5}});
  CHECK(read_json_file(path)["generation"] == 5);
  CHECK_FALSE(std::filesystem::exists(dir / "c.json.tmp"));
}

TEST_CASE("atomic file: without the syncs the replacement is still whole, and sync_file syncs it later") {
  test::TempDir dir("atomic");
  const auto path = dir / "d.json";
  write_file_atomically(path, "one\n", {.sync_file = false, .sync_directory = false});
  write_file_atomically(path, "two\n", {.sync_file = false, .sync_directory = false});
  CHECK(read_text_file(path) == "two\n");
  CHECK_FALSE(std::filesystem::exists(dir / "d.json.tmp"));
  CHECK_NOTHROW(sync_file(path));
  CHECK_THROWS_AS(sync_file(dir / "missing"), Error);
}

TEST_CASE("atomic file: errors name the file") {
  test::TempDir dir("atomic");
  CHECK_THROWS_AS(read_text_file(dir / "missing"), InputError);
  CHECK_THROWS_AS(write_file_atomically(dir / "no" / "such" / "dir", "x"), Error);
  std::ofstream(dir / "bad.json") << "{\n  \"a\": 1,\n  oops\n}\n";
  try {
    read_json_file(dir / "bad.json");
    FAIL("no exception");
  } catch (const InputError& error) {
    CHECK(error.where().line == 3);
    CHECK(error.where().file == (dir / "bad.json").string());
  }
}

TEST_CASE("json matrix: round trip is exact, non-finite values survive") {
  Matrix m(3, 2);
  m << 0.1, 1.0 / 3.0, -2.5e-300, 1e300, std::numeric_limits<double>::infinity(), 7;
  const auto text = matrix_to_json(m).dump();
  const Matrix back = matrix_from_json(nlohmann::json::parse(text), 2);
  CHECK(back.rows() == 3);
  CHECK((back.array() == m.array()).all());

  std::string row;
  append_json_row(row, m.row(2));
  CHECK(row == "[\"inf\",7]");
  CHECK(std::isnan(number_from_json("nan")));
  CHECK_THROWS_AS(matrix_from_json(nlohmann::json::parse("[[1,2],[3]]")), InputError);
  CHECK_THROWS_AS(matrix_from_json(nlohmann::json::parse("[[1,2]]"), 3), InputError);
  CHECK_THROWS_AS(vector_from_json(nlohmann::json::parse("[1,\"x\"]")), InputError);
  CHECK(matrix_from_json(nlohmann::json::array(), 4).cols() == 4);
}
