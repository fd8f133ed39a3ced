// ND-tree: a tree of nested bounding boxes over a mutually non-dominated
// set of points, for fast dominance queries and updates (Jaszkiewicz and
// Lust, "ND-Tree-based update: a fast algorithm for the dynamic
// non-dominance problem", IEEE TEVC 22(5), 2018).
//
// Every node keeps an ideal (component-wise minimum) and a nadir (maximum)
// bound of the points below it. A query point q skips every node whose box
// cannot hold a point in relation with q, answers a whole node at once when
// the box decides (nadir <= q: all of them weakly dominate q; q <= ideal: q
// weakly dominates all of them), and scans the leaves (at most leaf_capacity
// points) otherwise. Bounds only ever widen on insert; removals tighten the
// bounds of the nodes they touch. Expected cost of a query is sub-linear in
// the size of the set for few objectives (the paper measures 2-10); the
// worst case stays linear.
//
// Changed from the paper: the split picks its seeds by farthest-point
// selection and gives every other point to the seed nearest to it; the tree
// holds only point handles (the caller owns the points).
#pragma once

#include <cstdint>
#include <vector>

namespace paretokit::detail {

class NdTree {
 public:
  using Handle = std::int32_t;

  explicit NdTree(int n_obj);

  // `points` is a flat array of n_obj values per handle, owned by the caller.
  // True when some point of the tree weakly dominates q (<= in every objective).
  bool weakly_dominated(const double* q, const double* points) const;
  // Removes every point that q weakly dominates; appends their handles to `removed`.
  void remove_dominated_by(const double* q, const double* points, std::vector<Handle>& removed);
  // Adds a point known to be non-dominated with respect to the tree.
  void insert(Handle handle, const double* points);
  // Renames every handle h to new_handle[h] (after the caller compacts its storage).
  void rename(const std::vector<Handle>& new_handle);

  bool empty() const { return nodes_[root_].count == 0; }
  void clear();

 private:
  static constexpr int leaf_capacity = 20;

  struct Node {
    bool leaf = true;
    std::int64_t count = 0;      // points below
    std::vector<Handle> points;  // leaf: its points
    std::vector<int> children;   // inner node: its children
    std::vector<double> ideal;   // n_obj values
    std::vector<double> nadir;
  };

  int new_node();
  void free_node(int node);
  void free_subtree(int node, std::vector<Handle>& removed);
  bool dominated_below(int node, const double* q, const double* points) const;
  // Returns how many points it removed below `node`.
  std::int64_t remove_below(int node, const double* q, const double* points, std::vector<Handle>& removed);
  void recompute_bounds(int node, const double* points);
  void split(int leaf, const double* points);
  void widen(Node& node, const double* p) const;
  double distance_to_middle(const Node& node, const double* p) const;

  int n_obj_;
  int root_ = 0;
  std::vector<Node> nodes_;
  std::vector<int> free_nodes_;
};

}  // namespace paretokit::detail
