// summary.json: what a run achieved, in numbers.
//
//   {"problem", "algorithm", "seed", "evaluations", "generations", "seconds",
//    "evaluations_per_second", "stop_reason", "front_size", "feasible",
//    "population_size" (random search: "archive_size"),
//    "hypervolume": {"value", "method" ("exact" | "monte_carlo" | "none"),
//                    Monte Carlo: "standard_error", "confidence_interval",
//                    "samples"; "reference", "reference_source",
//                    "reference_fixed"},
//    "igd": {"value", "reference_front_size"} or null}
//
// The hypervolume reference point is fixed per problem where the problem
// knows its ideal and nadir points or its Pareto front (the bench's: ideal +
// 1.1 (nadir - ideal), indicators/problem_reference.hpp), so that runs of
// different algorithms compare; otherwise it is the moocore default of the
// run's own front (max + 0.1 (max - min)), reference_fixed is false and
// reference_source says that it is run-specific. The hypervolume is exact or
// Monte Carlo by predicted cost (RunOptions::summary_hypervolume), so a
// summary ends in bounded time whatever the front. IGD is measured against
// problem.pareto_front(reference_front_points), thinned to max_igd_cost.
// A stop request (a signal) skips what is left: those values are null and
// "interrupted" says why.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/problem.hpp"
#include "paretokit/pareto/feasible_front.hpp"  // feasible_front_indices, once declared here
#include "paretokit/run/run.hpp"

namespace paretokit {

struct SummaryOptions {
  // Points asked of the problem's reference front for IGD.
  Index reference_front_points = 10000;
  // Bound on (reference points) x (front points) x objectives for IGD.
  double max_igd_cost = 1e9;
};

inline constexpr const char* kRunSpecificReference =
    "run-specific: this run's front, max + 0.1 (max - min); not comparable with other runs";

struct HypervolumeReference {
  Vector point;        // empty when neither the problem nor a front gives one
  std::string source;  // fixed_hypervolume_reference's, kRunSpecificReference, or "none"
  bool fixed = false;  // the same for every run on the problem
};
// The reference of summary.json: fixed by the problem where it knows its
// scale (indicators/problem_reference.hpp), else from `front` (may be empty).
HypervolumeReference hypervolume_reference(const Problem& problem, const MatrixRef& front);

// The hypervolume, its reference and the IGD of a run's front: what run()
// puts in RunResult::summary (less its json).
RunSummary summarize_front(const Problem& problem, const RunOptions& options, const MatrixRef& front_f,
                           const SummaryOptions& summary_options = {});

// summary.json of a finished run from `measured` (summarize_front's).
nlohmann::json summary_json(const Problem& problem, const Algorithm& algorithm, const RunOptions& options,
                            const RunResult& result, const RunSummary& measured);

// summary.json: from result.summary when computed, else measured now.
nlohmann::json summarize(const Problem& problem, const Algorithm& algorithm, const RunOptions& options,
                         const RunResult& result, const SummaryOptions& summary_options = {});

}  // namespace paretokit
