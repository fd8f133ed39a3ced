// The learned Pareto set as a file (set_model.json in a run folder): the set
// model of PSL-MOBO or SVH-PSL together with the search space that decodes its
// unit-cube output, so that `paretokit psl-sample` can map any preference to
// the solution the model predicts, without new evaluations.
//
//   {"format": "paretokit-set-model", "version": 1, "algorithm": "svh-psl",
//    "search_space": {...SearchSpace JSON...}, "set_model": {...SetModel JSON...}}
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "paretokit/algorithms/algorithm.hpp"
#include "paretokit/core/search_space.hpp"
#include "paretokit/learning/set_model.hpp"

namespace paretokit {

struct LearnedSet {
  std::string algorithm;
  SearchSpace space;
  SetModel model;

  // Preferences (rows, m numbers >= 0, not all 0; normalized to sum 1 here)
  // to solutions in the problem's own terms (decoded).
  Matrix solutions(const MatrixRef& preferences) const;
  nlohmann::json to_json() const;
  // Throws InputError naming `file` and the JSON field.
  static LearnedSet from_json(const nlohmann::json& json, const std::string& file);
};

// The learned set of an algorithm that has one (psl-mobo, svh-psl after their
// first batch); nullopt otherwise.
std::optional<LearnedSet> learned_set(const Algorithm& algorithm);

}  // namespace paretokit
