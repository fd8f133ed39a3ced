// The bit-width search as a Problem (quantization_problem.hpp).
#include "paretokit/quantization/quantization_problem.hpp"

#include <cmath>

#include "paretokit/core/error.hpp"

namespace paretokit::quantization {

QuantizationProblem::QuantizationProblem(std::shared_ptr<const BitWidthSearch> search,
                                         std::vector<Measure> objectives, std::vector<Budget> budgets)
    : search_(std::move(search)), objectives_(std::move(objectives)), budgets_(std::move(budgets)) {
  if (objectives_.empty())
    throw InputError("needs at least one objective", Location::of_field("--objectives"));
  for (const Measure m : objectives_) {
    if (!search_->has(m)) {
      throw InputError(std::string("the layer table has no data for ") + to_string(m),
                       Location::of_field("--objectives"));
    }
  }
  for (const Budget& budget : budgets_) {
    limits_.push_back(budget_limit(*search_, budget));
    spans_.push_back(search_->uniform_total(8, budget.measure) - search_->uniform_total(4, budget.measure));
    if (!(spans_.back() > 0)) spans_.back() = 1;
  }
  std::vector<double> values(search_->bits().begin(), search_->bits().end());
  for (Index g = 0; g < search_->n_groups(); ++g)
    space_.add_ordinal(search_->group_name(g), values, values.back());
}

Vector QuantizationProblem::lower_bounds() const { return space_.lower_bounds(); }
Vector QuantizationProblem::upper_bounds() const { return space_.upper_bounds(); }

std::vector<int> QuantizationProblem::choice_of_row(const Eigen::Ref<const RowVector>& x) const {
  std::vector<int> choice(static_cast<std::size_t>(x.size()));
  for (Index g = 0; g < x.size(); ++g) {
    const double value = x(g);
    const int c = (std::isfinite(value) && value == std::round(value) && std::abs(value) <= 64)
                      ? search_->choice_of(static_cast<int>(value))
                      : -1;
    if (c < 0) {
      throw InputError("bit-width " + std::to_string(value) + " is not among those searched",
                       Location::of_field(search_->group_name(g)));
    }
    choice[static_cast<std::size_t>(g)] = c;
  }
  return choice;
}

RowVector QuantizationProblem::row_of_choice(const std::vector<int>& choice) const {
  RowVector row(static_cast<Index>(choice.size()));
  for (std::size_t g = 0; g < choice.size(); ++g)
    row(static_cast<Index>(g)) = search_->bits()[static_cast<std::size_t>(choice[g])];
  return row;
}

RowVector QuantizationProblem::objective_values(const std::vector<int>& choice) const {
  RowVector values(n_obj());
  for (Index j = 0; j < n_obj(); ++j) {
    const Measure m = objectives_[static_cast<std::size_t>(j)];
    values(j) = search_->total(choice, m) / report_scale(m);
  }
  return values;
}

void QuantizationProblem::evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const {
  for (Index r = 0; r < X.rows(); ++r) {
    const std::vector<int> choice = choice_of_row(X.row(r));
    F.row(r) = objective_values(choice);
    for (std::size_t b = 0; b < budgets_.size(); ++b) {
      G(r, static_cast<Index>(b)) = (search_->total(choice, budgets_[b].measure) - limits_[b]) / spans_[b];
    }
  }
}

nlohmann::json QuantizationProblem::params() const {
  nlohmann::json objectives = nlohmann::json::array(), budgets = nlohmann::json::array();
  for (const Measure m : objectives_) objectives.push_back(to_string(m));
  for (const Budget& b : budgets_) budgets.push_back(to_string(b));
  return {{"model", search_->table().model},
          {"bits", search_->bits()},
          {"objectives", objectives},
          {"budgets", budgets}};
}

std::optional<Matrix> QuantizationProblem::pareto_front(Index /*n*/) const { return reference_front_; }

std::optional<Vector> QuantizationProblem::ideal_point() const {
  if (!reference_front_ || reference_front_->rows() == 0) return std::nullopt;
  return reference_front_->colwise().minCoeff().transpose();
}

std::optional<Vector> QuantizationProblem::nadir_point() const {
  if (!reference_front_ || reference_front_->rows() == 0) return std::nullopt;
  return reference_front_->colwise().maxCoeff().transpose();
}

}  // namespace paretokit::quantization
