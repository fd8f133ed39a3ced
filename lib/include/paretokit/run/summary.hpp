// summary.json: what a run achieved, in numbers.
//
//   {"problem", "algorithm", "seed", "evaluations", "generations", "seconds",
//    "evaluations_per_second", "stop_reason", "front_size", "feasible",
//    "hypervolume": {"value", "reference", "reference_source"},
//    "igd": {"value", "reference_front_size"} or null}
//
// The hypervolume reference point is the problem's nadir point x 1.1
// (exactly: nadir + 0.1 |nadir| per objective) where the problem knows it;
// otherwise the moocore default of the front itself (max + 0.1 (max - min)),
// and reference_source says which. IGD is measured against
// problem.pareto_front(reference_front_points) where one exists.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/problem.hpp"
#include "paretokit/run/run.hpp"

namespace paretokit {

struct SummaryOptions {
  // Points asked of the problem's reference front for IGD.
  Index reference_front_points = 10000;
};

// Rows that satisfy every constraint (all of G <= 0), have finite objectives
// (a failed evaluation reads +inf: core/evaluation.hpp) and are not dominated
// by another such row, in increasing order.
std::vector<Index> feasible_front_indices(const MatrixRef& F, const MatrixRef& G);

struct HypervolumeReference {
  Vector point;        // empty when neither the problem nor a front gives one
  std::string source;  // "nadir x 1.1", "front: max + 0.1 (max - min)", or "none"
};
// The reference of summary.json: from the problem's nadir point where known,
// else from `front` (which may be empty).
HypervolumeReference hypervolume_reference(const Problem& problem, const MatrixRef& front);

nlohmann::json summarize(const Problem& problem, const Algorithm& algorithm, const RunOptions& options,
                         const RunResult& result, const SummaryOptions& summary_options = {});

}  // namespace paretokit
