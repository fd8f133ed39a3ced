// The run page's fast trial-log readers and its bounded hypervolume curve,
// checked through the page: counts in the headline, the final hypervolume
// against the exact one of every point, the sampling note of a large run.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "paretokit/core/error.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/report/html_report.hpp"
#include "paretokit/report/svg.hpp"

using namespace paretokit;
using namespace paretokit::report;

namespace {

std::filesystem::path fresh_folder(const std::string& name) {
  const auto folder = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

struct Lcg {
  std::uint64_t state = 2024;
  double operator()() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  }
};

// n trials of m objectives near the simplex (many mutually non-dominated),
// written in TrialLog's shape; their points returned.
Matrix write_trials(const std::filesystem::path& folder, int n, int m) {
  Lcg uniform;
  Matrix f(n, m);
  std::ofstream trials(folder / "trials.jsonl");
  trials.precision(17);
  for (int t = 0; t < n; ++t) {
    double sum = 0;
    for (int j = 0; j < m; ++j) sum += f(t, j) = uniform() + 1e-3;
    trials << "{\"trial\":" << t << ",\"generation\":1,\"x\":[0.5,0.25],\"f\":[";
    for (int j = 0; j < m; ++j) {
      f(t, j) = f(t, j) / sum * (1 + 0.2 * uniform());
      trials << (j ? "," : "") << f(t, j);
    }
    trials << "]}\n";
  }
  return f;
}

std::string headline_hypervolume(const std::string& html) {
  const std::string key = "<th>hypervolume</th><td>";
  const auto at = html.find(key);
  if (at == std::string::npos) return "";
  return html.substr(at + key.size(), html.find('<', at + key.size()) - at - key.size());
}

}  // namespace

TEST_CASE("report: odd but valid trial lines read as the JSON says, damaged ones are located") {
  const auto folder = fresh_folder("paretokit_report_reading");
  {
    std::ofstream trials(folder / "trials.jsonl");
    trials << "{\"trial\":0,\"generation\":1,\"x\":[0.1],\"f\":[1,4],\"g\":[-1]}\n"
           << "\n"  // blank lines are skipped
           // keys reordered, spaces, an exponent, a message that looks like "f"
           << " { \"f\" : [ 2e0 , 2 ] , \"message\":\"\\\"f\\\":[9,9]\", \"g\":[0], \"trial\":1 }\n"
           << "{\"trial\":2,\"x\":[0.3],\"f\":[3,3],\"g\":[1]}\n"                          // infeasible
           << "{\"trial\":3,\"f\":[\"nan\",\"nan\"],\"g\":[-1],\"status\":\"crashed\"}\n"  // failed
           << "{\"trial\":4,\"f\":[4,\"inf\"],\"g\":[\"-inf\"],\"extra\":{\"a\":[1,{\"b\":\"}\"}]}}\n"
           << "{\"trial\":5,\"f\":[4,1],\"g\":[-2]}\n"
           << "{\"trial\":6,\"f\":[0.5,";  // torn: the writer died here
  }
  const std::string html = run_report_html(folder);
  CHECK(html.find("6: 3 feasible, 1 infeasible, 2 failed") != std::string::npos);

  auto fails_at = [&](const std::string& lines, std::size_t line, const std::string& field) {
    std::ofstream(folder / "trials.jsonl") << lines;
    try {
      run_report_html(folder);
      FAIL("no error for " << lines);
    } catch (const InputError& error) {
      CHECK(error.where().line == line);
      CHECK(error.where().field == field);
    }
  };
  fails_at("{\"f\":[1,2]}\n{\"f\":[1,2\n{\"f\":[1,2]}\n", 2, "");  // damaged, not last
  fails_at("{\"f\":[1,2]}\n{\"f\":[1,2,3]}\n", 2, "f");
  fails_at("{\"f\":[1,2]}\n{\"f\":[1,\"x\"]}\n", 2, "f");
  fails_at("{\"f\":[1,2]}\n{\"f\":[1,2],\"status\":\"exploded\"}\n", 2, "status");
  fails_at("{\"f\":[1,2],\"g\":[0]}\n{\"f\":[1,2]}\n", 2, "g");
  // A damaged last line is what a crash leaves: dropped.
  std::ofstream(folder / "trials.jsonl") << "{\"f\":[1,2]}\n{\"f\":[1,\n";
  CHECK(run_report_html(folder).find("1: 1 feasible") != std::string::npos);
  std::filesystem::remove_all(folder);
}

