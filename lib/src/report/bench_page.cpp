// The HTML page of a bench folder, from its report.json.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "html_parts.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/io/json_matrix.hpp"
#include "paretokit/report/charts.hpp"
#include "paretokit/report/html_report.hpp"
#include "paretokit/report/svg.hpp"

namespace paretokit::report {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double number_or_nan(const nlohmann::json& value) { return value.is_number() ? value.get<double>() : nan; }

const nlohmann::json& need(const nlohmann::json& object, const char* key, const std::string& source,
                           const std::string& where) {
  if (!object.is_object() || !object.contains(key)) {
    throw InputError("missing field", Location(source, 0, where.empty() ? key : where + "." + key));
  }
  return object.at(key);
}

std::string fixed(double value, int digits) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

// "[1.5, 2.25]" with 4 significant digits, for the notes above the plots.
std::string short_list(const nlohmann::json& values) {
  if (!values.is_array()) return "none";
  std::string text = "[";
  for (const auto& value : values) text += (text.size() > 1 ? ", " : "") + format_value(number_or_nan(value));
  return text + "]";
}

std::string p_value_text(double p) {
  if (!std::isfinite(p)) return "–";
  if (p < 1e-4) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1e", p);
    return buffer;
  }
  return fixed(p, 4);
}

// Mean ± std per task and optimizer, best mean per task highlighted.
detail::Table metric_table(const nlohmann::json& report, const std::string& metric, bool higher_is_better,
                           const std::string& caption, const nlohmann::json* ranking) {
  detail::Table table;
  table.caption = caption;
  table.columns = report.at("optimizers").get<std::vector<std::string>>();
  for (const auto& task : report.at("tasks")) {
    table.row_labels.push_back(task.at("task_id").get<std::string>());
    std::vector<detail::TableCell> cells;
    double best = higher_is_better ? -INFINITY : INFINITY;
    for (const auto& summary : task.at("optimizers")) {
      const auto& values = summary.at(metric);
      detail::TableCell cell{number_or_nan(values.at("mean")), number_or_nan(values.at("std")), false};
      if (!std::isfinite(cell.spread)) cell.spread = 0;
      if (std::isfinite(cell.mean))
        best = higher_is_better ? std::max(best, cell.mean) : std::min(best, cell.mean);
      cells.push_back(cell);
    }
    for (auto& cell : cells) cell.best = std::isfinite(best) && cell.mean == best;
    table.rows.push_back(std::move(cells));
  }
  if (ranking != nullptr && ranking->contains("mean_ranks")) {
    table.footer_label = "mean rank";
    for (const auto& rank : ranking->at("mean_ranks")) table.footer.push_back(fixed(number_or_nan(rank), 2));
  }
  return table;
}

