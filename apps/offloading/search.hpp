// run() with an archive: the front `paretokit offload` reports is the
// non-dominated set of every candidate evaluated, not only of the final
// population. NSGA-II's crowding truncation thins dense parts of the front
// (the weighted greedy baselines sit in a small corner of it), and a policy
// that was found is found, whichever generation it came from.
#pragma once

#include "paretokit/run/run.hpp"

namespace paretokit::offloading {

struct SearchResult {
  RunResult run;
  Matrix front_x, front_f;  // non-dominated among all evaluated candidates, in evaluation order,
                            // the first of equal objective vectors
};

SearchResult search_front(const Problem& problem, Algorithm& algorithm, RunOptions options);

}  // namespace paretokit::offloading
