#include "nas/accuracy.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/Cholesky>

#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"

namespace paretokit::nas {

std::vector<AccuracyRecord> load_accuracy_table(const std::string& path, const ProxylessSpace& space) {
  const nlohmann::json document = read_json_file(path);
  if (!document.is_object() || !document.contains("architectures") || !document["architectures"].is_array() ||
      document["architectures"].empty()) {
    throw InputError("missing or not a non-empty array", Location(path, 0, "architectures"));
  }
  std::vector<AccuracyRecord> records;
  const auto& rows = document["architectures"];
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string at = "architectures[" + std::to_string(i) + "]";
    const auto& row = rows[i];
    if (!row.is_object() || !row.contains("arch") || !row["arch"].is_string()) {
      throw InputError("missing or not a string", Location(path, 0, at + ".arch"));
    }
    if (!row.contains("accuracy") || !row["accuracy"].is_number() ||
        !std::isfinite(row["accuracy"].get<double>())) {
      throw InputError("missing or not a finite number", Location(path, 0, at + ".accuracy"));
    }
    AccuracyRecord record;
    try {
      record.ops = space.parse_architecture(row["arch"].get<std::string>(), Location(path, 0, at + ".arch"));
    } catch (const InputError& error) {
      // Keep the file and row whatever part of the parse complained.
      throw InputError(error.reason() + (error.where().field.empty() || error.where().file == path
                                             ? std::string()
                                             : " (" + error.where().field + ")"),
                       Location(path, 0, at + ".arch"));
    }
    record.accuracy = row["accuracy"].get<double>();
    records.push_back(std::move(record));
  }
  return records;
}

Vector AccuracySurrogate::features(const std::vector<BlockOp>& ops) const {
  Vector x = Vector::Zero(weights_.size());
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const auto& choices = choices_[i];
    const auto c =
        static_cast<std::size_t>(std::find(choices.begin(), choices.end(), ops[i]) - choices.begin());
    x(static_cast<Index>(offsets_[i] + c)) = 1.0;
  }
  return x;
}

AccuracySurrogate AccuracySurrogate::fit(const ProxylessSpace& space,
                                         const std::vector<AccuracyRecord>& records, double lambda) {
  if (records.empty()) throw InputError("no (architecture, accuracy) pairs to fit");
  if (!(lambda > 0) || !std::isfinite(lambda)) {
    throw UsageError("must be > 0", Location::of_field("--ridge-lambda"));
  }
  AccuracySurrogate model;
  model.lambda_ = lambda;
  model.records_ = records.size();
  std::size_t width = 0;
  for (Index i = 0; i < space.n_blocks(); ++i) {
    model.offsets_.push_back(width);
    model.choices_.push_back(space.choices(i));
    width += space.choices(i).size();
  }
  model.weights_ = Vector::Zero(static_cast<Index>(width));
  const auto n = static_cast<Index>(records.size());
  Matrix X(n, static_cast<Index>(width));
  Vector y(n);
  for (Index r = 0; r < n; ++r) {
    X.row(r) = model.features(records[static_cast<std::size_t>(r)].ops).transpose();
    y(r) = records[static_cast<std::size_t>(r)].accuracy;
  }
  // Centering X and y leaves the intercept out of the penalty.
  const RowVector x_mean = X.colwise().mean();
  model.intercept_ = y.mean();
  const Matrix Xc = X.rowwise() - x_mean;
  const Vector yc = y.array() - model.intercept_;
  Matrix normal = Xc.transpose() * Xc;
  normal.diagonal().array() += lambda;
  model.weights_ = normal.ldlt().solve(Xc.transpose() * yc);
  model.intercept_ -= x_mean.dot(model.weights_);
  const Vector residual = (X * model.weights_).array() + model.intercept_ - y.array();
  model.training_rmse_ = std::sqrt(residual.squaredNorm() / static_cast<double>(n));
  return model;
}

double AccuracySurrogate::predict(const std::vector<BlockOp>& ops) const {
  return intercept_ + features(ops).dot(weights_);
}

double capacity_proxy(const std::vector<BlockOp>& ops) {
  double score = 0;
  for (const BlockOp& op : ops) {
    if (!op.is_zero()) score += std::log2(static_cast<double>(op.expand) * op.kernel * op.kernel);
  }
  return score;
}

}  // namespace paretokit::nas
