#include "paretokit/run/summary.hpp"

#include <algorithm>
#include <vector>

#include "paretokit/indicators/distance_indicators.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/indicators/hypervolume_estimate.hpp"
#include "paretokit/indicators/problem_reference.hpp"
#include "paretokit/io/json_matrix.hpp"

namespace paretokit {

HypervolumeReference hypervolume_reference(const Problem& problem, const MatrixRef& front) {
  if (auto fixed = fixed_hypervolume_reference(problem))
    return {std::move(fixed->point), fixed->source, true};
  if (front.rows() > 0) return {default_reference_point(front), kRunSpecificReference, false};
  return {Vector(), "none", false};
}

RunSummary summarize_front(const Problem& problem, const RunOptions& options, const MatrixRef& front_f,
                           const SummaryOptions& summary_options) {
  RunSummary summary;
  summary.computed = true;
  const auto stopped = [&] { return options.stop_request != nullptr && options.stop_request->load(); };
  HypervolumeReference reference;
  if (options.hypervolume_reference.size() == problem.n_obj()) {
    reference = {options.hypervolume_reference, "given", true};
  } else {
    reference = hypervolume_reference(problem, front_f);
  }
  summary.reference = reference.point;
  summary.reference_source = reference.source;
  summary.reference_fixed = reference.fixed;
  if (reference.point.size() > 0) {
    HypervolumeBudget budget = options.summary_hypervolume;
    if (stopped()) budget.method = HypervolumeMethod::none;
    summary.hypervolume = estimate_hypervolume(front_f, reference.point, budget);
    summary.hypervolume_skipped_by_stop = stopped() && summary.hypervolume->method == "none";
  }

  const auto front = stopped() ? std::nullopt : problem.pareto_front(summary_options.reference_front_points);
  if (front && front->rows() > 0 && front_f.rows() > 0) {
    // IGD costs (reference points) x (front points) x objectives at worst: a
    // reference front thinned to the budget keeps it bounded (stated as
    // reference_front_size).
    const double per_reference = static_cast<double>(front_f.rows() * front_f.cols());
    const auto affordable = static_cast<Index>(std::max(100.0, summary_options.max_igd_cost / per_reference));
    Matrix reference_front = *front;
    if (affordable < front->rows()) {
      std::vector<Index> rows;
      for (Index k = 0; k < affordable; ++k) rows.push_back(k * front->rows() / affordable);
      reference_front = (*front)(rows, Eigen::all);
    }
    summary.igd = igd_sorted(front_f, reference_front);
    summary.igd_reference_front_size = reference_front.rows();
  }
  summary.interrupted = stopped();
  return summary;
}

nlohmann::json summary_json(const Problem& problem, const Algorithm& algorithm, const RunOptions& options,
                            const RunResult& result, const RunSummary& measured) {
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

  if (measured.hypervolume) {
    nlohmann::json hv = to_json(*measured.hypervolume);
    hv["reference"] = vector_to_json(measured.reference);
    hv["reference_source"] = measured.reference_source;
    hv["reference_fixed"] = measured.reference_fixed;
    if (measured.hypervolume_skipped_by_stop) hv["skipped"] = "interrupted";
    summary["hypervolume"] = hv;
  } else {
    summary["hypervolume"] = {{"value", nullptr}, {"reference", nullptr}, {"reference_source", "none"}};
  }
  if (measured.igd) {
    summary["igd"] = {{"value", *measured.igd}, {"reference_front_size", measured.igd_reference_front_size}};
  } else {
    summary["igd"] = nullptr;
  }
  if (measured.interrupted) summary["interrupted"] = "a signal stopped the summary: what it skipped is null";
  return summary;
}

nlohmann::json summarize(const Problem& problem, const Algorithm& algorithm, const RunOptions& options,
                         const RunResult& result, const SummaryOptions& summary_options) {
  const RunSummary measured =
      result.summary.computed ? result.summary : summarize_front(problem, options, result.front_f, summary_options);
  return summary_json(problem, algorithm, options, result, measured);
}

}  // namespace paretokit
