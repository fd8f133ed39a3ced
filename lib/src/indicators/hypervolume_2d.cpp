// hypervolume_2d: exact 2-D hypervolume by one sweep.
//
// Sort the points by the first objective (ties by the second) and walk them
// in that order: a point whose second objective beats every earlier one adds
// the strip between its level and the previous level, out to the reference
// point; every other point is weakly dominated and adds nothing. The textbook
// method (e.g. Fonseca, Paquete and Lopez-Ibanez, CEC 2006, as the base case
// of their dimension sweep). O(n log n) time, O(n) memory.
#include <algorithm>
#include <utility>
#include <vector>

#include "paretokit/indicators/hypervolume.hpp"

namespace paretokit {

double hypervolume_2d(const MatrixRef& points, const VectorRef& reference) {
  const std::vector<double> inside = detail::points_inside_reference(points, reference, "hypervolume_2d");
  const std::size_t n = inside.size() / 2;
  if (n == 0) return 0.0;
  // Pairs sort faster than an index permutation: the comparison reads
  // contiguous memory.
  std::vector<std::pair<double, double>> sorted(n);
  for (std::size_t i = 0; i < n; ++i) sorted[i] = {inside[2 * i], inside[2 * i + 1]};
  std::sort(sorted.begin(), sorted.end());

  const double reference_x = reference(0);
  double level = reference(1);
  double area = 0.0;
  for (const auto& [x, y] : sorted) {
    if (y < level) {
      area += (reference_x - x) * (level - y);
      level = y;
    }
  }
  return area;
}

}  // namespace paretokit
