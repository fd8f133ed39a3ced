// Accuracy of an architecture, where nothing is trained:
//
// - AccuracySurrogate: ridge regression (Hoerl and Kennard, Technometrics
//   1970) on one-hot block choices, fitted on a table of (architecture,
//   accuracy) pairs the user measured. The model is additive, accuracy =
//   b + sum_i w[i][choice_i]: one weight per choice per block, the intercept
//   b unpenalized, the weights penalized by lambda |w|^2, solved in closed
//   form (Xc'Xc + lambda I) w = Xc'(y - mean y), Xc the centered one-hot
//   matrix, with Eigen's LDLT. It ranks architectures by what the table says
//   each choice is worth. A choice the table never shows keeps weight 0,
//   which (a block's one-hot columns summing to 1, the penalty spreading its
//   weights around 0) is about the average choice of its block: the
//   surrogate knows nothing about it.
// - capacity_proxy: with no table, a documented stand-in that is NOT an
//   accuracy: the sum over non-zero searchable blocks of log2(expand * k^2)
//   (deeper, wider and larger-kernel networks score higher). It only orders
//   architectures by capacity, as a stand-in for "bigger tends to be more
//   accurate" in this space.
//
// Accuracy table file:
//   {"architectures": [{"arch": "3x3_MBConv3,...,zero", "accuracy": 74.6}, ...]}
// with "arch" in ProxylessSpace::parse_architecture's notation.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "nas/proxyless_space.hpp"
#include "paretokit/core/matrix.hpp"

namespace paretokit::nas {

struct AccuracyRecord {
  std::vector<BlockOp> ops;
  double accuracy = 0;
};

// InputError with file and field on bad rows (unknown block, wrong length,
// a choice the space does not allow, a non-finite accuracy).
std::vector<AccuracyRecord> load_accuracy_table(const std::string& path, const ProxylessSpace& space);

class AccuracySurrogate {
 public:
  // InputError when `records` is empty or lambda is not > 0.
  static AccuracySurrogate fit(const ProxylessSpace& space, const std::vector<AccuracyRecord>& records,
                               double lambda = 1.0);

  double predict(const std::vector<BlockOp>& ops) const;
  double intercept() const { return intercept_; }
  std::size_t records() const { return records_; }
  double lambda() const { return lambda_; }
  // Root-mean-square error on the fitting records.
  double training_rmse() const { return training_rmse_; }

 private:
  std::vector<std::vector<BlockOp>> choices_;  // per block, as in the space
  std::vector<std::size_t> offsets_;           // first weight of each block
  Vector weights_;
  double intercept_ = 0, lambda_ = 1, training_rmse_ = 0;
  std::size_t records_ = 0;
  Vector features(const std::vector<BlockOp>& ops) const;
};

double capacity_proxy(const std::vector<BlockOp>& ops);

}  // namespace paretokit::nas
