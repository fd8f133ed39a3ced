// Unbounded non-dominated archive: batch pre-filter by non-dominated sorting,
// then a linear scan per survivor (see the header for costs).
#include "paretokit/pareto/archive.hpp"

#include <string>

#include "paretokit/core/error.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"

namespace paretokit {

NondominatedArchive::NondominatedArchive(Index n_var, Index n_obj)
    : n_var_(n_var), n_obj_(n_obj), x_(0, n_var), f_(0, n_obj) {
  if (n_var < 0 || n_obj < 1) throw InputError("an archive needs n_var >= 0 and n_obj >= 1");
}

void NondominatedArchive::clear() {
  offered_ = 0;
  x_.resize(0, n_var_);
  f_.resize(0, n_obj_);
  ids_.clear();
}

bool NondominatedArchive::weakly_dominated(const Eigen::Ref<const RowVector>& f) const {
  for (Index i = 0; i < f_.rows(); ++i) {
    if ((f_.row(i).array() <= f.array()).all()) return true;
  }
  return false;
}

void NondominatedArchive::add(const Eigen::Ref<const RowVector>& x, const Eigen::Ref<const RowVector>& f,
                              Index id) {
  // Evict dominated members, compacting in place (keeps the order).
  Index kept = 0;
  for (Index i = 0; i < f_.rows(); ++i) {
    const bool dominated = (f.array() <= f_.row(i).array()).all();  // f != member, else rejected earlier
    if (dominated) continue;
    if (kept != i) {
      f_.row(kept) = f_.row(i);
      x_.row(kept) = x_.row(i);
      ids_[kept] = ids_[i];
    }
    ++kept;
  }
  f_.conservativeResize(kept + 1, Eigen::NoChange);
  x_.conservativeResize(kept + 1, Eigen::NoChange);
  ids_.resize(static_cast<std::size_t>(kept + 1));
  f_.row(kept) = f;
  if (n_var_ > 0) x_.row(kept) = x;
  ids_[kept] = id;
}

bool NondominatedArchive::insert_one(const Eigen::Ref<const RowVector>& x,
                                     const Eigen::Ref<const RowVector>& f) {
  if (f.size() != n_obj_)
    throw InputError("archive: f has " + std::to_string(f.size()) + " values, expected " +
                     std::to_string(n_obj_));
  if (x.size() != n_var_ && !(n_var_ == 0)) {
    throw InputError("archive: x has " + std::to_string(x.size()) + " values, expected " +
                     std::to_string(n_var_));
  }
  if (f.hasNaN()) throw InputError("archive: f has a NaN value");
  const Index id = offered_++;
  if (weakly_dominated(f)) return false;
  add(x, f, id);
  return true;
}

Index NondominatedArchive::insert(const MatrixRef& X, const MatrixRef& F) {
  if (F.cols() != n_obj_) {
    throw InputError("archive: F has " + std::to_string(F.cols()) + " columns, expected " +
                     std::to_string(n_obj_));
  }
  if (n_var_ > 0 && (X.cols() != n_var_ || X.rows() != F.rows())) {
    throw InputError("archive: X must be " + std::to_string(F.rows()) + " x " + std::to_string(n_var_));
  }
  const Index first_id = offered_;
  offered_ += F.rows();
  // Only the non-dominated rows of the batch can enter; among equal rows the
  // first one does (the others are weakly dominated by it once it is in).
  const auto candidates = nondominated_indices(F);
  Index accepted = 0;
  const RowVector no_x(0);
  for (const Index i : candidates) {
    if (weakly_dominated(F.row(i))) continue;
    if (n_var_ > 0) {
      add(X.row(i), F.row(i), first_id + i);
    } else {
      add(no_x, F.row(i), first_id + i);
    }
    ++accepted;
  }
  return accepted;
}

}  // namespace paretokit