std::string summary_section(const nlohmann::json& report, const nlohmann::json& ranking) {
  const auto optimizers = report.at("optimizers").get<std::vector<std::string>>();
  std::string html = "<h2 id=\"summary\">Ranks across tasks</h2><div class=\"card\">";
  html += "<p>Optimizers ranked on each task by the seed mean of <b>" +
          escape_xml(ranking.value("metric", "")) +
          "</b> (higher is better; ties share the average rank), then averaged over the " +
          std::to_string(report.at("tasks").size()) + " tasks.</p>";
  const auto& friedman = ranking.value("friedman", nlohmann::json());
  const auto& nemenyi = ranking.value("nemenyi", nlohmann::json());
  if (friedman.is_object() && nemenyi.is_object()) {
    html +=
        "<p>Friedman test: χ²<sub>F</sub> = " + fixed(number_or_nan(friedman.at("chi_squared")), 3) + " (" +
        fixed(number_or_nan(friedman.at("df")), 0) +
        " df), p = " + p_value_text(number_or_nan(friedman.at("p_value"))) +
        "; Iman-Davenport F<sub>F</sub> = " + format_value(number_or_nan(friedman.at("iman_davenport_f"))) +
        " on (" + fixed(number_or_nan(friedman.at("f_df1")), 0) + ", " +
        fixed(number_or_nan(friedman.at("f_df2")), 0) +
        ") df, p = " + p_value_text(number_or_nan(friedman.at("f_p_value"))) +
        ". Nemenyi critical difference at α = " + format_value(number_or_nan(nemenyi.at("alpha"))) +
        ": CD = " + fixed(number_or_nan(nemenyi.at("critical_difference")), 3) +
        " (q<sub>α</sub> = " + fixed(number_or_nan(nemenyi.at("q_alpha")), 3) +
        "). Optimizers joined by a bar do not differ significantly.</p>";
    std::vector<double> ranks;
    for (const auto& rank : ranking.at("mean_ranks")) ranks.push_back(number_or_nan(rank));
    std::vector<std::vector<std::string>> cliques;
    for (const auto& clique : nemenyi.at("cliques"))
      cliques.push_back(clique.get<std::vector<std::string>>());
    html += critical_difference_diagram(
        optimizers, ranks, number_or_nan(nemenyi.at("critical_difference")), cliques,
        "Critical-difference diagram (Nemenyi, α = " + format_value(number_or_nan(nemenyi.at("alpha"))) +
            ")");
  } else {
    html += "<p class=\"note\">" + escape_xml(ranking.value("note", "no test")) + "</p>";
  }
  if (ranking.contains("mean_ranks_over_budget")) {
    const auto budgets = report.at("budgets").get<std::vector<double>>();
    std::vector<CurveSeries> series(optimizers.size());
    for (std::size_t o = 0; o < optimizers.size(); ++o) {
      series[o].label = optimizers[o];
      series[o].x = budgets;
      for (const auto& step : ranking.at("mean_ranks_over_budget"))
        series[o].mean.push_back(number_or_nan(step[o]));
    }
    CurveOptions options;
    options.x_label = "normalized budget (fraction of each task's evaluations)";
    options.y_label = "mean rank";
    options.title = "Mean rank over the budget (1 = best, on top)";
    options.invert_y = true;
    options.y_min = 1;
    options.y_max = static_cast<double>(optimizers.size());
    for (std::size_t r = 1; r <= optimizers.size(); ++r) options.y_ticks.push_back(static_cast<double>(r));
    options.width = 620;
    options.height = 340;
    html += curve_plot(series, options);
  }
  return html + "</div>";
}

// The successful run with the median value of `metric`, per optimizer.
std::vector<FrontSeries> median_fronts(const nlohmann::json& task,
                                       const std::vector<std::string>& optimizers) {
  const auto n_obj = task.at("n_obj").get<Index>();
  std::vector<FrontSeries> series;
  for (const auto& optimizer : optimizers) {
    std::vector<std::pair<double, const nlohmann::json*>> runs;
    for (const auto& run : task.at("runs")) {
      if (run.at("optimizer") == optimizer && run.at("status") == "success") {
        runs.emplace_back(number_or_nan(run.at("hypervolume_carps")), &run);
      }
    }
    std::stable_sort(runs.begin(), runs.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    Matrix points(0, n_obj);
    if (!runs.empty()) points = matrix_from_json(runs[(runs.size() - 1) / 2].second->at("front"), n_obj);
    series.push_back({optimizer, points});
  }
  return series;
}

std::string task_section(const nlohmann::json& task, const std::vector<std::string>& optimizers,
                         const std::vector<double>& budgets, std::size_t index) {
  const std::string id = task.at("task_id").get<std::string>();
  const auto n_trials = task.at("n_trials").get<double>();
  std::string html =
      "<div class=\"card\" id=\"task" + std::to_string(index) + "\"><h3>" + escape_xml(id) + "</h3>";
  html += "<div class=\"note\">problem " + escape_xml(task.at("problem").get<std::string>()) + " " +
          escape_xml(task.at("params").dump()) + ", " + std::to_string(task.at("n_var").get<int>()) +
          " variables, " + std::to_string(task.at("n_obj").get<int>()) + " objectives, " +
          std::to_string(static_cast<long>(n_trials)) + " evaluations; normalization: " +
          escape_xml(task.at("normalization").at("source").get<std::string>()) +
          " ideal/nadir; fixed reference point " + escape_xml(task.at("reference_point").dump()) +
          " (normalized); carps reference point " + short_list(task.at("carps_reference_point")) + "</div>";
  std::optional<Matrix> true_front;
  if (task.contains("true_front_sample") && task.at("true_front_sample").is_array()) {
    true_front = matrix_from_json(task.at("true_front_sample"), task.at("n_obj").get<Index>());
  }
  html += "<div class=\"row\">";
  html += front_plots(median_fronts(task, optimizers), true_front, "Final front of the median run");
  std::vector<CurveSeries> curves;
  for (const auto& summary : task.at("optimizers")) {
    CurveSeries series;
    series.label = summary.at("optimizer").get<std::string>();
    const auto& steps = summary.at("hypervolume_carps_curve");
    for (std::size_t s = 0; s < steps.size() && s < budgets.size(); ++s) {
      series.x.push_back(budgets[s] * n_trials);
      series.mean.push_back(number_or_nan(steps[s].at("mean")));
      series.low.push_back(number_or_nan(steps[s].at("min")));
      series.high.push_back(number_or_nan(steps[s].at("max")));
    }
    curves.push_back(std::move(series));
  }
  CurveOptions options;
  options.x_label = "evaluations";
  options.y_label = "hypervolume (carps reference)";
  options.title = "Hypervolume: mean, band min–max over seeds";
  html += curve_plot(curves, options);
  return html + "</div></div>";
}

}  // namespace

