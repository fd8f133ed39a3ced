// summary.json in bounded time whatever the front (issue 18): the exact
// hypervolume or, by predicted cost, a Monte Carlo estimate with its error;
// a stop request during the summary skips what is left and says so; one
// fixed reference per problem that knows its scale; resolved population sizes.
#include <catch2/catch.hpp>

#include <atomic>

#include "io/temp_dir.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/run_folder.hpp"
#include "paretokit/problems/registry.hpp"
#include "paretokit/run/run.hpp"
#include "paretokit/run/summary.hpp"

using namespace paretokit;

namespace {

// The case (dtlz2, 10 objectives, NSGA-III, one generation), with 220
// directions instead of 293,930 so that it runs in a fraction of a second.
nlohmann::json ten_objective_summary(const std::filesystem::path& out, RunOptions options) {
  const auto problem = make_problem("dtlz2", {{"n_obj", 10}});
  const auto algorithm = make_algorithm("nsga3", {{"n_partitions", 3}});
  options.max_generations = 1;
  options.progress = false;
  options.output_directory = out;
  run(*problem, *algorithm, options);
  return read_json_file(RunFolder(out).summary_path());
}

}  // namespace

TEST_CASE("summary: past the predicted-cost budget the hypervolume is Monte Carlo, with its error") {
  test::TempDir dir("summary");
  RunOptions options;
  options.summary_hypervolume.max_exact_cost = 1;  // forces the predicted-cost path
  options.summary_hypervolume.max_monte_carlo_cost = 2e7;
  const auto summary = ten_objective_summary(dir / "mc", options);
  const auto& hv = summary["hypervolume"];
  CHECK(hv["method"] == "monte_carlo");
  CHECK(hv["standard_error"].get<double>() > 0);
  CHECK(hv["samples"].get<std::uint64_t>() >= 1000);
  CHECK(hv["reference"] == nlohmann::json(std::vector<double>(10, 1.1)));
  CHECK(hv["reference_fixed"] == true);

  // The same run with the exact method: the estimate covers it.
  options.summary_hypervolume.method = HypervolumeMethod::exact;
  const auto exact = ten_objective_summary(dir / "exact", options);
  CHECK(exact["hypervolume"]["method"] == "exact");
  CHECK(std::abs(exact["hypervolume"]["value"].get<double>() - hv["value"].get<double>()) <
        4 * hv["standard_error"].get<double>());
  // NSGA-III's pop_size 0 ("from the directions") is given as what it became.
  CHECK(summary["algorithm_params"]["pop_size"] == 220);
  CHECK(summary["population_size"] == 220);
}

TEST_CASE("summary: a stop request during the summary skips the hypervolume and says so") {
  test::TempDir dir("summary");
  std::atomic<bool> stop{false};
  RunOptions options;
  options.stop_request = &stop;
  // The signal arrives after the last generation: the run ends by its budget,
  // then the summary sees the request.
  options.callbacks.push_back([&](const GenerationReport&) {
    stop = true;
    return true;
  });
  const auto summary = ten_objective_summary(dir / "stopped", options);
  CHECK(summary["stop_reason"] == "generations");
  CHECK(summary["hypervolume"]["method"] == "none");
  CHECK(summary["hypervolume"]["value"].is_null());
  CHECK(summary["hypervolume"]["skipped"] == "interrupted");
  CHECK(summary["igd"].is_null());
  CHECK(summary.contains("interrupted"));
}

TEST_CASE("summary: one fixed reference per problem, from its front when it has no nadir") {
  // c2dtlz2 knows its front but not its nadir: random search and NSGA-II get
  // the same reference, not each their own front's.
  const auto problem = make_problem("c2dtlz2", {{"n_obj", 3}});
  const auto a = hypervolume_reference(*problem, Matrix::Constant(1, 3, 5.0));
  const auto b = hypervolume_reference(*problem, Matrix::Constant(1, 3, 0.5));
  CHECK(a.fixed);
  CHECK(a.point == b.point);
  CHECK(a.source.find("front") != std::string::npos);
  // A problem without either: the run's own front, said to be run-specific.
  const auto none = hypervolume_reference(*make_problem("dtlz2", {}), Matrix(0, 3));
  CHECK(none.fixed);  // dtlz2 knows its ideal and nadir
  CHECK(none.point == Vector::Constant(3, 1.1));
}

TEST_CASE("summary: random search's kept set is named an archive") {
  test::TempDir dir("summary");
  const auto problem = make_problem("zdt1", {});
  const auto algorithm = make_algorithm("random", {{"pop_size", 20}});
  RunOptions options;
  options.max_generations = 3;
  options.progress = false;
  options.output_directory = dir / "random";
  run(*problem, *algorithm, options);
  const auto summary = read_json_file(RunFolder(dir / "random").summary_path());
  CHECK(summary.contains("archive_size"));
  CHECK_FALSE(summary.contains("population_size"));
}
