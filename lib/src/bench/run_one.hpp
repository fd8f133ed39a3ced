// One (optimizer, task, seed) run of the bench: drives the algorithm through
// run() (run/run.hpp: the Evaluator, the one loop) up to the task's exact
// budget, logs every evaluation and the incumbent front in carps' format
// from run()'s trial observer, and writes result.json last as the finished
// marker.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "paretokit/bench/bench.hpp"

namespace paretokit::bench::detail {

struct RunSpec {
  const OptimizerSpec* optimizer = nullptr;
  const Task* task = nullptr;
  std::string benchmark_id;
  std::uint64_t seed = 0;
  std::filesystem::path directory;
};

enum class RunState { finished_before, success, crashed };

// The finished marker of a run folder, or null when the run is unfinished
// (no result.json, or one that does not parse).
nlohmann::json read_result(const std::filesystem::path& directory);

// Runs spec from scratch (the folder is emptied first). Errors of the problem
// or the algorithm finish the run as crashed; errors writing the folder
// propagate.
RunState run_one(const RunSpec& spec, const Options& options);

}  // namespace paretokit::bench::detail
