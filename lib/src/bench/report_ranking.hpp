// Statistics across the tasks of a report: ranks of the optimizers by one
// metric (seed means, higher is better), their mean ranks at the end and at
// every normalized budget, the Friedman test and the Nemenyi critical
// difference (Demšar 2006).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace paretokit::bench::detail {

// `report` holds "optimizers" and "tasks" (each with "optimizers"[i][metric]
// ["mean"] and [metric + "_curve"][step]["mean"]). An optimizer without a
// value on a task (all runs crashed or missing) ranks last there.
nlohmann::json ranking(const nlohmann::json& report, const std::string& metric, double alpha);

}  // namespace paretokit::bench::detail
