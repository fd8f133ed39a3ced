// Runs `paretokit nas` (PARETOKIT_CLI): the search on a reduced space with
// its run folder, --describe, and the exit codes and messages of bad input.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
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


const std::string kReduced = " --stage-blocks 2,1,1,1,1,1 --kernels 3,5 --expansions 3,6";

}  // namespace

TEST_CASE("cli nas: a search writes the run folder and prints the front in block notation") {
  const fs::path folder = scratch_dir() / "run";
  const Outcome outcome =
      run_cli("nas --space proxyless --device " + data_path("devices/nvidia_v100_sxm2.json") +
              " --objectives latency,params,accuracy --algorithm nsga3 --budget 600 --threads 1"
              " --json --out '" +
              folder.string() + "'" + kReduced);
  INFO(outcome.err);
  REQUIRE(outcome.exit_code == 0);
  const auto document = nlohmann::json::parse(outcome.out);
  CHECK(document["accuracy_is_proxy"] == true);
  CHECK(outcome.err.find("capacity proxy") != std::string::npos);
  REQUIRE(!document["front"].empty());
  for (const auto& row : document["front"]) {
    const std::string arch = row["arch"];
    CHECK(std::count(arch.begin(), arch.end(), ',') == 6);
    CHECK(row["latency_ms"].get<double>() > 0);
  }
  for (const char* file : {"config.json", "trials.jsonl", "front.txt", "front.json", "summary.json",
                           "architectures.json", "report.html"}) {
    CHECK(fs::is_regular_file(folder / file));
  }
  const auto config = nlohmann::json::parse(slurp(folder / "config.json"));
  CHECK(config["command"] == "nas");
  CHECK(config["problem_params"]["space"]["stage_blocks"] == nlohmann::json({2, 1, 1, 1, 1, 1}));
  // Same seed, same front.
  const Outcome again =
      run_cli("nas --device " + data_path("devices/nvidia_v100_sxm2.json") +
              " --objectives latency,params,accuracy --budget 600 --threads 2 --json --out '" +
              (scratch_dir() / "run2").string() + "'" + kReduced);
  REQUIRE(again.exit_code == 0);
  CHECK(nlohmann::json::parse(again.out)["front"] == document["front"]);
  // The folder is not overwritten.
  CHECK(run_cli("nas --device " + data_path("devices/nvidia_v100_sxm2.json") +
                " --objectives latency,params --budget 10 --out '" + folder.string() + "'" + kReduced)
            .exit_code == 2);
}

TEST_CASE("cli nas: --describe prints the per-layer table with the published totals") {
  const Outcome outcome = run_cli("nas --describe " + data_path("proxylessnas/mobile.json"));
  REQUIRE(outcome.exit_code == 0);
  CHECK(outcome.out.find("blocks.21.project") != std::string::npos);
  CHECK(outcome.out.find("total: 320427584 MACs (320.4 M), 4080512 params (4.08 M)") != std::string::npos);
  const Outcome json = run_cli("nas --json --describe " + data_path("proxylessnas/cpu.json") + " --device " +
                               data_path("devices/intel_xeon_platinum_8380.json"));
  REQUIRE(json.exit_code == 0);
  const auto document = nlohmann::json::parse(json.out);
  CHECK(document["totals"]["macs"] == 439243864);
  CHECK(document["totals"]["params"] == 4361648);
  double sum = 0;
  for (const auto& layer : document["layers"]) sum += layer["roofline_ms"].get<double>();
  CHECK(document["totals"]["latency_ms"].get<double>() == Approx(sum).epsilon(1e-12));
  // Block notation for the search space, with the table's per-block entries.
  const Outcome table = run_cli(
      "nas --describe 5x5_MBConv3,3x3_MBConv3,zero,zero,7x7_MBConv3,3x3_MBConv3,5x5_MBConv3,5x5_MBConv3,"
      "7x7_MBConv6,5x5_MBConv3,5x5_MBConv3,5x5_MBConv3,5x5_MBConv6,5x5_MBConv3,5x5_MBConv3,5x5_MBConv3,"
      "7x7_MBConv6,7x7_MBConv6,7x7_MBConv3,7x7_MBConv3,7x7_MBConv6 --latency-table " +
      data_path("proxylessnas/mobile_latency_lut.json"));
  INFO(table.err);
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("latency 82.5239 ms (lookup table)") != std::string::npos);
}

