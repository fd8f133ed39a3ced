// report.json: per-run indicators (this file) and statistics across tasks
// (report_ranking.cpp).
#include "paretokit/bench/report_json.hpp"

#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include <tbb/parallel_for.h>

#include "paretokit/bench/bench.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/indicators/distance_indicators.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/indicators/problem_reference.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/json_matrix.hpp"
#include "report_ranking.hpp"
#include "run_one.hpp"

namespace paretokit::bench {

namespace {

namespace fs = std::filesystem;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

struct RunData {
  std::string optimizer;
  std::uint64_t seed = 0;
  std::string status = "missing";
  std::string message;
  std::int64_t n_trials = 0;
  Matrix front;
  std::vector<std::optional<Matrix>> fronts_at_budget;  // budget_steps + 1
};

// result.json's budget_fronts (REPORT_SCHEMA.md): the front at step k is
// the entries with first_step <= k <= last_step, in entry order; steps past
// `steps` were never reached (a crash).
std::vector<std::optional<Matrix>> budget_fronts_from_json(const nlohmann::json& value, Index n_obj,
                                                           const Location& where) {
  const Matrix objectives = matrix_from_json(value.at("objectives"), n_obj, where);
  const auto first = value.at("first_step").get<std::vector<int>>();
  const auto last = value.at("last_step").get<std::vector<int>>();
  const int steps = value.at("steps").get<int>();
  if (first.size() != static_cast<std::size_t>(objectives.rows()) || last.size() != first.size() ||
      steps < 0 || steps > budget_steps) {
    throw InputError(
        "budget_fronts: objectives, first_step and last_step must have one entry per point, "
        "and steps must be in 0.." +
            std::to_string(budget_steps),
        where);
  }
  for (std::size_t e = 0; e < first.size(); ++e) {
    if (first[e] < 0 || first[e] > last[e] || last[e] > steps) {
      throw InputError("budget_fronts: entry " + std::to_string(e) + " has first_step " +
                           std::to_string(first[e]) + " and last_step " + std::to_string(last[e]) +
                           "; needs 0 <= first_step <= last_step <= steps (" + std::to_string(steps) + ")",
                       where);
    }
  }
  std::vector<std::optional<Matrix>> fronts(budget_steps + 1, std::nullopt);
  for (int step = 0; step <= steps; ++step) {
    std::vector<Index> rows;
    for (std::size_t e = 0; e < first.size(); ++e) {
      if (first[e] <= step && step <= last[e]) rows.push_back(static_cast<Index>(e));
    }
    Matrix front(static_cast<Index>(rows.size()), n_obj);
    for (std::size_t r = 0; r < rows.size(); ++r) front.row(static_cast<Index>(r)) = objectives.row(rows[r]);
    fronts[static_cast<std::size_t>(step)] = std::move(front);
  }
  return fronts;
}

RunData load_run(const fs::path& directory, const std::string& optimizer, std::uint64_t seed, Index n_obj) {
  RunData run;
  run.optimizer = optimizer;
  run.seed = seed;
  run.front = Matrix(0, n_obj);
  run.fronts_at_budget.assign(budget_steps + 1, std::nullopt);
  const nlohmann::json result = detail::read_result(directory);
  if (result.is_null()) return run;
  const Location where((directory / "result.json").string());
  run.status = result.value("status", "missing");
  run.message = result.value("message", "");
  run.n_trials = result.value("n_trials", std::int64_t{0});
  run.front = matrix_from_json(result.at("front").at("objectives"), n_obj, where);
  if (result.contains("budget_fronts")) {
    run.fronts_at_budget = budget_fronts_from_json(result.at("budget_fronts"), n_obj, where);
    return run;
  }
  // result.json before budget_fronts: one full front per step.
  const auto& fronts = result.value("fronts_at_budget", nlohmann::json::array());
  for (std::size_t step = 0; step < fronts.size() && step < run.fronts_at_budget.size(); ++step) {
    if (!fronts[step].is_null()) run.fronts_at_budget[step] = matrix_from_json(fronts[step], n_obj, where);
  }
  return run;
}

double safe_hypervolume(const Matrix& points, const Vector& reference) {
  if (points.rows() == 0) return 0.0;
  return hypervolume(points, reference);
}

bool same_matrix(const Matrix& a, const Matrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() && (a.array() == b.array()).all();
}

Matrix normalize(const Matrix& points, const Vector& ideal, const Vector& nadir) {
  Matrix scaled = points;
  for (Index j = 0; j < points.cols(); ++j)
    scaled.col(j) = (points.col(j).array() - ideal[j]) / (nadir[j] - ideal[j]);
  return scaled;
}

nlohmann::json number_or_null(double value) {
  return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json();
}

// Mean, standard deviation, min and max of the finite values.
nlohmann::json describe(const std::vector<double>& values) {
  std::vector<double> finite;
  for (double v : values) {
    if (std::isfinite(v)) finite.push_back(v);
  }
  if (finite.empty())
    return {{"mean", nullptr}, {"std", nullptr}, {"min", nullptr}, {"max", nullptr}, {"count", 0}};
  double mean = 0;
  for (double v : finite) mean += v;
  mean /= static_cast<double>(finite.size());
  double square = 0;
  for (double v : finite) square += (v - mean) * (v - mean);
  const double std_dev = finite.size() > 1 ? std::sqrt(square / static_cast<double>(finite.size() - 1)) : 0.0;
  return {{"mean", mean},
          {"std", std_dev},
          {"min", *std::min_element(finite.begin(), finite.end())},
          {"max", *std::max_element(finite.begin(), finite.end())},
          {"count", finite.size()}};
}

nlohmann::json task_report(const Task& task, const std::vector<std::string>& optimizers,
                           const std::vector<std::uint64_t>& seeds, const fs::path& out,
                           const std::string& benchmark_id, const ReportOptions& options) {
  const Index m = task.n_obj;
  const auto problem = options.problem_factory(task.problem, task.params);
  std::vector<RunData> runs;
  for (const auto& optimizer : optimizers) {
    for (const auto seed : seeds) {
      runs.push_back(
          load_run(run_directory(out, optimizer, benchmark_id, task.task_id, seed), optimizer, seed, m));
    }
  }

  // Normalization: the problem's ideal and nadir (or its front's bounds:
  // the fixed scale summary.json and the run report use too), else what the
  // runs found.
  Vector ideal = Vector::Constant(m, std::numeric_limits<double>::infinity());
  Vector nadir = Vector::Constant(m, -std::numeric_limits<double>::infinity());
  std::string source = "problem";
  if (const auto scale = known_objective_scale(*problem, options.igd_reference_points)) {
    ideal = scale->ideal;
    nadir = scale->nadir;
    if (scale->source != "problem ideal and nadir") source = "problem front";
  } else {
    source = "observed";
    for (const auto& run : runs) {
      if (run.status != "success" || run.front.rows() == 0) continue;
      ideal = ideal.cwiseMin(run.front.colwise().minCoeff().transpose());
      nadir = nadir.cwiseMax(run.front.colwise().maxCoeff().transpose());
    }
    for (Index j = 0; j < m; ++j) {
      if (!std::isfinite(ideal[j])) ideal[j] = 0.0;
      if (!std::isfinite(nadir[j]) || nadir[j] <= ideal[j]) nadir[j] = ideal[j] + 1.0;
    }
  }
  const Vector reference = Vector::Constant(m, 1.0 + options.reference_offset);

  // carps' reference point: the worst value of every objective seen in any front.
  Vector carps_reference = Vector::Constant(m, -std::numeric_limits<double>::infinity());
  auto widen = [&](const Matrix& front) {
    if (front.rows() > 0) carps_reference = carps_reference.cwiseMax(front.colwise().maxCoeff().transpose());
  };
  for (const auto& run : runs) {
    widen(run.front);
    for (const auto& front : run.fronts_at_budget) {
      if (front) widen(*front);
    }
  }
  const bool have_carps_reference = carps_reference.allFinite();

  std::optional<Matrix> true_front = problem->pareto_front(options.igd_reference_points);
  if (true_front && (true_front->rows() == 0 || true_front->cols() != m)) true_front.reset();

  // A small sample of the true front, for the plots of the HTML report (2 and 3 objectives).
  nlohmann::json front_sample = nullptr;
  if (true_front && m <= 3) {
    const auto sample = problem->pareto_front(m == 2 ? 200 : 300);
    if (sample && sample->cols() == m) front_sample = matrix_to_json(*sample);
  }

  nlohmann::json run_records = nlohmann::json::array();
  for (const auto& run : runs) {
    const bool ok = run.status == "success";
    double hv = nan, hv_carps = nan, igd = nan;
    nlohmann::json curve = nlohmann::json::array(), carps_curve = nlohmann::json::array();
    if (ok) {
      hv = safe_hypervolume(normalize(run.front, ideal, nadir), reference);
      if (have_carps_reference) hv_carps = safe_hypervolume(run.front, carps_reference);
      if (true_front && run.front.rows() > 0) igd = igd_plus(run.front, *true_front);
      // A budget front equal to the final front (step 20 of a finished run) or
      // to the previous step's front has the same values: computed once.
      const Matrix* previous = nullptr;
      double previous_hv = nan, previous_hv_carps = nan;
      for (const auto& front : run.fronts_at_budget) {
        if (!front) {
          curve.push_back(nullptr);
          carps_curve.push_back(nullptr);
          continue;
        }
        double front_hv, front_hv_carps = nan;
        if (same_matrix(*front, run.front)) {
          front_hv = hv;
          front_hv_carps = hv_carps;
        } else if (previous != nullptr && same_matrix(*front, *previous)) {
          front_hv = previous_hv;
          front_hv_carps = previous_hv_carps;
        } else {
          front_hv = safe_hypervolume(normalize(*front, ideal, nadir), reference);
          if (have_carps_reference) front_hv_carps = safe_hypervolume(*front, carps_reference);
        }
        curve.push_back(number_or_null(front_hv));
        carps_curve.push_back(have_carps_reference ? number_or_null(front_hv_carps) : nlohmann::json());
        previous = &*front;
        previous_hv = front_hv;
        previous_hv_carps = front_hv_carps;
      }
    }
    run_records.push_back({{"optimizer", run.optimizer},
                           {"seed", run.seed},
                           {"status", run.status},
                           {"message", run.message},
                           {"n_trials", run.n_trials},
                           {"front", matrix_to_json(run.front)},
                           {"hypervolume", number_or_null(hv)},
                           {"hypervolume_carps", number_or_null(hv_carps)},
                           {"igd_plus", number_or_null(igd)},
                           {"hypervolume_curve", curve},
                           {"hypervolume_carps_curve", carps_curve}});
  }

  // Per optimizer: the spread over seeds of the final values and of every curve point.
  nlohmann::json summaries = nlohmann::json::array();
  for (const auto& optimizer : optimizers) {
    std::vector<const nlohmann::json*> mine;
    for (const auto& record : run_records) {
      if (record["optimizer"] == optimizer) mine.push_back(&record);
    }
    auto values = [&](const char* key) {
      std::vector<double> v;
      for (const auto* record : mine)
        v.push_back((*record)[key].is_number() ? (*record)[key].get<double>() : nan);
      return v;
    };
    auto curve_summary = [&](const char* key) {
      nlohmann::json steps = nlohmann::json::array();
      for (int step = 0; step <= budget_steps; ++step) {
        std::vector<double> v;
        for (const auto* record : mine) {
          const auto& curve = (*record)[key];
          const auto index = static_cast<std::size_t>(step);
          v.push_back(index < curve.size() && curve[index].is_number() ? curve[index].get<double>() : nan);
        }
        steps.push_back(describe(v));
      }
      return steps;
    };
    std::size_t crashed = 0, missing = 0;
    for (const auto* record : mine) {
      crashed += (*record)["status"] == "crashed";
      missing += (*record)["status"] == "missing";
    }
    summaries.push_back({{"optimizer", optimizer},
                         {"runs", mine.size()},
                         {"crashed", crashed},
                         {"missing", missing},
                         {"hypervolume", describe(values("hypervolume"))},
                         {"hypervolume_carps", describe(values("hypervolume_carps"))},
                         {"igd_plus", describe(values("igd_plus"))},
                         {"hypervolume_curve", curve_summary("hypervolume_curve")},
                         {"hypervolume_carps_curve", curve_summary("hypervolume_carps_curve")}});
  }

  return {
      {"task_id", task.task_id},
      {"problem", task.problem},
      {"params", task.params},
      {"n_var", task.n_var},
      {"n_obj", task.n_obj},
      {"n_trials", task.n_trials},
      {"normalization",
       {{"source", source}, {"ideal", vector_to_json(ideal)}, {"nadir", vector_to_json(nadir)}}},
      {"reference_point", vector_to_json(reference)},
      {"carps_reference_point", have_carps_reference ? vector_to_json(carps_reference) : nlohmann::json()},
      {"true_front_known", true_front.has_value()},
      {"true_front_sample", front_sample},
      {"optimizers", summaries},
      {"runs", run_records}};
}

}  // namespace

nlohmann::json build_report_json(const fs::path& out, const ReportOptions& options) {
  const fs::path definition_path = out / "bench.json";
  std::error_code error;
  if (!fs::is_regular_file(definition_path, error)) {
    throw InputError("not a bench folder (no bench.json)", Location(out.string()));
  }
  const nlohmann::json definition = read_json_file(definition_path);
  const Suite suite =
      parse_suite(definition.at("suite"), definition_path.string() + ": suite", options.problem_factory);
  std::vector<std::string> optimizers;
  for (const auto& optimizer : definition.at("optimizers"))
    optimizers.push_back(optimizer.at("id").get<std::string>());
  const auto seeds = definition.at("seeds").get<std::vector<std::uint64_t>>();

  std::vector<nlohmann::json> tasks(suite.tasks.size());
  tbb::parallel_for(std::size_t{0}, suite.tasks.size(), [&](std::size_t i) {
    tasks[i] = task_report(suite.tasks[i], optimizers, seeds, out, suite.benchmark_id, options);
  });

  nlohmann::json report = {{"format", "paretokit-bench-report"},
                           {"version", 1},
                           {"suite", suite.name},
                           {"benchmark_id", suite.benchmark_id},
                           {"optimizers", optimizers},
                           {"seeds", seeds},
                           {"budgets", normalized_budgets()},
                           {"reference_offset", options.reference_offset},
                           {"tasks", tasks}};
  report["rankings"] = {detail::ranking(report, "hypervolume_carps", options.alpha),
                        detail::ranking(report, "hypervolume", options.alpha)};
  return report;
}

nlohmann::json write_report_json(const fs::path& out, const ReportOptions& options) {
  nlohmann::json report = build_report_json(out, options);
  write_json_atomically(out / "report.json", report, 1);
  return report;
}

}  // namespace paretokit::bench
