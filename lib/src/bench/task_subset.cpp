#include "paretokit/bench/task_subset.hpp"

#include <algorithm>
#include <cmath>

#include "paretokit/core/error.hpp"
#include "paretokit/discrepancy/star_discrepancy.hpp"
#include "paretokit/discrepancy/subset_selection.hpp"

namespace paretokit::bench {

TaskSubsets select_task_subsets(const nlohmann::json& report, const TaskSubsetOptions& options) {
  const auto optimizers = report.at("optimizers").get<std::vector<std::string>>();
  const auto& tasks = report.at("tasks");
  std::vector<std::size_t> columns;
  const auto& wanted = options.reference_optimizers.empty() ? optimizers : options.reference_optimizers;
  for (const auto& name : wanted) {
    const auto found = std::find(optimizers.begin(), optimizers.end(), name);
    if (found == optimizers.end()) {
      throw InputError("optimizer '" + name + "' is not in the bench",
                       Location::of_field("--reference-optimizers"));
    }
    columns.push_back(static_cast<std::size_t>(found - optimizers.begin()));
  }
  const auto n = static_cast<Index>(tasks.size());
  if (options.k < 1 || options.k > n) {
    throw InputError("k must lie in [1, " + std::to_string(n) + "] (the number of tasks), got " +
                         std::to_string(options.k),
                     Location::of_field("-k"));
  }

  TaskSubsets subsets;
  subsets.embedding.resize(n, static_cast<Index>(columns.size()));
  for (Index t = 0; t < n; ++t) {
    const auto& task = tasks[static_cast<std::size_t>(t)];
    subsets.task_ids.push_back(task.at("task_id").get<std::string>());
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto& mean = task.at("optimizers")[columns[c]].at(options.metric).at("mean");
      // A task where the optimizer never finished counts as its worst performance.
      subsets.embedding(t, static_cast<Index>(c)) = mean.is_number() ? mean.get<double>() : -INFINITY;
    }
  }
  for (Index c = 0; c < subsets.embedding.cols(); ++c) {
    auto column = subsets.embedding.col(c);
    double low = INFINITY;
    for (Index t = 0; t < n; ++t) {
      if (std::isfinite(column[t])) low = std::min(low, column[t]);
    }
    for (Index t = 0; t < n; ++t) {
      if (!std::isfinite(column[t])) column[t] = std::isfinite(low) ? low : 0.0;
    }
  }
  subsets.embedding = discrepancy::normalize_columns(subsets.embedding);

  discrepancy::SubsetOptions subset_options;
  subset_options.seed = options.seed;
  const auto dev = discrepancy::select_subset(subsets.embedding, options.k, subset_options);
  subsets.dev_discrepancy = dev.discrepancy;
  std::vector<bool> chosen(static_cast<std::size_t>(n), false);
  for (const Index i : dev.indices) chosen[static_cast<std::size_t>(i)] = true;

  std::vector<Index> rest;
  for (Index t = 0; t < n; ++t) {
    if (!chosen[static_cast<std::size_t>(t)]) rest.push_back(t);
  }
  std::vector<Index> test_indices;
  if (!rest.empty()) {
    const Matrix remaining = subsets.embedding(rest, Eigen::all);
    const Index k_test = std::min<Index>(options.k, static_cast<Index>(rest.size()));
    const auto test = discrepancy::select_subset(remaining, k_test, subset_options);
    subsets.test_discrepancy = test.discrepancy;
    for (const Index i : test.indices) test_indices.push_back(rest[static_cast<std::size_t>(i)]);
  }
  std::sort(test_indices.begin(), test_indices.end());
  for (Index t = 0; t < n; ++t) {
    if (chosen[static_cast<std::size_t>(t)])
      subsets.dev.push_back(subsets.task_ids[static_cast<std::size_t>(t)]);
  }
  for (const Index t : test_indices) subsets.test.push_back(subsets.task_ids[static_cast<std::size_t>(t)]);
  return subsets;
}

}  // namespace paretokit::bench
