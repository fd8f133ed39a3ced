// HypE (Bader and Zitzler 2011): hypervolume estimation algorithm for
// many-objective optimization.
//
// - mating: binary tournaments on the HypE fitness I_h^N of the population
//   (constraint violation first);
// - variation: SBX + polynomial mutation;
// - environmental selection: constrained non-dominated fronts while they
//   fit; the overflowing front loses its members one at a time, each time
//   the one of least I_h^k with k = the number still to remove, fitness
//   recomputed after every removal (the paper's Algorithm 2); or, with
//   one_shot, the k least fit of a single computation.
//
// Fitness (algorithms/hype_fitness.hpp) is exact for n_obj <=
// exact_max_objectives and at most exact_max_points points, and estimated
// with n_samples Monte Carlo points otherwise. The reference point is the
// worst point of the set being rated plus reference_offset times its range
// (per objective).
//
// By default (incremental), a population too large for exact fitness
// everywhere (2 * pop_size > exact_max_points, or n_obj >
// exact_max_objectives) truncates every overflowing front on Monte Carlo
// with one sample set, and one reference point, for the whole front,
// updating the samples' dominator counts after each removal
// (algorithms/hype_truncation.hpp), instead of drawing n_samples anew in a
// new box for every removal, and instead of switching to exact fitness
// for fronts of at most exact_max_points points (an exact greedy truncation
// of a front of a few hundred points costs seconds). incremental = false
// restores that (fresh samples per removal, exact for small fronts).
// Populations of 2 * pop_size <= exact_max_points (n_obj <=
// exact_max_objectives), one_shot, and the mating fitness are unaffected.
//
// Cost per generation: exact 3-D fitness is O(s^2 min(s, k)) per computation
// for s points (O(s^2) for k = 1), so the iterative selection of a front of
// size s that loses K members is O(s^2 K^2) in the worst case, the one-shot
// option O(s^2 K). A Monte Carlo computation costs O(n_samples m s / 64)
// for the dominator sets plus the dominators of the samples that count;
// the incremental truncation pays that once, then per removal about the
// live samples and O(s c) for the fitness (c <= 64 or so: counts whose
// weight is below 2^-64 are left out), against a full computation per
// removal with fresh samples. The default exact_max_points dates from a
// Monte Carlo kernel that scanned every point: exact 3-D fitness was then
// faster than 10000 samples up to about 500 points for k = s / 2. With the
// bitset kernel, 10000 samples cost about 1.5 ms from 100 to 500 points,
// against 0.5 ms exact at 100 and 29 ms at 500 (benchmarks_suite/perf/hype);
// the default is kept for accuracy, and for unchanged results: populations
// up to 250 (fronts of the 2 * pop_size parents and offspring up to 500)
// are rated exactly everywhere in 3-D.
#pragma once

#include "paretokit/algorithms/population_algorithm.hpp"
#include "paretokit/algorithms/variation.hpp"

namespace paretokit {

class HypE : public PopulationAlgorithm {
 public:
  struct Options {
    Index pop_size = 100;
    Index n_samples = 10000;         // Monte Carlo samples per fitness computation
    Index exact_max_objectives = 3;  // exact fitness up to this many objectives...
    Index exact_max_points = 500;    // ...and this many points (exact 3-D: O(n^2 min(n, k)))
    bool one_shot = false;           // remove all k at once instead of one at a time
    // Where 2 * pop_size > exact_max_points (or n_obj > exact_max_objectives):
    // truncate one at a time on one Monte Carlo sample set per truncation,
    // updated after each removal (algorithms/hype_truncation.hpp), instead of
    // fresh samples per removal and exact fitness for small fronts.
    bool incremental = true;
    double reference_offset = 0.1;   // reference = worst + offset * (worst - best)
    // SBX eta_c = 15, prob_c = 0.9; PM eta_m = 20, prob_m = min(0.5, 1/n_var).
    VariationOptions variation;
  };

  HypE() : HypE(Options{}) {}
  explicit HypE(Options options);

  std::string name() const override { return "hype"; }
  nlohmann::json options() const override;
  static Options options_from_json(const nlohmann::json& params);

 protected:
  Index initial_size() const override { return options_.pop_size; }
  Sampling sampling() const override { return options_.variation.sampling; }
  Matrix make_offspring() override;
  void survive(const Matrix& X, const Matrix& F, const Matrix& G) override;

 private:
  // HypE fitness of the rows of F with parameter k.
  Vector fitness(const MatrixRef& F, Index k);
  bool uses_exact(Index n_points) const;
  Options options_;
};

}  // namespace paretokit
