// The niching step of NSGA-III (Deb and Jain 2014, Algorithm 4) with pymoo's
// tie-breaking: repeatedly take the directions of least niche count that
// still have candidates in the last front (in random order), and give each
// one member: the closest one when the niche is empty so far, a random one
// otherwise. O(n + H x rounds).
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit::detail {

// niche[k], distance[k]: direction and perpendicular distance of the k-th
// candidate; niche_count: members per direction among those already chosen
// (updated). Returns n_remaining candidate positions.
std::vector<Index> niching(const std::vector<Index>& niche, const std::vector<double>& distance,
                           std::vector<Index>& niche_count, Index n_remaining, Rng& rng);

}  // namespace paretokit::detail
