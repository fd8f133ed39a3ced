// Sampling a SearchSpace by rejection, and the repair of forbidden rows that
// algorithms apply to their candidates (see core/search_space.hpp).
#include <algorithm>
#include <string>

#include "paretokit/core/error.hpp"
#include "paretokit/core/search_space.hpp"

namespace paretokit {

namespace {

// Draws a uniform row of the encoded cube into z.
void draw_row(Eigen::Ref<RowVector> z, Rng& rng) {
  for (Index j = 0; j < z.size(); ++j) z[j] = rng.uniform();
}

InputError nothing_allowed(Index draws, Index wanted, Index found) {
  return InputError("the forbiddens leave (almost) no configuration: " + std::to_string(draws) +
                        " random draws gave " + std::to_string(found) + " allowed of the " +
                        std::to_string(wanted) + " wanted",
                    Location::of_field("forbiddens"));
}

}  // namespace

Matrix SearchSpace::sample(Index n, Rng& rng) const {
  Matrix Z(n, size());
  for (Index i = 0; i < n; ++i) draw_row(Z.row(i), rng);
  Matrix X = decode(Z);
  if (!has_forbiddens()) return X;
  // Rejection: redraw each forbidden row until allowed, within a budget
  // for the whole batch, so that a space that admits (almost) nothing ends
  // with an error instead of a hang.
  const Index budget = std::max<Index>(10000, 1000 * n);
  Index draws = n;
  RowVector z(size());
  for (Index i = 0; i < n; ++i) {
    while (is_forbidden(X.row(i))) {
      if (draws >= budget) throw nothing_allowed(draws, n, i);
      draw_row(z, rng);
      X.row(i) = decode(z);
      ++draws;
    }
  }
  return X;
}

Index SearchSpace::repair(MatrixMut Z, Rng& rng) const {
  if (!has_forbiddens()) return 0;
  const Matrix X = decode(Z);
  const BoolVector forbidden = forbidden_rows(X);
  Index repaired = 0;
  RowVector z(size());
  for (Index i = 0; i < Z.rows(); ++i) {
    if (!forbidden[i]) continue;
    ++repaired;
    z = Z.row(i);
    RowVector x = X.row(i);
    bool fixed = false;
    // Local repair: redraw one of the variables the forbidding clause reads.
    for (int attempt = 0; attempt < 20 && !fixed; ++attempt) {
      const std::optional<Index> k = forbidding_clause(x);
      if (!k) {
        fixed = true;
        break;
      }
      const std::vector<Index> used = forbiddens_[static_cast<std::size_t>(*k)].variables_used();
      z[used[static_cast<std::size_t>(rng.below(used.size()))]] = rng.uniform();
      x = decode(z);
      z = encode(x);
      fixed = !is_forbidden(x);
    }
    // Then whole rows, as sample() draws them.
    for (Index draws = 0; !fixed; ++draws) {
      if (draws >= 10000) throw nothing_allowed(draws, 1, 0);
      draw_row(z, rng);
      x = decode(z);
      z = encode(x);
      fixed = !is_forbidden(x);
    }
    Z.row(i) = z;
  }
  return repaired;
}

}  // namespace paretokit
