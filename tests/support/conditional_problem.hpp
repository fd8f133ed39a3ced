// A small mixed space with a condition and forbidden clauses, for tests that
// algorithms never ask a forbidden configuration (population and surrogate
// algorithms alike).
#pragma once

#include <string>

#include "paretokit/core/problem.hpp"
#include "paretokit/core/search_space.hpp"

namespace paretokit::test {

// kernel {linear, rbf, poly}, x in [0, 1], degree in [2, 5] (poly only),
// bits in {2, 4, 8, 16}; forbidden: linear with 2 or 16 bits, and poly of
// degree 5 with 16 bits. The objectives pull towards that last corner, so
// repair has work to do.
class ConditionalProblem : public Problem {
 public:
  std::string name() const override { return "conditional"; }
  Index n_var() const override { return 4; }
  Index n_obj() const override { return 2; }
  Vector lower_bounds() const override { return space_.lower_bounds(); }
  Vector upper_bounds() const override { return space_.upper_bounds(); }
  std::optional<SearchSpace> search_space() const override { return space_; }
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut) const override {
    for (Index i = 0; i < X.rows(); ++i) {
      const bool poly = X(i, 0) == 2;
      const double penalty = (16 - X(i, 3)) / 16 + (poly ? (5 - X(i, 2)) / 10 : 0.5);
      F(i, 0) = X(i, 1) + penalty;
      F(i, 1) = 1 - X(i, 1) + penalty;
    }
  }

 private:
  static SearchSpace make_space() {
    SearchSpace space;
    space.add_categorical("kernel", {"linear", "rbf", "poly"}, nlohmann::json("rbf"))
        .add_real("x", 0, 1)
        .add_integer("degree", 2, 5, false, 3)
        .add_ordinal("bits", {2, 4, 8, 16}, 8);
    space.add_condition(2, Clause::equals(0, 2));
    space.add_forbidden(Clause::all_of({Clause::equals(0, 0), Clause::in(3, {2, 16})}));
    space.add_forbidden(Clause::all_of({Clause::equals(0, 2), Clause::equals(2, 5), Clause::equals(3, 16)}));
    return space;
  }
  SearchSpace space_ = make_space();
};

}  // namespace paretokit::test
