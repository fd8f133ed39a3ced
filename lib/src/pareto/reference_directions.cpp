// Das and Dennis (1998) "Normal-boundary intersection: a new method for
// generating the Pareto surface in nonlinear multicriteria optimization
// problems", and the two-layer variant of Deb and Jain (2014), NSGA-III.
//
// Enumeration in pymoo's order without recursion: the integer compositions
// k_1 + ... + k_m = p are walked like an odometer. O(count * m).
#include "paretokit/pareto/reference_directions.hpp"

#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

void check_arguments(Index n_obj, Index n_partitions) {
  if (n_obj < 1)
    throw InputError("reference directions need at least one objective, got " + std::to_string(n_obj));
  if (n_partitions < 0) {
    throw InputError("the number of partitions must be >= 0, got " + std::to_string(n_partitions));
  }
}

Index checked_count(Index n_obj, Index n_partitions) {
  check_arguments(n_obj, n_partitions);
  const Index count = das_dennis_count(n_obj, n_partitions);
  if (count < 0 || count > kMaxReferenceDirections) {
    throw InputError("Das-Dennis with " + std::to_string(n_obj) + " objectives and " +
                     std::to_string(n_partitions) + " partitions gives too many directions (limit " +
                     std::to_string(kMaxReferenceDirections) + ")");
  }
  return count;
}

}  // namespace

Index das_dennis_count(Index n_obj, Index n_partitions) {
  check_arguments(n_obj, n_partitions);
  // C(p + m - 1, m - 1) as a running product of exact binomials:
  // C(p + i, i) = C(p + i - 1, i - 1) * (p + i) / i. Dividing by the gcd first
  // keeps every step exact, so overflow is reported only when it is real.
  std::uint64_t result = 1;
  for (Index i = 1; i < n_obj; ++i) {
    const auto g = std::gcd(result, static_cast<std::uint64_t>(i));
    const std::uint64_t reduced = result / g;
    const std::uint64_t factor =
        static_cast<std::uint64_t>(n_partitions + i) / (static_cast<std::uint64_t>(i) / g);
    if (__builtin_mul_overflow(reduced, factor, &result)) return -1;
    if (result > static_cast<std::uint64_t>(std::numeric_limits<Index>::max())) return -1;
  }
  return static_cast<Index>(result);
}

Matrix das_dennis(Index n_obj, Index n_partitions) {
  const Index count = checked_count(n_obj, n_partitions);
  if (n_partitions == 0) return Matrix::Constant(1, n_obj, 1.0 / static_cast<double>(n_obj));

  Matrix directions(count, n_obj);
  // k[0..m-2] are free; k[m-1] takes what is left. Odometer over the free
  // coordinates, the last free one fastest (pymoo's recursion order).
  std::vector<Index> k(static_cast<std::size_t>(n_obj), 0);
  const double p = static_cast<double>(n_partitions);
  Index used = 0;  // sum of k[0..m-2]
  for (Index row = 0; row < count; ++row) {
    for (Index j = 0; j + 1 < n_obj; ++j) directions(row, j) = static_cast<double>(k[j]) / p;
    directions(row, n_obj - 1) = static_cast<double>(n_partitions - used) / p;
    // Advance: increment the last free coordinate that can grow; reset the later ones.
    Index j = n_obj - 2;
    while (j >= 0) {
      if (used < n_partitions) {
        ++k[j];
        ++used;
        break;
      }
      used -= k[j];
      k[j] = 0;
      --j;
    }
  }
  return directions;
}

Matrix two_layer_directions(Index n_obj, Index outer_partitions, Index inner_partitions) {
  const Matrix outer = das_dennis(n_obj, outer_partitions);
  const Matrix inner = das_dennis(n_obj, inner_partitions);
  if (outer.rows() + inner.rows() > kMaxReferenceDirections) {
    throw InputError("the two-layer set is larger than the limit of " +
                     std::to_string(kMaxReferenceDirections));
  }
  Matrix directions(outer.rows() + inner.rows(), n_obj);
  directions.topRows(outer.rows()) = outer;
  directions.bottomRows(inner.rows()) = (inner.array() * 0.5 + 0.5 / static_cast<double>(n_obj)).matrix();
  return directions;
}

}  // namespace paretokit
