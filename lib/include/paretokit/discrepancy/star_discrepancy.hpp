// Star discrepancy of a point set in the unit cube.
//
//   D*(P) = sup over q in [0,1]^d of | vol([0,q)) - |P ∩ [0,q)| / n |
//
// taken over open boxes [0,q) and closed boxes [0,q] alike: the supremum is
// reached either by an open box that holds too few points (vol - count/n) or
// by a closed box that holds too many (count/n - vol), with every q_j a point
// coordinate or 1.
//
// Entry points:
//   star_discrepancy_exact()   Dobkin, Eppstein and Mitchell (1996), "Computing
//                              the discrepancy with applications to supersampling
//                              patterns", O(n^(1 + d/2)), parallel with oneTBB.
//   star_discrepancy_bounds()  a lower bound by threshold accepting (Gnewuch,
//                              Wahlström and Winzen 2012) and an upper bound by
//                              bracketing on a uniform grid, for when exact is out
//                              of reach.
//   star_discrepancy()         exact when the estimated work is below a budget,
//                              bounds otherwise; the result says which.
//
// Points must lie in [0,1]^d (check_unit_cube() throws InputError otherwise);
// normalize_columns() maps each column min-max onto [0,1] first.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit::discrepancy {

// The box that attains (or, for bounds, witnesses) the discrepancy.
struct Box {
  Vector upper;         // the corner q of [0,q) or [0,q]; empty for an empty point set
  bool closed = false;  // true: [0,q] holds too many points; false: [0,q) too few
  double volume = 0.0;  // prod q_j
  Index count = 0;      // points in the box (open or closed, as `closed` says)
};

struct StarDiscrepancyResult {
  double value = 0.0;  // D*: exact, or the lower bound when exact == false
  bool exact = true;
  double lower = 0.0;  // bounds on D* (both equal `value` when exact)
  double upper = 0.0;
  Box worst_box;                     // a box with local discrepancy == lower
  std::uint64_t boxes_examined = 0;  // cells (exact) or box evaluations (bounds)
  double seconds = 0.0;
};

struct ExactOptions {
  // Threads: 0 lets oneTBB decide. The value and the worst box do not depend on it.
  int threads = 0;
  // Slab width of the DEM decomposition, in points: 0 means ceil(sqrt(n)),
  // the choice of the paper. Only the speed depends on it.
  Index slab_points = 0;
};

// Exact D* by the Dobkin-Eppstein-Mitchell decomposition: each dimension in
// turn is cut into slabs at the coordinates of already "forced" points and at
// every slab_points-th remaining point; in each resulting cell the box count is
// a sum of one-dimensional counts, so the extreme boxes follow from a dynamic
// program over the forced points. Time O(n^(1 + d/2)), memory O(n d) per thread.
// Ties between equal worst boxes are broken by cell order, so the box is the
// same for every thread count.
StarDiscrepancyResult star_discrepancy_exact(const MatrixRef& points, const ExactOptions& options = {});

struct BoundsOptions {
  std::uint64_t seed = 0;
  // Threshold accepting: independent runs (parallel, one Rng stream each) and
  // iterations per run.
  int runs = 8;
  int iterations_per_run = 20000;
  // Upper bound: a grid of m^d cells, m as large as keeps m^d <= grid_cells.
  std::uint64_t grid_cells = 1u << 22;
  int threads = 0;  // 0: oneTBB decides; the results do not depend on it
};

// Lower bound (threshold accepting over grid boxes with snapping to critical
// boxes, GWW 2012) and upper bound (bracketing: for grid points a <= q <= b,
// count(a)/n - vol(b) <= local discrepancy <= ..., cf. Thiémard 2001) on D*.
// The result has exact == false unless the two bounds meet.
StarDiscrepancyResult star_discrepancy_bounds(const MatrixRef& points, const BoundsOptions& options = {});

struct StarDiscrepancyOptions {
  // Use the exact algorithm when n^(1 + d/2) <= exact_work_limit.
  double exact_work_limit = 2e11;
  ExactOptions exact;
  BoundsOptions bounds;
};

StarDiscrepancyResult star_discrepancy(const MatrixRef& points, const StarDiscrepancyOptions& options = {});

// Local discrepancy of the open box [0,q) (vol - count/n) and of the closed
// box [0,q] (count/n - vol). O(n d).
double open_box_discrepancy(const MatrixRef& points, const VectorRef& q);
double closed_box_discrepancy(const MatrixRef& points, const VectorRef& q);

// Throws InputError naming `source` and the 1-based row (or lines[row] when
// given) of the first point with a coordinate outside [0,1] or not finite.
void check_unit_cube(const MatrixRef& points, const std::string& source,
                     const std::vector<std::size_t>& lines = {});

// Min-max normalization of every column onto [0,1]; a constant column maps to 0.
Matrix normalize_columns(const MatrixRef& points);

}  // namespace paretokit::discrepancy
