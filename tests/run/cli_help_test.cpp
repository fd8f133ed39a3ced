// The command line as a new user reads it (issue 18): --version, the
// algorithms list, and every command's help within 80 columns, with a value
// placeholder for every option (never program_options' "arg") and a usage
// line that names every option.
#include <catch2/catch.hpp>

#include <cstdio>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/algorithms/registry.hpp"

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
