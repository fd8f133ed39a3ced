// SMS-EMOA (Beume, Naujoks and Emmerich 2007): steady-state (mu + lambda)
// selection by exclusive hypervolume contribution.
//
// Each generation creates n_offsprings (1 in the paper) by binary
// tournaments (constraint violation, then dominance, then a coin), SBX and
// polynomial mutation. Survival takes whole constrained non-dominated fronts
// while they fit; from the overflowing front it removes, one at a time, the
// member of least exclusive hypervolume contribution (recomputed after each
// removal), the reference point being the front's worst point plus
// reference_offset times its range.
//
// Cost per generation: the non-dominated sort plus O(s log s) per removal
// for 2 and 3 objectives (indicators' hypervolume_contributions), where s is
// the size of the last front.
#pragma once

#include "paretokit/algorithms/population_algorithm.hpp"
#include "paretokit/algorithms/variation.hpp"

namespace paretokit {

class SMSEMOA : public PopulationAlgorithm {
 public:
  struct Options {
    Index pop_size = 100;
    Index n_offsprings = 1;         // offspring per generation (steady state: 1)
    double reference_offset = 1.0;  // reference = worst + offset * (worst - best) of the last front
    // SBX eta_c = 15, prob_c = 0.9; PM eta_m = 20, prob_m = min(0.5, 1/n_var).
    VariationOptions variation;
  };

  SMSEMOA() : SMSEMOA(Options{}) {}
  explicit SMSEMOA(Options options);

  std::string name() const override { return "smsemoa"; }
  nlohmann::json options() const override;
  static Options options_from_json(const nlohmann::json& params);
  // Steady state as in the paper: with partial batches each offspring is
  // made from the population as it stands and survives alone (mu + 1).
  bool takes_partial_batches() const override { return true; }

 protected:
  Index initial_size() const override { return options_.pop_size; }
  Sampling sampling() const override { return options_.variation.sampling; }
  Matrix make_offspring() override;
  void survive(const Matrix& X, const Matrix& F, const Matrix& G) override;

 private:
  Options options_;
};

}  // namespace paretokit
