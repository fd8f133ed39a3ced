// The Nemenyi post-hoc test and its critical difference (Nemenyi 1963;
// Demšar 2006, section 3.2.2): two of k treatments ranked over N blocks
// differ significantly when their mean ranks differ by at least
//
//   CD = q_alpha sqrt(k (k + 1) / (6 N))
//
// where q_alpha is the studentized range statistic for k groups and infinite
// degrees of freedom, divided by sqrt(2). Boost.Math has no studentized range
// distribution, so:
//  - nemenyi_q_alpha() for alpha = 0.05 and 0.10 reads a table for k = 2..20
//    (Demšar's Table 5 for k <= 10, extended to 20 with the same definition);
//  - studentized_range_quantile() computes any quantile by numerical
//    integration (used for other alphas and, in the tests, to check the table).
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit::stats {

// q_alpha (already divided by sqrt(2)) for k = 2..20 treatments and alpha
// 0.05 or 0.10 from the table; other alphas or k are computed by
// numerical integration. Throws InputError for k < 2 or alpha outside (0, 1).
double nemenyi_q_alpha(Index k, double alpha = 0.05);

// Upper quantile q with P(range of k standard normals <= q) = 1 - alpha,
// from P(Q <= q) = k * Integral phi(z) (Phi(z) - Phi(z - q))^(k - 1) dz.
// Accurate to about 1e-6.
double studentized_range_quantile(Index k, double alpha);
// The distribution function P(Q <= q) itself (infinite degrees of freedom).
double studentized_range_cdf(Index k, double q);

// CD for k treatments over n_blocks blocks.
double nemenyi_critical_difference(Index k, Index n_blocks, double alpha = 0.05);

// A group of treatments whose mean ranks all lie within one CD: drawn as a
// bar in the critical-difference diagram.
struct RankClique {
  std::vector<Index> members;  // treatment (column) indices, best mean rank first
  double lowest_rank = 0;
  double highest_rank = 0;
};

// Maximal groups of treatments not significantly different from each other,
// in order of their best rank: sorts by mean rank and, from each treatment,
// extends the group while the rank difference stays below cd; groups inside
// another group are dropped; singletons are left out. O(k log k + k^2).
std::vector<RankClique> nemenyi_cliques(const VectorRef& mean_ranks, double critical_difference);

}  // namespace paretokit::stats
