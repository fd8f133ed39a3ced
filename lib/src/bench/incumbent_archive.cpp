#include "incumbent_archive.hpp"

#include <algorithm>

namespace paretokit::bench::detail {

namespace {

// -1: a dominates or equals b (b is redundant); 1: b dominates a; 0: neither.
int compare(const RowVector& a, const RowVector& b) {
  bool a_better = false;
  bool b_better = false;
  for (Index j = 0; j < a.size(); ++j) {
    if (a[j] < b[j]) a_better = true;
    if (b[j] < a[j]) b_better = true;
    if (a_better && b_better) return 0;
  }
  if (!b_better) return -1;
  return a_better ? 0 : 1;
}

}  // namespace

bool IncumbentArchive::add(ArchiveMember member) {
  for (const auto& existing : members_) {
    if (compare(existing.f, member.f) == -1) return false;
  }
  std::erase_if(members_, [&](const ArchiveMember& existing) { return compare(member.f, existing.f) == -1; });
  members_.push_back(std::move(member));
  return true;
}

Matrix IncumbentArchive::objectives(Index columns) const {
  Matrix f(static_cast<Index>(members_.size()), columns);
  for (std::size_t i = 0; i < members_.size(); ++i) f.row(static_cast<Index>(i)) = members_[i].f;
  return f;
}

Matrix IncumbentArchive::decisions(Index columns) const {
  Matrix x(static_cast<Index>(members_.size()), columns);
  for (std::size_t i = 0; i < members_.size(); ++i) x.row(static_cast<Index>(i)) = members_[i].x;
  return x;
}

}  // namespace paretokit::bench::detail
