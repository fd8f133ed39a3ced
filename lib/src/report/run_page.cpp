// The HTML page of one run folder: a `paretokit sweep` folder (trials.jsonl)
// or one run of a bench (carps' trial_logs.jsonl).
#include <algorithm>
#include <cmath>
#include <optional>

#include "html_parts.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/point_file.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/json_matrix.hpp"
#include "paretokit/io/jsonl.hpp"
#include "paretokit/io/run_folder.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"
#include "paretokit/report/charts.hpp"
#include "paretokit/report/html_report.hpp"
#include "paretokit/report/svg.hpp"

namespace paretokit::report {

namespace {

namespace fs = std::filesystem;

struct Evaluated {
  Matrix f;                    // successful, feasible evaluations in order
  std::size_t infeasible = 0;  // or failed
  std::string kind;
};

Evaluated read_sweep(const fs::path& path) {
  const TrialRecords records = read_trials(path);
  Evaluated evaluated{Matrix(0, records.f.cols()), 0, "sweep run (trials.jsonl)"};
  std::vector<Index> keep;
  for (Index i = 0; i < records.f.rows(); ++i) {
    const bool feasible = records.g.cols() == 0 || (records.g.row(i).array() <= 0).all();
    if (feasible && records.f.row(i).allFinite()) {
      keep.push_back(i);
    } else {
      ++evaluated.infeasible;
    }
  }
  evaluated.f = records.f(keep, Eigen::all);
  return evaluated;
}

Evaluated read_carps(const fs::path& path) {
  const auto records = read_jsonl(path).records;
  Evaluated evaluated{Matrix(0, 0), 0, "bench run (carps trial_logs.jsonl)"};
  std::vector<Vector> rows;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& value = records[i].value("trial_value", nlohmann::json::object());
    if (value.value("status", 0) != 1 || !value.contains("cost") || !value.at("cost").is_array()) {
      ++evaluated.infeasible;
      continue;
    }
    rows.push_back(vector_from_json(value.at("cost"), Location(path.string(), i + 1, "trial_value.cost")));
    if (rows.back().size() != rows.front().size()) {
      throw InputError("cost has a different length", Location(path.string(), i + 1, "trial_value.cost"));
    }
  }
  if (rows.empty()) return evaluated;
  evaluated.f.resize(static_cast<Index>(rows.size()), rows.front().size());
  for (std::size_t i = 0; i < rows.size(); ++i) evaluated.f.row(static_cast<Index>(i)) = rows[i].transpose();
  return evaluated;
}

// What a `paretokit quantize` folder adds: the exact frontier (drawn as the
// reference) and HAWQ's published configurations (marked, and listed).
struct QuantizeExtras {
  std::optional<Matrix> exact;
  Matrix published;
  std::string table;  // HTML
};

QuantizeExtras read_quantize_extras(const fs::path& run_folder) {
  QuantizeExtras extras;
  if (fs::is_regular_file(run_folder / "exact_front.txt")) {
    extras.exact = read_points((run_folder / "exact_front.txt").string());
  }
  if (!fs::is_regular_file(run_folder / "published.json")) return extras;
  const nlohmann::json document = read_json_file(run_folder / "published.json");
  const auto& list = document.value("configurations", nlohmann::json::array());
  if (list.empty()) return extras;
  const std::string where = (run_folder / "published.json").string();
  extras.published.resize(static_cast<Index>(list.size()),
                          static_cast<Index>(document.at("objectives").size()));
  extras.table = "<table><tr><th>published configuration</th>";
  for (const auto& name : document.at("objectives"))
    extras.table += "<th>" + escape_xml(name.get<std::string>()) + "</th>";
  extras.table += "<th>on the exact frontier</th></tr>";
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Vector f =
        vector_from_json(list[i].at("f"), Location(where, 0, "configurations[" + std::to_string(i) + "].f"));
    if (f.size() != extras.published.cols()) throw InputError("f has a different length", Location(where));
    extras.published.row(static_cast<Index>(i)) = f.transpose();
    extras.table += "<tr><td>" + escape_xml(list[i].value("name", "")) + "</td>";
    for (Index j = 0; j < f.size(); ++j) extras.table += "<td>" + format_value(f(j)) + "</td>";
    const auto& on_front = list[i].value("on_exact_front", nlohmann::json());
    extras.table += "<td>" +
                    std::string(on_front.is_boolean() ? (on_front.get<bool>() ? "yes" : "no") : "-") +
                    "</td></tr>";
  }
  extras.table += "</table>";
  return extras;
}

}  // namespace

