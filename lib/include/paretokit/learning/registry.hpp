// Adds this module's algorithms to the algorithm registry
// (algorithms/registry.hpp): psl-mobo, svh-psl and parego. The registry lives
// in the algorithms module, below this one, so it cannot name them itself;
// whoever links both calls this once at start-up (the command line does, in
// apps/cli/learning_algorithms.cpp; a C++ user calls it before
// make_algorithm("psl-mobo")). Calling it again is harmless.
#pragma once

namespace paretokit {

void register_learning_algorithms();

}  // namespace paretokit
