// checkpoint.json: the algorithm's full state (its Rng included) and the
// loop's counters, so that a resumed run continues bit for bit.
//
//   {"format": "paretokit-checkpoint", "version": 1, "problem": ..., "n_var",
//    "n_obj", "algorithm": ..., "seed", "generation", "evaluations",
//    "trials": lines of trials.jsonl it accounts for, "seconds",
//    "failed_trials" (only when > 0),
//    "state": Algorithm::save_state()}
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

#include "paretokit/algorithms/algorithm.hpp"
#include "paretokit/core/problem.hpp"

namespace paretokit::detail {

struct Counters {
  std::int64_t generation = 0;
  std::int64_t evaluations = 0;
  double seconds = 0;
  // Written only when > 0, so that runs without failures keep their bytes.
  std::int64_t failed_trials = 0;
};

nlohmann::json make_checkpoint(const Problem& problem, const Algorithm& algorithm, std::uint64_t seed,
                               const Counters& counters);

// Checks that the checkpoint belongs to this problem, algorithm and seed
// (InputError naming the field otherwise) and returns its counters.
Counters check_checkpoint(const nlohmann::json& checkpoint, const Problem& problem, const Algorithm& algorithm,
                          std::uint64_t seed, const std::string& path);

}  // namespace paretokit::detail
