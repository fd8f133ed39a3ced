#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "paretokit/core/error.hpp"
#include "paretokit/report/charts.hpp"
#include "paretokit/report/html_report.hpp"
#include "paretokit/report/svg.hpp"

using namespace paretokit::report;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// A report.json as bench/report_json writes it: 2 tasks, 3 optimizers, 2 seeds.
nlohmann::json small_report() {
  auto summary = [](const std::string& name, double hv, double igd) {
    nlohmann::json curve = nlohmann::json::array();
    for (int s = 0; s <= 20; ++s)
      curve.push_back({{"mean", hv * s / 20.0},
                       {"std", 0.0},
                       {"min", hv * s / 25.0},
                       {"max", hv * s / 18.0},
                       {"count", 2}});
    return nlohmann::json{{"optimizer", name},
                          {"hypervolume", {{"mean", hv / 2}, {"std", 0.01}}},
                          {"hypervolume_carps", {{"mean", hv}, {"std", 0.02}}},
                          {"igd_plus", {{"mean", igd}, {"std", 0.0}}},
                          {"hypervolume_curve", curve},
                          {"hypervolume_carps_curve", curve}};
  };
  auto run = [](const std::string& name, int seed, nlohmann::json front, double hv) {
    return nlohmann::json{{"optimizer", name},
                          {"seed", seed},
                          {"status", "success"},
                          {"front", front},
                          {"hypervolume_carps", hv}};
  };
  nlohmann::json budgets = nlohmann::json::array();
  for (int s = 0; s <= 20; ++s) budgets.push_back(s / 20.0);
  nlohmann::json task2 = {
      {"task_id", "B/zdt<1>"},
      {"problem", "zdt1"},
      {"params", nlohmann::json::object()},
      {"n_var", 30},
      {"n_obj", 2},
      {"n_trials", 240},
      {"normalization", {{"source", "problem"}}},
      {"reference_point", {1.1, 1.1}},
      {"carps_reference_point", {2.0, 6.0}},
      {"true_front_sample", {{0.0, 1.0}, {1.0, 0.0}}},
      {"optimizers", {summary("nsga2", 3.0, 0.2), summary("random", 2.0, 0.5), summary("moead", 3.0, 0.1)}},
      {"runs",
       {run("nsga2", 1, {{0.1, 0.9}, {0.5, 0.4}}, 3.0), run("nsga2", 2, {{0.2, 0.9}}, 2.9),
        run("random", 1, {{0.3, 2.0}}, 2.0), run("moead", 1, {{0.1, 0.8}}, 3.0)}}};
  nlohmann::json task3 = task2;
  task3["task_id"] = "B/dtlz2";
  task3["n_obj"] = 3;
  task3["true_front_sample"] = nullptr;
  task3["runs"] = {run("nsga2", 1, {{0.1, 0.9, 0.3}}, 3.0),
                   run("random", 1, {{0.3, 2.0, 0.1}, {0.2, 0.2, 0.9}}, 2.0)};
  nlohmann::json task5 = task2;
  task5["task_id"] = "B/wfg1_5";
  task5["n_obj"] = 5;
  task5["true_front_sample"] = nullptr;
  task5["runs"] = {run("moead", 1, {{0.1, 0.9, 0.3, 0.2, 0.1}, {0.2, 0.1, 0.3, 0.5, 0.4}}, 3.0)};
  nlohmann::json ranking = {{"metric", "hypervolume_carps"},
                            {"mean_ranks", {1.5, 3.0, 1.5}},
                            {"mean_ranks_over_budget", nlohmann::json::array()},
                            {"friedman",
                             {{"chi_squared", 4.0},
                              {"df", 2},
                              {"p_value", 0.135},
                              {"iman_davenport_f", 1e300},
                              {"f_df1", 2},
                              {"f_df2", 4},
                              {"f_p_value", 0.0}}},
                            {"nemenyi",
                             {{"alpha", 0.05},
                              {"q_alpha", 2.343},
                              {"critical_difference", 1.91},
                              {"cliques", {{"nsga2", "moead", "random"}}}}}};
  for (int s = 0; s <= 20; ++s) ranking["mean_ranks_over_budget"].push_back({2.0, 2.0, 2.0});
  return {{"suite", "small & <test>"},
          {"optimizers", {"nsga2", "random", "moead"}},
          {"seeds", {1, 2}},
          {"budgets", budgets},
          {"tasks", {task2, task3, task5}},
          {"rankings", {ranking}}};
}

}  // namespace

