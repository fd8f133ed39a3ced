// Runs `paretokit offload` (PARETOKIT_CLI) on the tiny scenario: the JSON
// document, the run folder, the same result whatever the thread count, and
// exit code 2 with file and field for a bad scenario.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "support/cli.hpp"
#include "test_scenarios.hpp"

namespace fs = std::filesystem;

namespace {

using Outcome = paretokit::test::CliOutcome;
using paretokit::test::run_cli;
using paretokit::test::slurp;

// This process's folder (support/cli.hpp), removed when the tests end.
fs::path scratch_dir() { return paretokit::test::cli_scratch_dir(); }


std::string tiny() { return "--scenario '" + offloading_test::data_path("mec-tiny.json") + "'"; }

}  // namespace

TEST_CASE("offload --json: front, baselines, hypervolumes and a run folder", "[offloading]") {
  const fs::path folder = scratch_dir() / "run1";
  const Outcome a =
      run_cli("offload " + tiny() + " --budget 400 --threads 1 --json --out '" + folder.string() + "'");
  REQUIRE(a.exit_code == 0);
  const auto doc = nlohmann::json::parse(a.out);
  CHECK(doc["policy"] == "linear");
  CHECK(doc["baselines"].size() == 16);
  CHECK(doc["reference"].size() == 2);
  CHECK(doc["front_hypervolume"].get<double>() > 0);
  CHECK(!doc["front"].empty());
  CHECK(doc["evaluations"].get<int>() >= 400);
  for (const char* file : {"config.json", "trials.jsonl", "front.txt", "front.json", "summary.json",
                           "offload.json", "baselines.txt"}) {
    CHECK(fs::is_regular_file(folder / file));
  }
  CHECK(nlohmann::json::parse(slurp(folder / "offload.json")) == doc);

  // Same seed, two threads: the same front.
  const Outcome b = run_cli("offload " + tiny() + " --budget 400 --threads 2 --json --out '" +
                            (scratch_dir() / "run2").string() + "'");
  REQUIRE(b.exit_code == 0);
  CHECK(nlohmann::json::parse(b.out)["front"] == doc["front"]);

  // Static and MLP policies, three objectives.
  const Outcome c = run_cli("offload " + tiny() +
                            " --policy static --budget 200 --deadline-objective --warm-start --json --out '" +
                            (scratch_dir() / "run3").string() + "'");
  REQUIRE(c.exit_code == 0);
  const auto static_doc = nlohmann::json::parse(c.out);
  CHECK(static_doc["reference"].size() == 3);
  CHECK(static_doc["uncovered_baselines"].empty());  // the warm start holds every baseline
  CHECK(run_cli("offload " + tiny() + " --policy mlp --budget 100 --out '" +
                (scratch_dir() / "run4").string() + "'")
            .exit_code == 0);
  // The folder is taken now.
  CHECK(run_cli("offload " + tiny() + " --budget 100 --out '" + folder.string() + "'").exit_code == 2);
}

TEST_CASE("offload: bad input is exit code 2 with file and field", "[offloading]") {
  const fs::path bad = scratch_dir() / "bad.json";
  {
    std::ifstream in(offloading_test::data_path("mec-tiny.json"));
    nlohmann::json j = nlohmann::json::parse(in);
    j["radio"]["shadowing"]["std_db"] = -2;
    std::ofstream(bad) << j.dump();
  }
  const Outcome a = run_cli("offload --scenario '" + bad.string() + "' --budget 10");
  CHECK(a.exit_code == 2);
  CHECK_THAT(a.err, Catch::Contains("bad.json") && Catch::Contains("radio.shadowing.std_db") &&
                        Catch::Contains(">= 0"));
  CHECK(run_cli("offload --budget 10").exit_code == 2);
  CHECK(run_cli("offload " + tiny() + " --policy greedy").exit_code == 2);
  CHECK(run_cli("offload " + tiny() + " --budget 0").exit_code == 2);
  CHECK(run_cli("offload " + tiny() + " --policy dag --budget 10").exit_code == 2);  // no --dag
  CHECK(run_cli("offload --help").exit_code == 0);
}
