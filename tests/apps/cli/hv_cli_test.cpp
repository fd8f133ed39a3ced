// Tests of `paretokit hv` and `paretokit hvc` (run as a separate process):
// values against the library, the default reference point, several sets and
// files, JSON output, and exit code 2 with file:line on bad input.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "paretokit/core/point_file.hpp"
#include "paretokit/indicators/hypervolume.hpp"

namespace {

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `paretokit <arguments>` through the shell; stderr goes to a file.
Run run_cli(const std::string& arguments) {
  // One file per process: ctest -j runs test cases as parallel processes.
  const std::string err_file = "hv_cli_test_stderr_" + std::to_string(getpid()) + ".txt";
  const std::string command = std::string("\"") + PARETOKIT_CLI + "\" " + arguments + " 2>" + err_file;
  Run run;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, got);
  const int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  run.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
  return run;
}

std::string write_file(const std::string& name, const std::string& text) {
  std::ofstream(name) << text;
  return name;
}

const std::string zdt1 = std::string(PARETOKIT_SOURCE_DIR) + "/data/fronts/zdt1_2d.txt";
const std::string dtlz2 = std::string(PARETOKIT_SOURCE_DIR) + "/data/fronts/dtlz2_3d.txt";

}  // namespace

TEST_CASE("hv cli: value with an explicit reference matches the library") {
  const Run run = run_cli("hv --reference 1.1,1.1 " + zdt1);
  REQUIRE(run.status == 0);
  const paretokit::Matrix points = paretokit::read_points(zdt1);
  const double expected = paretokit::hypervolume(points, paretokit::Vector::Constant(2, 1.1));
  CHECK(std::stod(run.out) == expected);  // printed with round-trip precision
}

TEST_CASE("hv cli: default reference point and JSON for several sets and files") {
  const std::string two_sets =
      write_file("hv_cli_two_sets.txt", "# two sets\n0 1 0.5\n1 0 0.5\n\n0.5 0.5 0\n");
  const Run run = run_cli("hv --json " + two_sets + " " + dtlz2);
  REQUIRE(run.status == 0);
  const auto document = nlohmann::json::parse(run.out);
  // max over all points is 1 in every objective, min is 0: reference 1.1.
  for (int j = 0; j < 3; ++j) CHECK(document["reference"][j].get<double>() == Approx(1.1));
  REQUIRE(document["sets"].size() == 3);
  CHECK(document["sets"][0]["set"] == 0);
  CHECK(document["sets"][1]["set"] == 1);
  CHECK(document["sets"][1]["points"] == 1);
  CHECK(document["sets"][2]["file"] == dtlz2);
  CHECK(document["sets"][2]["points"] == 91);
  const paretokit::Vector reference = paretokit::Vector::Constant(3, 1.1);
  // Set 1 is one point: a box.
  CHECK(document["sets"][1]["hypervolume"].get<double>() == Approx(0.6 * 0.6 * 1.1));
  CHECK(document["sets"][2]["hypervolume"].get<double>() ==
        paretokit::hypervolume(paretokit::read_points(dtlz2), reference));
}

TEST_CASE("hv cli: errors exit with 2 and say where") {
  Run run = run_cli("hv --reference 1,1,1 " + zdt1);
  CHECK(run.status == 2);
  CHECK(run.err.find("--reference") != std::string::npos);
  run = run_cli("hv --reference 1,x " + zdt1);
  CHECK(run.status == 2);
  CHECK(run.err.find("--reference") != std::string::npos);
  const std::string ragged = write_file("hv_cli_ragged.txt", "0 1\n1 0\n0.5 0.5 0.5\n");
  run = run_cli("hv " + ragged);
  CHECK(run.status == 2);
  CHECK(run.err.find("hv_cli_ragged.txt:3") != std::string::npos);
  const std::string word = write_file("hv_cli_word.txt", "0 1\nzero 1\n");
  run = run_cli("hvc " + word);
  CHECK(run.status == 2);
  CHECK(run.err.find("hv_cli_word.txt:2") != std::string::npos);
  run = run_cli("hv no_such_file.txt");
  CHECK(run.status == 2);
  run = run_cli("hv");
  CHECK(run.status == 2);
  const std::string mixed = write_file("hv_cli_mixed.txt", "0 1\n1 0\n\n0.5 0.5 0.5\n");
  run = run_cli("hv " + mixed);
  CHECK(run.status == 2);
  CHECK(run.err.find("hv_cli_mixed.txt:4") != std::string::npos);
  CHECK(run_cli("hv --help").status == 0);
  CHECK(run_cli("hvc --help").status == 0);
}

TEST_CASE("hvc cli: one contribution per point, matching the library") {
  const Run run = run_cli("hvc --json --reference 1.1,1.1,1.1 " + dtlz2);
  REQUIRE(run.status == 0);
  const auto document = nlohmann::json::parse(run.out);
  const paretokit::Vector expected = paretokit::hypervolume_contributions(
      paretokit::read_points(dtlz2), paretokit::Vector::Constant(3, 1.1));
  REQUIRE(document["contributions"].size() == static_cast<std::size_t>(expected.size()));
  for (paretokit::Index i = 0; i < expected.size(); ++i) {
    CHECK(document["contributions"][static_cast<std::size_t>(i)].get<double>() == expected(i));
  }
  const Run plain = run_cli("hvc " + write_file("hv_cli_hvc.txt", "0 0\n0.5 0.5\n0 0\n1 0\n"));
  REQUIRE(plain.status == 0);
  CHECK(plain.out == "0\n0\n0\n0\n");  // duplicates and dominated points
}

TEST_CASE("hv cli: an overflowing hypervolume or reference is an error, never inf with exit 0") {
  const std::string huge = write_file("hv_cli_huge.txt", "-1e308 -1e308\n");
  Run run = run_cli("hv --reference 1e308,1e308 " + huge);
  CHECK(run.status == 2);
  CHECK(run.out.find("inf") == std::string::npos);
  CHECK(run.err.find("overflows") != std::string::npos);
  const std::string wide = write_file("hv_cli_wide.txt", "-1e308 1e308\n1e308 -1e308\n");
  run = run_cli("hv " + wide);  // the default reference, max + 0.1 (max - min), overflows
  CHECK(run.status == 2);
  CHECK(run.err.find("--reference") != std::string::npos);
  // No internal function name in a user's error.
  CHECK(run.err.find("hypervolume_2d") == std::string::npos);
  run = run_cli("hvc " + wide);
  CHECK(run.status == 2);
  CHECK(run.out.find("inf") == std::string::npos);
}

TEST_CASE("hv cli: binary garbage in a point file is escaped and cut short in the message") {
  std::string garbage = "0 1\n1 \x1b[31m";
  garbage += std::string("\0", 1);
  garbage += "zz" + std::string(500, 'q') + "\n";
  write_file("hv_cli_garbage.txt", garbage);
  const Run run = run_cli("hv hv_cli_garbage.txt");
  CHECK(run.status == 2);
  CHECK(run.err.find("hv_cli_garbage.txt:2") != std::string::npos);
  CHECK(run.err.find("\\x1b[31m\\x00zz") != std::string::npos);  // the NUL no longer cuts the message
  CHECK(run.err.find('\x1b') == std::string::npos);
  CHECK(run.err.find("...") != std::string::npos);
  CHECK(run.err.size() < 200);
}
