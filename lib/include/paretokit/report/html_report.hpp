// Self-contained HTML reports: one file with inline CSS and SVG, no scripts,
// no network, readable on a laptop screen and printable.
//
//   bench folder (report.json of bench/report_json.hpp):
//     summary (optimizers, seeds, Friedman test), the critical-difference
//     diagram, mean rank over the normalized budget, tables of final values
//     (mean ± standard deviation over seeds, best per task highlighted), and
//     per task the final fronts of each optimizer's median run and the
//     hypervolume over evaluations (mean line, min-max band over seeds);
//   run folder (`paretokit sweep --out DIR`: config.json, trials.jsonl, summary.json):
//     the headline numbers first (hypervolume with its reference, IGD,
//     evaluations, stop reason, time), the evaluated points (a stated
//     sample of at most max_drawn_points), the non-dominated set, the
//     infeasible ones apart and the true front where known (parallel
//     coordinates from 4 objectives), and the hypervolume of the
//     non-dominated set over evaluations against summary.json's reference.
//     Bounded in time and size whatever the number of trials.
#pragma once

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/core/matrix.hpp"

namespace paretokit::report {

// The page for a bench report document. InputError naming the field when a
// required field is missing.
std::string bench_report_html(const nlohmann::json& report, const std::string& source = "report.json");

// What the problem knows, for the run page (the report module does not know
// the problem registry: the command line fills these in).
struct RunReportOptions {
  std::optional<Matrix> true_front;  // drawn in grey beneath the points
  // The problem's fixed hypervolume reference, used when the folder has no
  // summary.json that states one; without either the curve's reference is
  // the run's own (max + 0.1 (max - min) of all evaluations), said to be so.
  std::optional<Vector> reference;
  std::string reference_source;
  Index max_drawn_points = 2000;  // per plot series; more are sampled evenly
  // Once true, the page stops at its next step with Interrupted. Not owned.
  const std::atomic<bool>* stop_request = nullptr;
};

// A stop request ended the page before it was complete.
class Interrupted : public Error {
  using Error::Error;
};

// `paretokit plot`: point sets as a scatter (2 objectives), the three
// pairwise projections (3) or parallel coordinates (4 or more), with
// `front` (e.g. a true front) in grey beneath. As one SVG document, or as a
// self-contained HTML page. Series longer than max_points are drawn as an
// even sample, said in their legend.
struct PointSeries {
  std::string label;
  Matrix points;
};
std::string points_svg(const std::vector<PointSeries>& series, const std::optional<Matrix>& front,
                       const std::string& title, Index max_points = 5000);
std::string points_page_html(const std::vector<PointSeries>& series, const std::optional<Matrix>& front,
                             const std::string& title, Index max_points = 5000);

// The page for a run folder. InputError when it is not one.
std::string run_report_html(const std::filesystem::path& run_folder, const RunReportOptions& options = {});

}  // namespace paretokit::report