std::string bench_report_html(const nlohmann::json& report, const std::string& source) {
  const auto& optimizers_json = need(report, "optimizers", source, "");
  const auto& tasks = need(report, "tasks", source, "");
  const auto& rankings = need(report, "rankings", source, "");
  const auto optimizers = optimizers_json.get<std::vector<std::string>>();
  const auto budgets = need(report, "budgets", source, "").get<std::vector<double>>();
  std::string seeds;
  for (const auto& seed : need(report, "seeds", source, ""))
    seeds += (seeds.empty() ? "" : ", ") + seed.dump();

  std::string body;
  const nlohmann::json* primary = rankings.empty() ? nullptr : &rankings.at(0);
  if (primary != nullptr) body += summary_section(report, *primary);

  body += "<h2 id=\"tables\">Final values</h2><div class=\"card\">";
  body +=
      "<p class=\"note\">Mean ± standard deviation over seeds; the best mean of each task is highlighted. "
      "hypervolume_carps: raw objectives, reference point = per-objective maximum over every front of all "
      "runs "
      "on the task (carps' policy). hypervolume: objectives normalized by the task's ideal and nadir, "
      "reference "
      "point 1.1 in every objective. IGD+: against the true front (lower is better), where known.</p>";
  const nlohmann::json* fixed_ranking = rankings.size() > 1 ? &rankings.at(1) : nullptr;
  body += detail::render_table(
      metric_table(report, "hypervolume_carps", true, "Hypervolume (carps reference)", primary));
  body += detail::render_table(
      metric_table(report, "hypervolume", true, "Hypervolume (normalized, reference 1.1)", fixed_ranking));
  body += detail::render_table(metric_table(report, "igd_plus", false, "IGD+ (lower is better)", nullptr));
  body += "</div>";

  body += "<h2 id=\"tasks\">Tasks</h2><div class=\"toc\">";
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    body += "<a href=\"#task" + std::to_string(t) + "\">" +
            escape_xml(tasks[t].at("task_id").get<std::string>()) + "</a> ";
  }
  body += "</div>";
  for (std::size_t t = 0; t < tasks.size(); ++t) body += task_section(tasks[t], optimizers, budgets, t);

  std::string optimizer_list;
  for (const auto& name : optimizers)
    optimizer_list += (optimizer_list.empty() ? "" : ", ") + escape_xml(name);
  const std::string subtitle = std::to_string(tasks.size()) + " tasks × " +
                               std::to_string(optimizers.size()) + " optimizers (" + optimizer_list +
                               ") × seeds " + escape_xml(seeds) +
                               ". <a href=\"#summary\">ranks</a> · <a href=\"#tables\">tables</a> · <a "
                               "href=\"#tasks\">tasks</a>";
  return detail::page("Bench report: " + report.value("suite", std::string("suite")), subtitle, body);
}

}  // namespace paretokit::report