TEST_CASE("report: nice ticks value formatting and escaping") {
  CHECK(nice_ticks(0, 1, 5) == std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1.0});
  CHECK(nice_ticks(0, 240, 4) == std::vector<double>{0, 50, 100, 150, 200});
  CHECK(nice_ticks(-3, 3, 3) == std::vector<double>{-2, 0, 2});
  CHECK(nice_ticks(1, 1, 5).empty());
  CHECK(format_value(0.5) == "0.5");
  CHECK(format_value(1234.5678) == "1235");
  CHECK(format_value(1.5e7) == "1.5e7");  // not "1.5e+07"
  CHECK(format_value(2.5e-4) == "2.5e-4");
  CHECK(format_value(-1e-5) == "-1e-5");
  CHECK(format_value(std::nan("")) == "–");
  CHECK(escape_xml("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;");
}

TEST_CASE("report: SVG plot maps data to the plot area and skips NaN") {
  SvgPlot plot(400, 300);
  plot.set_x_range(0, 10);
  plot.set_y_range(0, 1);
  CHECK(plot.px(0) == Approx(62));
  CHECK(plot.px(10) == Approx(400 - 14));
  CHECK(plot.py(0) == Approx(300 - 46));
  CHECK(plot.py(1) == Approx(46));
  plot.invert_y(true);
  CHECK(plot.py(1) == Approx(300 - 46));
  plot.points({1, std::nan(""), 3}, {0.5, 0.5, 0.5}, "#000");
  const std::string svg = plot.render();
  CHECK(count(svg, "<circle") == 2);
  CHECK(svg.rfind("<svg", 0) == 0);
  CHECK(svg.find("</svg>") != std::string::npos);
}

TEST_CASE("report: critical-difference diagram labels every optimizer with its rank") {
  const std::string svg = critical_difference_diagram({"a", "b", "c", "d"}, {1.2, 3.8, 2.0, 3.0}, 1.25,
                                                      {{"a", "c"}, {"c", "d", "b"}}, "CD");
  CHECK(svg.find("a (1.20)") != std::string::npos);
  CHECK(svg.find("b (3.80)") != std::string::npos);
  CHECK(svg.find("CD = 1.25") != std::string::npos);
  CHECK(count(svg, "stroke-width=\"4\"") == 2);  // two clique bars
}

TEST_CASE("report: bench page is self-contained complete and highlights the best") {
  const std::string html = bench_report_html(small_report());
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  // Escaped names.
  CHECK(html.find("small &amp; &lt;test&gt;") != std::string::npos);
  CHECK(html.find("B/zdt&lt;1&gt;") != std::string::npos);
  CHECK(html.find("zdt<1>") == std::string::npos);
  // 2-D: one scatter; 3-D: three projections; 5-D: parallel coordinates.
  CHECK(html.find("(f1, f3)") != std::string::npos);
  CHECK(html.find("each axis scaled") != std::string::npos);
  CHECK(html.find("Critical-difference diagram") != std::string::npos);
  CHECK(html.find("Mean rank over the budget") != std::string::npos);
  CHECK(html.find("χ²<sub>F</sub> = 4.000") != std::string::npos);
  // Tied best means (nsga2 and moead, 3.0) are both highlighted, in each of 3 tasks of the first table.
  CHECK(count(html, "<td class=\"best\">3 ± 0.02</td>") == 6);
  // IGD+ is lower-is-better: moead's 0.1 is the best.
  CHECK(count(html, "<td class=\"best\">0.1</td>") == 3);
  CHECK(count(html, "<svg") >= 3 * 2 + 2);
}

TEST_CASE("report: a report without its fields is an input error naming the field") {
  nlohmann::json report = small_report();
  report.erase("tasks");
  try {
    bench_report_html(report, "x/report.json");
    FAIL("no error");
  } catch (const paretokit::InputError& error) {
    CHECK(error.where().file == "x/report.json");
    CHECK(error.where().field == "tasks");
  }
}

