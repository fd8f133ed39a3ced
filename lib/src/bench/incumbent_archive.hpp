// The incumbent of a multi-objective run, as carps keeps it: the
// non-dominated set of every successful evaluation so far, each member with
// the trial that produced it (for trajectory_logs.jsonl).
//
// Insertion is O(|A| m) per point; points equal to a member are rejected, so
// the set has no duplicates and depends only on the evaluation order.
#pragma once

#include <cstdint>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit::bench::detail {

struct ArchiveMember {
  std::int64_t trial = 0;  // 1-based n_trials of the evaluation
  RowVector x;
  RowVector f;
  double time = 0.0;       // seconds of the evaluation
  double starttime = 0.0;  // Unix time
  double endtime = 0.0;
};

class IncumbentArchive {
 public:
  // Adds the point unless a member weakly dominates it; removes the members
  // it dominates. Returns true when the set changed.
  bool add(ArchiveMember member);

  const std::vector<ArchiveMember>& members() const { return members_; }
  std::size_t size() const { return members_.size(); }
  // Objectives (one row per member, in insertion order); `columns` sets the
  // width of an empty result.
  Matrix objectives(Index columns) const;
  Matrix decisions(Index columns) const;

 private:
  std::vector<ArchiveMember> members_;
};

}  // namespace paretokit::bench::detail
