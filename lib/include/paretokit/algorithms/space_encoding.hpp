// SpaceEncoding: the adaptor between what a problem takes (values of its
// SearchSpace, or a plain real box) and the coordinates an algorithm
// searches, so that any Algorithm gets mixed spaces, conditions and
// forbidden configurations by one object:
//
//   SpaceEncoding coding = SpaceEncoding::of(problem, std::nullopt, SpaceEncoding::Mode::unit_cube);
//   Matrix Z = coding.clip(proposals);   // into [lower(), upper()]
//   Z = coding.canonical(Z);             // encode(decode(Z)): inactive variables at their default
//   coding.repair(Z, rng);               // forbidden rows redrawn (draws nothing otherwise)
//   return coding.decode(Z);             // what ask() returns
//   ...
//   const Matrix Z_told = coding.encode(X_told);
//
// Two modes:
//  - native_when_plain (PopulationAlgorithm): a problem without a space, or
//    with one that is_plain_real(), is searched on its own box (encode and
//    decode are the identity, at no cost); any other space on [0, 1]^d.
//  - unit_cube (SurrogateAlgorithm): always [0, 1]^d; a plain box is
//    encoded linearly (SearchSpace::real_box).
// The space used is the one given, else the problem's search_space(). Every
// call is const and draws from no Rng except repair().
#pragma once

#include <optional>

#include "paretokit/core/matrix.hpp"
#include "paretokit/core/problem.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/core/search_space.hpp"

namespace paretokit {

class SpaceEncoding {
 public:
  enum class Mode { native_when_plain, unit_cube };

  SpaceEncoding() = default;
  // Throws InputError when the space's size differs from the problem's
  // n_var (field "search_space"), or the box is needed and not finite with
  // lower <= upper (field "bounds").
  static SpaceEncoding of(const Problem& problem, const std::optional<SearchSpace>& space, Mode mode);

  Index size() const { return lower_.size(); }
  // Whether the searched coordinates differ from the problem's values.
  bool encoded() const { return encoded_; }
  // Bounds of the searched coordinates.
  const Vector& lower() const { return lower_; }
  const Vector& upper() const { return upper_; }
  // The space in use when encoded (nullptr on a native box).
  const SearchSpace* space() const { return encoded_ ? &*space_ : nullptr; }
  bool has_categorical_variables() const;

  // Problem values -> searched coordinates, and back (identity when not encoded).
  Matrix encode(const MatrixRef& X) const;
  Matrix decode(const MatrixRef& Z) const;
  // encode(decode(Z)): the canonical coordinates (identity when not encoded).
  Matrix canonical(const MatrixRef& Z) const;
  // Z clamped into [lower(), upper()].
  Matrix clip(const MatrixRef& Z) const;
  // Replaces every forbidden row of canonical coordinates Z by an allowed
  // one from rng (SearchSpace::repair); draws nothing when no row is
  // forbidden. Returns how many rows were repaired.
  Index repair(MatrixMut Z, Rng& rng) const;

 private:
  std::optional<SearchSpace> space_;
  bool encoded_ = false;
  Vector lower_, upper_;
};

}  // namespace paretokit
