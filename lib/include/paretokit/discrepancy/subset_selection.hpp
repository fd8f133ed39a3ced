// Star-discrepancy subset selection: choose k of n points whose star
// discrepancy, as they are (no rescaling after the selection), is as low as
// possible. This is how carps picks a representative set of benchmark tasks.
//
// select_subset(): the heuristic. Each restart builds a subset by randomized
// greedy construction and improves it by local search in the spirit of the
// "shift" heuristic of Clément, Doerr and Paquete (2024), "Heuristic approaches
// to obtain low-discrepancy point sets via subset selection": the worst box of
// the current subset says which points to swap (out of an over-full closed
// box, into an under-full open box). Candidate swaps are screened against a
// cache of recent critical boxes (a swap that leaves any cached box at least as
// bad is rejected in O(boxes * d)) and fully evaluated only when they pass,
// with early exit as soon as a box reaches the incumbent value. Restarts run in
// parallel, each from its own Rng stream (seed, restart); the best subset wins,
// ties to the lower restart index, so the result depends only on the seed and
// restart count, not on the thread count (unless the time limit cuts runs short).
//
// Each exact evaluation costs O(k^d) at worst (far less with the bounds), so
// the heuristic is meant for k up to about a hundred in low dimension; k == n
// returns all points with D* by DEM.
//
// select_subset_exact(): branch and bound for 2-D points, for small instances
// (it checks how close the heuristic gets).
#pragma once

#include <cstdint>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit::discrepancy {

struct SubsetOptions {
  std::uint64_t seed = 0;
  // Independent restarts (greedy start + local search each).
  int restarts = 32;
  // Wall-clock limit in seconds for the whole call; <= 0 means none. When it
  // runs out, restarts stop and the best subset found so far is returned.
  double time_limit_seconds = 0.0;
  // Local search stops after this many consecutive non-improving moves.
  int max_failed_moves = 1000;
  // Iterated local search: after the first descent, this many times kick the
  // best subset by 2-3 random swaps and descend again, keeping improvements.
  int perturbations = 10;
  // 2-D: the best subset of the restarts is then refined exactly, window by
  // window of consecutive points, by the branch and bound of
  // select_subset_exact() (a large-neighbourhood search; deterministic).
  bool refine_2d = true;
  // Min-max normalize every column over all n points first (as carps does).
  bool normalize = false;
  int threads = 0;  // 0: oneTBB decides
};

struct SubsetResult {
  std::vector<Index> indices;      // 0-based rows of the input, increasing
  double discrepancy = 0.0;        // D* of the selected points (exact)
  double start_discrepancy = 0.0;  // D* of the greedy start of the winning restart
  int restarts_run = 0;            // restarts completed (or cut short by the time limit)
  int best_restart = -1;
  std::uint64_t evaluations = 0;  // full discrepancy evaluations, all restarts
  bool timed_out = false;
  bool optimal = false;  // proven optimal (select_subset_exact finished)
  double seconds = 0.0;
};

// Throws InputError when k < 1 or k > n, or (without normalize) when a point
// lies outside [0,1]^d.
SubsetResult select_subset(const MatrixRef& points, Index k, const SubsetOptions& options = {});

// Star discrepancy of the rows `indices` of points: exact, for the small sets
// of subset selection (O(k^d) by a sweep over the grid of the subset).
double subset_discrepancy(const MatrixRef& points, const std::vector<Index>& indices);

struct ExactSubsetOptions {
  // Stop (optimal == false, best found returned) after this many search nodes.
  std::uint64_t node_limit = 2'000'000'000ull;
  double time_limit_seconds = 0.0;  // <= 0: none
  // An initial upper bound, e.g. from select_subset(); infinite when <= 0.
  double initial_upper_bound = 0.0;
  bool normalize = false;
};

// Branch and bound over the points sorted by their first coordinate, for
// d == 2: a partial choice already fixes every box whose first corner
// coordinate lies left of the next undecided point, which bounds D* from below.
// Exponential in the worst case; meant for n up to a few dozen.
SubsetResult select_subset_exact(const MatrixRef& points, Index k, const ExactSubsetOptions& options = {});

}  // namespace paretokit::discrepancy
