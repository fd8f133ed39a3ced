// report.json of a bench folder: indicators per run and statistics across
// tasks. The schema is documented in benchmarks_suite/REPORT_SCHEMA.md.
//
// Per task:
//  - normalization: the problem's ideal and nadir points when it knows them
//    ("source": "problem"), otherwise the per-objective minimum and maximum
//    over the final fronts of all runs on the task ("source": "observed");
//  - hypervolume: of the normalized front, against the fixed reference point
//    1 + reference_offset (1.1) in every objective (stated in the report);
//  - hypervolume_carps: of the raw front, against carps' reference point,
//    the per-objective maximum over every front (all budgets) of all runs of
//    all optimizers on the task;
//  - igd_plus: against pareto_front(igd_reference_points) where known;
//  - curves of both hypervolumes at normalized budgets 0, 0.05, ..., 1.
// Across tasks, for each ranking metric (hypervolume_carps first, then
// hypervolume): mean ranks of the optimizers (final and at every budget) over
// the seed-averaged values, the Friedman test and the Nemenyi critical
// difference at alpha = 0.05 (stats module).
//
// report.json holds no timing: it depends only on the run results, so it is
// identical whatever --jobs was (run times are in each run's result.json).
#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

#include "paretokit/bench/suite.hpp"

namespace paretokit::bench {

struct ReportOptions {
  double reference_offset = 0.1;      // fixed reference point: 1 + offset after normalization
  Index igd_reference_points = 1000;  // size of the true-front sample for IGD+
  double alpha = 0.05;                // Nemenyi significance level
  ProblemFactory problem_factory = default_problem_factory();
};

// Reads OUT/bench.json and every run's result.json (a run without one is
// reported with status "missing") and computes the report. Tasks are
// processed in parallel; the result does not depend on the thread count.
// InputError when OUT holds no bench.json.
nlohmann::json build_report_json(const std::filesystem::path& out, const ReportOptions& options = {});

// build_report_json, written atomically to OUT/report.json; returns it.
nlohmann::json write_report_json(const std::filesystem::path& out, const ReportOptions& options = {});

}  // namespace paretokit::bench
