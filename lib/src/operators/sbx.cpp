// Simulated binary crossover (Deb and Agrawal 1995), bounded form with
// pymoo's semantics (see operators/sbx.hpp). O(n d).
#include "paretokit/operators/sbx.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

void check_probability(double p, const char* field) {
  if (!(p >= 0.0 && p <= 1.0)) throw InputError("must be a probability in [0, 1]", Location::of_field(field));
}

// The spread factor of SBX for a child whose parent lies `beta` away from
// its bound (in units of half the parents' distance).
//
// alpha = 2 - beta^-(eta+1) is exactly 2.0 once beta^-(eta+1) <= 2^-53 (half
// an ulp of 2, the tie going to the even 2.0). From `far` = 2^(55/(eta+1))
// on, beta^-(eta+1) <= 2^-55, and pow() (within an ulp) stays far below
// 2^-53: alpha is 2.0 without calling it. Parents close together (beta
// large) are the common case once a population converges.
double spread(double beta, double eta, double u, double far) {
  const double alpha = beta >= far ? 2.0 : 2.0 - std::pow(beta, -(eta + 1.0));
  if (u <= 1.0 / alpha) return std::pow(u * alpha, 1.0 / (eta + 1.0));
  return std::pow(1.0 / (2.0 - u * alpha), 1.0 / (eta + 1.0));
}

double far_beta(double eta) { return std::exp2(55.0 / (eta + 1.0)); }

void check_shapes(const MatrixRef& first, const MatrixRef& second, const VectorRef& lower,
                  const VectorRef& upper) {
  if (first.rows() != second.rows() || first.cols() != second.cols() || first.cols() != lower.size() ||
      lower.size() != upper.size())
    throw InputError("SBX parents and bounds have mismatched shapes", Location::of_field("parents"));
}

// The children of one variable of a crossing pair: the one below the
// parents' mean uses the lower bound's spread, the one above the upper's.
double lower_child(double y1, double y2, double xl, double eta, double u, double far) {
  const double delta = y2 - y1;
  return 0.5 * ((y1 + y2) - spread(1.0 + 2.0 * (y1 - xl) / delta, eta, u, far) * delta);
}
double upper_child(double y1, double y2, double xu, double eta, double u, double far) {
  const double delta = y2 - y1;
  return 0.5 * ((y1 + y2) + spread(1.0 + 2.0 * (xu - y2) / delta, eta, u, far) * delta);
}

constexpr double too_close = 1e-14;

// From this many pairs on, sbx() computes the children in parallel.
constexpr Index parallel_pairs = 2048;

// SBX's draws, in the order both operators consume them: one per pair
// against prob, then three per variable of a crossing pair (cross, u, swap),
// whatever crosses, so that the stream does not depend on which variables
// cross. Calls cross(i, j, u, swapped) for each variable that crosses. As in
// Deb's code and pymoo, one uniform number u sets the spread of both
// children, so that away from the bounds they lie symmetric about the
// parents' midpoint.
template <class Cross>
void draw_crossings(const MatrixRef& first, const MatrixRef& second, const VectorRef& lower,
                    const VectorRef& upper, const SbxOptions& options, Rng& rng, Cross cross) {
  for (Index i = 0; i < first.rows(); ++i) {
    if (!(rng.uniform() < options.prob)) continue;
    for (Index j = 0; j < first.cols(); ++j) {
      const double cross_draw = rng.uniform();
      const double u = rng.uniform();
      const double swap_draw = rng.uniform();
      if (!(cross_draw < options.prob_var) || std::abs(first(i, j) - second(i, j)) <= too_close ||
          lower[j] == upper[j])
        continue;
      cross(i, j, u, swap_draw < options.prob_bin);
    }
  }
}

}  // namespace

void validate(const SbxOptions& options) {
  if (!(options.eta >= 0.0) || !std::isfinite(options.eta))
    throw InputError("SBX distribution index must be finite and >= 0", Location::of_field("eta_c"));
  check_probability(options.prob, "prob_c");
  check_probability(options.prob_var, "prob_var");
  check_probability(options.prob_bin, "prob_bin");
}

