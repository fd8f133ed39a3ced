// `paretokit nas --accuracy-command` end to end: after the search, the
// command measures every architecture of the final front through the
// process evaluator; a deterministic fake accuracy (computed from the
// config.json it gets) checks what each trial saw, a crashing command
// checks that failures are statuses, not the end of the run.
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
#include "nas_test_data.hpp"

namespace fs = std::filesystem;
using paretokit::nas::test::data_path;

namespace {

using Outcome = paretokit::test::CliOutcome;
using paretokit::test::run_cli;
using paretokit::test::slurp;

// This process's folder (support/cli.hpp), removed when the tests end.
fs::path scratch_dir() { return paretokit::test::cli_scratch_dir(); }


// The fake accuracy: 70 + the number of MBConv6 blocks in "arch", + the
// resolution / 1000; architectures whose block2 is skipped crash.
const char* const kFakeAccuracy = R"(awk -F'"' '
  $2 == "arch" { arch = $4 }
  $2 == "block2" { block2 = $4 }
  $2 == "resolution" { split($3, r, /[: ,]+/); resolution = r[2] }
  END { if (block2 == "zero") exit 4
        n = gsub(/MBConv6/, "", arch)
        printf "{\"accuracy\": %.3f}\n", 70 + n + resolution / 1000 }' "$1"
)";

int count_of(const std::string& text, const std::string& word) {
  int n = 0;
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
  return n;
}

const std::string kSearch = "nas --device " + data_path("devices/nvidia_v100_sxm2.json") +
                            " --objectives latency,params,accuracy --budget 200 --threads 1"
                            " --stage-blocks 2,1,1,1,1,1 --kernels 3,5 --expansions 3,6 --resolution 160";

}  // namespace

TEST_CASE("nas accuracy-command: every front architecture measured with what its config says") {
  std::ofstream(scratch_dir() / "fake.sh") << kFakeAccuracy;
  const fs::path folder = scratch_dir() / "run";
  const Outcome outcome =
      run_cli(kSearch + " --accuracy-command 'sh " + (scratch_dir() / "fake.sh").string() +
              " {config_file}' --workers 4 --json --out '" + folder.string() + "'");
  INFO(outcome.err);
  REQUIRE(outcome.exit_code == 0);
  const auto document = nlohmann::json::parse(outcome.out);
  const auto& front = document["front"];
  REQUIRE(front.size() >= 2);
  std::size_t failed = 0;
  for (const auto& row : front) {
    const std::string arch = row["arch"];
    const auto& measured = row["measured"];
    if (arch.rfind("zero", arch.find(',') + 1) == arch.find(',') + 1) {  // block2 skipped
      ++failed;
      CHECK(measured["accuracy_status"] == "crashed");
      CHECK(measured["accuracy"].is_null());
    } else {
      CHECK(measured["accuracy_status"] == "success");
      CHECK(measured["accuracy"].get<double>() == Approx(70 + count_of(arch, "MBConv6") + 0.16));
    }
    // The search's own accuracy objective is still the proxy.
    CHECK(row.contains("capacity_proxy"));
  }
  CHECK(failed > 0);  // the front has skipped-block2 architectures (the smallest)
  CHECK(failed < front.size());
  CHECK(document["summary"]["measured_accuracy"]["measured"] == front.size());
  CHECK(document["summary"]["measured_accuracy"]["failed"] == failed);

  // Trial 0's configuration: the notation, the blocks, resolution, width.
  const auto config = nlohmann::json::parse(slurp(folder / "accuracy_trials" / "0" / "config.json"));
  CHECK(config["arch"] == front[0]["arch"]);
  CHECK(config["resolution"] == 160);
  CHECK(config["width_multiplier"] == 1);
  CHECK(config.contains("block7"));
  std::string joined;
  for (int b = 1; b <= 7; ++b) {
    if (b > 1) joined += ',';
    joined += config["block" + std::to_string(b)].get<std::string>();
  }
  CHECK(joined == config["arch"]);

  // architectures.json, accuracy.jsonl and config.json say the same.
  const auto architectures = nlohmann::json::parse(slurp(folder / "architectures.json"));
  CHECK(architectures == front);
  std::istringstream log(slurp(folder / "accuracy.jsonl"));
  std::string line;
  std::size_t lines = 0;
  while (std::getline(log, line)) {
    const auto entry = nlohmann::json::parse(line);
    CHECK(entry["config"]["arch"] == front[lines]["arch"]);
    CHECK(entry["accuracy_status"] == front[lines]["measured"]["accuracy_status"]);
    ++lines;
  }
  CHECK(lines == front.size());
  CHECK(nlohmann::json::parse(slurp(folder / "config.json"))["accuracy"]["workers"] == 4);

  // The text output has the measured column.
  const Outcome text = run_cli(kSearch + " --accuracy-command 'sh " + (scratch_dir() / "fake.sh").string() +
                               " {config_file}' --out '" + (scratch_dir() / "text").string() + "'");
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("measured  architecture") != std::string::npos);
}

TEST_CASE("nas accuracy-command: a crashing command leaves the front, bad flags exit 2") {
  const Outcome crash = run_cli(kSearch + " --accuracy-command 'exit 1' --json --out '" +
                                (scratch_dir() / "crash").string() + "'");
  INFO(crash.err);
  REQUIRE(crash.exit_code == 0);
  const auto document = nlohmann::json::parse(crash.out);
  REQUIRE(!document["front"].empty());
  for (const auto& row : document["front"]) CHECK(row["measured"]["accuracy_status"] == "crashed");

  for (const std::string flags :
       {"--workers 2", "--timeout 1", "--accuracy-key a", "--accuracy-command 'exit 0' --timeout -1",
        "--accuracy-command 'echo {nope}'"}) {
    const Outcome bad =
        run_cli(kSearch + " " + flags + " --out '" + (scratch_dir() / "never").string() + "'");
    INFO(flags << ": " << bad.err);
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("paretokit: error:") != std::string::npos);
  }
}
