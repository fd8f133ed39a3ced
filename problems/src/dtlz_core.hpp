// The building blocks of the DTLZ family (Deb, Thiele, Laumanns and Zitzler
// 2005, "Scalable test problems for evolutionary multiobjective
// optimization"), shared by dtlz.cpp and constrained_dtlz.cpp. Conventions as
// in pymoo (pymoo/problems/many/dtlz.py): x = (x_1..x_{m-1}, x_M) with x_M
// the last k = n_var - m + 1 variables.
#pragma once

#include "paretokit/problems/batch_problem.hpp"

namespace paretokit::problems::detail {

// g1 (DTLZ1, DTLZ3): 100 (k + sum_{x in x_M} ((x - 0.5)^2 - cos(20 pi (x - 0.5)))).
Column dtlz_g_rastrigin(const Block& x, Index first);
// g2 (DTLZ2, DTLZ4, DTLZ5): sum_{x in x_M} (x - 0.5)^2.
Column dtlz_g_sphere(const Block& x, Index first);

// DTLZ1's linear objectives: f_i = 0.5 (1 + g) prod_{j < m-1-i} x_j (1 - x_{m-1-i} for i > 0).
void dtlz_linear_objectives(const Block& x, const Column& g, Block& f);
// The spherical objectives of DTLZ2-6 from angles theta (columns 0..m-2, in
// [0,1]): f_i = (1 + g) prod_{j < m-1-i} cos(theta_j pi/2) (sin(theta_{m-1-i} pi/2) for i > 0).
void dtlz_spherical_objectives(const Block& theta, const Column& g, Block& f);

// Points of the unit simplex (about n of them) scaled to the DTLZ1 front (0.5 w)
// and projected on the unit sphere (w / |w|).
Matrix dtlz_linear_front(Index m, Index n);
Matrix dtlz_spherical_front(Index m, Index n);

}  // namespace paretokit::problems::detail
