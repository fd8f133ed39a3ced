// Internal: exact refinement of a 2-D subset by the branch and bound of
// subset_exact.cpp, used as a large-neighbourhood search (in the spirit of
// Shaw's LNS, 1998). A better subset must improve the worst box, so each
// round frees the `window` points nearest that box's upper and right sides
// (taken or not; then twice as many when that finds nothing), keeps every
// other point's decision, and decides the freed ones optimally; rounds go on
// while one improves. On the n = 100 instances of perf_discrepancy it takes
// the local optima of select_subset() (+3.5 to +7.5%) to within 0.1% of the
// optimum for k = 20 and 30. Deterministic (no random draws); only a strictly
// better subset is kept; bounded by node_limit per search.
#pragma once

#include <cstdint>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit::discrepancy::detail {

struct RefineOptions {
  Index window = 48;                     // points re-decided at a time (then twice as many)
  std::uint64_t node_limit = 2'000'000;  // per search; the best found so far counts
  int max_rounds = 200;
  double time_limit_seconds = 0.0;  // <= 0: none
};

// Improves `subset` (rows of points, D* `value`) in place; true when it did.
bool refine_subset_2d(const Matrix& points, Index k, std::vector<Index>& subset, double& value,
                      const RefineOptions& options = {});

}  // namespace paretokit::discrepancy::detail
