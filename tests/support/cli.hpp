// Running the `paretokit` executable from a test, as a user's shell would:
//
//   const paretokit::test::CliOutcome run = paretokit::test::run_cli("hv --json points.txt");
//   CHECK(run.exit_code == 0);
//
// stdout and stderr are captured through files in a folder of this test
// process (removed when it ends), one pair per call, so that test cases that
// ctest runs in parallel, each in its own process, never share them.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace paretokit::test {

struct CliOutcome {
  int exit_code = -1;  // -1 when the process did not exit normally
  std::string out, err;
};

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// This process's scratch folder, created on first use and removed at exit.
inline const std::filesystem::path& cli_scratch_dir() {
  struct Scratch {
    Scratch()
        : path(std::filesystem::temp_directory_path() / ("paretokit_cli_test_" + std::to_string(::getpid()))) {
      std::filesystem::remove_all(path);
      std::filesystem::create_directories(path);
    }
    ~Scratch() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
    std::filesystem::path path;
  };
  static const Scratch scratch;
  return scratch.path;
}

// Runs `PARETOKIT_CLI <arguments>` through /bin/sh (arguments are shell words).
inline CliOutcome run_cli(const std::string& arguments) {
  static std::atomic<int> calls{0};
  const std::string stem = (cli_scratch_dir() / ("call" + std::to_string(calls++))).string();
  const std::string out = stem + ".out", err = stem + ".err";
  const std::string command =
      std::string("'") + PARETOKIT_CLI + "' " + arguments + " > '" + out + "' 2> '" + err + "'";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

}  // namespace paretokit::test
