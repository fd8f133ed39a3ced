// Random search: every batch is drawn uniformly (or by LHS / Sobol') from
// the whole box, and the population is the non-dominated set (under
// constrained domination) of everything evaluated so far. The floor any
// optimizer must beat. Cost per batch: one non-dominated sort of the
// archive plus the batch.
#pragma once

#include "paretokit/algorithms/population_algorithm.hpp"

namespace paretokit {

class RandomSearch : public PopulationAlgorithm {
 public:
  struct Options {
    Index pop_size = 100;                   // points per batch
    Sampling sampling = Sampling::uniform;  // how each batch is drawn
  };

  RandomSearch() : RandomSearch(Options{}) {}
  explicit RandomSearch(Options options);

  std::string name() const override { return "random"; }
  nlohmann::json options() const override;
  static Options options_from_json(const nlohmann::json& params);
  // Partial batches: draws pop_size rows at a time and hands them out as asked.
  bool takes_partial_batches() const override { return true; }

 protected:
  Index initial_size() const override { return options_.pop_size; }
  Sampling sampling() const override { return options_.sampling; }
  void on_initial_population() override;
  Matrix make_offspring() override;
  void survive(const Matrix& X, const Matrix& F, const Matrix& G) override;

 private:
  void keep_nondominated(const Matrix& X, const Matrix& F, const Matrix& G);
  Options options_;
};

}  // namespace paretokit
