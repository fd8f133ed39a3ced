// Indicators of a point set A (rows of `points`) against a reference set Z
// (e.g. the true front), minimization, Euclidean distances:
//
//   gd(A, Z)       = 1/|A| sum_{a in A} min_{z in Z} ||a - z||
//                    (Van Veldhuizen and Lamont 1998, with p = 1 as pymoo
//                    and moocore compute it);
//   igd(A, Z)      = 1/|Z| sum_{z in Z} min_{a in A} ||a - z||
//                    (Coello and Reyes Sierra 2004);
//   igd_plus(A, Z) = 1/|Z| sum_{z in Z} min_{a in A} ||max(a - z, 0)||
//                    (Ishibuchi, Masuda, Tanigaki, Nojima 2015: only the
//                    amounts by which a is worse than z count, so IGD+ is
//                    weakly Pareto compliant);
//   additive_epsilon(A, Z) = max_{z in Z} min_{a in A} max_j (a_j - z_j)
//                    (Zitzler, Thiele, Laumanns, Fonseca, Grunert da Fonseca
//                    2003): the smallest eps such that every z is weakly
//                    dominated by some a shifted by -eps.
//
// Cost O(|A| |Z| m) time and O(|A| + |Z|) memory: no distance matrix. Large
// inputs are split over threads (oneTBB) by rows; each row's minimum is
// computed by one thread and the sums are added in row order, so the value
// does not depend on the number of threads.
//
// Errors (InputError): different numbers of columns, an empty reference set,
// NaN or infinite values. An empty `points` set gives +infinity for igd,
// igd_plus and additive_epsilon (nothing approximates Z) and an InputError
// for gd (a mean over no points).
#pragma once

#include "paretokit/core/matrix.hpp"

namespace paretokit {

double gd(const MatrixRef& points, const MatrixRef& reference_set);   // mean distance to the reference set
double igd(const MatrixRef& points, const MatrixRef& reference_set);  // mean distance from the reference set
// igd() to the last bit, faster on a small front against a large reference
// set (a run's ~10^2 points against a true front of 10^4): serial, the
// front sorted by its first objective and each reference point's search
// pruned by that objective's term (igd_sorted.cpp). Same errors as igd().
double igd_sorted(const MatrixRef& points, const MatrixRef& reference_set);
double igd_plus(const MatrixRef& points,
                const MatrixRef& reference_set);  // IGD with dominance-aware distance
double additive_epsilon(const MatrixRef& points, const MatrixRef& reference_set);

}  // namespace paretokit
