// An unbounded archive of non-dominated solutions (minimization), filled
// incrementally: each inserted row (x, f) is kept only if no member weakly
// dominates it, and it evicts the members it dominates. A row whose f equals
// a member's f is rejected (the first one stays).
//
//   NondominatedArchive archive(n_var, n_obj);
//   archive.insert(X, F);                  // a whole evaluated batch
//   const Matrix& front = archive.f();     // members, in insertion order
//
// Cost: the members sit in an ND-tree (Jaszkiewicz and Lust 2018,
// src/pareto/nd_tree.hpp), so offering a row costs a dominance query that
// is sub-linear in the size s of the archive in practice (linear in the
// worst case), instead of the O(s m) scan of a list. A batch of b rows is
// first filtered by a non-dominated sort (O(b log b)). Members keep their
// insertion order; ids() gives, for each member, its position in the
// stream of all rows ever offered (0-based), so that a trajectory can tell
// when a point was found. x(), f() and ids() are built on demand after a
// change (O(s)): read them once per batch, not once per row.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

namespace detail {
class NdTree;
}

class NondominatedArchive {
 public:
  // n_var may be 0 (objectives only).
  NondominatedArchive(Index n_var, Index n_obj);
  ~NondominatedArchive();
  NondominatedArchive(const NondominatedArchive& other);
  NondominatedArchive& operator=(const NondominatedArchive& other);
  NondominatedArchive(NondominatedArchive&& other) noexcept;
  NondominatedArchive& operator=(NondominatedArchive&& other) noexcept;

  // Offers every row of (X, F); returns how many of them are members now.
  // X must have n_var columns (or 0 columns when n_var is 0), F n_obj.
  Index insert(const MatrixRef& X, const MatrixRef& F);
  // Offers one row; returns true when it became a member.
  bool insert_one(const Eigen::Ref<const RowVector>& x, const Eigen::Ref<const RowVector>& f);

  Index size() const { return live_; }
  bool empty() const { return size() == 0; }
  Index n_var() const { return n_var_; }
  Index n_obj() const { return n_obj_; }
  Index offered() const { return offered_; }  // rows offered so far

  const Matrix& x() const;  // size() x n_var
  const Matrix& f() const;  // size() x n_obj
  const std::vector<Index>& ids() const;

  void clear();

 private:
  // Offers a row; true when it became a member (it then evicted the
  // members it dominates).
  bool offer(const double* x, const double* f, Index id);
  void compact_if_sparse();
  void build_views() const;

  Index n_var_;
  Index n_obj_;
  Index offered_ = 0;
  Index live_ = 0;
  // Every row that ever became a member, in insertion order (the handle is
  // the position); dead rows are dropped once they outnumber the living.
  std::vector<double> pool_x_;
  std::vector<double> pool_f_;
  std::vector<Index> pool_id_;
  std::vector<char> alive_;
  std::unique_ptr<detail::NdTree> tree_;
  std::vector<std::int32_t> removed_;  // scratch
  // The members as matrices, rebuilt on demand.
  mutable bool views_stale_ = false;
  mutable Matrix x_;
  mutable Matrix f_;
  mutable std::vector<Index> ids_;
};

}  // namespace paretokit
