// Choice of reference directions; see algorithms/directions.hpp.
#include "paretokit/algorithms/directions.hpp"

#include "paretokit/core/error.hpp"
#include "paretokit/pareto/reference_directions.hpp"

namespace paretokit {

Matrix choose_directions(Index n_obj, const std::vector<Index>& n_partitions, Index pop_size) {
  if (n_obj < 1) throw InputError("need at least one objective", Location::of_field("n_obj"));
  if (n_partitions.size() == 1) {
    if (n_partitions[0] < 1) throw InputError("must be >= 1", Location::of_field("n_partitions"));
    return das_dennis(n_obj, n_partitions[0]);
  }
  if (n_partitions.size() == 2) {
    if (n_partitions[0] < 1 || n_partitions[1] < 0)
      throw InputError("two-layer partitions [outer, inner] need outer >= 1, inner >= 0",
                       Location::of_field("n_partitions"));
    if (n_partitions[1] == 0) return das_dennis(n_obj, n_partitions[0]);
    return two_layer_directions(n_obj, n_partitions[0], n_partitions[1]);
  }
  if (!n_partitions.empty())
    throw InputError("must be an integer or [outer, inner]", Location::of_field("n_partitions"));
  if (n_obj == 1) return Matrix::Ones(1, 1);
  if (pop_size > 0) {
    if (das_dennis_count(n_obj, 1) > pop_size)
      throw InputError("pop_size " + std::to_string(pop_size) + " is smaller than the " +
                           std::to_string(n_obj) + " directions of the coarsest Das-Dennis set",
                       Location::of_field("pop_size"));
    Index p = 1;
    while (das_dennis_count(n_obj, p + 1) <= pop_size) ++p;
    return das_dennis(n_obj, p);
  }
  switch (n_obj) {
    case 2:
      return das_dennis(2, 99);
    case 3:
      return das_dennis(3, 12);
    case 4:
      return das_dennis(4, 8);
    case 5:
      return das_dennis(5, 6);
    case 6:
      return das_dennis(6, 4);
    case 7:
      return das_dennis(7, 3);
    case 8:
    case 9:
    case 10:
      return two_layer_directions(n_obj, 3, 2);
    default:
      return two_layer_directions(n_obj, 2, 1);
  }
}

Index population_for_directions(Index n_directions) { return (n_directions + 3) / 4 * 4; }

}  // namespace paretokit
