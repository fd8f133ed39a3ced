// BatchProblem: the common base of the problems in this library.
//
// It holds what every problem declares (name, sizes, bounds, parameters) and
// implements Problem::evaluate_into by cutting the batch into blocks of rows,
// copying each block into a column-major array (one contiguous column per
// variable) and handing it to evaluate_block(). Inside a block, a problem is
// written as whole-column Eigen expressions, which vectorize across rows.
//
// Exactness: every entry of F and G is computed by the same sequence of
// scalar operations whatever the block or batch size (column expressions are
// element-wise; +, -, *, /, sqrt are correctly rounded in SIMD and scalar
// code alike; transcendental functions go through the scalar std:: functions
// via unaryExpr, never Eigen's vectorized approximations). So a batch gives
// exactly the numbers of its rows evaluated one by one, on any thread count.
//
// Thread safety: evaluate_into is const, keeps its scratch arrays on the
// stack of the calling thread and touches no shared state.
#pragma once

#include <string>

#include <Eigen/Core>
#include <nlohmann/json.hpp>

#include "paretokit/core/problem.hpp"

namespace paretokit::problems {

// A block of rows, column-major: column j holds variable (or objective) j.
using Block = Eigen::ArrayXXd;
using Column = Eigen::ArrayXd;

struct ProblemShape {
  std::string name;
  Index n_var = 0;
  Index n_obj = 0;
  Index n_constr = 0;
  Vector lower;                                      // n_var lower bounds
  Vector upper;                                      // n_var upper bounds
  nlohmann::json params = nlohmann::json::object();  // recreates it via make_problem
};

class BatchProblem : public Problem {
 public:
  explicit BatchProblem(ProblemShape shape);

  std::string name() const final { return shape_.name; }
  Index n_var() const final { return shape_.n_var; }
  Index n_obj() const final { return shape_.n_obj; }
  Index n_constr() const final { return shape_.n_constr; }
  Vector lower_bounds() const final { return shape_.lower; }
  Vector upper_bounds() const final { return shape_.upper; }
  nlohmann::json params() const final { return shape_.params; }

  // Throws InputError when X has the wrong number of columns or F, G the
  // wrong shape.
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const final;

  // Rows per block: small enough that a block of a few dozen columns stays in
  // the L1/L2 cache, large enough to amortize the per-block overhead.
  static constexpr Index block_rows = 256;

 protected:
  // x: rows x n_var. f: rows x n_obj and g: rows x n_constr, already sized.
  virtual void evaluate_block(const Block& x, Block& f, Block& g) const = 0;

  const ProblemShape& shape() const { return shape_; }

 private:
  ProblemShape shape_;
};

}  // namespace paretokit::problems
