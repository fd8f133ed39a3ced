// Tchebycheff and PBI scalarizations; see algorithms/decomposition.hpp.
#include "paretokit/algorithms/decomposition.hpp"

#include "paretokit/core/error.hpp"

namespace paretokit {

Decomposition decomposition_from_string(const std::string& name) {
  if (name == "tchebycheff" || name == "tchebicheff" || name == "tch") return Decomposition::tchebycheff;
  if (name == "pbi") return Decomposition::pbi;
  throw InputError("unknown decomposition '" + name + "' (valid: tchebycheff, pbi)",
                   Location::of_field("decomposition"));
}

const char* to_string(Decomposition decomposition) {
  return decomposition == Decomposition::pbi ? "pbi" : "tchebycheff";
}

namespace {
void check(const MatrixRef& F, const MatrixRef& W, const VectorRef& ideal) {
  if (F.rows() != W.rows() || F.cols() != W.cols() || ideal.size() != F.cols())
    throw InputError("objectives, weights and ideal point do not fit together",
                     Location::of_field("weights"));
}
}  // namespace

Vector tchebycheff(const MatrixRef& F, const MatrixRef& W, const VectorRef& ideal) {
  check(F, W, ideal);
  return ((F.rowwise() - ideal.transpose()).array().abs() * tchebycheff_weights(W).array())
      .rowwise()
      .maxCoeff();
}

Matrix tchebycheff_weights(const MatrixRef& W) { return (W.array() == 0.0).select(1e-6, W.array()); }

Vector pbi(const MatrixRef& F, const MatrixRef& W, const VectorRef& ideal, double theta) {
  check(F, W, ideal);
  const Matrix U = W.rowwise().normalized();
  const Matrix D = F.rowwise() - ideal.transpose();
  const Vector d1 = (D.array() * U.array()).rowwise().sum();
  const Vector d2 = (D - U.cwiseProduct(d1.replicate(1, U.cols()))).rowwise().norm();
  return d1 + theta * d2;
}

Vector decompose(Decomposition kind, const MatrixRef& F, const MatrixRef& W, const VectorRef& ideal,
                 double theta) {
  return kind == Decomposition::pbi ? pbi(F, W, ideal, theta) : tchebycheff(F, W, ideal);
}

}  // namespace paretokit
