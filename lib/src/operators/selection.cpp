// Tournament and random selection; see operators/selection.hpp.
#include "paretokit/operators/selection.hpp"

#include <algorithm>
#include <numeric>

#include "paretokit/core/error.hpp"

namespace paretokit {

Eigen::Matrix<Index, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> tournament_competitors(Index n_select,
                                                                                             Index pressure,
                                                                                             Index pop_size,
                                                                                             Rng& rng) {
  if (pop_size <= 0 || pressure <= 0 || n_select < 0)
    throw InputError("tournament needs a non-empty population and pressure >= 1",
                     Location::of_field("pop_size"));
  const Index needed = n_select * pressure;
  std::vector<Index> pool;
  pool.reserve(static_cast<std::size_t>(needed + pop_size));
  std::vector<Index> perm(static_cast<std::size_t>(pop_size));
  while (static_cast<Index>(pool.size()) < needed) {
    std::iota(perm.begin(), perm.end(), Index{0});
    std::shuffle(perm.begin(), perm.end(), rng);
    pool.insert(pool.end(), perm.begin(), perm.end());
  }
  Eigen::Matrix<Index, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> competitors(n_select, pressure);
  for (Index k = 0; k < needed; ++k) competitors.data()[k] = pool[static_cast<std::size_t>(k)];
  return competitors;
}

std::vector<Index> binary_tournament(Index n_select, Index pop_size,
                                     const std::function<Index(Index, Index, Rng&)>& winner, Rng& rng) {
  const auto competitors = tournament_competitors(n_select, 2, pop_size, rng);
  std::vector<Index> selected(static_cast<std::size_t>(n_select));
  for (Index i = 0; i < n_select; ++i)
    selected[static_cast<std::size_t>(i)] = winner(competitors(i, 0), competitors(i, 1), rng);
  return selected;
}

std::vector<Index> random_selection(Index n_select, Index pop_size, Rng& rng) {
  if (pop_size <= 0) throw InputError("empty population", Location::of_field("pop_size"));
  std::vector<Index> selected(static_cast<std::size_t>(n_select));
  for (auto& s : selected) s = static_cast<Index>(rng.below(static_cast<std::uint64_t>(pop_size)));
  return selected;
}

}  // namespace paretokit
