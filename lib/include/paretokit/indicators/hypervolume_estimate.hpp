// A hypervolume whose cost is bounded whatever the front: the exact value
// when its predicted cost fits the budget, otherwise a Monte Carlo estimate
// with its standard error and confidence interval, its sample count also
// sized to the budget. Used by summary.json, the run report and the bench
// report, so that none of them can run for minutes on a large front of many
// objectives (10 objectives, 300,000 points: the exact WFG recursion would
// take hours).
//
// Predicted cost, in point-coordinate operations, of the exact algorithms on
// n points inside the reference box in d objectives (their worst cases, which
// the fronts of real runs approach in many objectives):
//   d <= 3: n log2 n       d = 4: n^2       d >= 5 (WFG): n^(d/2) d
// and of Monte Carlo: samples x n x d.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

enum class HypervolumeMethod {
  automatic,    // exact when its predicted cost fits max_exact_cost, else Monte Carlo
  exact,        // always exact (may take very long)
  monte_carlo,  // always Monte Carlo
  none,         // not computed
};

// "auto", "exact", "approx" (Monte Carlo) or "none" -> the method; throws
// UsageError naming `option` for anything else.
HypervolumeMethod parse_hypervolume_method(const std::string& text, const std::string& option);

struct HypervolumeBudget {
  HypervolumeMethod method = HypervolumeMethod::automatic;
  double max_exact_cost = 1e9;        // about a second on one core
  double max_monte_carlo_cost = 1e9;  // samples = clamp(this / (n d), min_samples, max_samples)
  std::uint64_t min_samples = 1000;
  std::uint64_t max_samples = 1'000'000;
  std::uint64_t seed = 0;  // Monte Carlo: same seed, same estimate
};

struct HypervolumeEstimate {
  std::string method;           // "exact", "monte_carlo" or "none"
  double value = 0;             // NaN for "none"
  double standard_error = 0;    // 0 when exact
  double lower = 0, upper = 0;  // 95% interval (the value twice when exact)
  std::uint64_t samples = 0;    // Monte Carlo samples
  double predicted_exact_cost = 0;
};

// The predicted cost above, for n points in d objectives.
double predicted_exact_hypervolume_cost(Index n, Index d);

// Errors as hypervolume(). Points need not be non-dominated (the cost counts
// every point inside the reference box, an upper bound).
HypervolumeEstimate estimate_hypervolume(const MatrixRef& points, const VectorRef& reference,
                                         const HypervolumeBudget& budget = {});

// {"method", "value", and for Monte Carlo "standard_error",
//  "confidence_interval" [lower, upper], "confidence" 0.95, "samples"}.
nlohmann::json to_json(const HypervolumeEstimate& estimate);

}  // namespace paretokit
