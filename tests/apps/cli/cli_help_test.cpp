// The command line as a new user reads it (issue 18): --version, the
// algorithms list, and every command's help within 80 columns, with a value
// placeholder for every option (never program_options' "arg") and a usage
// line that names every option.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/algorithms/registry.hpp"
#include "paretokit/learning/registry.hpp"

namespace {

std::string output_of(const std::string& arguments) {
  const std::string command = std::string("\"") + PARETOKIT_CLI + "\" " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, got);
  pclose(pipe);
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("cli: --version and the algorithms list from the registry's catalog") {
  CHECK(std::regex_search(output_of("--version"), std::regex("^paretokit [0-9]+\\.[0-9]+\\.[0-9]+\n$")));
  const std::string list = output_of("algorithms");
  paretokit::register_learning_algorithms();  // as the command line does at start-up
  for (const auto& info : paretokit::algorithm_catalog()) {
    INFO(info.name);
    CHECK(list.find(info.name + ": " + info.title) != std::string::npos);
    for (const auto& parameter : info.parameters) CHECK(list.find("    " + parameter.name + " = ") != std::string::npos);
  }
  const auto json = nlohmann::json::parse(output_of("algorithms --json"));
  CHECK(json["algorithms"].size() == paretokit::algorithm_catalog().size());
  CHECK(list.find("one generation is one offspring") != std::string::npos);  // SMS-EMOA
}

TEST_CASE("cli: every command's help fits 80 columns, has placeholders and a complete usage line") {
  std::vector<std::string> commands;
  for (const auto& line : lines_of(output_of("--help"))) {
    if (line.size() > 2 && line.rfind("  ", 0) == 0 && line[2] != ' ') commands.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  REQUIRE(commands.size() > 10);
  for (const auto& command : commands) {
    INFO(command);
    const std::string help = output_of(command + " --help");
    const std::string usage = help.substr(0, help.find("\n\n"));
    bool in_options = false;
    for (const auto& line : lines_of(help)) {
      CHECK(line.size() <= 80);
      if (line == "options:") in_options = true;
      if (!in_options) continue;
      CHECK_FALSE(std::regex_search(line, std::regex("^  .*--[a-z-]+ arg\\b")));
      std::smatch option;
      if (std::regex_search(line, option, std::regex("^  (?:-[a-z], )?(--[a-z-]+)"))) {
        const std::string name = option[1];
        if (name == "--help" || name == "--timing" || name == "--output") continue;  // global, or deprecated
        CHECK(std::regex_search(usage, std::regex(name + "\\b")));
      }
    }
  }
}

TEST_CASE("cli: plot draws point files as SVG or HTML, with a front beneath") {
  const std::string dir =
      std::filesystem::temp_directory_path() / ("paretokit_plot_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/a.txt") << "0 1\n1 0\n\n0.5 0.5\n";
  std::ofstream(dir + "/front.txt") << "0 1\n0.5 0.29\n1 0\n";
  std::ofstream(dir + "/five.txt") << "1 2 3 4 5\n5 4 3 2 1\n";
  CHECK(output_of("plot " + dir + "/a.txt --front " + dir + "/front.txt --out " + dir + "/a.svg")
            .find("2 series") != std::string::npos);
  std::ifstream svg(dir + "/a.svg");
  const std::string text((std::istreambuf_iterator<char>(svg)), std::istreambuf_iterator<char>());
  CHECK(text.rfind("<svg xmlns", 0) == 0);
  CHECK(text.find("#9a9a9a") != std::string::npos);  // the front, grey
  CHECK(text.find("a.txt #2") != std::string::npos);
  output_of("plot " + dir + "/five.txt --out " + dir + "/five.html");
  std::ifstream html(dir + "/five.html");
  const std::string page((std::istreambuf_iterator<char>(html)), std::istreambuf_iterator<char>());
  CHECK(page.find("<!DOCTYPE html>") == 0);
  CHECK(page.find("scaled value") != std::string::npos);  // parallel coordinates
  CHECK(output_of("plot " + dir + "/a.txt --out " + dir + "/a.png").find("must end in .svg or .html") !=
        std::string::npos);
  std::filesystem::remove_all(dir);
}
