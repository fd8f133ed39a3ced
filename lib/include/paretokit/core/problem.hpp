// The Problem contract (DESIGN.md section 3): a whole batch in, whole
// matrices out.
//
//   X (n x n_var)  ->  F (n x n_obj), minimized
//                      G (n x n_constr), feasible when every entry <= 0
//
// evaluate() is const and must be safe to call from several threads at once
// on different rows, so that an evaluator can split a batch freely.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "paretokit/core/evaluation.hpp"
#include "paretokit/core/matrix.hpp"
#include "paretokit/core/search_space.hpp"

namespace paretokit {

class Problem {
 public:
  virtual ~Problem() = default;

  virtual std::string name() const = 0;
  virtual Index n_var() const = 0;
  virtual Index n_obj() const = 0;
  virtual Index n_constr() const { return 0; }
  virtual Vector lower_bounds() const = 0;
  virtual Vector upper_bounds() const = 0;

  // Fills F (n x n_obj) and G (n x n_constr), already sized by the caller,
  // for the n rows of X. Rows are independent of each other.
  virtual void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const = 0;

  // The variables' kinds (integer, ordinal, categorical, log-scaled real)
  // when not all are plain reals; algorithms then search its encoding and
  // ask() returns decoded values. nullopt: every variable is a plain real
  // within the bounds.
  virtual std::optional<SearchSpace> search_space() const { return std::nullopt; }

  // The parameters that recreate this problem through the registry.
  virtual nlohmann::json params() const { return nlohmann::json::object(); }

  // About n well-spread points of the true Pareto front, where it is known.
  virtual std::optional<Matrix> pareto_front(Index /*n*/) const { return std::nullopt; }
  // Ideal and nadir points of the front, where known.
  virtual std::optional<Vector> ideal_point() const { return std::nullopt; }
  virtual std::optional<Vector> nadir_point() const { return std::nullopt; }

  // Convenience: allocates and returns F and G.
  Evaluation evaluate(const MatrixRef& X) const {
    Evaluation result{Matrix(X.rows(), n_obj()), Matrix(X.rows(), n_constr())};
    evaluate_into(X, result.objectives, result.constraints);
    return result;
  }
};

}  // namespace paretokit
