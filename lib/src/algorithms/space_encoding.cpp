// The search-space adaptor of every algorithm; see algorithms/space_encoding.hpp.
#include "paretokit/algorithms/space_encoding.hpp"

#include <algorithm>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

void check_box(const VectorRef& lower, const VectorRef& upper, Index n_var) {
  if (lower.size() != n_var || upper.size() != n_var || !lower.allFinite() || !upper.allFinite() ||
      (lower.array() > upper.array()).any())
    throw InputError("the problem's bounds must be finite with lower <= upper", Location::of_field("bounds"));
}

}  // namespace

SpaceEncoding SpaceEncoding::of(const Problem& problem, const std::optional<SearchSpace>& space, Mode mode) {
  const Index n_var = problem.n_var();
  SpaceEncoding coding;
  coding.space_ = space ? space : problem.search_space();
  if (coding.space_ && coding.space_->size() != n_var)
    throw InputError("the search space has " + std::to_string(coding.space_->size()) +
                         " variables, the problem " + std::to_string(n_var),
                     Location::of_field("search_space"));
  coding.encoded_ = mode == Mode::unit_cube || (coding.space_.has_value() && !coding.space_->is_plain_real());
  if (coding.encoded_) {
    if (!coding.space_) {
      const Vector lower = problem.lower_bounds(), upper = problem.upper_bounds();
      check_box(lower, upper, n_var);
      coding.space_ = SearchSpace::real_box(lower, upper);
    }
    coding.lower_ = Vector::Zero(n_var);
    coding.upper_ = Vector::Ones(n_var);
  } else {
    coding.lower_ = problem.lower_bounds();
    coding.upper_ = problem.upper_bounds();
    check_box(coding.lower_, coding.upper_, n_var);
  }
  return coding;
}

bool SpaceEncoding::has_categorical_variables() const {
  if (!space_) return false;
  const auto& variables = space_->variables();
  return std::any_of(variables.begin(), variables.end(),
                     [](const Variable& v) { return v.kind == VariableKind::categorical; });
}

Matrix SpaceEncoding::encode(const MatrixRef& X) const { return encoded_ ? space_->encode(X) : Matrix(X); }

Matrix SpaceEncoding::decode(const MatrixRef& Z) const { return encoded_ ? space_->decode(Z) : Matrix(Z); }

Matrix SpaceEncoding::canonical(const MatrixRef& Z) const {
  return encoded_ ? space_->encode(space_->decode(Z)) : Matrix(Z);
}

Matrix SpaceEncoding::clip(const MatrixRef& Z) const {
  return Z.cwiseMax(lower_.transpose().replicate(Z.rows(), 1))
      .cwiseMin(upper_.transpose().replicate(Z.rows(), 1));
}

Index SpaceEncoding::repair(MatrixMut Z, Rng& rng) const { return encoded_ ? space_->repair(Z, rng) : 0; }

}  // namespace paretokit
