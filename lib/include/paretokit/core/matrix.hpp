// Matrix and vector aliases used across paretokit.
//
// Populations are row-major: one row per candidate, one column per variable or
// objective, so that a candidate is a contiguous row and a block of rows can
// be handed to a thread, a process or a GPU without copying.
#pragma once

#include <Eigen/Core>

namespace paretokit {

using Index = Eigen::Index;
using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vector = Eigen::VectorXd;
using RowVector = Eigen::RowVectorXd;
using IndexVector = Eigen::Matrix<Index, Eigen::Dynamic, 1>;

// Read-only view of a matrix, a block of rows or a mapped buffer, without copies.
using MatrixRef = Eigen::Ref<const Matrix>;
// Writable view, e.g. the rows of an output matrix that one thread fills.
using MatrixMut = Eigen::Ref<Matrix>;
using VectorRef = Eigen::Ref<const Vector>;

}  // namespace paretokit
