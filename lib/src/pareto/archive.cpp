// Unbounded non-dominated archive: batch pre-filter by non-dominated sorting,
// then an ND-tree query per survivor (see the header for costs). The rows
// live in append-only pools in insertion order, so that the members' order
// is the pool order of the living rows, whatever the tree's shape.
#include "paretokit/pareto/archive.hpp"

#include <string>

#include "nd_tree.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"

namespace paretokit {

NondominatedArchive::NondominatedArchive(Index n_var, Index n_obj)
    : n_var_(n_var), n_obj_(n_obj), x_(0, n_var < 0 ? 0 : n_var), f_(0, n_obj < 1 ? 1 : n_obj) {
  if (n_var < 0 || n_obj < 1) throw InputError("an archive needs n_var >= 0 and n_obj >= 1");
  tree_ = std::make_unique<detail::NdTree>(static_cast<int>(n_obj));
}

NondominatedArchive::~NondominatedArchive() = default;
NondominatedArchive::NondominatedArchive(NondominatedArchive&& other) noexcept = default;
NondominatedArchive& NondominatedArchive::operator=(NondominatedArchive&& other) noexcept = default;

NondominatedArchive::NondominatedArchive(const NondominatedArchive& other)
    : n_var_(other.n_var_),
      n_obj_(other.n_obj_),
      offered_(other.offered_),
      live_(other.live_),
      pool_x_(other.pool_x_),
      pool_f_(other.pool_f_),
      pool_id_(other.pool_id_),
      alive_(other.alive_),
      tree_(other.tree_ ? std::make_unique<detail::NdTree>(*other.tree_)
                        : std::make_unique<detail::NdTree>(static_cast<int>(other.n_obj_))),
      views_stale_(other.views_stale_),
      x_(other.x_),
      f_(other.f_),
      ids_(other.ids_) {}

NondominatedArchive& NondominatedArchive::operator=(const NondominatedArchive& other) {
  if (this != &other) *this = NondominatedArchive(other);
  return *this;
}

void NondominatedArchive::clear() {
  offered_ = 0;
  live_ = 0;
  pool_x_.clear();
  pool_f_.clear();
  pool_id_.clear();
  alive_.clear();
  if (tree_) tree_->clear();
  views_stale_ = true;
}

bool NondominatedArchive::offer(const double* x, const double* f, Index id) {
  if (!tree_) tree_ = std::make_unique<detail::NdTree>(static_cast<int>(n_obj_));  // moved from
  if (tree_->weakly_dominated(f, pool_f_.data())) return false;
  removed_.clear();
  tree_->remove_dominated_by(f, pool_f_.data(), removed_);
  for (const auto h : removed_) alive_[static_cast<std::size_t>(h)] = 0;
  live_ -= static_cast<Index>(removed_.size());
  const auto handle = static_cast<std::int32_t>(pool_id_.size());
  pool_f_.insert(pool_f_.end(), f, f + n_obj_);
  if (n_var_ > 0) pool_x_.insert(pool_x_.end(), x, x + n_var_);
  pool_id_.push_back(id);
  alive_.push_back(1);
  ++live_;
  tree_->insert(handle, pool_f_.data());
  views_stale_ = true;
  compact_if_sparse();
  return true;
}

void NondominatedArchive::compact_if_sparse() {
  const auto pooled = static_cast<Index>(pool_id_.size());
  if (pooled - live_ <= live_ + 1024) return;
  std::vector<std::int32_t> new_handle(pool_id_.size(), -1);
  std::size_t kept = 0;
  const auto m = static_cast<std::size_t>(n_obj_);
  const auto d = static_cast<std::size_t>(n_var_);
  for (std::size_t h = 0; h < pool_id_.size(); ++h) {
    if (!alive_[h]) continue;
    new_handle[h] = static_cast<std::int32_t>(kept);
    if (kept != h) {
      std::copy_n(pool_f_.begin() + static_cast<std::ptrdiff_t>(h * m), m,
                  pool_f_.begin() + static_cast<std::ptrdiff_t>(kept * m));
      std::copy_n(pool_x_.begin() + static_cast<std::ptrdiff_t>(h * d), d,
                  pool_x_.begin() + static_cast<std::ptrdiff_t>(kept * d));
      pool_id_[kept] = pool_id_[h];
    }
    ++kept;
  }
  pool_f_.resize(kept * m);
  pool_x_.resize(kept * d);
  pool_id_.resize(kept);
  alive_.assign(kept, 1);
  tree_->rename(new_handle);
}

void NondominatedArchive::build_views() const {
  if (!views_stale_) return;
  f_.resize(live_, n_obj_);
  x_.resize(live_, n_var_);
  ids_.resize(static_cast<std::size_t>(live_));
  Index row = 0;
  for (std::size_t h = 0; h < pool_id_.size(); ++h) {
    if (!alive_[h]) continue;
    for (Index j = 0; j < n_obj_; ++j)
      f_(row, j) = pool_f_[h * static_cast<std::size_t>(n_obj_) + static_cast<std::size_t>(j)];
    for (Index j = 0; j < n_var_; ++j)
      x_(row, j) = pool_x_[h * static_cast<std::size_t>(n_var_) + static_cast<std::size_t>(j)];
    ids_[static_cast<std::size_t>(row)] = pool_id_[h];
    ++row;
  }
  views_stale_ = false;
}

const Matrix& NondominatedArchive::x() const {
  build_views();
  return x_;
}

const Matrix& NondominatedArchive::f() const {
  build_views();
  return f_;
}

const std::vector<Index>& NondominatedArchive::ids() const {
  build_views();
  return ids_;
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
  return offer(x.data(), f.data(), id);  // a Ref to a row vector is contiguous
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
  for (const Index i : candidates) {  // rows of a row-major Ref are contiguous
    if (offer(n_var_ > 0 ? X.row(i).data() : nullptr, F.row(i).data(), first_id + i)) ++accepted;
  }
  return accepted;
}

}  // namespace paretokit
