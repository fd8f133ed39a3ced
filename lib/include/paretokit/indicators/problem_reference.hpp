// One fixed hypervolume reference per problem, shared by summary.json, the run
// report and the bench report, so that hypervolumes of different runs (and
// different algorithms) on a problem can be compared.
//
// The scale is the problem's ideal and nadir points where it knows them;
// what it does not state, the per-objective minimum (ideal) or maximum
// (nadir) of its known Pareto front gives (pareto_front(front_points));
// otherwise none, and the caller must fall back
// to a run-specific reference and say so. The reference point is
// ideal + (1 + offset) (nadir - ideal): 1.1 in every objective after
// normalization, as the bench has always used.
#pragma once

#include <optional>
#include <string>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/problem.hpp"

namespace paretokit {

struct ObjectiveScale {
  Vector ideal, nadir;  // nadir > ideal in every objective
  std::string source;   // "problem ideal and nadir", "problem Pareto front", or a mix
};

std::optional<ObjectiveScale> known_objective_scale(const Problem& problem, Index front_points = 1000);

struct FixedReference {
  Vector point;
  std::string source;  // e.g. "problem ideal and nadir: ideal + 1.1 (nadir - ideal)"
};

// known_objective_scale's reference point, or nullopt.
std::optional<FixedReference> fixed_hypervolume_reference(const Problem& problem, double offset = 0.1);

}  // namespace paretokit
