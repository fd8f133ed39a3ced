// CommandProblem: a user's program as a Problem. The variables come from a
// SearchSpace, the objectives and constraints are named keys of the result
// the program reports (see process_evaluator.hpp, which runs it).
//
//   --objectives accuracy:max,latency_ms:min    (":min" may be left out)
//   --constraints 'memory_mb<=512,accuracy>=0.5'
//
// The library minimizes: a maximized objective is negated on the way in
// (f = -accuracy) and its reported values keep the program's sign in the
// trial folders. A constraint "name <= b" becomes g = value - b, "name >= b"
// g = b - value (feasible when g <= 0, as everywhere).
#pragma once

#include <string>
#include <vector>

#include "paretokit/core/problem.hpp"
#include "paretokit/core/search_space.hpp"

namespace paretokit {

struct ObjectiveSpec {
  std::string name;
  bool maximize = false;
};

struct ConstraintSpec {
  std::string name;
  bool at_most = true;  // name <= bound (false: name >= bound)
  double bound = 0.0;
};

// "a:max,b:min,c" -> specs. Errors name `flag` (e.g. "--objectives").
std::vector<ObjectiveSpec> parse_objectives(const std::string& text, const std::string& flag);
// "m<=512,acc>=0.5" -> specs.
std::vector<ConstraintSpec> parse_constraints(const std::string& text, const std::string& flag);

class CommandProblem final : public Problem {
 public:
  CommandProblem(SearchSpace space, std::vector<ObjectiveSpec> objectives,
                 std::vector<ConstraintSpec> constraints);

  std::string name() const override { return "command"; }
  Index n_var() const override { return space_.size(); }
  Index n_obj() const override { return static_cast<Index>(objectives_.size()); }
  Index n_constr() const override { return static_cast<Index>(constraints_.size()); }
  Vector lower_bounds() const override { return space_.lower_bounds(); }
  Vector upper_bounds() const override { return space_.upper_bounds(); }
  std::optional<SearchSpace> search_space() const override { return space_; }
  nlohmann::json params() const override;

  // A command runs through a ProcessEvaluator, never in-process: throws.
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const override;

  const SearchSpace& space() const { return space_; }
  const std::vector<ObjectiveSpec>& objectives() const { return objectives_; }
  const std::vector<ConstraintSpec>& constraints() const { return constraints_; }

  // The program's values (by name) as the library's f and g; false (with
  // the reason in `problem`) when a name is absent or not a finite number.
  bool values_to_row(const nlohmann::json& values, RowVector& f, RowVector& g, std::string& problem) const;

 private:
  SearchSpace space_;
  std::vector<ObjectiveSpec> objectives_;
  std::vector<ConstraintSpec> constraints_;
};

}  // namespace paretokit
