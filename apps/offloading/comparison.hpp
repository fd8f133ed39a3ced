// The hypervolume of a found front and of every baseline with one shared
// reference point, and the improvement of the front over the best baseline
// (issue 16; GMORL reports its improvement this way).
//
// Baselines are compared one by one (each a single point), by group (the
// weighted greedy sweep is one set) and all together (their union). The
// default reference point is moocore's (per objective max + 0.1 (max - min))
// over the front and the baselines that no other baseline dominates, so
// that a hopeless baseline does not push it out to where every sensible set
// scores the same; a baseline beyond it scores 0. Ratios of hypervolumes do
// not depend on the objectives' units.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "offloading/problems.hpp"

namespace paretokit::offloading {

struct BaselineHypervolume {
  std::string name;  // a baseline's or a group's name
  double hypervolume = 0;
};

struct FrontComparison {
  Vector reference;
  double front_hypervolume = 0;
  std::vector<BaselineHypervolume> baselines;  // one per baseline, in order
  std::vector<BaselineHypervolume> groups;     // one per group, in order of first appearance
  double union_hypervolume = 0;                // of all baselines together
  BaselineHypervolume best_baseline, best_group;
  // front / best - 1 (e.g. 0.25 for +25%); +inf when the best is 0.
  double improvement_over_best_baseline = 0, improvement_over_best_group = 0, improvement_over_union = 0;
  // Baselines that no front point weakly dominates (empty: the front covers them all).
  std::vector<std::string> uncovered_baselines;

  nlohmann::json to_json() const;
};

FrontComparison compare_with_baselines(const MatrixRef& front, const std::vector<BaselineResult>& baselines,
                                       const std::optional<Vector>& reference = std::nullopt);

}  // namespace paretokit::offloading
