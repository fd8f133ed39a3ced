// hypervolume_nd: exact hypervolume for any number of objectives.
//
// Converts the points to gain form (reference minus point), drops the points
// that do not strictly dominate the reference point, keeps the non-dominated
// ones and hands them to the WFG kernel (hypervolume_nd_kernel.cpp). On large
// sets the top-level slices, independent sub-problems, run in parallel with
// oneTBB; their terms are added in a fixed order, so the result does not
// depend on the number of threads.
// Complexity: O(n log n + n m d) for the filter (m non-dominated points), then
// the kernel's.
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "hypervolume_nd_input.hpp"
#include "hypervolume_nd_kernel.hpp"
#include "paretokit/indicators/hypervolume.hpp"

namespace paretokit {

namespace {

// Below this many non-dominated points (or objectives), one thread is faster.
constexpr std::size_t kParallelMinPoints = 64;
constexpr int kParallelMinDimensions = 5;

// `points` sorted best first (sort_best_first), dominated ones allowed.
double sum_of_slices(const double* all_points, std::size_t all_count, int dimensions) {
  const auto dims = static_cast<std::size_t>(dimensions);
  std::vector<std::uint32_t> removed_at =
      detail::projection_front_removals(all_points, all_count, dimensions);
  // A point whose projection was covered on arrival (every dominated point:
  // its dominators come first) adds nothing and is nobody's member: drop it
  // and renumber (the kept points' terms are summed in the same order).
  std::vector<std::uint32_t> renumbered(all_count + 1);
  std::vector<double> compacted;
  std::size_t count = 0;
  for (std::size_t i = 0; i < all_count; ++i) {
    renumbered[i] = static_cast<std::uint32_t>(count);
    if (removed_at[i] != i) ++count;
  }
  renumbered[all_count] = static_cast<std::uint32_t>(count);
  const double* points = all_points;
  if (count < all_count) {
    compacted.resize(count * dims);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < all_count; ++i) {
      if (removed_at[i] == i) continue;
      std::copy_n(all_points + i * dims, dims, compacted.data() + kept * dims);
      removed_at[kept++] = renumbered[removed_at[i]];
    }
    removed_at.resize(count);
    points = compacted.data();
  }
  struct Scratch {
    detail::HypervolumeWorkspace workspace;
    std::vector<std::uint32_t> members;
  };
  tbb::enumerable_thread_specific<Scratch> scratches([&] {
    Scratch scratch;
    scratch.workspace.reserve(count, dimensions);
    scratch.members.resize(count);
    return scratch;
  });
  std::vector<double> exclusive(count, 0.0);
  // Members go in descending order of the fourth coordinate, the order the
  // 4-D base case of a 5-D set wants (any order is correct).
  std::vector<std::uint32_t> by_fourth(count);
  for (std::size_t j = 0; j < count; ++j) by_fourth[j] = static_cast<std::uint32_t>(j);
  if (dimensions == 5)
    std::stable_sort(by_fourth.begin(), by_fourth.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return points[5 * a + 3] > points[5 * b + 3]; });
  // Point j is a member for i in [j + 1, removed_at[j]] (never if its own
  // projection was covered): the bounds in member order, contiguous, so that
  // collecting the members is a branch-free pass.
  std::vector<std::uint32_t> first_i(count), last_i(count);
  for (std::size_t k = 0; k < count; ++k) {
    const std::uint32_t j = by_fourth[k];
    first_i[k] = j + 1;
    last_i[k] = removed_at[j] == j ? 0 : removed_at[j];
  }
  // Late points have the largest limit sets: small blocks balance the load.
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, 4), [&](const auto& range) {
    auto& scratch = scratches.local();
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      if (removed_at[i] == i) continue;  // its projection adds nothing
      std::size_t members = 0;
      for (std::size_t k = 0; k < count; ++k) {
        scratch.members[members] = by_fourth[k];
        members += static_cast<std::size_t>((first_i[k] <= i) & (i <= last_i[k]));
      }
      exclusive[i] = detail::exclusive_against(points, scratch.members.data(), members, i, dimensions,
                                               scratch.workspace);
    }
  });
  double volume = 0;
  for (std::size_t i = 0; i < count; ++i) volume += points[i * dims + dims - 1] * exclusive[i];
  return volume;
}

}  // namespace

double hypervolume_nd(const MatrixRef& points, const VectorRef& reference) {
  const int dimensions = detail::check_hypervolume_input(points, reference, "hypervolume_nd");
  std::vector<double> gains = detail::gains_inside_reference(points, reference);
  const std::size_t count = gains.size() / static_cast<std::size_t>(dimensions);
  if (count == 0) return 0;

  detail::HypervolumeWorkspace workspace;
  workspace.reserve(count, dimensions);
  auto& level = workspace.level(dimensions);
  if (count >= kParallelMinPoints && dimensions >= kParallelMinDimensions) {
    // No dominance filter here: the projection front of sum_of_slices finds
    // the dominated points anyway.
    detail::sort_best_first(gains.data(), count, dimensions, level.order, level.kept.data());
    // On one thread the sequential sweep is the same computation (the same
    // members in the same order for every slice, the terms added in the
    // same order, so the same bits) without sum_of_slices' bookkeeping.
    const bool one_thread =
        tbb::this_task_arena::max_concurrency() <= 1 ||
        tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism) <= 1;
    if (one_thread && dimensions == 5)
      return detail::hypervolume_5d_sequential(level.kept.data(), count, workspace);
    if (one_thread) return detail::hypervolume_sorted(level.kept.data(), count, dimensions, workspace);
    return sum_of_slices(level.kept.data(), count, dimensions);
  }
  const std::size_t kept =
      detail::sort_and_filter(gains.data(), count, dimensions, level.order, level.kept.data());
  return detail::hypervolume_sorted(level.kept.data(), kept, dimensions, workspace);
}

}  // namespace paretokit
