// Reference directions on the unit simplex {w >= 0, sum w = 1}, as NSGA-III
// and MOEA/D use them.
//
// The rows come in pymoo's order (`get_reference_directions("das-dennis",
// ...)`): lexicographic in the first coordinate, then the second, ... .
// Invalid arguments (n_obj < 1, negative partitions, more than
// `kMaxReferenceDirections` rows) throw InputError.
#pragma once

#include "paretokit/core/matrix.hpp"

namespace paretokit {

// Largest set the generators agree to build (about 80 MB of doubles at m = 10).
inline constexpr Index kMaxReferenceDirections = 1'000'000;

// Number of Das-Dennis directions: C(n_partitions + n_obj - 1, n_obj - 1).
// Returns -1 when the count does not fit in an Index.
Index das_dennis_count(Index n_obj, Index n_partitions);

// Das and Dennis (1998) structured directions, one per row, rows sum to 1:
// every w with w_j in {0, 1/p, ..., 1} for p = n_partitions. With
// n_partitions = 0 the single direction is the centre (1/m, ..., 1/m).
// O(count * n_obj).
Matrix das_dennis(Index n_obj, Index n_partitions);

// Two-layer set of Deb and Jain (2014) for many objectives: the outer layer
// (outer partitions) plus the inner layer (inner partitions) shrunk halfway
// towards the centre of the simplex, w -> w / 2 + 1 / (2 m). Outer rows come
// first. inner_partitions = 0 gives the outer layer plus the centre point.
Matrix two_layer_directions(Index n_obj, Index outer_partitions, Index inner_partitions);

}  // namespace paretokit
