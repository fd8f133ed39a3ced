// The variation settings shared by the genetic algorithms of this module
// (NSGA-II, NSGA-III, SMS-EMOA, HypE): SBX, polynomial mutation, duplicate
// elimination and the initial sampling. Defaults are pymoo's NSGA-II ones;
// each algorithm's Options states its own.
#pragma once

#include "paretokit/algorithms/population_algorithm.hpp"
#include "paretokit/operators/polynomial_mutation.hpp"
#include "paretokit/operators/sbx.hpp"

namespace paretokit {

struct VariationOptions {
  SbxOptions crossover{};                 // eta_c = 15, prob_c = 0.9, prob_var 0.5, swap 0.5
  PolynomialMutationOptions mutation{};   // eta_m = 20, prob_m = min(0.5, 1/n_var)
  bool eliminate_duplicates = true;       // redraw offspring equal to others or to the population
  Sampling sampling = Sampling::uniform;  // initial population
};

}  // namespace paretokit
