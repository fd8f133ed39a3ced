// psl-mobo through the command line: sweep --budget writes the run folder and
// the learned set, a resumed run ends as the uninterrupted one, psl-sample
// maps preferences to solutions, and bad input exits with 2.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>
#include <catch2/catch.hpp>

#include "io/temp_dir.hpp"
#include "paretokit/io/atomic_file.hpp"

using namespace paretokit;

namespace {

int run(const std::string& args, const std::filesystem::path& output) {
  const std::string command = std::string(PARETOKIT_CLI) + " " + args + " > " + output.string() + " 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

const std::string kSmall =
    "--problem zdt1 --problem-params '{\"n_var\": 3}' --algorithm psl-mobo --algorithm-params "
    "'{\"n_init\": 6, \"batch_size\": 3, \"hidden\": 16, \"n_steps\": 30, \"n_candidates\": 100, "
    "\"gp_starts\": 2}' "
    "--seed 4 --threads 2 ";

}  // namespace

TEST_CASE("sweep with psl-mobo writes the learned set, resumes exactly, and psl-sample reads it") {
  test::TempDir dir("learning-cli");
  const auto out = dir.path() / "out.txt";
  REQUIRE(run("sweep " + kSmall + "--budget 15 --out " + (dir.path() / "full").string(), out) == 0);
  REQUIRE(std::filesystem::exists(dir.path() / "full" / "set_model.json"));
  const std::string full_trials = read_text_file(dir.path() / "full" / "trials.jsonl");

  // Stop after 2 generations (12 evaluations), then resume to the budget of 15:
  // --resume reads the generation limit from config.json, so edit it there.
  const auto part = dir.path() / "part";
  REQUIRE(run("sweep " + kSmall + "--budget 15 --generations 2 --checkpoint-every 1 --out " + part.string(),
              out) == 0);
  auto config = read_json_file(part / "config.json");
  config["termination"]["generations"] = 0;
  write_json_atomically(part / "config.json", config);
  REQUIRE(run("sweep --resume " + part.string() + " --threads 1", out) == 0);
  CHECK(read_text_file(part / "trials.jsonl") == full_trials);
  CHECK(read_text_file(part / "front.txt") == read_text_file(dir.path() / "full" / "front.txt"));
  CHECK(read_text_file(part / "set_model.json") == read_text_file(dir.path() / "full" / "set_model.json"));

  REQUIRE(run("psl-sample " + (dir.path() / "full").string() + " -n 5", out) == 0);
  std::istringstream lines(read_text_file(out));
  int rows = 0;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream numbers(line);
    double x = 0;
    int columns = 0;
    while (numbers >> x) {
      CHECK(x >= 0.0);
      CHECK(x <= 1.0);
      ++columns;
    }
    CHECK(columns == 3);
    ++rows;
  }
  CHECK(rows == 5);

  const auto prefs = dir.path() / "prefs.txt";
  std::ofstream(prefs) << "1 0\n0.5 0.5\n0 -1\n";
  CHECK(run("psl-sample " + (dir.path() / "full").string() + " --preferences " + prefs.string(), out) == 2);
  CHECK(read_text_file(out).find("prefs.txt:3") != std::string::npos);
}

TEST_CASE("a budget below the initial design is a usage error") {
  test::TempDir dir("learning-cli-budget");
  const auto out = dir.path() / "out.txt";
  CHECK(run("sweep " + kSmall + "--budget 4 --out " + (dir.path() / "r").string(), out) == 2);
  CHECK(read_text_file(out).find("initial design") != std::string::npos);
  CHECK(run("sweep --problem zdt1 --problem-params '{\"n_var\": 31}' --algorithm svh-psl --budget 100 --out " +
                (dir.path() / "w").string(),
            out) == 2);
  CHECK(read_text_file(out).find("max_variables") != std::string::npos);
}
