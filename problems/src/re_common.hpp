// Shared plumbing of the RE suite (Tanabe and Ishibuchi 2020, "An easy-to-use
// real-world multi-objective optimization problem suite", Applied Soft
// Computing 89, 106078), implemented after the reference code
// (github.com/ryojitanabe/reproblems, reproblem_c_ver/reproblem.c).
//
// As in the reference, the original constraints are folded into the last
// objective (the sum of violations max(0, -g_i)), so the problems have no
// constraints of their own (n_constr = 0). Discrete variables are handled as
// the C reference does: round() (half away from zero) for integers, the
// nearest entry of a table (first one on ties) for RE22's x1 and RE25's x3.
#pragma once

#include <string>
#include <vector>

#include "catalog.hpp"
#include "paretokit/problems/batch_problem.hpp"

namespace paretokit::problems::detail {

struct ReDefinition {
  std::string name;         // "re21"
  std::string description;  // what is designed
  std::vector<double> lower, upper;
  Index n_obj = 2;
  std::vector<double> ideal, nadir;  // published ideal and nadir points (empty: unknown)
  void (*evaluate)(const Block& x, Block& f) = nullptr;
};

// The violation of a constraint g >= 0 as the reference computes it:
// -g when g < 0, else 0 (so NaN counts as satisfied, as in the C code).
inline Column violation(const Column& g) { return (g < 0.0).select(-g, 0.0); }

// Column-wise std::round (half away from zero, as C's round).
Column round_of(const Column& x);
// Each entry replaced by the nearest value of table (the first one on ties).
Column nearest_of(const Column& x, const std::vector<double>& table);

void add_re_definitions(Catalog& catalog, const std::vector<ReDefinition>& definitions);

std::vector<ReDefinition> re_two_objective_definitions();
std::vector<ReDefinition> re_three_objective_definitions();
std::vector<ReDefinition> re_many_objective_definitions();

}  // namespace paretokit::problems::detail