TEST_CASE("report: carps trial logs read fast: status, missing and non-finite costs are failures") {
  const auto folder = fresh_folder("paretokit_report_carps_reading");
  {
    std::ofstream logs(folder / "trial_logs.jsonl");
    logs << "{\"n_trials\":1,\"trial_info\":{\"config\":[1],\"name\":null},"
            "\"trial_value\":{\"cost\":[1,3],\"time\":0.1,\"status\":1,\"additional_info\":{}}}\n"
         << "{\"trial_value\":{\"status\":1,\"cost\":[2,2]}}\n"
         << "{\"trial_value\":{\"cost\":[0.5,0.5],\"status\":0}}\n"  // not a success
         << "{\"trial_value\":{\"status\":1}}\n"                     // no cost
         << "{\"trial_value\":{\"cost\":[\"nan\",1],\"status\":1}}\n"
         << "{\"n_trials\":6}\n"
         << "{ \"trial_value\" : { \"cost\" : [ 3 , 1 ] , \"status\" : 1.0 } }\n";
  }
  CHECK(run_report_html(folder).find("7: 3 feasible, 0 infeasible, 4 failed") != std::string::npos);
  std::ofstream(folder / "trial_logs.jsonl") << "{\"trial_value\":{\"cost\":[1,3],\"status\":1}}\n"
                                             << "{\"trial_value\":{\"cost\":[1,3,4],\"status\":1}}\n";
  try {
    run_report_html(folder);
    FAIL("a cost of another length is an error");
  } catch (const InputError& error) {
    CHECK(error.where().line == 2);
    CHECK(error.where().field == "trial_value.cost");
  }
  std::filesystem::remove_all(folder);
}

TEST_CASE("report: a bench run with --trial-logs front says so, with none it draws result.json's front") {
  const auto folder = fresh_folder("paretokit_report_trial_logs_mode");
  std::ofstream(folder / "trial_logs.jsonl") << "{\"trial_value\":{\"cost\":[1,3],\"status\":1}}\n";
  std::ofstream(folder / "config.json") << "{\"trial_logs\": \"front\"}\n";
  std::ofstream(folder / "result.json")
      << "{\"status\":\"success\",\"front\":{\"objectives\":[[1,3],[2,2],[3,1]],\"x\":[[0],[0],[0]]}}\n";
  const std::string front_page = run_report_html(folder);
  CHECK(front_page.find("final front&#39;s evaluations only") != std::string::npos);
  CHECK(front_page.find("1: 1 feasible") != std::string::npos);
  std::ofstream(folder / "trial_logs.jsonl", std::ios::trunc);  // none: no successful trial logged
  std::ofstream(folder / "config.json") << "{\"trial_logs\": \"none\"}\n";
  const std::string none_page = run_report_html(folder);
  CHECK(none_page.find("the final front of result.json") != std::string::npos);
  CHECK(none_page.find("3: 3 feasible") != std::string::npos);
  std::filesystem::remove_all(folder);
}

TEST_CASE("report: the curve's step-by-step non-dominated merging ends at the exact hypervolume") {
  for (const int m : {2, 3}) {
    const auto folder = fresh_folder("paretokit_report_merging");
    const Matrix f = write_trials(folder, 3000, m);
    RunReportOptions options;
    options.reference = Vector::Constant(m, 1.5);
    options.reference_source = "test";
    // The hypervolume of all points is that of their non-dominated set.
    const double exact = hypervolume(f, *options.reference);
    CHECK(headline_hypervolume(run_report_html(folder, options)) == format_value(exact));
    std::filesystem::remove_all(folder);
  }
}

TEST_CASE("report: a large run's page is bounded, its curve an even sample, said on the page") {
  const auto folder = fresh_folder("paretokit_report_sampled_curve");
  write_trials(folder, 40000, 3);
  const std::string html = run_report_html(folder);
  CHECK(html.size() < 2'000'000);
  CHECK(html.find("40000: 40000 feasible") != std::string::npos);
  CHECK(html.find("follow an even sample of 30000 of the 40000 feasible evaluations") != std::string::npos);
  CHECK(html.find("2000 of 40000") != std::string::npos);
  std::filesystem::remove_all(folder);
}

TEST_CASE("report: tick labels are plain numbers in one style per axis") {
  using Labels = std::vector<std::string>;
  CHECK(format_ticks(nice_ticks(0, 2, 4)) == Labels{"0", "0.5", "1", "1.5", "2"});
  CHECK(format_ticks(nice_ticks(0, 1e-3, 5)) == Labels{"0", "0.0002", "0.0004", "0.0006", "0.0008", "0.001"});
  CHECK(format_ticks(nice_ticks(1e6, 3e6, 4)) == Labels{"1e6", "1.5e6", "2e6", "2.5e6", "3e6"});
  CHECK(format_ticks(nice_ticks(0, 1e6, 5)) == Labels{"0", "2e5", "4e5", "6e5", "8e5", "1e6"});
  CHECK(format_ticks(nice_ticks(0, 4e-5, 4)) == Labels{"0", "1e-5", "2e-5", "3e-5", "4e-5"});
  CHECK(format_ticks(nice_ticks(-1, 1, 4)) == Labels{"-1", "-0.5", "0", "0.5", "1"});
  CHECK(format_ticks({0, 0.25, 0.5, 0.75, 1}) == Labels{"0", "0.25", "0.5", "0.75", "1"});
  // Close ticks far from zero keep the digits that tell them apart.
  CHECK(format_ticks({1.00001, 1.00002, 1.00003}) == Labels{"1.00001", "1.00002", "1.00003"});
  CHECK(format_ticks(nice_ticks(0, 0.6, 3)) == Labels{"0", "0.2", "0.4", "0.6"});
  CHECK(format_ticks({2}) == Labels{"2"});
  CHECK(format_ticks({}).empty());
}
