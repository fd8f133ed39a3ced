// Registers the benchmark problems (problems/) with the library's problem
// registry (core/problem_registry.hpp) before main() runs, so that bench,
// which only links lib/, finds them by name. As learning_algorithms.cpp does
// for the learning module's algorithms: the command line links both sides,
// so it makes the explicit call (this file is compiled into the executable,
// never dropped as a static library's object would be).
#include "paretokit/problems/registry.hpp"

namespace {

const bool registered = [] {
  paretokit::problems::register_builtin_problems();
  return true;
}();

}  // namespace
