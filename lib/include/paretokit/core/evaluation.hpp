// Evaluation: what evaluating a batch gives back, row by row.
//
//   objectives   n x n_obj, minimized
//   constraints  n x n_constr, feasible when every entry <= 0
//   status       per row: success, crashed, timeout or memory_out (carps'
//                StatusType, same codes), with a message for a failure
//
// A built-in Problem always succeeds: `status` stays empty, which means
// "every row succeeded", so `Evaluation{F, G}` keeps working and costs
// nothing. An evaluator that runs external programs marks failed rows with
// set_failed().
//
// The rule for a failed row, everywhere in the library: it is infeasible
// beyond any real violation. Its objectives and constraints read +inf, and
// algorithms give it a total violation of +inf (algorithms/
// constrained_dominance.hpp: total_violation), so under Deb's constrained
// domination it loses to every row that did not fail and ties with the
// other failed rows. Population algorithms drop failed rows before survival
// (they could only survive when fewer rows succeeded than the population
// holds); MOEA/D keeps each in its subproblem's slot until a successful
// offspring replaces it. Fronts, hypervolumes and archives only ever take
// feasible rows with finite objectives, so +inf never reaches an indicator.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

// carps.utils.trials.StatusType's values.
enum class TrialStatus : std::uint8_t { success = 1, crashed = 2, timeout = 3, memory_out = 4 };

// "success", "crashed", "timeout", "memory_out".
const char* to_string(TrialStatus status);
// The inverse of to_string; nullopt for any other text.
std::optional<TrialStatus> trial_status_from_string(std::string_view text);

struct Evaluation {
  Matrix objectives;   // n x n_obj
  Matrix constraints;  // n x n_constr (n x 0 when unconstrained)
  // Empty: every row succeeded. Otherwise one entry per row.
  std::vector<TrialStatus> status = {};
  // Empty, or one entry per row (empty for a success).
  std::vector<std::string> message = {};

  Index rows() const { return objectives.rows(); }
  TrialStatus status_of(Index row) const {
    return status.empty() ? TrialStatus::success : status[static_cast<std::size_t>(row)];
  }
  bool failed(Index row) const { return status_of(row) != TrialStatus::success; }
  const std::string& message_of(Index row) const;
  bool all_succeeded() const;
  Index failures() const;

  // Marks a row failed: its objectives and constraints become +inf.
  void set_failed(Index row, TrialStatus why, std::string text);
  // Sets one row's status and message (success clears the message).
  void set_status(Index row, TrialStatus why, std::string text = {});
};

}  // namespace paretokit
