// Tournament selection (pymoo's TournamentSelection): the competitors of
// each tournament come from concatenated random permutations of the
// population, so every individual takes part about equally often; the winner
// is chosen by a comparison function. Cost O(n_select * pressure).
#pragma once

#include <functional>
#include <vector>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit {

// n_select x pressure matrix of competitor indices into a population of size
// pop_size, drawn from concatenated random permutations.
Eigen::Matrix<Index, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> tournament_competitors(Index n_select,
                                                                                             Index pressure,
                                                                                             Index pop_size,
                                                                                             Rng& rng);

// Binary tournaments: `winner(a, b, rng)` returns a or b. Returns n_select
// winners.
std::vector<Index> binary_tournament(Index n_select, Index pop_size,
                                     const std::function<Index(Index, Index, Rng&)>& winner, Rng& rng);

// n_select indices drawn uniformly with replacement (random mating).
std::vector<Index> random_selection(Index n_select, Index pop_size, Rng& rng);

}  // namespace paretokit
