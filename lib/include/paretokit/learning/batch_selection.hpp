// Greedy batch selection by hypervolume improvement (Lin et al. 2022,
// section 4.3): k times, the candidate whose predicted objectives add the
// most hypervolume to the current front plus the candidates already chosen.
// The reference point is the worst value per objective over the front and
// the candidates, as in the paper's code. Candidates weakly dominated by the
// front add nothing and are skipped before any hypervolume is computed; when
// no candidate adds anything, the rest of the batch is filled with the
// candidates farthest (in x) from the evaluated points and from each other,
// so that a batch never repeats a point.
// Cost: k * c hypervolume computations of (front + k) points.
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

// front: p x m (non-dominated predicted or evaluated objectives);
// candidates_f: c x m; candidates_x: c x n and evaluated_x (for the
// fallback). Returns k distinct candidate indices (fewer if c < k).
std::vector<Index> select_by_hypervolume_improvement(const MatrixRef& front, const MatrixRef& candidates_f,
                                                     const MatrixRef& candidates_x,
                                                     const MatrixRef& evaluated_x, Index k);

}  // namespace paretokit
