// What a new user hit in `paretokit sweep` (issue 18): a limit of 0, the
// resolved population size, --summary-hv, the reference on the CLI line, and
// a resume whose checkpoint was deleted.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>

#include "io/temp_dir.hpp"
#include "paretokit/io/atomic_file.hpp"

using namespace paretokit;

namespace {

// Runs `paretokit <arguments>` with stdout and stderr to `log`; the exit code.
int cli(const std::string& arguments, const std::filesystem::path& log) {
  const std::string command =
      std::string("\"") + PARETOKIT_CLI + "\" " + arguments + " >" + log.string() + " 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("sweep ux: a limit of 0 is rejected, not read as the default 250 generations") {
  test::TempDir dir("sweep-ux");
  for (const std::string limit : {"--generations 0", "--evaluations 0", "--time 0"}) {
    INFO(limit);
    CHECK(cli("sweep --problem zdt1 --algorithm nsga2 " + limit + " --out " + (dir / "x").string(),
              dir / "log") == 2);
    CHECK(read_text_file(dir / "log").find("must be > 0") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "x"));
  }
}

TEST_CASE("sweep ux: resolved pop_size, --summary-hv, the full reference on the line, a deleted checkpoint") {
  test::TempDir dir("sweep-ux");
  const auto out = dir / "run";
  REQUIRE(
      cli("sweep --problem dtlz2 --algorithm nsga3 --generations 2 --summary-hv approx --out " + out.string(),
          dir / "log") == 0);
  const std::string line = read_text_file(dir / "log");
  INFO(line);
  CHECK(line.find("Monte Carlo") != std::string::npos);
  CHECK(line.find("reference [1.1,1.1,1.1]") != std::string::npos);
  CHECK(line.find("ideal and nadir") != std::string::npos);
  const auto config = read_json_file(out / "config.json");
  CHECK(config["resolved"]["algorithm_options"]["pop_size"] == 92);  // 91 directions, NSGA-III's 92
  CHECK(config["summary_hv"] == "approx");
  const auto summary = read_json_file(out / "summary.json");
  CHECK(summary["algorithm_params"]["pop_size"] == 92);
  CHECK(summary["hypervolume"]["method"] == "monte_carlo");

  CHECK(cli("sweep --problem dtlz2 --algorithm moead --generations 1 --out " + (dir / "moead").string(),
            dir / "log") == 0);
  CHECK(read_json_file(dir / "moead" / "config.json")["resolved"]["algorithm_options"]["pop_size"] == 91);

  CHECK(cli("sweep --problem zdt1 --algorithm nsga2 --generations 2 --summary-hv fast --out " +
                (dir / "y").string(),
            dir / "log") == 2);

  // A finished run whose checkpoint is gone is not silently redone from scratch.
  std::filesystem::remove(out / "checkpoint.json");
  CHECK(cli("sweep --resume " + out.string(), dir / "log") == 2);
  CHECK(read_text_file(dir / "log").find("checkpoint.json is missing") != std::string::npos);
}
