// NSGA-III (Deb and Jain 2014), as pymoo's NSGA3:
//
// - mating: binary tournaments that compare constraint violation and are
//   otherwise random (pymoo's comp_by_cv_then_random), SBX (eta_c = 30,
//   prob_c = 1) and polynomial mutation (eta_m = 20, of 90% of the children
//   as pymoo's PM; see tests/algorithms/nsga3_quality_test.cpp for what that
//   does to convergence on DTLZ1);
// - survival of N out of 2N: constrained non-dominated fronts up to the one
//   that overflows N; normalization by the ideal point and the hyperplane
//   through the extreme points (both kept across generations; fallbacks for a
//   singular system, negative or tiny intercepts, zero ranges: worst of the
//   front, worst of the population; unlike pymoo, the plane ignores an
//   extreme point's off-axis coordinates within 1e-3 of the ideal, see
//   pareto/normalization.hpp); association with the reference
//   directions by perpendicular distance (algorithms/association.hpp);
//   niching of the last front: least crowded direction first, the closest
//   member for an empty niche, a random one otherwise.
//
// Cost per generation: the non-dominated sort, O(m^3) for the intercepts,
// the association (O(n H m) in blocks) and O(n + H x rounds) niching.
#pragma once

#include <optional>
#include <vector>

#include "paretokit/algorithms/association.hpp"
#include "paretokit/algorithms/population_algorithm.hpp"
#include "paretokit/algorithms/variation.hpp"

namespace paretokit {

class NSGA3 : public PopulationAlgorithm {
 public:
  struct Options {
    // Population size; 0: the smallest multiple of 4 >= the number of
    // directions (Deb and Jain: 92 for the 91 directions of m = 3, p = 12).
    Index pop_size = 0;
    // Directions (algorithms/directions.hpp): {p}, {outer, inner}, or {} for
    // the largest Das-Dennis set that fits pop_size (or the paper's set).
    std::vector<Index> n_partitions;
    // pymoo's NSGA3 operators: SBX eta_c = 30, prob_c = 1; PM eta_m = 20, prob_m = min(0.5, 1/n_var).
    VariationOptions variation{.crossover = {.eta = 30.0, .prob = 1.0, .prob_var = 0.5, .prob_bin = 0.5},
                               .mutation = {},
                               .eliminate_duplicates = true,
                               .sampling = Sampling::uniform};
  };

  NSGA3() : NSGA3(Options{}) {}
  explicit NSGA3(Options options);

  std::string name() const override { return "nsga3"; }
  nlohmann::json options() const override;
  static Options options_from_json(const nlohmann::json& params);

  const Matrix& directions() const { return directions_; }
  const Vector& ideal() const { return ideal_; }
  const Vector& nadir() const { return nadir_; }

 protected:
  Index initial_size() const override { return pop_size_; }
  Sampling sampling() const override { return options_.variation.sampling; }
  void on_setup() override;
  void on_initial_population() override;
  Matrix make_offspring() override;
  void survive(const Matrix& X, const Matrix& F, const Matrix& G) override;
  void save_extra(nlohmann::json& state) const override;
  void load_extra(const nlohmann::json& state) override;

 private:
  void select(const Matrix& X, const Matrix& F, const Matrix& G, const Vector& cv, Index n_survive);
  // Updates ideal_, worst_, extreme_, nadir_ from the feasible rows `rows` of F.
  void update_normalization(const Matrix& F, const std::vector<Index>& rows,
                            const std::vector<Index>& first_front);

  Options options_;
  Index pop_size_ = 0;
  Matrix directions_;
  std::optional<DirectionIndex> index_;  // directions_ prepared for association
  Vector ideal_, worst_, nadir_;
  Matrix extreme_;  // m x m; empty before the first survival
};

}  // namespace paretokit