TEST_CASE("cli nas: an accuracy table fits the surrogate that the accuracy objective uses") {
  // 40 architectures of the reduced space, accuracy 70 + 0.2 per kernel-5
  // block + 0.5 per expansion-6 block (an additive truth the ridge fits).
  const std::vector<std::string> ops{"3x3_MBConv3", "3x3_MBConv6", "5x5_MBConv3", "5x5_MBConv6"};
  nlohmann::json rows = nlohmann::json::array();
  std::mt19937 random(5);  // mt19937's stream is fixed by the standard
  for (int r = 0; r < 40; ++r) {
    std::string arch;
    double accuracy = 70;
    for (int b = 0; b < 7; ++b) {
      const int c = static_cast<int>(random() % 4);
      arch += (b ? "," : "") + ops[static_cast<std::size_t>(c)];
      accuracy += (c >= 2 ? 0.2 : 0) + (c % 2 ? 0.5 : 0);
    }
    rows.push_back({{"arch", arch}, {"accuracy", accuracy}});
  }
  const fs::path table = scratch_dir() / "accuracy.json";
  std::ofstream(table) << nlohmann::json({{"architectures", rows}}).dump();
  const Outcome outcome =
      run_cli("nas --device " + data_path("devices/nvidia_a100_sxm4_40gb.json") +
              " --objectives latency,accuracy --budget 3000 --threads 1 --json --ridge-lambda 0.01"
              " --accuracy-table '" +
              table.string() + "' --out '" + (scratch_dir() / "accuracy_run").string() + "'" + kReduced);
  INFO(outcome.err);
  REQUIRE(outcome.exit_code == 0);
  CHECK(outcome.err.find("capacity proxy") == std::string::npos);
  const auto document = nlohmann::json::parse(outcome.out);
  CHECK(document["accuracy_is_proxy"] == false);
  REQUIRE(!document["front"].empty());
  // The most accurate architecture of the front is all 5x5_MBConv6 (zero is
  // not in the table: its weight 0 is about its block's average choice).
  double best = 0;
  std::string best_arch;
  for (const auto& row : document["front"]) {
    if (row["accuracy"].get<double>() > best) {
      best = row["accuracy"].get<double>();
      best_arch = row["arch"];
    }
  }
  CHECK(best_arch.find("3x3") == std::string::npos);
  CHECK(best == Approx(70 + 7 * 0.7).margin(0.1));
}

TEST_CASE("cli nas: bad input exits 2 naming file, field and reason") {
  const fs::path device = scratch_dir() / "device.json";
  std::ofstream(device) << R"({"name": "no peak", "memory_bandwidth": 1e11})";
  Outcome outcome = run_cli("nas --device '" + device.string() + "' --objectives latency,flops");
  CHECK(outcome.exit_code == 2);
  CHECK(outcome.err == "paretokit: error: " + device.string() +
                           ": peak_flops: missing: the device's peak arithmetic rate in FLOP/s\n");
  outcome = run_cli("nas --latency-table " + data_path("proxylessnas/mobile_latency_lut.json") +
                    " --objectives latency,flops --width-multiplier 0.5");
  CHECK(outcome.exit_code == 2);
  CHECK(outcome.err.find("mobile_latency_lut.json: first_conv: the table has no entry") != std::string::npos);
  outcome = run_cli("nas --objectives latency,size --device " + data_path("devices/nvidia_v100_sxm2.json"));
  CHECK(outcome.exit_code == 2);
  CHECK(outcome.err.find("--objectives: unknown objective 'size'") != std::string::npos);
  outcome = run_cli("nas --describe 3x3_MBConv3,zero");
  CHECK(outcome.exit_code == 2);
  CHECK(outcome.err.find("--describe: the architecture lists 2 blocks") != std::string::npos);
  outcome = run_cli("nas --space darts --objectives flops,params");
  CHECK(outcome.exit_code == 2);
  CHECK(run_cli("nas --help").exit_code == 0);
}
