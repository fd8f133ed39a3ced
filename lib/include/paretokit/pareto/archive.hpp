// An unbounded archive of non-dominated solutions (minimization), filled
// incrementally: each inserted row (x, f) is kept only if no member weakly
// dominates it, and it evicts the members it dominates. A row whose f equals
// a member's f is rejected (the first one stays).
//
//   NondominatedArchive archive(n_var, n_obj);
//   archive.insert(X, F);                  // a whole evaluated batch
//   const Matrix& front = archive.f();     // members, in insertion order
//
// Cost: insert of a batch of b rows into an archive of s members is
// O(b log b) to filter the batch (non-dominated sort) plus O(b' s m) for the
// b' survivors. Members keep their insertion order; ids() gives, for each
// member, its position in the stream of all rows ever offered (0-based), so
// that a trajectory can tell when a point was found.
#pragma once

#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

class NondominatedArchive {
 public:
  // n_var may be 0 (objectives only).
  NondominatedArchive(Index n_var, Index n_obj);

  // Offers every row of (X, F); returns how many of them are members now.
  // X must have n_var columns (or 0 columns when n_var is 0), F n_obj.
  Index insert(const MatrixRef& X, const MatrixRef& F);
  // Offers one row; returns true when it became a member.
  bool insert_one(const Eigen::Ref<const RowVector>& x, const Eigen::Ref<const RowVector>& f);

  Index size() const { return f_.rows(); }
  bool empty() const { return size() == 0; }
  Index n_var() const { return n_var_; }
  Index n_obj() const { return n_obj_; }
  Index offered() const { return offered_; }  // rows offered so far

  const Matrix& x() const { return x_; }  // size() x n_var
  const Matrix& f() const { return f_; }  // size() x n_obj
  const std::vector<Index>& ids() const { return ids_; }

  void clear();

 private:
  // Adds a row known not to be weakly dominated by a member; evicts the
  // members it dominates.
  void add(const Eigen::Ref<const RowVector>& x, const Eigen::Ref<const RowVector>& f, Index id);
  bool weakly_dominated(const Eigen::Ref<const RowVector>& f) const;

  Index n_var_;
  Index n_obj_;
  Index offered_ = 0;
  Matrix x_;
  Matrix f_;
  std::vector<Index> ids_;
};

}  // namespace paretokit
