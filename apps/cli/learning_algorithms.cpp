// Registers the learning module's algorithms (psl-mobo, svh-psl, parego) with
// the algorithm registry before main() runs, so that sweep and bench find them
// by name. The registry sits below the learning module (which depends on it),
// so the command line, which links both, makes the call.
#include "paretokit/learning/registry.hpp"

namespace {

const bool registered = [] {
  paretokit::register_learning_algorithms();
  return true;
}();

}  // namespace
