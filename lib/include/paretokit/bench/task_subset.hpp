// Representative task subsets by star discrepancy, as carps selects its dev
// and test sets (Benjamins et al. 2024, following Clément, Doerr and Paquete):
// each task becomes a point whose coordinates are the reference optimizers'
// seed-averaged final normalized performance (here the normalized
// hypervolume of report.json, "hypervolume": higher is better), each axis is
// min-max normalized over the tasks to [0, 1], and the k tasks of lowest star
// discrepancy are chosen (discrepancy module). A second, disjoint selection
// of k tasks (or all that remain, if fewer) from the other tasks is the test set.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/matrix.hpp"

namespace paretokit::bench {

struct TaskSubsetOptions {
  Index k = 10;
  // Optimizers whose performance embeds the tasks; empty: all of the report.
  std::vector<std::string> reference_optimizers;
  std::uint64_t seed = 0;
  std::string metric = "hypervolume";
};

struct TaskSubsets {
  std::vector<std::string> task_ids;   // every task, in report order
  Matrix embedding;                    // one row per task, in [0, 1]
  std::vector<std::string> dev, test;  // chosen task ids, in report order
  double dev_discrepancy = 0;
  double test_discrepancy = 0;
};

// Throws InputError (naming the option) when k < 1 or k exceeds the number
// of tasks, or for an unknown reference optimizer. The test set takes
// min(k, remaining tasks); it is empty when no task remains.
TaskSubsets select_task_subsets(const nlohmann::json& report, const TaskSubsetOptions& options);

}  // namespace paretokit::bench
