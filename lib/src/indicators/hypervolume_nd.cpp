// hypervolume_nd: exact hypervolume for any number of objectives.
//
// Converts the points to gain form (reference minus point), drops the points
// that do not strictly dominate the reference point, keeps the non-dominated
// ones and hands them to the WFG kernel (hypervolume_nd_kernel.cpp).
// Complexity: O(n log n + n m d) for the filter (m non-dominated points), then
// the kernel's.
#include <cmath>
#include <string>

#include "hypervolume_nd_input.hpp"
#include "hypervolume_nd_kernel.hpp"
#include "paretokit/indicators/hypervolume.hpp"

namespace paretokit {

double hypervolume_nd(const MatrixRef& points, const VectorRef& reference) {
  const int dimensions = detail::check_hypervolume_input(points, reference, "hypervolume_nd");
  std::vector<double> gains = detail::gains_inside_reference(points, reference);
  const std::size_t count = gains.size() / static_cast<std::size_t>(dimensions);
  if (count == 0) return 0;

  detail::HypervolumeWorkspace workspace;
  workspace.reserve(count, dimensions);
  auto& level = workspace.level(dimensions);
  const std::size_t kept =
      detail::sort_and_filter(gains.data(), count, dimensions, level.order, level.kept.data());
  return detail::hypervolume_sorted(level.kept.data(), kept, dimensions, workspace);
}

}  // namespace paretokit
