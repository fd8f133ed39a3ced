// The objectives and constraints of a sweep's trials.jsonl (and the costs of a
// carps trial_logs.jsonl), read fast for the
// run report: only "f", "g" and "status" are decoded (std::from_chars), the
// other fields are skipped. A line the fast scanner does not understand is
// parsed by nlohmann::json instead, so that any valid JSON line reads the same
// as through read_trials(). Same file rules as read_jsonl(): a torn or damaged
// last line is dropped, a damaged line elsewhere is an error naming it.
#pragma once

#include <filesystem>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit::report::detail {

struct TrialObjectives {
  Index objectives = 0, constraints = 0;  // widths of the first record
  std::vector<double> f, g;               // row-major, one row per trial
  Index rows = 0;
};

TrialObjectives read_trial_objectives(const std::filesystem::path& path);

// The costs of a carps trial_logs.jsonl (a bench run), read the same fast
// way: the rows with status 1 and finite costs; every other line is failed.
struct CarpsCosts {
  Index objectives = 0;
  std::vector<double> f;  // row-major
  Index rows = 0;
  std::size_t failed = 0;
};

CarpsCosts read_carps_costs(const std::filesystem::path& path);

}  // namespace paretokit::report::detail
