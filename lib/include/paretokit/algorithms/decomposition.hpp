// Scalarizing functions of decomposition-based algorithms (Zhang and Li
// 2007, MOEA/D, section II): row i of F is scored against weight row i of W
// and the ideal point z. Whole-matrix, O(n m).
//
//   Tchebycheff  g = max_j w_j |f_j - z_j|   (a zero weight counts as 1e-6,
//                                             as in Zhang and Li's code)
//   PBI          g = d1 + theta d2, with d1 = (f - z) . w / |w| and
//                d2 = |f - z - d1 w / |w||   (theta = 5 by default)
#pragma once

#include <string>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

enum class Decomposition { tchebycheff, pbi };
Decomposition decomposition_from_string(const std::string& name);  // "tchebycheff", "pbi"
const char* to_string(Decomposition decomposition);

Vector tchebycheff(const MatrixRef& F, const MatrixRef& W, const VectorRef& ideal);
// The weights tchebycheff() multiplies by: W with every zero read as 1e-6.
Matrix tchebycheff_weights(const MatrixRef& W);
Vector pbi(const MatrixRef& F, const MatrixRef& W, const VectorRef& ideal, double theta = 5.0);

// Either of the above.
Vector decompose(Decomposition kind, const MatrixRef& F, const MatrixRef& W, const VectorRef& ideal,
                 double theta = 5.0);

}  // namespace paretokit