std::string run_report_html(const fs::path& run_folder) {
  Evaluated evaluated;
  const QuantizeExtras quantize = read_quantize_extras(run_folder);
  if (fs::is_regular_file(run_folder / "trials.jsonl")) {
    evaluated = read_sweep(run_folder / "trials.jsonl");
  } else if (fs::is_regular_file(run_folder / "trial_logs.jsonl")) {
    evaluated = read_carps(run_folder / "trial_logs.jsonl");
  } else if (quantize.exact && fs::is_regular_file(run_folder / "front.txt")) {
    evaluated = {read_points((run_folder / "front.txt").string()), 0,
                 "quantize run, exact frontier (front.txt)"};
  } else {
    throw InputError(
        "not a run folder (no trials.jsonl or trial_logs.jsonl) nor a bench folder (no bench.json)",
        Location(run_folder.string()));
  }
  nlohmann::json config = nlohmann::json::object();
  if (fs::is_regular_file(run_folder / "config.json")) config = read_json_file(run_folder / "config.json");

  const Matrix& f = evaluated.f;
  const Index n = f.rows();
  std::string body = "<div class=\"card\"><p>" + std::to_string(n) + " successful feasible evaluations";
  if (evaluated.infeasible > 0) body += ", " + std::to_string(evaluated.infeasible) + " infeasible or failed";
  body += ".</p><details><summary>config.json</summary><pre>" + escape_xml(config.dump(2)) +
          "</pre></details></div>";
  if (n == 0)
    return detail::page("Run report", escape_xml(run_folder.string()), body + "<p>No evaluations.</p>");

  const auto front_indices = nondominated_indices(f);
  const Matrix front = f(front_indices, Eigen::all);
  std::vector<FrontSeries> series = {{"all evaluations", f}, {"non-dominated", front}};
  if (quantize.published.rows() > 0) series.push_back({"published configurations", quantize.published});
  // Reference points a domain search compared itself with (offload's baselines).
  if (fs::is_regular_file(run_folder / "baselines.txt")) {
    const Matrix baselines = read_points((run_folder / "baselines.txt").string());
    if (baselines.rows() > 0 && baselines.cols() == f.cols()) series.push_back({"baselines", baselines});
  }
  body += "<h2>Points</h2><div class=\"card\"><div class=\"row\">" +
          front_plots(series, quantize.exact,
                      quantize.exact ? "Objectives (grey: the exact frontier)" : "Objectives") +
          "</div>" + quantize.table + "</div>";

  // Hypervolume of the non-dominated set after each of ~50 steps, against
  // moocore's default reference point of all evaluations.
  const Vector reference = default_reference_point(f);
  const Index steps = std::min<Index>(50, n);
  CurveSeries curve;
  curve.label = "non-dominated set";
  Matrix current(0, f.cols());
  Index done = 0;
  for (Index s = 1; s <= steps; ++s) {
    const Index upto = (n * s + steps - 1) / steps;
    Matrix merged(current.rows() + (upto - done), f.cols());
    merged << current, f.middleRows(done, upto - done);
    current = merged(nondominated_indices(merged), Eigen::all);
    done = upto;
    curve.x.push_back(static_cast<double>(upto));
    curve.mean.push_back(hypervolume(current, reference));
  }
  CurveOptions options;
  options.x_label = "evaluations";
  options.y_label = "hypervolume";
  options.title =
      "Hypervolume over evaluations (reference " + escape_xml(vector_to_json(reference).dump()) + ")";
  body += "<h2>Progress</h2><div class=\"card\">" + curve_plot({curve}, options) + "</div>";
  return detail::page("Run report", escape_xml(evaluated.kind + ": " + run_folder.string()), body);
}

}  // namespace paretokit::report
