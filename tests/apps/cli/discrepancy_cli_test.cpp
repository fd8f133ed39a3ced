// The `paretokit discrepancy` and `paretokit subset` commands, run as a user would.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "paretokit/core/point_file.hpp"

namespace {

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

std::string temp_path(const std::string& name) {
  // One name per process: ctest runs test cases of this file in parallel.
  return (std::filesystem::temp_directory_path() /
          ("paretokit_discrepancy_cli_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

Outcome run(const std::string& arguments) {
  const std::string err_path = temp_path("stderr.txt");
  const std::string command = std::string(PARETOKIT_CLI) + " " + arguments + " 2>" + err_path;
  Outcome outcome;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::size_t got = 0;
  while ((got = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) outcome.out.append(buffer.data(), got);
  const int status = pclose(pipe);
  outcome.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path);
  outcome.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
  return outcome;
}

std::string write_file(const std::string& name, const std::string& text) {
  const std::string path = temp_path(name);
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("cli: discrepancy --json, exact, with the worst box") {
  // 1-D centred grid of 4 points: D* = 1/8.
  const auto file = write_file("grid.txt", "0.125\n0.375\n0.625\n0.875\n");
  const auto outcome = run("discrepancy --json " + file);
  REQUIRE(outcome.code == 0);
  const auto json = nlohmann::json::parse(outcome.out);
  CHECK(json["points"] == 4);
  CHECK(json["dimension"] == 1);
  CHECK(json["exact"] == true);
  CHECK(json["discrepancy"].get<double>() == Approx(0.125));
  CHECK(json["worst_box"].size() == 1);
  CHECK(run("discrepancy " + file).out.rfind("discrepancy 0.125", 0) == 0);
  CHECK(run("discrepancy --help").code == 0);
}

TEST_CASE("cli: discrepancy --bounds reports lower and upper") {
  const auto file = write_file("square.txt", "0.1 0.2\n0.6 0.7\n0.3 0.9\n0.8 0.4\n");
  const auto outcome = run("discrepancy --bounds --json " + file);
  REQUIRE(outcome.code == 0);
  const auto json = nlohmann::json::parse(outcome.out);
  const double exact = nlohmann::json::parse(run("discrepancy --json " + file).out)["discrepancy"];
  CHECK(json["lower"].get<double>() <= exact + 1e-12);
  CHECK(json["upper"].get<double>() >= exact - 1e-12);
}

TEST_CASE("cli: points outside the cube are an error unless --normalize") {
  const auto file = write_file("outside.txt", "# header\n0.5 0.5\n2 0.25\n1 3\n");
  const auto outcome = run("discrepancy " + file);
  CHECK(outcome.code == 2);
  CHECK(outcome.err.find("paretokit: error: " + file + ":3: ") == 0);
  CHECK(outcome.err.find("outside [0,1]") != std::string::npos);
  CHECK(run("discrepancy --normalize " + file).code == 0);
  CHECK(run("subset -k 2 " + file).code == 2);
  CHECK(run("subset -k 2 --normalize " + file).code == 0);
}

TEST_CASE("cli: ragged and non-numeric files are errors with the line") {
  const auto ragged = write_file("ragged.txt", "0.1 0.2\n0.3\n");
  auto outcome = run("discrepancy " + ragged);
  CHECK(outcome.code == 2);
  CHECK(outcome.err.find(ragged + ":2") != std::string::npos);
  const auto words = write_file("words.txt", "0.1 0.2\n0.3 abc\n");
  outcome = run("subset -k 1 " + words);
  CHECK(outcome.code == 2);
  CHECK(outcome.err.find(words + ":2") != std::string::npos);
  CHECK(run("discrepancy " + temp_path("missing.txt")).code == 2);
}

TEST_CASE("cli: subset --json, indices in input order, --output, bad k") {
  std::string text;
  for (int i = 0; i < 30; ++i)
    text +=
        std::to_string((i * 7 % 30 + 0.5) / 30.0) + " " + std::to_string((i * 11 % 30 + 0.5) / 30.0) + "\n";
  const auto file = write_file("thirty.txt", text);
  const auto output = temp_path("chosen.txt");
  const auto outcome = run("subset " + file + " -k 5 --restarts 4 --seed 3 --json --output " + output);
  REQUIRE(outcome.code == 0);
  const auto json = nlohmann::json::parse(outcome.out);
  const auto indices = json["indices"].get<std::vector<long>>();
  REQUIRE(indices.size() == 5);
  CHECK(std::is_sorted(indices.begin(), indices.end()));
  CHECK(json["discrepancy"].get<double>() > 0.0);
  const auto chosen = paretokit::read_points(output);
  REQUIRE(chosen.rows() == 5);
  const auto all = paretokit::read_points(file);
  for (std::size_t i = 0; i < indices.size(); ++i)
    CHECK(chosen.row(static_cast<long>(i)) == all.row(indices[i]));
  // Same seed, same answer, whatever the thread count.
  const auto again =
      nlohmann::json::parse(run("subset " + file + " -k 5 --restarts 4 --seed 3 --threads 1 --json").out);
  CHECK(again["indices"] == json["indices"]);
  CHECK(run("subset " + file + " -k 0").code == 2);
  CHECK(run("subset " + file + " -k 31").code == 2);
  CHECK(run("subset " + file).code == 2);  // -k missing
  CHECK(run("subset " + file + " -k 3 --restarts 0").code == 2);
  const auto timed = run("subset " + file + " -k 4 --time 0.5 --json");
  CHECK(timed.code == 0);
  const auto exact = nlohmann::json::parse(run("subset " + file + " -k 3 --exact --json").out);
  CHECK(exact["optimal"] == true);
}