Matrix sbx(const MatrixRef& first, const MatrixRef& second, const VectorRef& lower, const VectorRef& upper,
           const SbxOptions& options, Rng& rng) {
  validate(options);
  check_shapes(first, second, lower, upper);
  const Index n = first.rows();
  const Index d = first.cols();
  const double far = far_beta(options.eta);
  Matrix children(2 * n, d);
  children.topRows(n) = first;
  children.bottomRows(n) = second;
  auto cross = [&](Index i, Index j, double u, bool swapped) {
    const double a = first(i, j), b = second(i, j);
    const double xl = lower[j], xu = upper[j];
    const double y1 = std::min(a, b), y2 = std::max(a, b);
    double c1 = lower_child(y1, y2, xl, options.eta, u, far);
    double c2 = upper_child(y1, y2, xu, options.eta, u, far);
    if (swapped) std::swap(c1, c2);
    children(i, j) = std::clamp(c1, xl, xu);
    children(n + i, j) = std::clamp(c2, xl, xu);
  };
  if (n < parallel_pairs) {
    draw_crossings(first, second, lower, upper, options, rng, cross);
    return children;
  }
  // Large batches: one sequential pass notes the crossing pairs and the
  // generator's state at their first variable draw (the stream advances
  // exactly as in draw_crossings); the spreads (pow calls, most of the
  // cost) then run in parallel, each pair replaying its own draws. The
  // children are the same whatever the thread count.
  struct Start {
    Index i;
    Rng::State state;
  };
  std::vector<Start> starts;
  for (Index i = 0; i < n; ++i) {
    if (!(rng.uniform() < options.prob)) continue;
    starts.push_back({i, rng.state()});
    for (Index t = 0; t < 3 * d; ++t) rng.next();
  }
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, starts.size(), 512),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      Rng local;
                      for (std::size_t s = range.begin(); s < range.end(); ++s) {
                        const Index i = starts[s].i;
                        local.set_state(starts[s].state);
                        for (Index j = 0; j < d; ++j) {
                          const double cross_draw = local.uniform();
                          const double u = local.uniform();
                          const double swap_draw = local.uniform();
                          if (!(cross_draw < options.prob_var) ||
                              std::abs(first(i, j) - second(i, j)) <= too_close || lower[j] == upper[j])
                            continue;
                          cross(i, j, u, swap_draw < options.prob_bin);
                        }
                      }
                    });
  return children;
}

Matrix sbx_one_child(const MatrixRef& first, const MatrixRef& second, const VectorRef& lower,
                     const VectorRef& upper, const SbxOptions& options, Rng& rng) {
  validate(options);
  check_shapes(first, second, lower, upper);
  const Index n = first.rows();
  const Index d = first.cols();
  // sbx()'s draws, in its order, noting the variables that cross; then the
  // choices of child (drawn after them, as by sbx()'s caller); then the kept
  // child of each noted variable only.
  struct Crossing {
    Index i, j;
    double u;
    bool swapped;
  };
  std::vector<Crossing> crossings;
  crossings.reserve(static_cast<std::size_t>(n * d));
  draw_crossings(first, second, lower, upper, options, rng, [&](Index i, Index j, double u, bool swapped) {
    crossings.push_back({i, j, u, swapped});
  });
  const double far = far_beta(options.eta);
  Matrix children(n, d);
  std::vector<bool> first_child(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) {
    first_child[static_cast<std::size_t>(i)] = rng.bernoulli(0.5);
    children.row(i) = first_child[static_cast<std::size_t>(i)] ? first.row(i) : second.row(i);
  }
  for (const Crossing& c : crossings) {
    const double a = first(c.i, c.j), b = second(c.i, c.j);
    const double xl = lower[c.j], xu = upper[c.j];
    const double y1 = std::min(a, b), y2 = std::max(a, b);
    // sbx(): the first child is c1 (the lower one) unless swapped.
    const bool lower_one = first_child[static_cast<std::size_t>(c.i)] != c.swapped;
    children(c.i, c.j) = std::clamp(lower_one ? lower_child(y1, y2, xl, options.eta, c.u, far)
                                              : upper_child(y1, y2, xu, options.eta, c.u, far),
                                    xl, xu);
  }
  return children;
}

}  // namespace paretokit
