// Input checks and gain conversion for the n-dimensional hypervolume (see
// hypervolume_nd_input.hpp). O(n d).
#include "hypervolume_nd_input.hpp"

#include <cmath>
#include <string>

#include "paretokit/core/error.hpp"

namespace paretokit::detail {

int check_hypervolume_input(const MatrixRef& points, const VectorRef& reference, const char* /*function*/) {
  // In the user's terms, as points_inside_reference (hypervolume.cpp).
  if (reference.size() == 0) throw InputError("the reference point is empty");
  if (points.rows() > 0 && points.cols() != reference.size())
    throw InputError("the points have " + std::to_string(points.cols()) +
                     " objectives but the reference point has " + std::to_string(reference.size()));
  for (Index c = 0; c < reference.size(); ++c)
    if (!std::isfinite(reference[c]))
      throw InputError("objective " + std::to_string(c + 1) + " of the reference point is not finite");
  for (Index i = 0; i < points.rows(); ++i)
    for (Index c = 0; c < points.cols(); ++c)
      if (!std::isfinite(points(i, c)))
        throw InputError("objective " + std::to_string(c + 1) + " of point " + std::to_string(i + 1) +
                         " is not finite");
  return static_cast<int>(reference.size());
}

std::vector<double> gains_of_all(const MatrixRef& points, const VectorRef& reference,
                                 std::vector<char>& inside) {
  const Index d = reference.size();
  std::vector<double> gains(static_cast<std::size_t>(points.rows() * d));
  inside.assign(static_cast<std::size_t>(points.rows()), 1);
  for (Index i = 0; i < points.rows(); ++i) {
    for (Index c = 0; c < d; ++c) {
      const double g = reference[c] - points(i, c);
      gains[static_cast<std::size_t>(i * d + c)] = g;
      if (!(g > 0)) inside[static_cast<std::size_t>(i)] = 0;
    }
  }
  return gains;
}

std::vector<double> gains_inside_reference(const MatrixRef& points, const VectorRef& reference) {
  const Index d = reference.size();
  std::vector<double> gains;
  gains.reserve(static_cast<std::size_t>(points.rows() * d));
  for (Index i = 0; i < points.rows(); ++i) {
    bool inside = true;
    for (Index c = 0; c < d && inside; ++c) inside = reference[c] - points(i, c) > 0;
    if (!inside) continue;
    for (Index c = 0; c < d; ++c) gains.push_back(reference[c] - points(i, c));
  }
  return gains;
}

}  // namespace paretokit::detail