TEST_CASE("report: run page from a sweep folder's trials.jsonl") {
  const auto folder = std::filesystem::temp_directory_path() / "paretokit_report_run";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  {
    std::ofstream trials(folder / "trials.jsonl");
    trials << "{\"trial\":0,\"generation\":1,\"x\":[0.1],\"f\":[1,4]}\n"
           << "{\"trial\":1,\"generation\":1,\"x\":[0.2],\"f\":[2,2]}\n"
           << "{\"trial\":2,\"generation\":2,\"x\":[0.3],\"f\":[3,3]}\n"
           << "{\"trial\":3,\"generation\":2,\"x\":[0.4],\"f\":[4,1]}\n";
  }
  const std::string html = run_report_html(folder);
  CHECK(html.find("4: 4 feasible, 0 infeasible, 0 failed") != std::string::npos);
  CHECK(html.find("Hypervolume of the non-dominated set over evaluations") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK_THROWS_AS(run_report_html(folder / "nothing"), paretokit::InputError);
}

namespace {

// A sweep folder of `n` trials of `m` objectives (every 10th infeasible when
// `constrained`), with a summary.json that states its reference.
std::filesystem::path write_run_folder(const std::string& name, int n, int m, bool constrained) {
  const auto folder = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  std::ofstream trials(folder / "trials.jsonl");
  std::uint64_t state = 12345;
  auto uniform = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  for (int t = 0; t < n; ++t) {
    trials << "{\"trial\":" << t << ",\"generation\":" << t / 100 + 1 << ",\"x\":[0.5],\"f\":[";
    for (int j = 0; j < m; ++j) trials << (j ? "," : "") << uniform();
    trials << "]";
    if (constrained) trials << ",\"g\":[" << (t % 10 == 0 ? 1.0 : -1.0) << "]";
    trials << "}\n";
  }
  nlohmann::json summary = {{"evaluations", n},
                            {"generations", n / 100},
                            {"stop_reason", "evaluations"},
                            {"seconds", 1.5},
                            {"hypervolume",
                             {{"value", 0.25},
                              {"method", "exact"},
                              {"reference", std::vector<double>(static_cast<std::size_t>(m), 1.1)},
                              {"reference_source", "problem ideal and nadir: ideal + 1.1 (nadir - ideal)"}}},
                            {"igd", {{"value", 0.125}, {"reference_front_size", 1000}}}};
  std::ofstream(folder / "summary.json") << summary.dump();
  return folder;
}

}  // namespace

TEST_CASE("report: a run of 42,400 trials of 5 objectives gives a small page, sampled and saying so") {
  const auto folder = write_run_folder("paretokit_report_large", 42400, 5, false);
  const std::string html = run_report_html(folder);
  CHECK(html.size() < 2'000'000);
  CHECK(html.find("even sample") != std::string::npos);
  CHECK(html.find("2000 of 42400") != std::string::npos);
  CHECK(html.find("Parallel coordinates") != std::string::npos);
  // The headline numbers come before any plot, with the reference in full.
  const auto headline = html.find("<th>hypervolume</th>");
  REQUIRE(headline != std::string::npos);
  CHECK(headline < html.find("<svg"));
  CHECK(html.find("[1.1,1.1,1.1,1.1,1.1] (problem ideal and nadir") != std::string::npos);
  CHECK(html.find("0.125 (against 1000 points") != std::string::npos);
  std::filesystem::remove_all(folder);
}

TEST_CASE("report: infeasible trials are drawn apart, the true front beneath, summary.json's reference") {
  const auto folder = write_run_folder("paretokit_report_constrained", 300, 2, true);
  RunReportOptions options;
  options.true_front = Eigen::MatrixXd(3, 2);
  (*options.true_front) << 0, 1, 0.5, 0.5, 1, 0;
  options.reference = Eigen::VectorXd::Constant(2, 7.0);  // summary.json's wins
  const std::string html = run_report_html(folder, options);
  CHECK(html.find("300: 270 feasible, 30 infeasible, 0 failed") != std::string::npos);
  CHECK(html.find(">infeasible<") != std::string::npos);  // its own legend entry
  CHECK(html.find("true Pareto front") != std::string::npos);
  CHECK(html.find("Reference [1.1,1.1]") != std::string::npos);
  CHECK(html.find("[7.0,7.0]") == std::string::npos);

  // Without summary.json: the problem's reference, else the run's own, said so.
  std::filesystem::remove(folder / "summary.json");
  CHECK(run_report_html(folder, options).find("Reference [7.0,7.0]") != std::string::npos);
  CHECK(run_report_html(folder).find("run-specific") != std::string::npos);

  std::atomic<bool> stop{true};
  options.stop_request = &stop;
  CHECK_THROWS_AS(run_report_html(folder, options), Interrupted);
  std::filesystem::remove_all(folder);
}
