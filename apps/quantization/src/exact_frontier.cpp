// Exact frontier by dynamic programming over groups (exact_frontier.hpp).
#include "paretokit/quantization/exact_frontier.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>

#include "paretokit/core/error.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"

namespace paretokit::quantization {

namespace {

// Partial configurations after one stage: values (row-major, k per state)
// and, to rebuild the configurations, the parent state and choice.
struct Stage {
  std::vector<double> values;
  std::vector<std::int32_t> parent;
  std::vector<std::int32_t> choice;
};

// Indices of the states to keep: one per distinct vector, none weakly
// dominated by another, in lexicographic order of the vectors.
std::vector<std::size_t> prune(const std::vector<double>& values, std::size_t k) {
  const std::size_t n = values.size() / k;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  auto row = [&](std::size_t i) { return values.data() + i * k; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::lexicographical_compare(row(a), row(a) + k, row(b), row(b) + k);
  });
  // Drop repeats of a vector (the first in merge order stays).
  std::vector<std::size_t> distinct;
  for (const std::size_t i : order) {
    if (!distinct.empty() && std::equal(row(i), row(i) + k, row(distinct.back()))) continue;
    distinct.push_back(i);
  }
  if (k == 1) return {distinct.front()};
  if (k == 2) {
    // Sorted by the first measure: keep a point when its second improves.
    std::vector<std::size_t> kept;
    for (const std::size_t i : distinct) {
      if (kept.empty() || row(i)[1] < row(kept.back())[1]) kept.push_back(i);
    }
    return kept;
  }
  Matrix points(static_cast<Index>(distinct.size()), static_cast<Index>(k));
  for (std::size_t r = 0; r < distinct.size(); ++r) {
    for (std::size_t j = 0; j < k; ++j)
      points(static_cast<Index>(r), static_cast<Index>(j)) = row(distinct[r])[j];
  }
  std::vector<std::size_t> kept;
  for (const Index r : nondominated_indices(points)) kept.push_back(distinct[static_cast<std::size_t>(r)]);
  return kept;
}

}  // namespace

ExactFrontier exact_frontier(const BitWidthSearch& search, const std::vector<Measure>& measures,
                             const ExactFrontierOptions& options) {
  if (measures.empty()) throw InputError("the exact frontier needs at least one objective");
  for (const Measure m : measures) {
    if (!search.has(m)) throw InputError(std::string("the layer table has no data for ") + to_string(m));
  }
  const std::size_t k = measures.size();
  const auto choices = static_cast<std::size_t>(search.n_choices());

  std::vector<Stage> stages;
  Stage start;
  for (const Measure m : measures) start.values.push_back(search.fixed_cost(m));
  start.parent.push_back(-1);
  start.choice.push_back(-1);
  stages.push_back(std::move(start));

  for (Index g = 0; g < search.n_groups(); ++g) {
    const Stage& previous = stages.back();
    const std::size_t n = previous.parent.size();
    std::vector<double> values(n * choices * k);
    for (std::size_t s = 0; s < n; ++s) {
      for (std::size_t c = 0; c < choices; ++c) {
        double* out = values.data() + (s * choices + c) * k;
        for (std::size_t j = 0; j < k; ++j) {
          out[j] = previous.values[s * k + j] + search.cost(g, static_cast<Index>(c), measures[j]);
        }
      }
    }
    const std::vector<std::size_t> kept = prune(values, k);
    if (static_cast<Index>(kept.size()) > options.max_states) {
      throw Error("the exact frontier has more than " + std::to_string(options.max_states) +
                  " partial configurations after " + std::to_string(g + 1) + " of " +
                  std::to_string(search.n_groups()) +
                  " groups; use fewer objectives or bit-widths, or an "
                  "evolutionary --algorithm without the exact frontier");
    }
    Stage next;
    next.values.reserve(kept.size() * k);
    for (const std::size_t i : kept) {
      next.values.insert(next.values.end(), values.begin() + static_cast<std::ptrdiff_t>(i * k),
                         values.begin() + static_cast<std::ptrdiff_t>((i + 1) * k));
      next.parent.push_back(static_cast<std::int32_t>(i / choices));
      next.choice.push_back(static_cast<std::int32_t>(i % choices));
    }
    // Only the last stage's values are needed from here on; earlier stages
    // keep their back pointers (8 bytes a state) to rebuild configurations.
    std::vector<double>().swap(stages.back().values);
    stages.push_back(std::move(next));
  }

  ExactFrontier frontier;
  frontier.measures = measures;
  const Stage& last = stages.back();
  const std::size_t n = last.parent.size();
  frontier.raw.resize(static_cast<Index>(n), static_cast<Index>(k));
  for (std::size_t s = 0; s < n; ++s) {
    for (std::size_t j = 0; j < k; ++j)
      frontier.raw(static_cast<Index>(s), static_cast<Index>(j)) = last.values[s * k + j];
    std::vector<int> choice(static_cast<std::size_t>(search.n_groups()));
    std::size_t state = s;
    for (Index g = search.n_groups(); g >= 1; --g) {
      const Stage& stage = stages[static_cast<std::size_t>(g)];
      choice[static_cast<std::size_t>(g - 1)] = stage.choice[state];
      state = static_cast<std::size_t>(stage.parent[state]);
    }
    frontier.choices.push_back(std::move(choice));
  }
  return frontier;
}

Matrix enumerate_all(const BitWidthSearch& search, const std::vector<Measure>& measures,
                     std::vector<std::vector<int>>* choices) {
  const Index groups = search.n_groups();
  double count = 1;
  for (Index g = 0; g < groups; ++g) count *= static_cast<double>(search.n_choices());
  if (count > double(1 << 20)) throw Error("enumerate_all: more than 2^20 configurations");
  const auto n = static_cast<Index>(count);
  Matrix raw(n, static_cast<Index>(measures.size()));
  std::vector<int> choice(static_cast<std::size_t>(groups), 0);
  for (Index r = 0; r < n; ++r) {
    for (std::size_t j = 0; j < measures.size(); ++j)
      raw(r, static_cast<Index>(j)) = search.total(choice, measures[j]);
    if (choices) choices->push_back(choice);
    for (Index g = groups - 1; g >= 0; --g) {  // odometer, the last group fastest
      if (++choice[static_cast<std::size_t>(g)] < search.n_choices()) break;
      choice[static_cast<std::size_t>(g)] = 0;
    }
  }
  return raw;
}

}  // namespace paretokit::quantization
