// MOEA/D (Zhang and Li 2007) with Tchebycheff or PBI decomposition and
// Deb's constrained comparison in the replacement test (a feasible
// offspring beats an infeasible incumbent; between infeasible ones the
// smaller violation wins; between feasible ones the scalarized value).
//
// One subproblem per reference direction; its neighbourhood is the
// n_neighbors closest directions. Each offspring is made from two parents
// drawn from the neighbourhood (probability prob_neighbor_mating, delta) or
// from the whole population, by SBX (one of the two children, at random)
// and polynomial mutation.
//
// ask() returns one offspring per subproblem (classic mode: per subproblem
// of the next batch_size of a random pass), all made from the population as
// it stands at the ask. tell() then applies:
//
//   mode "classic": the sequential update of the paper, offspring by
//     offspring in a random order of the subproblems: update the ideal
//     point, then replace each neighbour (at most n_replace of them, nearest
//     first) that the offspring improves. Unlike pymoo, whose loop evaluates
//     one offspring at a time, the offspring of a generation are created
//     before the updates (a batch of N evaluations per generation).
//   mode "tensor": as EvoMO's TensorMOEA/D, the ideal point is updated with
//     the whole batch, and every subproblem keeps the best of its incumbent
//     and the offspring (among those whose neighbourhood contains it) that
//     improve it: one pass over the N x T (offspring, neighbour) pairs.
//     Each offspring counts for at most n_replace of its neighbours, nearest
//     first.
//
// Cost per generation: O(N T m) for the updates; neighbourhoods are
// computed once, O(N^2 m) in blocks.
#pragma once

#include <optional>
#include <vector>

#include "paretokit/algorithms/decomposition.hpp"
#include "paretokit/algorithms/population_algorithm.hpp"
#include "paretokit/algorithms/variation.hpp"

namespace paretokit {

enum class MoeadMode { classic, tensor };

class MOEAD : public PopulationAlgorithm {
 public:
  struct Options {
    // Number of subproblems; 0: the number of directions. With n_partitions
    // absent and pop_size > 0: the largest Das-Dennis set that fits, and
    // the population is its size.
    Index pop_size = 0;
    std::vector<Index> n_partitions;    // as NSGA3::Options
    Index n_neighbors = 20;             // neighbourhood size T
    double prob_neighbor_mating = 0.9;  // delta
    Index n_replace = 0;                // n_r; 0: no cap (pymoo, Zhang and Li 2007)
    // Tchebycheff or PBI; unset: PBI for 3 or more objectives, else
    // Tchebycheff (pymoo's default).
    std::optional<Decomposition> decomposition;
    double theta = 5.0;  // PBI penalty
    MoeadMode mode = MoeadMode::classic;
    // Classic mode only: offspring per ask(); 0 means one per subproblem (a
    // whole generation). 1 gives the paper's fully sequential algorithm (and
    // pymoo's): each offspring is made from the population updated by all
    // earlier ones. Tensor mode always asks a whole generation.
    Index batch_size = 0;
    // pymoo's MOEAD operators: SBX eta_c = 20, prob_c = 1; PM eta_m = 20, prob_m = min(0.5, 1/n_var);
    // no duplicate elimination.
    VariationOptions variation{.crossover = {.eta = 20.0, .prob = 1.0, .prob_var = 0.5, .prob_bin = 0.5},
                               .mutation = {},
                               .eliminate_duplicates = false,
                               .sampling = Sampling::uniform};
  };

  MOEAD() : MOEAD(Options{}) {}
  explicit MOEAD(Options options);

  std::string name() const override { return "moead"; }
  nlohmann::json options() const override;
  static Options options_from_json(const nlohmann::json& params);
  // Partial batches (classic mode): each ask makes offspring for the next
  // subproblems of the pass, from the population as it stands, and each
  // result updates the neighbourhood of its own subproblem; as batch_size 1
  // but with several offspring in flight. Tensor mode asks whole generations.
  bool takes_partial_batches() const override { return true; }

  const Matrix& directions() const { return directions_; }
  const Vector& ideal() const { return ideal_; }

 protected:
  Index initial_size() const override { return directions_.rows(); }
  Sampling sampling() const override { return options_.variation.sampling; }
  void on_setup() override;
  void on_initial_population() override;
  Matrix make_offspring() override;
  Matrix make_partial_offspring(Index n) override;
  Index offspring_slot(Index row) const override { return order_[static_cast<std::size_t>(row)]; }
  void prepare_partial_tell(Index slot) override { order_.assign(1, slot); }
  void survive(const Matrix& X, const Matrix& F, const Matrix& G) override;
  // Offspring r belongs to subproblem order_[r]: a failed one stays in the
  // batch (violation +inf) and so never replaces an incumbent.
  bool keeps_failed_rows() const override { return true; }
  void save_extra(nlohmann::json& state) const override;
  void load_extra(const nlohmann::json& state) override;

 private:
  void update_ideal(const Matrix& F, const Vector& cv);
  // Offspring for at most `limit` subproblems of the pass (classic mode).
  Matrix make_offspring_of(Index limit);
  // Offspring (f, cv) improves incumbent j.
  bool improves(double g_off, double cv_off, double g_j, double cv_j) const;
  void survive_classic(const Matrix& X, const Matrix& F, const Matrix& G, const Vector& cv);
  void survive_tensor(const Matrix& X, const Matrix& F, const Matrix& G, const Vector& cv);

  Options options_;
  Decomposition decomposition_ = Decomposition::pbi;
  Matrix directions_;
  // Tchebycheff weights: directions_ with 0 read as 1e-6 (tchebycheff()).
  Matrix tchebycheff_weights_;
  std::vector<std::vector<Index>> neighbors_;
  Vector ideal_;
  std::vector<Index> order_;        // subproblem of each offspring of the pending batch
  std::vector<Index> permutation_;  // classic mode: the current pass over the subproblems
  Index cursor_ = 0;                // position in permutation_
  Vector g_incumbent_, g_offspring_;  // classic PBI update: scratch, one value per neighbour
  std::vector<double> incumbent_g_;   // classic Tchebycheff update: value of each subproblem's incumbent
  std::vector<char> incumbent_known_;  // ... when computed with the current ideal point
  Vector offspring_distance_;          // classic Tchebycheff update: |f - ideal| of one offspring
};

}  // namespace paretokit
