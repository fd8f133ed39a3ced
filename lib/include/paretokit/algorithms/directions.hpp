// Choosing the reference directions (weight vectors) of NSGA-III and MOEA/D
// from pymoo's parameter `n_partitions`:
//
//   {p}             Das and Dennis (1998) with p partitions
//   {outer, inner}  the two-layer set of Deb and Jain (2014)
//   {} (absent)     with pop_size > 0: the largest Das-Dennis set that has at
//                   most pop_size directions; without: the NSGA-III paper's
//                   sets (m = 2: p = 99; 3: 12; 4: 8; 5: 6; 6: 4; 7: 3;
//                   8 and 10: two-layer (3, 2); more: two-layer (2, 1)).
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

Matrix choose_directions(Index n_obj, const std::vector<Index>& n_partitions, Index pop_size);

// The NSGA-III paper's population for H directions: the smallest multiple
// of 4 that is >= H.
Index population_for_directions(Index n_directions);

}  // namespace paretokit
