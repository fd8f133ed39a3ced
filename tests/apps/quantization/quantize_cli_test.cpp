// `paretokit quantize` end to end (a separate process): the frontier and the
// budget choice on stdout, the run folder, and exit code 2 with file, field
// and reason for bad tables and options.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "io/temp_dir.hpp"
#include "support/cli.hpp"

namespace {

using Run = paretokit::test::CliOutcome;
using paretokit::test::run_cli;

// A table with four bit-widths of data, a fixed layer and a tie group.
const char* const kTable = R"({
  "model": "toy",
  "layers": [
    {"name": "stem", "weights": 432, "macs": 100000, "fixed_bits": 8},
    {"name": "a", "weights": 2304, "macs": 500000, "hessian_trace_per_weight": 0.08,
     "perturbation": {"2": 60, "3": 14, "4": 3.5, "8": 0.014}},
    {"name": "b", "weights": 4608, "macs": 300000, "hessian_trace_per_weight": 0.02,
     "perturbation": {"2": 120, "3": 29, "4": 7, "8": 0.027}},
    {"name": "b_skip", "weights": 512, "macs": 40000, "hessian_trace_per_weight": 0.05,
     "perturbation": {"2": 13, "3": 3.2, "4": 0.8, "8": 0.003}},
    {"name": "c", "weights": 9216, "macs": 200000, "hessian_trace_per_weight": 0.004,
     "perturbation": {"2": 240, "3": 58, "4": 14, "8": 0.055}}],
  "tie_groups": [["b", "b_skip"]]})";

}  // namespace

TEST_CASE("quantize cli: ResNet18 with a BOPs budget prints HAWQ-V3's bops_0.5 configuration") {
  paretokit::test::TempDir dir("quantize-cli");
  const std::string out = (dir / "run").string();
  const Run run =
      run_cli("quantize --model resnet18 --bits 4,8 --objectives omega,size,bops --budget bops=0.5 --out '" +
                  out + "' --json");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto document = nlohmann::json::parse(run.out);
  const auto& q = document["quantization"];
  CHECK(q["budget_choice"]["exact"]["bits"] ==
        nlohmann::json::parse("[8, 8, 8, 4, 8, 8, 8, 8, 4, 8, 8, 8, 4, 4, 4, 4, 4, 4, 4]"));
  CHECK(q["layers"].size() == 19);
  CHECK(q["frontier"].size() == q["exact_frontier"]["size"]);
  CHECK(q["frontier"][0]["objectives"].contains("bops"));
  CHECK(std::filesystem::exists(dir / "run" / "exact_front.json"));
  CHECK(std::filesystem::exists(dir / "run" / "summary.json"));

  // The report draws the exact frontier and marks and lists the published configurations.
  const Run report = run_cli("report '" + out + "'");
  INFO(report.err);
  REQUIRE(report.exit_code == 0);
  std::ifstream in(dir / "run" / "report.html");
  const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(html.find("grey: the exact frontier") != std::string::npos);
  CHECK(html.find("published configurations") != std::string::npos);
  CHECK(html.find("<td>bops_0.5</td>") != std::string::npos);
}

TEST_CASE("quantize cli: an evolutionary search over a table with four bit-widths reports its hypervolume") {
  paretokit::test::TempDir dir("quantize-cli");
  std::ofstream(dir / "toy.json") << kTable;
  const Run run =
      run_cli("quantize --table '" + (dir / "toy.json").string() +
                  "' --bits 2,3,4,8 --objectives omega,size --algorithm nsga2 --generations 30 --threads 1"
                  " --seed 3 --out '" +
                  (dir / "run").string() + "'");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("quantize toy: 4 searched layers in 3 decisions, bits 2 3 4 8") != std::string::npos);
  CHECK(run.out.find("nsga2 front: ") != std::string::npos);
  // 4^3 = 64 configurations: the search finds the whole exact frontier.
  CHECK(run.out.find("(ratio 1)") != std::string::npos);
  CHECK(std::filesystem::exists(dir / "run" / "trials.jsonl"));
}

TEST_CASE("quantize cli: bad tables and options exit 2 naming the file, the field and the reason") {
  paretokit::test::TempDir dir("quantize-cli");
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return "--table '" + (dir / name).string() + "'";
  };
  const auto replaced = [&](const std::string& from, const std::string& to) {
    std::string text = kTable;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  struct Case {
    std::string arguments, message;
  };
  const auto bad = [&](int k) { return (dir / ("bad" + std::to_string(k) + ".json")).string(); };
  const std::vector<Case> cases = {
      {write("bad1.json", replaced(R"("weights": 2304, )", "")),
       bad(1) + ": layers[1].weights: missing field"},
      {write("bad2.json", replaced(R"("macs": 300000)", R"("macs": 0)")),
       bad(2) + ": layers[2].macs: must be positive (got 0)"},
      {write("bad3.json", replaced(R"(["b", "b_skip"])", R"(["b", "skip"])")),
       bad(3) + ": tie_groups[0][1]: unknown layer 'skip'"},
      {write("bad4.json", replaced(R"("3": 3.2, )", "")) + " --bits 2,3,8",
       bad(4) + ": layers[3].perturbation: no entry for 3 bits (the bit-widths searched need one each)"},
      {"--model resnet18 --bits 2,4,8",
       "data/hawq/resnet18.layers.json: layers[1].perturbation: no entry for 2 bits"},
      {"--model alexnet", "--model: unknown model 'alexnet'"},
      {"--model resnet18 --objectives omega", "--objectives: needs two or more objectives"},
      {"--model resnet18 --budget size=half", "--budget: 'half' is not a number"},
      {"--model resnet18 --algorithm nsga9", "algorithm: unknown algorithm 'nsga9'"},
  };
  for (const Case& c : cases) {
    INFO(c.arguments);
    const Run run = run_cli("quantize " + c.arguments + " --out '" + (dir / "never").string() + "'");
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("paretokit: error: " + c.message) != std::string::npos);
    CHECK(run.out.empty());
  }
  CHECK_FALSE(std::filesystem::exists(dir / "never"));
}

TEST_CASE(
    "quantize cli: an exact frontier too large for --max-states fails alone, and is skipped beside a "
    "search") {
  paretokit::test::TempDir dir("quantize-cli");
  const Run exact =
      run_cli("quantize --model resnet18 --max-states 3 --out '" + (dir / "a").string() + "'");
  CHECK(exact.exit_code == 1);
  CHECK(exact.err.find("paretokit: error: the exact frontier has more than 3 partial configurations") !=
        std::string::npos);
  const Run search =
      run_cli("quantize --model resnet18 --max-states 3 --algorithm nsga2 --generations 5 --out '" +
                  (dir / "b").string() + "' --json");
  INFO(search.err);
  REQUIRE(search.exit_code == 0);
  const auto q = nlohmann::json::parse(search.out)["quantization"];
  CHECK(q["exact_frontier"]["size"] == 0);
  CHECK(q["exact_frontier"]["error"].get<std::string>().find("more than 3") != std::string::npos);
  CHECK(q["hypervolume"].is_null());
  CHECK_FALSE(q["frontier"].empty());
}
