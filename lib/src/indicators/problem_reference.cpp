#include "paretokit/indicators/problem_reference.hpp"

#include <cmath>
#include <sstream>

namespace paretokit {

namespace {

bool valid_scale(const Vector& ideal, const Vector& nadir, Index m) {
  return ideal.size() == m && nadir.size() == m && ideal.allFinite() && nadir.allFinite() &&
         ((nadir - ideal).array() > 0).all();
}

}  // namespace

std::optional<ObjectiveScale> known_objective_scale(const Problem& problem, Index front_points) {
  const Index m = problem.n_obj();
  auto ideal = problem.ideal_point();
  auto nadir = problem.nadir_point();
  if (ideal && ideal->size() != m) ideal.reset();
  if (nadir && nadir->size() != m) nadir.reset();
  if (ideal && nadir && valid_scale(*ideal, *nadir, m))
    return ObjectiveScale{*ideal, *nadir, "problem ideal and nadir"};
  // What the problem does not state, its front's bounds give.
  const auto front = problem.pareto_front(front_points);
  if (!front || front->rows() == 0 || front->cols() != m || !front->allFinite()) return std::nullopt;
  const bool own_ideal = ideal.has_value(), own_nadir = nadir.has_value();
  if (!own_ideal) ideal = front->colwise().minCoeff().transpose();
  if (!own_nadir) nadir = front->colwise().maxCoeff().transpose();
  if (!valid_scale(*ideal, *nadir, m)) return std::nullopt;
  const char* source = own_ideal   ? "problem ideal and Pareto front"
                       : own_nadir ? "problem nadir and Pareto front"
                                   : "problem Pareto front";
  return ObjectiveScale{*ideal, *nadir, source};
}

std::optional<FixedReference> fixed_hypervolume_reference(const Problem& problem, double offset) {
  const auto scale = known_objective_scale(problem);
  if (!scale) return std::nullopt;
  std::ostringstream source;
  source << scale->source << ": ideal + " << 1 + offset << " (nadir - ideal)";
  return FixedReference{
      (scale->ideal.array() + (1 + offset) * (scale->nadir - scale->ideal).array()).matrix(), source.str()};
}

}  // namespace paretokit
