// hypervolume_contributions_nd: exclusive hypervolume contribution of every
// point, HV(S) - HV(S without p), for any number of objectives.
//
// Per point, as in WFG (While, Bradstreet and Barone, IEEE TEVC 16(1), 2012):
//   contribution(p) = vol(p) - HV(nondominated({min(q, p) : q in S, q != p})),
// the "limit set" of p, computed with the n-dimensional kernel. Dominated
// points belong to S: a point dominated only by p fills part of p's box when p
// is removed, so it lowers p's contribution. A point weakly dominated by
// another point (a duplicate included) contributes exactly 0. The points are
// independent sub-problems, run in parallel with oneTBB; each result depends
// only on its own point, so the output does not depend on the thread count.
//
// Complexity: n limit sets of O(n d) plus their hypervolumes.
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>

#include "hypervolume_nd_input.hpp"
#include "hypervolume_nd_kernel.hpp"
#include "paretokit/indicators/hypervolume.hpp"

namespace paretokit {

namespace {

struct ContributionScratch {
  detail::HypervolumeWorkspace workspace;
  std::vector<double> limited;
};

// Contribution of the point at `index` (position in `candidates`).
double contribution_of(const std::vector<double>& gains, const std::vector<std::size_t>& candidates,
                       std::size_t index, int dimensions, ContributionScratch& scratch) {
  const auto dims = static_cast<std::size_t>(dimensions);
  const double* p = gains.data() + candidates[index] * dims;
  double volume = p[0];
  for (int c = 1; c < dimensions; ++c) volume *= p[c];

  std::size_t count = 0;
  double* limited = scratch.limited.data();
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    if (k == index) continue;
    const double* q = gains.data() + candidates[k] * dims;
    double* out = limited + count * dims;
    bool covers = true;
    for (int c = 0; c < dimensions; ++c) {
      out[c] = std::min(q[c], p[c]);
      covers = covers && q[c] >= p[c];
    }
    if (covers) return 0;  // q weakly dominates p: removing p loses nothing
    ++count;
  }
  auto& level = scratch.workspace.level(dimensions);
  const std::size_t kept =
      detail::sort_and_filter(limited, count, dimensions, level.order, level.kept.data());
  const double covered = detail::hypervolume_sorted(level.kept.data(), kept, dimensions, scratch.workspace);
  return std::max(volume - covered, 0.0);
}

}  // namespace

Vector hypervolume_contributions_nd(const MatrixRef& points, const VectorRef& reference) {
  const int dimensions = detail::check_hypervolume_input(points, reference, "hypervolume_contributions_nd");
  Vector contributions = Vector::Zero(points.rows());
  std::vector<char> inside;
  const std::vector<double> gains = detail::gains_of_all(points, reference, inside);
  std::vector<std::size_t> candidates;  // rows inside the reference box
  for (std::size_t i = 0; i < inside.size(); ++i)
    if (inside[i]) candidates.push_back(i);
  if (candidates.empty()) return contributions;

  const std::size_t count = candidates.size();
  tbb::enumerable_thread_specific<ContributionScratch> scratches([&] {
    ContributionScratch scratch;
    scratch.workspace.reserve(count, dimensions);
    scratch.limited.resize(count * static_cast<std::size_t>(dimensions));
    return scratch;
  });
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count), [&](const auto& range) {
    auto& scratch = scratches.local();
    for (std::size_t k = range.begin(); k != range.end(); ++k)
      contributions[static_cast<Index>(candidates[k])] =
          contribution_of(gains, candidates, k, dimensions, scratch);
  });
  return contributions;
}

}  // namespace paretokit
