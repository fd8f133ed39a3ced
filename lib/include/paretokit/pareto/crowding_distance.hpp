// Crowding distance of NSGA-II (Deb et al. 2002).
#pragma once

#include "paretokit/core/matrix.hpp"

namespace paretokit {

// Crowding distance of each row of one front F; boundary points get infinity.
Vector crowding_distance(const MatrixRef& F);

}  // namespace paretokit
