// The bit-width search as a Problem for the evolutionary algorithms: one
// ordinal variable per group (bit_width_search.hpp) whose values are the
// bit-widths, the chosen measures as objectives in reported units (MB,
// GBOPs, ...), and one constraint per budget, (raw - limit) / (all-8-bit -
// all-4-bit), feasible when <= 0.
//
// Where the exact frontier is known (set_reference_front), pareto_front()
// returns it and ideal/nadir come from it, so that a run's summary.json
// reports IGD and a hypervolume with the nadir x 1.1 reference against it.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "paretokit/core/problem.hpp"
#include "paretokit/quantization/bit_width_search.hpp"
#include "paretokit/quantization/budget.hpp"

namespace paretokit::quantization {

class QuantizationProblem : public Problem {
 public:
  QuantizationProblem(std::shared_ptr<const BitWidthSearch> search, std::vector<Measure> objectives,
                      std::vector<Budget> budgets = {});

  std::string name() const override { return "quantize"; }
  Index n_var() const override { return search_->n_groups(); }
  Index n_obj() const override { return static_cast<Index>(objectives_.size()); }
  Index n_constr() const override { return static_cast<Index>(budgets_.size()); }
  Vector lower_bounds() const override;
  Vector upper_bounds() const override;
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const override;
  std::optional<SearchSpace> search_space() const override { return space_; }
  nlohmann::json params() const override;

  std::optional<Matrix> pareto_front(Index n) const override;
  std::optional<Vector> ideal_point() const override;
  std::optional<Vector> nadir_point() const override;

  // The true front in reported units (n x n_obj), e.g. the exact frontier.
  void set_reference_front(Matrix front) { reference_front_ = std::move(front); }

  const BitWidthSearch& search() const { return *search_; }
  const std::vector<Measure>& objectives() const { return objectives_; }
  const std::vector<Budget>& budgets() const { return budgets_; }

  // A value-form row (bits per group) -> choice indices; InputError when a
  // value is not one of the bit-widths.
  std::vector<int> choice_of_row(const Eigen::Ref<const RowVector>& x) const;
  // Choice indices -> a value-form row.
  RowVector row_of_choice(const std::vector<int>& choice) const;
  // Reported objective values of a configuration.
  RowVector objective_values(const std::vector<int>& choice) const;

 private:
  std::shared_ptr<const BitWidthSearch> search_;
  std::vector<Measure> objectives_;
  std::vector<Budget> budgets_;
  std::vector<double> limits_, spans_;  // per budget, raw
  SearchSpace space_;
  std::optional<Matrix> reference_front_;
};

}  // namespace paretokit::quantization
