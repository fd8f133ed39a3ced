// Reference directions on the unit simplex.
#pragma once

#include "paretokit/core/matrix.hpp"

namespace paretokit {

// Number of Das-Dennis directions: C(n_partitions + n_obj - 1, n_obj - 1).
Index das_dennis_count(Index n_obj, Index n_partitions);

// Das and Dennis (1998) structured directions, one per row, rows sum to 1.
Matrix das_dennis(Index n_obj, Index n_partitions);

// Two-layer set of Deb and Jain (2014) for many objectives: the outer layer
// (outer partitions) plus the inner layer (inner partitions) shrunk halfway
// towards the centre of the simplex.
Matrix two_layer_directions(Index n_obj, Index outer_partitions, Index inner_partitions);

}  // namespace paretokit
