// `paretokit quantize --accuracy-command` end to end: the command runs once
// per frontier configuration through the process evaluator, its accuracy
// (a deterministic fake computed from config.json) is reported beside each
// point, failed trials keep their status without stopping the run.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <numeric>
#include <string>

#include <nlohmann/json.hpp>

#include "io/temp_dir.hpp"
#include "support/cli.hpp"

namespace {

using Run = paretokit::test::CliOutcome;
using paretokit::test::run_cli;

// Two searched decisions (b and b_skip tied) beside a fixed stem.
const char* const kTable = R"({
  "model": "toy",
  "layers": [
    {"name": "stem", "weights": 432, "macs": 100000, "fixed_bits": 8},
    {"name": "a", "weights": 2304, "macs": 500000, "hessian_trace_per_weight": 0.08,
     "perturbation": {"2": 60, "3": 14, "4": 3.5, "8": 0.014}},
    {"name": "b", "weights": 4608, "macs": 300000, "hessian_trace_per_weight": 0.02,
     "perturbation": {"2": 120, "3": 29, "4": 7, "8": 0.027}},
    {"name": "b_skip", "weights": 512, "macs": 40000, "hessian_trace_per_weight": 0.05,
     "perturbation": {"2": 13, "3": 3.2, "4": 0.8, "8": 0.003}}],
  "tie_groups": [["b", "b_skip"]]})";

// The fake accuracy: 50 + a's bits + 2 x b's bits, read from config.json
// (one "name": value per line); configurations with a at 2 bits crash.
const char* const kFakeAccuracy = R"(awk -F: '
  /"a"/ { gsub(/[ ,]/, "", $2); a = $2 }
  /"b"/ { gsub(/[ ,]/, "", $2); b = $2 }
  END { if (a == 2) exit 3; printf "{\"accuracy\": %d, \"other\": 1}\n", 50 + a + 2 * b }' "$1"
)";

std::string setup(const paretokit::test::TempDir& dir) {
  std::ofstream(dir / "toy.json") << kTable;
  std::ofstream(dir / "fake.sh") << kFakeAccuracy;
  return "quantize --table '" + (dir / "toy.json").string() + "' --bits 2,4,8 --objectives omega,size";
}

}  // namespace

TEST_CASE("quantize accuracy-command: every frontier configuration measured, failures kept as statuses") {
  paretokit::test::TempDir dir("quantize-accuracy");
  const std::string run_folder = (dir / "run").string();
  const Run run = run_cli(setup(dir) + " --accuracy-command 'sh " + (dir / "fake.sh").string() +
                              " {config_file}' --workers 3 --json --out '" + run_folder + "'");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto document = nlohmann::json::parse(run.out);
  const auto& frontier = document["quantization"]["frontier"];
  REQUIRE(frontier.size() >= 3);  // 3 x 3 configurations, a few on the frontier
  std::size_t crashed = 0, measured = 0;
  for (const auto& point : frontier) {
    const int a = point["bits"][0], b = point["bits"][1];
    CHECK(point["bits"][2] == b);  // the tie group
    if (a == 2) {
      ++crashed;
      CHECK(point["accuracy_status"] == "crashed");
      CHECK(point["accuracy"].is_null());
      CHECK(point["accuracy_message"].get<std::string>().find("exit code 3") != std::string::npos);
    } else {
      ++measured;
      CHECK(point["accuracy_status"] == "success");
      CHECK(point["accuracy"] == 50 + a + 2 * b);
    }
  }
  CHECK(crashed > 0);  // the all-2-bit model is on the frontier (least size)
  CHECK(measured > 0);
  const auto& summary = document["quantization"]["accuracy"];
  CHECK(summary["measured"] == frontier.size());
  CHECK(summary["failed"] == crashed);

  // The run folder: accuracy.jsonl in frontier order, the trial folders,
  // the settings in config.json and the block in summary.json.
  std::ifstream log(dir / "run" / "accuracy.jsonl");
  std::string line;
  std::size_t index = 0;
  while (std::getline(log, line)) {
    const auto entry = nlohmann::json::parse(line);
    CHECK(entry["index"] == index);
    CHECK(entry["config"]["a"] == frontier[index]["bits"][0]);
    CHECK(entry["config"]["b_skip"] == frontier[index]["bits"][2]);
    CHECK(entry["accuracy_status"] == frontier[index]["accuracy_status"]);
    CHECK(std::filesystem::exists(dir / "run" / "accuracy_trials" / std::to_string(index) / "outcome.json"));
    ++index;
  }
  CHECK(index == frontier.size());
  std::ifstream config_file(dir / "run" / "config.json");
  const auto config = nlohmann::json::parse(config_file);
  CHECK(config["accuracy"]["key"] == "accuracy");
  CHECK(config["accuracy"]["workers"] == 3);
  std::ifstream summary_file(dir / "run" / "summary.json");
  CHECK(nlohmann::json::parse(summary_file)["quantization"]["accuracy"]["failed"] == crashed);

  // The text output: a measured column and a line per failure.
  const Run text = run_cli(setup(dir) + " --accuracy-command 'sh " + (dir / "fake.sh").string() +
                               " {config_file}' --accuracy-key other --out '" + (dir / "text").string() + "'");
  INFO(text.err);
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("other(measured)") != std::string::npos);
  CHECK(text.out.find(" crashed ") != std::string::npos);
  // The all-2-bit model (least size) comes last, by increasing omega.
  const std::string failure =
      "accuracy of configuration " + std::to_string(frontier.size() - 1) + " crashed: exit code 3";
  CHECK(text.out.find(failure) != std::string::npos);
  CHECK(frontier.back()["bits"] == nlohmann::json({2, 2, 2}));
}

TEST_CASE("quantize accuracy-command: a command that always crashes, and bad flags") {
  paretokit::test::TempDir dir("quantize-accuracy-bad");
  const std::string base = setup(dir);
  const Run crash = run_cli(
      base + " --accuracy-command 'exit 1' --timeout 30 --json --out '" + (dir / "crash").string() + "'");
  INFO(crash.err);
  REQUIRE(crash.exit_code == 0);  // the frontier stands; every measurement failed
  const auto document = nlohmann::json::parse(crash.out);
  for (const auto& point : document["quantization"]["frontier"]) CHECK(point["accuracy_status"] == "crashed");
  CHECK(document["quantization"]["accuracy"]["failed"] == document["quantization"]["frontier"].size());

  // The first result lacks the key: an input error naming --accuracy-key.
  const Run wrong_key =
      run_cli(base + " --accuracy-command 'echo {{\\\"acc\\\": 1}}' --accuracy-key nope --out '" +
                  (dir / "wrong").string() + "'");
  CHECK(wrong_key.exit_code == 2);
  CHECK(wrong_key.err.find("--accuracy-key") != std::string::npos);
  CHECK(wrong_key.err.find("nope") != std::string::npos);

  for (const std::string flags :
       {"--workers 2", "--accuracy-key acc", "--timeout 5", "--accuracy-command 'exit 0' --workers 0",
        "--accuracy-command 'no_such_program_xyz {config_file}'",
        "--accuracy-command 'echo {no_such_layer}'"}) {
    const Run bad = run_cli(base + " " + flags + " --out '" + (dir / "never").string() + "'");
    INFO(flags << ": " << bad.err);
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("paretokit: error:") != std::string::npos);
  }
}
