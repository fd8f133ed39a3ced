// estimate_hypervolume: exact below the predicted-cost budget, Monte Carlo
// (with a standard error that covers the exact value) above it, none on
// request; and the fixed per-problem reference point.
#include <catch2/catch.hpp>

#include <cmath>

#include "paretokit/core/error.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/indicators/hypervolume_estimate.hpp"
#include "paretokit/indicators/problem_reference.hpp"

using namespace paretokit;

namespace {

// n points on the positive part of the unit sphere in d objectives.
Matrix sphere_front(Index n, Index d, std::uint64_t seed) {
  Rng rng(seed);
  Matrix points(n, d);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < d; ++j) points(i, j) = std::abs(rng.normal()) + 1e-9;
    points.row(i) /= points.row(i).norm();
  }
  return points;
}

class Scaled : public Problem {
 public:
  explicit Scaled(bool knows_nadir) : knows_nadir_(knows_nadir) {}
  std::string name() const override { return "scaled"; }
  Index n_var() const override { return 1; }
  Index n_obj() const override { return 2; }
  Vector lower_bounds() const override { return Vector::Zero(1); }
  Vector upper_bounds() const override { return Vector::Ones(1); }
  void evaluate_into(const MatrixRef&, MatrixMut, MatrixMut) const override {}
  std::optional<Matrix> pareto_front(Index) const override {
    Matrix front(3, 2);
    front << 1, 10, 2, 5, 3, 2;
    return front;
  }
  std::optional<Vector> ideal_point() const override { return Vector::Constant(2, 1.0); }
  std::optional<Vector> nadir_point() const override {
    if (!knows_nadir_) return std::nullopt;
    return (Vector(2) << 3, 12).finished();
  }

 private:
  bool knows_nadir_;
};

}  // namespace

TEST_CASE("hypervolume estimate: the predicted cost grows with n and d") {
  CHECK(predicted_exact_hypervolume_cost(100, 2) < predicted_exact_hypervolume_cost(100, 4));
  CHECK(predicted_exact_hypervolume_cost(100, 4) == 1e4);
  CHECK(predicted_exact_hypervolume_cost(100, 10) == Approx(1e10 * 10));
  CHECK(predicted_exact_hypervolume_cost(1000, 6) > predicted_exact_hypervolume_cost(100, 6));
}

TEST_CASE("hypervolume estimate: exact when cheap, Monte Carlo with a covering error when forced by cost") {
  // The 10-objective case, made small: 60 points of a 10-objective front.
  const Matrix front = sphere_front(60, 10, 3);
  const Vector reference = Vector::Constant(10, 1.1);
  const double exact = hypervolume(front, reference);

  HypervolumeBudget budget;
  budget.max_exact_cost = 1e30;
  HypervolumeEstimate estimate = estimate_hypervolume(front, reference, budget);
  CHECK(estimate.method == "exact");
  CHECK(estimate.value == exact);
  CHECK(estimate.standard_error == 0);

  budget.max_exact_cost = 1;  // the predicted-cost path, forced
  budget.max_monte_carlo_cost = 60.0 * 10 * 20000;
  estimate = estimate_hypervolume(front, reference, budget);
  CHECK(estimate.method == "monte_carlo");
  CHECK(estimate.samples == 20000);
  CHECK(estimate.standard_error > 0);
  CHECK(std::abs(estimate.value - exact) < 4 * estimate.standard_error);
  CHECK(estimate.lower <= estimate.value);
  CHECK(estimate.upper >= estimate.value);
  CHECK(to_json(estimate)["method"] == "monte_carlo");
  CHECK(to_json(estimate)["confidence_interval"].size() == 2);

  // The sample count is bounded below and above whatever the budget.
  budget.max_monte_carlo_cost = 1;
  CHECK(estimate_hypervolume(front, reference, budget).samples == budget.min_samples);

  budget.method = HypervolumeMethod::exact;
  CHECK(estimate_hypervolume(front, reference, budget).value == exact);
  budget.method = HypervolumeMethod::none;
  estimate = estimate_hypervolume(front, reference, budget);
  CHECK(estimate.method == "none");
  CHECK(to_json(estimate)["value"].is_null());
}

TEST_CASE("hypervolume estimate: the method names of --summary-hv") {
  CHECK(parse_hypervolume_method("auto", "--summary-hv") == HypervolumeMethod::automatic);
  CHECK(parse_hypervolume_method("approx", "--summary-hv") == HypervolumeMethod::monte_carlo);
  CHECK(parse_hypervolume_method("none", "--summary-hv") == HypervolumeMethod::none);
  CHECK_THROWS_AS(parse_hypervolume_method("fast", "--summary-hv"), UsageError);
}

TEST_CASE("fixed reference: the problem's ideal and nadir, else its front's bounds") {
  auto reference = fixed_hypervolume_reference(Scaled(true));
  REQUIRE(reference);
  CHECK(reference->point(0) == Approx(1 + 1.1 * 2));
  CHECK(reference->point(1) == Approx(1 + 1.1 * 11));
  CHECK(reference->source.find("ideal and nadir") != std::string::npos);
  reference = fixed_hypervolume_reference(Scaled(false));
  REQUIRE(reference);
  CHECK(reference->point(0) == Approx(1 + 1.1 * 2));
  CHECK(reference->point(1) == Approx(1 + 1.1 * 9));  // the front's worst f2 is 10
  CHECK(reference->source.find("problem ideal and Pareto front") != std::string::npos);
}
