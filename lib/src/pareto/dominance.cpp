// Pareto dominance for minimization: O(m) per pair, with an early exit as soon
// as the answer is known.
#include "paretokit/pareto/dominance.hpp"

namespace paretokit {

bool dominates(const RowRef& a, const RowRef& b) {
  bool strictly_better = false;
  for (Index j = 0; j < a.size(); ++j) {
    if (a[j] > b[j]) return false;
    if (a[j] < b[j]) strictly_better = true;
  }
  return strictly_better;
}

bool weakly_dominates(const RowRef& a, const RowRef& b) {
  for (Index j = 0; j < a.size(); ++j) {
    if (a[j] > b[j]) return false;
  }
  return true;
}

}  // namespace paretokit
