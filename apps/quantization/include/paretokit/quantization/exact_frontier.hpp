// The exact Pareto frontier of a bit-width search, by dynamic programming
// over the groups: every measure is a sum of per-group terms, so a partial
// configuration (groups 0..g decided) that is weakly dominated by another
// partial one stays dominated whatever the remaining groups choose, and can
// be dropped. What survives the last group is the exact frontier (one
// configuration per distinct objective vector). This is the multi-objective
// knapsack DP (Nemhauser and Ullmann 1969; Klamroth and Wiecek 2000).
//
// Cost: O(G S C log(S C)) for 2 measures, S the largest partial frontier
// (at most the number of distinct values of the second measure); with 3 or
// more measures the partial frontiers grow faster and `max_states` bounds
// them. Deterministic: of configurations with equal measures, the one found
// first in the merge order (smaller choice indices on earlier groups) stays.
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"
#include "paretokit/quantization/bit_width_search.hpp"

namespace paretokit::quantization {

struct ExactFrontier {
  std::vector<Measure> measures;
  Matrix raw;                             // one row per point, one column per measure, raw units
  std::vector<std::vector<int>> choices;  // per point: a choice index per group
};

struct ExactFrontierOptions {
  // Most partial configurations kept after any group; beyond it an Error
  // (exit 1) says so rather than running out of memory. Memory: about
  // 8 (k + 1) C max_states bytes for the stage being merged plus 8 bytes per
  // state kept of every earlier stage (k measures, C bit-widths).
  Index max_states = 1'000'000;
};

// The frontier of `measures` (at least one, each available in `search`),
// sorted lexicographically by the measures.
ExactFrontier exact_frontier(const BitWidthSearch& search, const std::vector<Measure>& measures,
                             const ExactFrontierOptions& options = {});

// Every configuration's raw measures, by enumeration (tests: at most 2^20
// configurations).
Matrix enumerate_all(const BitWidthSearch& search, const std::vector<Measure>& measures,
                     std::vector<std::vector<int>>* choices = nullptr);

}  // namespace paretokit::quantization
