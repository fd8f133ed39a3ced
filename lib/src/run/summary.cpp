#include "paretokit/run/summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "paretokit/indicators/distance_indicators.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/indicators/hypervolume_estimate.hpp"
#include "paretokit/indicators/problem_reference.hpp"
#include "paretokit/io/json_matrix.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"

namespace paretokit {

namespace {

// igd(points, reference) bit for bit, faster for what a summary asks (a
// front of ~10^2 points against a reference front of 10^4). The front is
// sorted by its first objective; for each reference point the search goes
// outwards from its place in that order and stops on each side once the
// first objective's term alone, (z_0 - a_0)^2, reaches the best squared
// distance so far: a skipped point's sum, a sum of non-negative terms, is at
// least that term, so it cannot be smaller than the minimum. Each pair that
// is computed is computed as igd() does (the same differences, summed over
// the objectives in order), the minimum is the same double, and the square
// roots are summed in reference order: the same value. Serial.
double summary_igd(const MatrixRef& points, const MatrixRef& reference) {
  if (points.rows() == 0 || reference.rows() == 0 || points.cols() != reference.cols() || !points.allFinite() ||
      !reference.allFinite()) {
    return igd(points, reference);  // its checks, errors and conventions
  }
  const Index n = points.rows(), m = points.cols();
  std::vector<Index> order(static_cast<std::size_t>(n));
  for (Index c = 0; c < n; ++c) order[static_cast<std::size_t>(c)] = c;
  std::sort(order.begin(), order.end(), [&](Index a, Index b) { return points(a, 0) < points(b, 0); });
  Matrix sorted(n, m);  // contiguous rows, by first objective
  for (Index c = 0; c < n; ++c) sorted.row(c) = points.row(order[static_cast<std::size_t>(c)]);
  std::vector<double> first(static_cast<std::size_t>(n));
  for (Index c = 0; c < n; ++c) first[static_cast<std::size_t>(c)] = sorted(c, 0);

  double sum = 0;
  for (Index r = 0; r < reference.rows(); ++r) {
    const double* z = reference.data() + r * reference.outerStride();
    double best = std::numeric_limits<double>::infinity();
    // Returns false once the first objective's term alone reaches best.
    auto visit = [&](Index c) {
      const double* a = sorted.data() + c * m;
      const double d0 = z[0] - a[0];
      double s = 0;
      s += d0 * d0;
      if (s >= best) return false;
      for (Index j = 1; j < m; ++j) {
        const double d = z[j] - a[j];
        s += d * d;
      }
      best = std::min(best, s);
      return true;
    };
    const auto start = static_cast<Index>(std::lower_bound(first.begin(), first.end(), z[0]) - first.begin());
    for (Index c = start; c < n && visit(c); ++c) {
    }
    for (Index c = start - 1; c >= 0 && visit(c); --c) {
    }
    sum += std::sqrt(best);
  }
  return sum / static_cast<double>(reference.rows());
}

}  // namespace

std::vector<Index> feasible_front_indices(const MatrixRef& F, const MatrixRef& G) {
  std::vector<Index> feasible;
  feasible.reserve(static_cast<std::size_t>(F.rows()));
  for (Index i = 0; i < F.rows(); ++i) {
    if ((G.cols() == 0 || (G.row(i).array() <= 0).all()) && F.row(i).allFinite()) feasible.push_back(i);
  }
  if (feasible.empty()) return {};
  if (static_cast<Index>(feasible.size()) == F.rows()) return nondominated_indices(F);
  Matrix subset(static_cast<Index>(feasible.size()), F.cols());
  for (Index i = 0; i < subset.rows(); ++i) subset.row(i) = F.row(feasible[static_cast<std::size_t>(i)]);
  std::vector<Index> front;
  for (const Index i : nondominated_indices(subset)) front.push_back(feasible[static_cast<std::size_t>(i)]);
  return front;
}

HypervolumeReference hypervolume_reference(const Problem& problem, const MatrixRef& front) {
  if (auto fixed = fixed_hypervolume_reference(problem))
    return {std::move(fixed->point), fixed->source, true};
  if (front.rows() > 0) return {default_reference_point(front), kRunSpecificReference, false};
  return {Vector(), "none", false};
}

nlohmann::json summarize(const Problem& problem, const Algorithm& algorithm, const RunOptions& options,
                         const RunResult& result, const SummaryOptions& summary_options) {
  nlohmann::json summary = {
      {"problem", problem.name()},
      {"problem_params", problem.params()},
      {"algorithm", algorithm.name()},
      {"algorithm_params", algorithm.resolved_options()},
      {"seed", options.seed},
      {"evaluations", result.evaluations},
      {"generations", result.generations},
      {"seconds", result.seconds},
      {"evaluations_per_second", result.seconds > 0 ? result.evaluations / result.seconds : 0.0},
      {"stop_reason", result.stop_reason},
      {"feasible", result.feasible},
      {"front_size", result.front_f.rows()},
  };
  // Random search keeps no population: what it holds is its archive of the
  // non-dominated candidates found so far.
  summary[algorithm.name() == "random" ? "archive_size" : "population_size"] = result.population_f.rows();
  // Only where something can fail (an external-process evaluator) or did.
  if (result.failed_trials > 0 || !result.evaluator_report.is_null()) {
    summary["failed_trials"] = result.failed_trials;
  }
  if (!result.evaluator_report.is_null()) summary["evaluator"] = result.evaluator_report;

  const auto stopped = [&] { return options.stop_request != nullptr && options.stop_request->load(); };
  HypervolumeReference reference;
  if (options.hypervolume_reference.size() == problem.n_obj()) {
    reference = {options.hypervolume_reference, "given", true};
  } else {
    reference = hypervolume_reference(problem, result.front_f);
  }
  if (reference.point.size() > 0) {
    HypervolumeBudget budget = options.summary_hypervolume;
    if (stopped()) budget.method = HypervolumeMethod::none;
    const HypervolumeEstimate estimate = estimate_hypervolume(result.front_f, reference.point, budget);
    nlohmann::json hv = to_json(estimate);
    hv["reference"] = vector_to_json(reference.point);
    hv["reference_source"] = reference.source;
    hv["reference_fixed"] = reference.fixed;
    if (stopped() && estimate.method == "none") hv["skipped"] = "interrupted";
    summary["hypervolume"] = hv;
  } else {
    summary["hypervolume"] = {{"value", nullptr}, {"reference", nullptr}, {"reference_source", "none"}};
  }

  const auto front = stopped() ? std::nullopt : problem.pareto_front(summary_options.reference_front_points);
  if (front && front->rows() > 0 && result.front_f.rows() > 0) {
    // IGD costs (reference points) x (front points) x objectives at worst: a
    // reference front thinned to the budget keeps it bounded (stated as
    // reference_front_size).
    const double per_reference = static_cast<double>(result.front_f.rows() * result.front_f.cols());
    const auto affordable = static_cast<Index>(std::max(100.0, summary_options.max_igd_cost / per_reference));
    Matrix reference_front = *front;
    if (affordable < front->rows()) {
      std::vector<Index> rows;
      for (Index k = 0; k < affordable; ++k) rows.push_back(k * front->rows() / affordable);
      reference_front = (*front)(rows, Eigen::all);
    }
    summary["igd"] = {{"value", summary_igd(result.front_f, reference_front)},
                      {"reference_front_size", reference_front.rows()}};
  } else {
    summary["igd"] = nullptr;
  }
  if (stopped()) summary["interrupted"] = "a signal stopped the summary: what it skipped is null";
  return summary;
}

}  // namespace paretokit
