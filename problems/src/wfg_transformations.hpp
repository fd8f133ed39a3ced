// The transformation, reduction and shape functions of the WFG toolkit
// (Huband, Hingston, Barone and While 2006, "A review of multiobjective test
// problems and a scalable test problem toolkit", IEEE TEVC 10(5), section
// VIII), on whole columns (one entry per candidate). Every result is passed
// through correct_to_01 as in pymoo (pymoo/problems/many/wfg.py): values
// within 1e-10 outside [0, 1] are clamped onto it.
#pragma once

#include "paretokit/problems/batch_problem.hpp"

namespace paretokit::problems::detail::wfg {

Column correct_to_01(const Column& y);

// Shift transformations.
Column shift_linear(const Column& y, double A);                           // s_linear
Column shift_deceptive(const Column& y, double A, double B, double C);    // s_decept
Column shift_multi_modal(const Column& y, double A, double B, double C);  // s_multi

// Bias transformations.
Column bias_poly(const Column& y, double alpha);                                    // b_poly
Column bias_flat(const Column& y, double A, double B, double C);                    // b_flat
Column bias_param(const Column& y, const Column& u, double A, double B, double C);  // b_param

// Reductions over the columns [first, first + count) of y.
Column reduction_weighted_sum(const Block& y, Index first, Index count, const Eigen::ArrayXd& weights);
Column reduction_mean(const Block& y, Index first, Index count);  // r_sum with equal weights
Column reduction_non_sep(const Block& y, Index first, Index count, Index A);

// Shapes h_1..h_M of the positions x (M-1 columns), m in 1..M.
Column shape_linear(const Block& x, Index m);
Column shape_convex(const Block& x, Index m);
Column shape_concave(const Block& x, Index m);
Column shape_mixed(const Column& x1, double alpha, double A);
Column shape_disconnected(const Column& x1, double alpha, double beta, double A);

}  // namespace paretokit::problems::detail::wfg
