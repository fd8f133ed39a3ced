#include <catch2/catch.hpp>

#include <fstream>

#include "io/temp_dir.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/io/jsonl.hpp"

using namespace paretokit;

TEST_CASE("jsonl: appends records and reads them back in order") {
  test::TempDir dir("jsonl");
  const auto path = dir / "log.jsonl";
  {
    JsonlWriter log(path);
    log.append({{"i", 0}});
    log.append({{"i", 1}});
  }
  {
    JsonlWriter log(path);  // reopening appends
    log.append_lines("{\"i\":2}\n{\"i\":3}\n");
    CHECK_THROWS_AS(log.append_lines("{\"i\":4}"), std::invalid_argument);
  }
  const auto contents = read_jsonl(path);
  REQUIRE(contents.records.size() == 4);
  for (int i = 0; i < 4; ++i) CHECK(contents.records[i]["i"] == i);
  CHECK_FALSE(contents.dropped_torn_line);
  CHECK(count_jsonl_lines(path) == 4);
  JsonlWriter fresh(path, {.truncate = true});
  CHECK(read_jsonl(path).records.empty());
}

TEST_CASE("jsonl: a torn last line is dropped, a bad middle line is an error") {
  test::TempDir dir("jsonl");
  const auto path = dir / "log.jsonl";
  std::ofstream(path) << "{\"i\":0}\n{\"i\":1}\n{\"i\":2,\"x\":[0.12";
  auto contents = read_jsonl(path);
  CHECK(contents.records.size() == 2);
  CHECK(contents.dropped_torn_line);
  CHECK(count_jsonl_lines(path) == 2);

  // Terminated but garbage (e.g. zeros after a power loss) at the end: dropped too.
  std::ofstream(path) << "{\"i\":0}\n\x01\x02\n";
  contents = read_jsonl(path);
  CHECK(contents.records.size() == 1);
  CHECK(contents.dropped_torn_line);

  std::ofstream(path) << "{\"i\":0}\nnot json\n{\"i\":2}\n";
  try {
    read_jsonl(path);
    FAIL("no exception");
  } catch (const InputError& error) {
    CHECK(error.where().line == 2);
  }
  CHECK(read_jsonl(dir / "missing.jsonl").records.empty());
}

TEST_CASE("jsonl: truncate keeps the first k lines and removes a torn tail") {
  test::TempDir dir("jsonl");
  const auto path = dir / "log.jsonl";
  std::ofstream(path) << "{\"i\":0}\n{\"i\":1}\n{\"i\":2}\n{\"i\":3,\"to";
  truncate_jsonl(path, 2);
  auto contents = read_jsonl(path);
  REQUIRE(contents.records.size() == 2);
  CHECK(contents.records[1]["i"] == 1);
  CHECK_FALSE(contents.dropped_torn_line);
  {
    JsonlWriter log(path);
    log.append({{"i", 2}});
  }
  CHECK(read_jsonl(path).records.size() == 3);
  CHECK_THROWS_AS(truncate_jsonl(path, 4), InputError);
  truncate_jsonl(path, 0);
  CHECK(std::filesystem::file_size(path) == 0);
  truncate_jsonl(dir / "missing.jsonl", 0);  // nothing to do
}
