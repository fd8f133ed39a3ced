#include "paretokit/problems/batch_problem.hpp"

#include <algorithm>
#include <utility>

#include "paretokit/core/error.hpp"

namespace paretokit::problems {

BatchProblem::BatchProblem(ProblemShape shape) : shape_(std::move(shape)) {
  if (shape_.lower.size() != shape_.n_var || shape_.upper.size() != shape_.n_var) {
    throw Error(shape_.name + ": bounds do not have n_var entries");
  }
}

void BatchProblem::evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const {
  const Index n = X.rows();
  if (X.cols() != shape_.n_var) {
    throw InputError(shape_.name + ": expected " + std::to_string(shape_.n_var) +
                     " variables per point, got " + std::to_string(X.cols()));
  }
  if (F.rows() != n || F.cols() != shape_.n_obj || G.rows() != n || G.cols() != shape_.n_constr) {
    throw InputError(shape_.name + ": objective or constraint matrix has the wrong shape");
  }
  Block x, f, g;
  for (Index start = 0; start < n; start += block_rows) {
    const Index rows = std::min(block_rows, n - start);
    if (x.rows() != rows) {
      x.resize(rows, shape_.n_var);
      f.resize(rows, shape_.n_obj);
      g.resize(rows, shape_.n_constr);
    }
    x = X.middleRows(start, rows).array();
    evaluate_block(x, f, g);
    F.middleRows(start, rows) = f.matrix();
    if (shape_.n_constr > 0) G.middleRows(start, rows) = g.matrix();
  }
}

}  // namespace paretokit::problems
