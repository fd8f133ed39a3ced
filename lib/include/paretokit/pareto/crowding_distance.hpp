// Crowding distance of NSGA-II (Deb et al. 2002), with pymoo's conventions
// (pymoo 0.6 `calc_crowding_distance`, duplicates filtered):
//
//  - a front of one or two points: every point gets infinity;
//  - otherwise, per objective, the points are sorted (stably) and each gets
//    (next - previous) / range, where range = max - min of that objective over
//    the front; the two boundary points of a sorted order get infinity;
//  - an objective whose range is zero adds nothing to any point (boundary
//    points included);
//  - the result is the sum over objectives divided by the number of objectives;
//  - a row equal to an earlier row is a duplicate: it gets 0, and the distance
//    of the others is computed as if it were absent.
//
// Cost: O(m n log n) for n points and m objectives.
#pragma once

#include "paretokit/core/matrix.hpp"

namespace paretokit {

// Crowding distance of each row of one front F; boundary points get infinity.
Vector crowding_distance(const MatrixRef& F);

}  // namespace paretokit
