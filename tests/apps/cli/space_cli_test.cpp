// `paretokit space check` and `paretokit space sample` (PARETOKIT_CLI) on
// the example space files: output, JSON, seeds and errors with exit code 2.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

fs::path scratch_dir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("paretokit_space_cli_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
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

std::string example(const std::string& name) {
  return std::string(PARETOKIT_SOURCE_DIR) + "/data/examples/spaces/" + name;
}

std::vector<json> json_lines(const std::string& text) {
  std::vector<json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  return lines;
}

}  // namespace

TEST_CASE("cli space check: prints the space, plain and JSON") {
  const std::string file = example("svm_configspace.json");
  const Outcome plain = run_cli("space check " + file);
  REQUIRE(plain.exit_code == 0);
  CHECK_THAT(plain.out,
             Catch::StartsWith(file + ": configspace format, 7 variables, 3 conditions, 2 forbiddens"));
  CHECK_THAT(plain.out, Catch::Contains("degree     integer [2, 5]  default 3  if kernel == \"poly\""));
  CHECK_THAT(plain.out, Catch::Contains("C          real [0.03125, 32768.0] log  default 1.0"));
  CHECK_THAT(plain.out, Catch::Contains("forbidden:\n  (kernel == \"linear\" and shrinking == false)"));
  const Outcome doc = run_cli("space check --json " + file);
  REQUIRE(doc.exit_code == 0);
  const json parsed = json::parse(doc.out);
  CHECK(parsed["format"] == "configspace");
  CHECK(parsed["n_variables"] == 7);
  CHECK(parsed["space"]["conditions"].size() == 3);
  CHECK(parsed["default"]["kernel"] == "rbf");
  CHECK_FALSE(parsed["default"].contains("degree"));
  CHECK(run_cli("space check --help").exit_code == 0);
  CHECK(run_cli("space --help").exit_code == 0);
}

TEST_CASE("cli space sample: JSON lines, inactive variables absent, seeds") {
  const std::string file = example("conditional_space.json");
  const Outcome first = run_cli("space sample " + file + " -n 200 --seed 7");
  REQUIRE(first.exit_code == 0);
  const auto configs = json_lines(first.out);
  REQUIRE(configs.size() == 200);
  for (const json& c : configs) {
    const std::string kernel = c["kernel"];
    CHECK(c.contains("gamma") == (kernel != "linear"));
    CHECK(c.contains("degree") == (kernel == "poly"));
    CHECK(c.contains("coef0") == (kernel == "poly" && c["degree"].get<int>() > 2));
    if (kernel == "linear") CHECK((c["bits"] != 2 && c["bits"] != 16));
  }
  CHECK(run_cli("space sample " + file + " -n 200 --seed 7").out == first.out);
  CHECK(run_cli("space sample " + file + " -n 200 --seed 8").out != first.out);
  const Outcome doc = run_cli("space sample --json " + file + " -n 3");
  REQUIRE(doc.exit_code == 0);
  CHECK(json::parse(doc.out)["configurations"].size() == 3);
}

TEST_CASE("cli space: errors go to stderr with the file and JSON path, exit code 2") {
  const fs::path bad = scratch_dir() / "space.json";
  std::ofstream(bad) << R"({"hyperparameters": [
    {"type": "uniform_float", "name": "a", "lower": 0, "upper": 1},
    {"type": "uniform_float", "name": "b", "lower": 0, "upper": 1},
    {"type": "categorical", "name": "c", "choices": [1, 2]},
    {"type": "uniform_float", "name": "lr", "lower": 0, "upper": 1, "log": true}]})";
  const Outcome check = run_cli("space check " + bad.string());
  CHECK(check.exit_code == 2);
  CHECK(check.err ==
        "paretokit: error: " + bad.string() + ": hyperparameters[3].lower: must be > 0 on a log scale\n");
  const Outcome sample = run_cli("space sample " + bad.string() + " -n 2");
  CHECK(sample.exit_code == 2);
  CHECK(run_cli("space sample " + example("svm_configspace.json") + " -n 0").exit_code == 2);
  CHECK(run_cli("space sample " + example("svm_configspace.json")).exit_code == 2);  // no -n
  CHECK(run_cli("space frobnicate x").exit_code == 2);
  CHECK(run_cli("space").exit_code == 2);
  CHECK(run_cli("space check /nonexistent.json").exit_code == 2);
}
