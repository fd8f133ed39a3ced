// Self-contained HTML reports: one file with inline CSS and SVG, no scripts,
// no network, readable on a laptop screen and printable.
//
//   bench folder (report.json of bench/report_json.hpp):
//     summary (optimizers, seeds, Friedman test), the critical-difference
//     diagram, mean rank over the normalized budget, tables of final values
//     (mean ± standard deviation over seeds, best per task highlighted), and
//     per task the final fronts of each optimizer's median run and the
//     hypervolume over evaluations (mean line, min-max band over seeds);
//   run folder (`paretokit sweep --out DIR`: config.json, trials.jsonl, front.json):
//     every evaluated point and the final front, and the hypervolume of the
//     non-dominated set over evaluations.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace paretokit::report {

// The page for a bench report document. InputError naming the field when a
// required field is missing.
std::string bench_report_html(const nlohmann::json& report, const std::string& source = "report.json");

// The page for a run folder. InputError when it is not one.
std::string run_report_html(const std::filesystem::path& run_folder);

}  // namespace paretokit::report
