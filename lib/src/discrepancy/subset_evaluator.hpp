// Internal: exact star discrepancy of small point sets (the k points of a
// subset), with early exit, for the subset-selection searches.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit::discrepancy::detail {

// A box [0,q) (closed == false) or [0,q] (closed == true).
struct LocalBox {
  std::vector<double> q;
  bool closed = false;
  double volume = 0.0;
};

// Coordinates of all n candidate points, one column per dimension.
class PointColumns {
 public:
  explicit PointColumns(const MatrixRef& points);
  Index size() const { return n_; }
  Index dimension() const { return d_; }
  double operator()(Index id, Index dim) const { return x_[static_cast<std::size_t>(dim * n_ + id)]; }
  bool in_box(Index id, const LocalBox& box) const;

 private:
  Index n_, d_;
  std::vector<double> x_;
};

// Branch and bound over the corners of the coordinate grid of the set, open
// and closed boxes separately, one dimension at a time: a partial corner with
// volume V bounds every open box below it by V, and a partial set of c points
// bounds every closed box by c/k. O(k^d) in the worst case, usually far less.
class SubsetEvaluator {
 public:
  explicit SubsetEvaluator(const PointColumns& points);

  // D* of the points `ids`. When a box with local discrepancy >= stop_at is
  // found the search stops and returns that box's value (a lower bound);
  // otherwise the exact value. `box` receives the box that gives the value.
  double evaluate(const std::vector<Index>& ids, LocalBox& box,
                  double stop_at = std::numeric_limits<double>::infinity());

  std::uint64_t evaluations() const { return evaluations_; }

 private:
  void open_level(Index c, std::size_t size, double volume);
  void closed_level(Index c, std::size_t size, double volume);
  void record(double value, bool closed, Index c, double last);
  // Sorts set[c][0, size) by coordinate c + 1 into order[c].
  void sort_next(Index c, std::size_t size);

  const PointColumns& points_;
  Index d_;
  std::vector<std::vector<double>> x_;          // x_[dim][i] for the local points
  std::vector<std::vector<std::int32_t>> set_;  // per depth: points, sorted by that depth's dimension
  std::vector<std::vector<std::int32_t>> order_;
  std::vector<double> corner_;  // q chosen so far
  double k_ = 1.0;
  double best_ = 0.0;
  double stop_at_ = 0.0;
  bool stopped_ = false;
  LocalBox* box_ = nullptr;
  std::uint64_t evaluations_ = 0;
};

}  // namespace paretokit::discrepancy::detail
