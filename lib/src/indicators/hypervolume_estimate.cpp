// estimate_hypervolume: exact or Monte Carlo by predicted cost (see the header).
#include "paretokit/indicators/hypervolume_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "paretokit/core/error.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/indicators/monte_carlo_hypervolume.hpp"

namespace paretokit {

HypervolumeMethod parse_hypervolume_method(const std::string& text, const std::string& option) {
  if (text == "auto") return HypervolumeMethod::automatic;
  if (text == "exact") return HypervolumeMethod::exact;
  if (text == "approx" || text == "monte_carlo") return HypervolumeMethod::monte_carlo;
  if (text == "none") return HypervolumeMethod::none;
  throw UsageError("'" + text + "' is not one of auto, exact, approx, none", Location::of_field(option));
}

double predicted_exact_hypervolume_cost(Index n, Index d) {
  const double points = static_cast<double>(std::max<Index>(n, 1));
  if (d <= 3) return points * std::max(1.0, std::log2(points));
  if (d == 4) return points * points;
  return std::pow(points, static_cast<double>(d) / 2.0) * static_cast<double>(d);
}

HypervolumeEstimate estimate_hypervolume(const MatrixRef& points, const VectorRef& reference,
                                         const HypervolumeBudget& budget) {
  HypervolumeEstimate estimate;
  if (budget.method == HypervolumeMethod::none) {
    estimate.method = "none";
    estimate.value = estimate.lower = estimate.upper = std::numeric_limits<double>::quiet_NaN();
    return estimate;
  }
  // Counts the points inside the box (and checks the input as hypervolume() does).
  std::vector<Index> rows;
  detail::points_inside_reference(points, reference, "hypervolume", &rows);
  const Index n = static_cast<Index>(rows.size()), d = reference.size();
  estimate.predicted_exact_cost = predicted_exact_hypervolume_cost(n, d);
  const bool exact =
      budget.method == HypervolumeMethod::exact || (budget.method == HypervolumeMethod::automatic &&
                                                    estimate.predicted_exact_cost <= budget.max_exact_cost);
  if (exact || n == 0) {
    estimate.method = "exact";
    estimate.value = estimate.lower = estimate.upper = n == 0 ? 0.0 : hypervolume(points, reference);
    return estimate;
  }
  const double per_sample = static_cast<double>(n) * static_cast<double>(d);
  const double wanted = std::floor(budget.max_monte_carlo_cost / per_sample);
  MonteCarloHypervolumeOptions options;
  options.samples = static_cast<std::uint64_t>(
      std::clamp(wanted, static_cast<double>(budget.min_samples), static_cast<double>(budget.max_samples)));
  options.seed = budget.seed;
  const MonteCarloHypervolumeResult result =
      monte_carlo_hypervolume(points(rows, Eigen::all), reference, options);
  estimate.method = "monte_carlo";
  estimate.value = result.value;
  estimate.standard_error = result.standard_error;
  estimate.lower = result.lower;
  estimate.upper = result.upper;
  estimate.samples = result.samples;
  return estimate;
}

nlohmann::json to_json(const HypervolumeEstimate& estimate) {
  if (estimate.method == "none") return {{"method", "none"}, {"value", nullptr}};
  nlohmann::json json = {{"method", estimate.method}, {"value", estimate.value}};
  if (estimate.method == "monte_carlo") {
    json["standard_error"] = estimate.standard_error;
    json["confidence_interval"] = {estimate.lower, estimate.upper};
    json["confidence"] = 0.95;
    json["samples"] = estimate.samples;
    json["predicted_exact_cost"] = estimate.predicted_exact_cost;
  }
  return json;
}

}  // namespace paretokit
