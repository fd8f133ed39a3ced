// Ranks with ties, as the Friedman test and the critical-difference diagram
// need them (Demšar 2006, section 3.2.2).
//
// A score matrix has one row per block (a task) and one column per treatment
// (an optimizer). Within a row the best score gets rank 1; tied scores share
// the average of the ranks they span (two scores tied for first place both
// get 1.5). NaN (e.g. a crashed run) ranks after every number, and NaNs tie
// with each other.
#pragma once

#include "paretokit/core/matrix.hpp"

namespace paretokit::stats {

// Which end of the scale wins.
enum class RankOrder {
  lower_is_better,   // costs, IGD+, errors
  higher_is_better,  // hypervolume, accuracy
};

// Ranks 1..n of the n values, ties averaged. O(n log n).
Vector average_ranks(const VectorRef& values, RankOrder order = RankOrder::lower_is_better);

// average_ranks of every row of scores (blocks x treatments).
Matrix rank_rows(const MatrixRef& scores, RankOrder order = RankOrder::lower_is_better);

// Mean rank of each treatment (column) over the blocks: the R_j of Demšar.
Vector mean_ranks(const MatrixRef& scores, RankOrder order = RankOrder::lower_is_better);

}  // namespace paretokit::stats
