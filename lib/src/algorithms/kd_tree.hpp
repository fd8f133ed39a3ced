// A static k-d tree (Friedman, Bentley and Finkel 1977) over the rows of a
// matrix, for exact k-nearest-neighbour queries in few dimensions: median
// splits on the widest coordinate, leaves of up to 8 points. Build
// O(n log n); a query visits O(log n) nodes for well-spread points in low
// dimension. Queries are const and may run in parallel.
#pragma once

#include <utility>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit::detail {

class KdTree {
 public:
  explicit KdTree(Matrix points);

  // The k nearest rows to q (squared distance, row) by increasing distance;
  // equal distances by increasing row index.
  std::vector<std::pair<double, Index>> nearest(const double* q, Index k) const;
  // The nearest row alone, the same one as nearest(q, 1) (equal distances:
  // the lower row), without a heap or an allocation, over a copy of the
  // points laid out in leaf order (the hot path of association).
  Index nearest_one(const double* q) const;

  Index size() const { return points_.rows(); }

 private:
  struct Node {
    Index begin, end;  // range in order_
    Index split_dim;   // -1 for a leaf
    double split;
    Index left, right;  // children (nodes_ indices)
  };
  Index build(Index begin, Index end);
  void search(Index node, const double* q, Index k, std::vector<std::pair<double, Index>>& heap) const;
  void search_one(Index node, const double* q, double& best_distance, Index& best_row) const;

  Matrix points_;
  std::vector<Index> order_;
  std::vector<double> leaf_points_;  // points_ rows in order_, contiguous
  std::vector<Node> nodes_;
};

}  // namespace paretokit::detail
