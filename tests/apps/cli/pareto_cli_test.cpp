// Runs the `paretokit` executable (PARETOKIT_CLI) on temporary files and
// checks its output and exit codes: ndsort, nondominated, igd, igd-plus, gd,
// epsilon.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

fs::path scratch_dir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("paretokit_pareto_cli_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

std::string write_file(const std::string& name, const std::string& text) {
  const fs::path path = scratch_dir() / name;
  std::ofstream(path) << text;
  return path.string();
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Outcome run_cli(const std::string& arguments) {
  const fs::path out = scratch_dir() / "stdout.txt";
  const fs::path err = scratch_dir() / "stderr.txt";
  const std::string command = std::string("'") + PARETOKIT_CLI + "' " + arguments + " > '" + out.string() +
                              "' 2> '" + err.string() + "'";
  const int status = std::system(command.c_str());
  Outcome outcome;
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  outcome.out = slurp(out);
  outcome.err = slurp(err);
  return outcome;
}

const char* kPoints = "# two objectives\n1 5\n2 2\n1 5\n3 3\n5 1\n4 4\n";
const char* kFront = "0 10\n1 6\n2 2\n6 1\n10 0\n";
const char* kSets = "2 4\n3 3\n4 2\n\n0 10\n10 0\n";

}  // namespace

TEST_CASE("cli ndsort: ranks in input order, plain and JSON") {
  const auto file = write_file("points.txt", kPoints);
  const auto plain = run_cli("ndsort " + file);
  CHECK(plain.exit_code == 0);
  CHECK(plain.out == "0\n0\n0\n1\n0\n2\n");
  const auto json = run_cli("ndsort --json " + file);
  REQUIRE(json.exit_code == 0);
  CHECK(nlohmann::json::parse(json.out)["ranks"] == nlohmann::json({0, 0, 0, 1, 0, 2}));
  CHECK(run_cli("ndsort --help").exit_code == 0);
}

TEST_CASE("cli nondominated: the non-dominated points with full precision") {
  const auto file = write_file("precise.txt", "0.1 0.30000000000000004\n0.2 0.2\n0.3 0.3\n");
  const auto plain = run_cli("nondominated " + file);
  CHECK(plain.exit_code == 0);
  CHECK(plain.out == "0.1 0.30000000000000004\n0.2 0.2\n");
  const auto json = run_cli("nondominated --json " + write_file("points.txt", kPoints));
  REQUIRE(json.exit_code == 0);
  const auto document = nlohmann::json::parse(json.out);
  CHECK(document["indices"] == nlohmann::json({0, 1, 2, 4}));
  CHECK(document["points"][3] == nlohmann::json({5.0, 1.0}));
  CHECK(document["lines"][0] == 2);  // the comment is line 1
}

TEST_CASE("cli indicators: one value per set, against hand-computed values") {
  const auto front = write_file("front.txt", kFront);
  const auto sets = write_file("sets.txt", kSets);
  const auto igd = run_cli("igd --front " + front + " --json " + sets);
  REQUIRE(igd.exit_code == 0);
  const auto document = nlohmann::json::parse(igd.out);
  REQUIRE(document["sets"].size() == 2);
  CHECK(document["sets"][0]["value"].get<double>() == Approx(3.707092031609239));
  const auto plus = run_cli("igd-plus --front " + front + " " + sets);
  CHECK(plus.exit_code == 0);
  CHECK(std::stod(plus.out) == Approx((6 + std::sqrt(2.0)) / 5));
  const auto gd = run_cli("gd --front " + front + " " + sets);
  CHECK(gd.exit_code == 0);
  CHECK(gd.out.substr(gd.out.find('\n') + 1) == "0\n");  // the second set lies on the front
  const auto epsilon = run_cli("epsilon --front " + front + " " + sets);
  CHECK(epsilon.exit_code == 0);
  CHECK(epsilon.out == "2\n8\n");
}

TEST_CASE("cli: bad input exits 2 with file:line, usage errors exit 2") {
  const auto bad = write_file("bad.txt", "1 2\n3 x\n");
  const auto ranks = run_cli("ndsort " + bad);
  CHECK(ranks.exit_code == 2);
  CHECK(ranks.err == "paretokit: error: " + bad + ":2: 'x' is not a number\n");
  CHECK(run_cli("nondominated " + write_file("ragged.txt", "1 2\n3\n")).exit_code == 2);
  CHECK(run_cli("ndsort " + (scratch_dir() / "missing.txt").string()).exit_code == 2);
  CHECK(run_cli("ndsort").exit_code == 2);
  CHECK(run_cli("ndsort --no-such-option x").exit_code == 2);

  const auto front = write_file("front.txt", kFront);
  const auto wide = write_file("wide.txt", "1 2\n\n1 2 3\n");
  CHECK(run_cli("igd --front " + front + " " + wide).exit_code == 2);  // ragged across sets
  const auto three = write_file("three.txt", "1 2 3\n");
  const auto mismatch = run_cli("gd --front " + front + " " + three);
  CHECK(mismatch.exit_code == 2);
  CHECK(mismatch.err.find(three + ":1:") != std::string::npos);
  CHECK(run_cli("epsilon " + three).exit_code == 2);  // --front missing
  CHECK(run_cli("igd-plus --front " + bad + " " + three).exit_code == 2);
}

TEST_CASE("cli: every command that reads a point file names a missing FILE the same way") {
  for (const std::string command :
       {"ndsort", "nondominated", "hv", "hvc", "discrepancy", "subset -k 2", "igd --front x"}) {
    INFO(command);
    const auto outcome = run_cli(command);
    CHECK(outcome.exit_code == 2);
    const std::string name = command.substr(0, command.find(' '));
    CHECK(outcome.err == "paretokit: error: missing FILE (see 'paretokit " + name + " --help')\n");
  }
  const auto epsilon = run_cli("epsilon x.txt");  // another required option keeps its name
  CHECK(epsilon.exit_code == 2);
  CHECK(epsilon.err.find("missing --front") != std::string::npos);
}
