// Greedy hypervolume-improvement batch selection; see
// learning/batch_selection.hpp.
#include "paretokit/learning/batch_selection.hpp"

#include <algorithm>
#include <limits>

#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/pareto/dominance.hpp"

namespace paretokit {

namespace {

bool dominated_by_any(const MatrixRef& set, const Eigen::Ref<const RowVector>& y) {
  for (Index i = 0; i < set.rows(); ++i)
    if (weakly_dominates(set.row(i), y)) return true;
  return false;
}

}  // namespace

std::vector<Index> select_by_hypervolume_improvement(const MatrixRef& front, const MatrixRef& candidates_f,
                                                     const MatrixRef& candidates_x,
                                                     const MatrixRef& evaluated_x, Index k) {
  const Index c = candidates_f.rows(), m = candidates_f.cols();
  Matrix all(front.rows() + c, m);
  all << front, candidates_f;
  const Vector reference = all.colwise().maxCoeff().transpose();
  std::vector<Index> chosen;
  std::vector<bool> taken(static_cast<std::size_t>(c), false);
  Matrix current = front;
  while (static_cast<Index>(chosen.size()) < std::min(k, c)) {
    const double base = current.rows() > 0 ? hypervolume(current, reference) : 0.0;
    Index best = -1;
    double best_gain = 0.0;
    Matrix trial(current.rows() + 1, m);
    trial.topRows(current.rows()) = current;
    for (Index i = 0; i < c; ++i) {
      if (taken[static_cast<std::size_t>(i)] || dominated_by_any(current, candidates_f.row(i))) continue;
      trial.bottomRows(1) = candidates_f.row(i);
      const double gain = hypervolume(trial, reference) - base;
      if (gain > best_gain) {
        best_gain = gain;
        best = i;
      }
    }
    if (best < 0) break;
    taken[static_cast<std::size_t>(best)] = true;
    chosen.push_back(best);
    current.conservativeResize(current.rows() + 1, Eigen::NoChange);
    current.bottomRows(1) = candidates_f.row(best);
  }
  // Fallback: farthest-point filling in x.
  Matrix others(evaluated_x.rows() + static_cast<Index>(chosen.size()), candidates_x.cols());
  others.topRows(evaluated_x.rows()) = evaluated_x;
  for (std::size_t j = 0; j < chosen.size(); ++j)
    others.row(evaluated_x.rows() + static_cast<Index>(j)) = candidates_x.row(chosen[j]);
  while (static_cast<Index>(chosen.size()) < std::min(k, c)) {
    Index best = -1;
    double best_distance = -1.0;
    for (Index i = 0; i < c; ++i) {
      if (taken[static_cast<std::size_t>(i)]) continue;
      double nearest = std::numeric_limits<double>::infinity();
      for (Index r = 0; r < others.rows(); ++r)
        nearest = std::min(nearest, (others.row(r) - candidates_x.row(i)).squaredNorm());
      if (nearest > best_distance) {
        best_distance = nearest;
        best = i;
      }
    }
    taken[static_cast<std::size_t>(best)] = true;
    chosen.push_back(best);
    others.conservativeResize(others.rows() + 1, Eigen::NoChange);
    others.bottomRows(1) = candidates_x.row(best);
  }
  return chosen;
}

}  // namespace paretokit
