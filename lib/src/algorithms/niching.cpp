// NSGA-III niching; see niching.hpp.
#include "niching.hpp"

#include <algorithm>
#include <limits>

namespace paretokit::detail {

std::vector<Index> niching(const std::vector<Index>& niche, const std::vector<double>& distance,
                           std::vector<Index>& niche_count, Index n_remaining, Rng& rng) {
  const auto H = static_cast<Index>(niche_count.size());
  std::vector<std::vector<Index>> members(static_cast<std::size_t>(H));
  for (std::size_t k = 0; k < niche.size(); ++k)
    members[static_cast<std::size_t>(niche[k])].push_back(static_cast<Index>(k));
  std::vector<Index> active;
  for (Index j = 0; j < H; ++j)
    if (!members[static_cast<std::size_t>(j)].empty()) active.push_back(j);

  std::vector<Index> chosen;
  chosen.reserve(static_cast<std::size_t>(n_remaining));
  std::vector<Index> next;
  while (static_cast<Index>(chosen.size()) < n_remaining && !active.empty()) {
    const Index n_select = n_remaining - static_cast<Index>(chosen.size());
    Index min_count = std::numeric_limits<Index>::max();
    for (Index j : active) min_count = std::min(min_count, niche_count[static_cast<std::size_t>(j)]);
    next.clear();
    for (Index j : active)
      if (niche_count[static_cast<std::size_t>(j)] == min_count) next.push_back(j);
    std::shuffle(next.begin(), next.end(), rng);
    if (static_cast<Index>(next.size()) > n_select) next.resize(static_cast<std::size_t>(n_select));
    for (Index j : next) {
      auto& pool = members[static_cast<std::size_t>(j)];
      std::size_t pick;
      if (niche_count[static_cast<std::size_t>(j)] == 0) {
        // Closest member; equal distances are broken at random.
        std::shuffle(pool.begin(), pool.end(), rng);
        pick = 0;
        for (std::size_t k = 1; k < pool.size(); ++k)
          if (distance[static_cast<std::size_t>(pool[k])] < distance[static_cast<std::size_t>(pool[pick])])
            pick = k;
      } else {
        pick = static_cast<std::size_t>(rng.below(pool.size()));
      }
      chosen.push_back(pool[pick]);
      pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(pick));
      ++niche_count[static_cast<std::size_t>(j)];
    }
    active.erase(std::remove_if(active.begin(), active.end(),
                                [&](Index j) { return members[static_cast<std::size_t>(j)].empty(); }),
                 active.end());
  }
  return chosen;
}

}  // namespace paretokit::detail
