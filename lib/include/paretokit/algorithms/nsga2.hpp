// NSGA-II (Deb, Pratap, Agarwal and Meyarivan 2002), as pymoo's NSGA2:
// binary tournaments (constraint violation, then dominance, then crowding
// distance, then a coin), SBX + polynomial mutation, and (mu + lambda)
// survival by constrained non-dominated rank and crowding distance (ties in
// the last front broken at random).
//
// Cost per generation: one non-dominated sort of 2N points (O(N log N) for
// 2-3 objectives with the library's sort) plus O(m N log N) crowding.
#pragma once

#include "paretokit/algorithms/population_algorithm.hpp"
#include "paretokit/algorithms/variation.hpp"

namespace paretokit {

class NSGA2 : public PopulationAlgorithm {
 public:
  struct Options {
    Index pop_size = 100;        // population size N
    Index n_offsprings = 0;      // offspring per generation; 0 means pop_size
    VariationOptions variation;  // SBX eta_c = 15, prob_c = 0.9; PM eta_m = 20, prob_m = min(0.5, 1/n_var)
  };

  NSGA2() : NSGA2(Options{}) {}
  explicit NSGA2(Options options);

  std::string name() const override { return "nsga2"; }
  nlohmann::json options() const override;
  static Options options_from_json(const nlohmann::json& params);

  // Rank and crowding distance of each member (as computed at survival).
  const std::vector<Index>& ranks() const { return rank_; }
  const Vector& crowding() const { return crowding_; }

 protected:
  Index initial_size() const override { return options_.pop_size; }
  Sampling sampling() const override { return options_.variation.sampling; }
  void on_initial_population() override;
  Matrix make_offspring() override;
  void survive(const Matrix& X, const Matrix& F, const Matrix& G) override;
  void save_extra(nlohmann::json& state) const override;
  void load_extra(const nlohmann::json& state) override;

 private:
  // Rank-and-crowding survival of the rows of (X, F, G) down to pop_size.
  void select(const Matrix& X, const Matrix& F, const Matrix& G, const Vector& cv);

  Options options_;
  std::vector<Index> rank_;
  Vector crowding_;
};

}  // namespace paretokit
