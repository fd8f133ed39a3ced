// The HTML page of one run folder: a `paretokit sweep` folder (trials.jsonl)
// or one run of a bench (carps' trial_logs.jsonl).
//
// Bounded in time and size whatever the number of trials: each plotted series
// is an even sample of at most max_drawn_points rows (said on the page), and
// the hypervolume curve has at most kCurveSteps points, each an
// estimate_hypervolume within a fixed budget (Monte Carlo, with its interval
// drawn as a band, when the exact value would cost more).
#include <algorithm>
#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "html_parts.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/point_file.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/indicators/hypervolume_estimate.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/json_matrix.hpp"
#include "paretokit/io/jsonl.hpp"
#include "paretokit/io/run_folder.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"
#include "paretokit/report/charts.hpp"
#include "paretokit/report/html_report.hpp"
#include "paretokit/report/svg.hpp"
#include "run_page_extras.hpp"
#include "trial_objectives.hpp"

namespace paretokit::report {

namespace {

namespace fs = std::filesystem;

constexpr Index kCurveSteps = 20;
// Point-coordinate operations for each point of the curve (about 0.02 s),
// and the fewest Monte Carlo samples (a standard error of at most 2.3% of
// the sampled box): the whole curve stays well under a second.
constexpr double kCurveStepCost = 2e7;
constexpr std::uint64_t kCurveMinSamples = 500;
// The most evaluations the curve's non-dominated merging sees (an even sample
// beyond): about half a second of merging for 5 objectives on a front of
// random points, the page within 2 s at 1e6 trials (notes/report1m.md).
constexpr Index kCurveMaxTrials = 30000;

struct Evaluated {
  Matrix f;                // successful, feasible evaluations in order
  Matrix infeasible;       // successful but infeasible, in order
  std::size_t failed = 0;  // no finite objectives (not drawable)
  std::string kind;
};

Matrix rows_of(const Eigen::Ref<const Matrix>& f, const std::vector<Index>& rows) {
  Matrix out(static_cast<Index>(rows.size()), f.cols());
  for (std::size_t k = 0; k < rows.size(); ++k) out.row(static_cast<Index>(k)) = f.row(rows[k]);
  return out;
}

Evaluated read_sweep(const fs::path& path) {
  const detail::TrialObjectives records = detail::read_trial_objectives(path);
  const Index m = records.objectives, c = records.constraints;
  Evaluated evaluated{Matrix(0, m), Matrix(0, m), 0, "sweep run (trials.jsonl)"};
  std::vector<Index> feasible, infeasible;
  for (Index i = 0; i < records.rows; ++i) {
    const double* f = records.f.data() + i * m;
    const double* g = records.g.data() + i * c;
    if (!std::all_of(f, f + m, [](double v) { return std::isfinite(v); })) {
      ++evaluated.failed;
    } else if (std::all_of(g, g + c, [](double v) { return v <= 0; })) {
      feasible.push_back(i);
    } else {
      infeasible.push_back(i);
    }
  }
  const Eigen::Map<const Matrix> all(records.f.data(), records.rows, m);
  evaluated.f = rows_of(all, feasible);
  evaluated.infeasible = rows_of(all, infeasible);
  return evaluated;
}

Evaluated read_carps(const fs::path& path) {
  const detail::CarpsCosts costs = detail::read_carps_costs(path);
  Evaluated evaluated{Matrix(0, 0), Matrix(0, 0), costs.failed, "bench run (carps trial_logs.jsonl)"};
  if (costs.rows == 0) return evaluated;
  evaluated.f = Eigen::Map<const Matrix>(costs.f.data(), costs.rows, costs.objectives);
  evaluated.infeasible.resize(0, evaluated.f.cols());
  return evaluated;
}

// A bench run with `--trial-logs front|none` (config.json's "trial_logs")
// logged only some evaluations: said on the page; for none, the points drawn
// are result.json's final front.
Evaluated with_trial_logs_mode(const fs::path& run_folder, Evaluated evaluated) {
  const fs::path config = run_folder / "config.json", result = run_folder / "result.json";
  if (!fs::is_regular_file(config)) return evaluated;
  const std::string mode = read_json_file(config).value("trial_logs", std::string("all"));
  if (mode == "front") {
    evaluated.kind =
        "bench run (trial_logs.jsonl with --trial-logs front: the final front's evaluations only)";
  } else if (mode == "none" && fs::is_regular_file(result)) {
    const nlohmann::json front = read_json_file(result).value("front", nlohmann::json::object());
    if (front.contains("objectives")) {
      evaluated.f = matrix_from_json(front["objectives"], -1, {result.string(), 0, "front.objectives"});
      evaluated.infeasible.resize(0, evaluated.f.cols());
    }
    evaluated.kind = "bench run (--trial-logs none: the final front of result.json)";
  }
  return evaluated;
}

// At most `limit` rows, evenly spread over the order of evaluation.
Matrix even_sample(const Matrix& points, Index limit) {
  if (points.rows() <= limit) return points;
  std::vector<Index> rows(static_cast<std::size_t>(limit));
  for (Index k = 0; k < limit; ++k) rows[static_cast<std::size_t>(k)] = k * points.rows() / limit;
  return rows_of(points, rows);
}

std::string sampled_label(const std::string& label, Index shown, Index total) {
  if (shown == total) return label;
  return label + " (" + std::to_string(shown) + " of " + std::to_string(total) + ")";
}

// The non-dominated rows of [current; added], in that order, for a current
// that is non-dominated itself. Rows of added that a row of current dominates
// cannot be among them, so a scan drops them before the sort (most are). A
// dominator has a smaller (or, rounded, equal) sum of objectives: the scan
// visits current by increasing sum and stops past the row's own sum.
Matrix merge_nondominated(const Matrix& current, const Eigen::Ref<const Matrix>& added) {
  const Index m = added.cols(), n = current.rows();
  std::vector<std::pair<double, Index>> by_sum(static_cast<std::size_t>(n));
  for (Index k = 0; k < n; ++k) by_sum[static_cast<std::size_t>(k)] = {current.row(k).sum(), k};
  std::sort(by_sum.begin(), by_sum.end());
  Matrix sorted(n, m);
  std::vector<double> sums(static_cast<std::size_t>(n));
  for (Index k = 0; k < n; ++k) {
    sorted.row(k) = current.row(by_sum[static_cast<std::size_t>(k)].second);
    sums[static_cast<std::size_t>(k)] = by_sum[static_cast<std::size_t>(k)].first;
  }
  // Minimization: a dominates b when a <= b everywhere and a < b somewhere.
  auto dominates = [m](const double* a, const double* b) {
    bool better = false;
    for (Index j = 0; j < m; ++j) {
      if (a[j] > b[j]) return false;
      better = better || a[j] < b[j];
    }
    return better;
  };
  // Each row's test is independent: in parallel, the survivors then taken in order.
  std::vector<char> dominated(static_cast<std::size_t>(added.rows()), 0);
  tbb::parallel_for(tbb::blocked_range<Index>(0, added.rows(), 256),
                    [&](const tbb::blocked_range<Index>& range) {
                      for (Index i = range.begin(); i < range.end(); ++i) {
                        const double* row = added.row(i).data();
                        const double sum = added.row(i).sum();
                        bool found = false;
                        for (Index k = 0; k < n && sums[static_cast<std::size_t>(k)] <= sum && !found; ++k)
                          found = dominates(sorted.row(k).data(), row);
                        dominated[static_cast<std::size_t>(i)] = found;
                      }
                    });
  std::vector<Index> survivors;
  for (Index i = 0; i < added.rows(); ++i)
    if (!dominated[static_cast<std::size_t>(i)]) survivors.push_back(i);
  Matrix merged(n + static_cast<Index>(survivors.size()), m);
  merged.topRows(n) = current;
  for (std::size_t k = 0; k < survivors.size(); ++k)
    merged.row(n + static_cast<Index>(k)) = added.row(survivors[k]);
  return merged(nondominated_indices(merged), Eigen::all);
}

struct Reference {
  Vector point;
  std::string source;
};

// summary.json's reference, else the problem's, else the run's own.
Reference choose_reference(const nlohmann::json& summary, const RunReportOptions& options, const Matrix& f) {
  if (summary.contains("hypervolume") &&
      summary["hypervolume"].value("reference", nlohmann::json()).is_array()) {
    const auto& hv = summary["hypervolume"];
    return {vector_from_json(hv["reference"], Location("summary.json", 0, "hypervolume.reference")),
            hv.value("reference_source", std::string("summary.json"))};
  }
  if (options.reference && options.reference->size() == f.cols())
    return {*options.reference, options.reference_source};
  return {default_reference_point(f),
          "run-specific: max + 0.1 (max - min) of this run's evaluations; not comparable with other runs"};
}

std::string number_text(const nlohmann::json& value) {
  return value.is_number() ? format_value(value.get<double>()) : std::string("–");
}

// The headline card: what the run achieved, before any plot.
std::string headline(const nlohmann::json& summary, const Evaluated& evaluated, const Reference& reference,
                     const HypervolumeEstimate& final_hv) {
  std::string hv_text;
  const auto& hv = summary.value("hypervolume", nlohmann::json::object());
  if (hv.contains("value") && hv["value"].is_number()) {
    hv_text = format_value(hv["value"].get<double>());
    if (hv.value("method", std::string("exact")) == "monte_carlo") {
      hv_text += " ± " + number_text(hv["standard_error"]) + " (Monte Carlo, standard error)";
    }
  } else {
    hv_text = format_value(final_hv.value);
    if (final_hv.method == "monte_carlo")
      hv_text += " ± " + format_value(final_hv.standard_error) + " (Monte Carlo)";
  }
  const Index total = evaluated.f.rows() + evaluated.infeasible.rows() + static_cast<Index>(evaluated.failed);
  std::string rows = "<tr><th>hypervolume</th><td>" + escape_xml(hv_text) +
                     "</td></tr><tr><th>reference</th><td>" +
                     escape_xml(vector_to_json(reference.point).dump()) + " (" +
                     escape_xml(reference.source) + ")</td></tr>";
  if (summary.contains("igd") && summary["igd"].is_object()) {
    rows += "<tr><th>IGD</th><td>" + number_text(summary["igd"]["value"]) + " (against " +
            number_text(summary["igd"]["reference_front_size"]) + " points of the true front)</td></tr>";
  }
  rows += "<tr><th>evaluations</th><td>" + std::to_string(total) + ": " + std::to_string(evaluated.f.rows()) +
          " feasible, " + std::to_string(evaluated.infeasible.rows()) + " infeasible, " +
          std::to_string(evaluated.failed) + " failed</td></tr>";
  if (summary.contains("stop_reason")) {
    rows += "<tr><th>stopped by</th><td>" + escape_xml(summary["stop_reason"].get<std::string>()) +
            " after " + number_text(summary.value("generations", nlohmann::json())) +
            " generations</td></tr>";
  }
  if (summary.contains("seconds"))
    rows += "<tr><th>time</th><td>" + number_text(summary["seconds"]) + " s</td></tr>";
  return "<div class=\"card\"><table class=\"headline\">" + rows + "</table></div>";
}

void check_stop(const RunReportOptions& options) {
  if (options.stop_request != nullptr && options.stop_request->load()) {
    throw Interrupted("interrupted: no report written");
  }
}

}  // namespace

std::string run_report_html(const fs::path& run_folder, const RunReportOptions& options) {
  Evaluated evaluated;
  if (fs::is_regular_file(run_folder / "trials.jsonl")) {
    evaluated = read_sweep(run_folder / "trials.jsonl");
  } else if (fs::is_regular_file(run_folder / "trial_logs.jsonl")) {
    evaluated = read_carps(run_folder / "trial_logs.jsonl");
    evaluated = with_trial_logs_mode(run_folder, std::move(evaluated));
  } else if (fs::is_regular_file(run_folder / "exact_front.txt") &&
             fs::is_regular_file(run_folder / "front.txt")) {
    // A quantize run with the exact solver alone: its front is the exact frontier.
    const Matrix front = read_points((run_folder / "front.txt").string());
    evaluated = {front, Matrix(0, front.cols()), 0, "quantize run, exact frontier (front.txt)"};
  } else {
    throw InputError(
        "not a run folder (no trials.jsonl or trial_logs.jsonl) nor a bench folder (no bench.json)",
        Location(run_folder.string()));
  }
  check_stop(options);
  nlohmann::json config = nlohmann::json::object(), summary = nlohmann::json::object();
  if (fs::is_regular_file(run_folder / "config.json")) config = read_json_file(run_folder / "config.json");
  if (fs::is_regular_file(run_folder / "summary.json")) summary = read_json_file(run_folder / "summary.json");
  const std::string config_card = "<div class=\"card\"><details><summary>config.json</summary><pre>" +
                                  escape_xml(config.dump(2)) + "</pre></details></div>";

  const Matrix& f = evaluated.f;
  const Index n = f.rows();
  if (n == 0) {
    return detail::page("Run report", escape_xml(run_folder.string()),
                        "<div class=\"card\"><p>No successful feasible evaluations (" +
                            std::to_string(evaluated.infeasible.rows()) + " infeasible, " +
                            std::to_string(evaluated.failed) + " failed).</p></div>" + config_card);
  }

  // The curve first (the headline's final value comes from it when there is
  // no summary.json): the non-dominated set after each step, merged step by step.
  const Reference reference = choose_reference(summary, options, f);
  HypervolumeBudget budget;
  budget.max_exact_cost = budget.max_monte_carlo_cost = kCurveStepCost;
  budget.min_samples = kCurveMinSamples;
  // Beyond kCurveMaxTrials evaluations the curve follows an even sample of
  // them (said on the page); up to it, every evaluation.
  const Matrix curve_input = even_sample(f, kCurveMaxTrials);
  const Index sampled = curve_input.rows();
  const Index steps = std::min(kCurveSteps, sampled);
  CurveSeries curve;
  curve.label = "non-dominated set";
  Matrix current(0, f.cols());
  Index done = 0;
  bool any_monte_carlo = false;
  HypervolumeEstimate last;
  for (Index s = 1; s <= steps; ++s) {
    check_stop(options);
    const Index upto = (sampled * s + steps - 1) / steps;
    current = merge_nondominated(current, curve_input.middleRows(done, upto - done));
    done = upto;
    last = estimate_hypervolume(current, reference.point, budget);
    any_monte_carlo = any_monte_carlo || last.method == "monte_carlo";
    curve.x.push_back(static_cast<double>(sampled == n ? upto : upto * n / sampled));
    curve.mean.push_back(last.value);
    curve.low.push_back(last.lower);
    curve.high.push_back(last.upper);
  }
  if (!any_monte_carlo) curve.low.clear(), curve.high.clear();
  const Matrix& front = current;

  std::string body = headline(summary, evaluated, reference, last);

  // Points: samples of what is many, each series said to be one.
  const Index limit = std::max<Index>(options.max_drawn_points, 1);
  const Matrix shown = even_sample(f, limit);
  const Matrix shown_front = even_sample(front, limit);
  std::vector<FrontSeries> series = {
      {sampled_label("feasible evaluations", shown.rows(), n), shown},
      {sampled_label("non-dominated", shown_front.rows(), front.rows()), shown_front}};
  if (evaluated.infeasible.rows() > 0) {
    const Matrix shown_infeasible = even_sample(evaluated.infeasible, limit);
    series.push_back({sampled_label("infeasible", shown_infeasible.rows(), evaluated.infeasible.rows()),
                      shown_infeasible});
  }
  const detail::RunPageExtras extras = detail::read_run_page_extras(run_folder, f.cols());
  for (const FrontSeries& marked : extras.marked) {
    const Matrix shown_marked = even_sample(marked.points, limit);
    series.push_back({sampled_label(marked.label, shown_marked.rows(), marked.points.rows()), shown_marked});
  }
  std::optional<Matrix> true_front;
  if (extras.exact_front) {
    true_front = even_sample(*extras.exact_front, limit);
  } else if (options.true_front && options.true_front->cols() == f.cols() && options.true_front->rows() > 0) {
    true_front = even_sample(*options.true_front, limit);
  }
  check_stop(options);
  std::string note = "<p class=\"note\">";
  if (shown.rows() < n || shown_front.rows() < front.rows()) {
    note +=
        "Many points: each series is an even sample over the order of evaluation (counts in the legend). ";
  }
  if (sampled < n) {
    note +=
        "The hypervolume curve and the non-dominated set follow an even sample of " +
        std::to_string(sampled) + " of the " + std::to_string(n) + " feasible evaluations" +
        (summary.contains("hypervolume") ? " (the headline's hypervolume, from summary.json, is over all). "
                                         : ". ");
  }
  if (extras.exact_front) {
    note += "In grey: the exact frontier. ";
  } else if (true_front) {
    note += "Grey: the problem's true Pareto front. ";
  }
  if (f.cols() >= 4)
    note += "Parallel coordinates: one line per point, each axis scaled to the shown range. ";
  note += "</p>";
  body += "<h2>Points</h2><div class=\"card\">" + note + "<div class=\"row\">" +
          front_plots(series, true_front, "Objectives", 1240) + "</div>" + extras.table_html + "</div>";

  CurveOptions curve_options;
  curve_options.x_label = "evaluations";
  curve_options.y_label = "hypervolume";
  curve_options.title = "Hypervolume of the non-dominated set over evaluations";
  curve_options.width = 1240;
  body +=
      "<h2>Progress</h2><div class=\"card\"><p class=\"note\">Reference " +
      escape_xml(vector_to_json(reference.point).dump()) + ": " + escape_xml(reference.source) + ". " +
      (any_monte_carlo ? "Monte Carlo estimates where the exact value would cost too much; the band is their "
                         "95% interval."
                       : "Exact values.") +
      "</p>" + curve_plot({curve}, curve_options) + "</div>" + config_card;
  return detail::page("Run report", escape_xml(evaluated.kind + ": " + run_folder.string()), body);
}

}  // namespace paretokit::report
