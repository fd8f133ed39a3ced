// DTLZ helpers beyond the Problem interface.
//
// The DTLZ problems themselves are built through the registry:
//   make_problem("dtlz2", {{"n_obj", 5}})
// with parameters n_obj (default 3), k (the number of distance variables
// x_M: default 5 for DTLZ1, 10 for DTLZ2-6, 20 for DTLZ7, as Deb et al. 2005
// and the NSGA-III paper use) and n_var = n_obj + k - 1 (give n_var or k).
#pragma once

#include <string>

#include "paretokit/core/matrix.hpp"

namespace paretokit::problems {

// The targeted points of the NSGA-III paper (Deb and Jain 2014, section
// VI-A): the intersections of the reference directions W (rows on the unit
// simplex, e.g. Das-Dennis) with the Pareto front of DTLZ1 (0.5 w) or of
// DTLZ2, DTLZ3, DTLZ4 (w / |w|). dtlz_number must be 1, 2, 3 or 4; throws
// InputError otherwise or when a row of W is not a non-negative, non-zero vector.
Matrix dtlz_targeted_points(int dtlz_number, const MatrixRef& directions);
// The same by problem name: "dtlz1".."dtlz4".
Matrix dtlz_targeted_points(const std::string& problem_name, const MatrixRef& directions);

}  // namespace paretokit::problems
