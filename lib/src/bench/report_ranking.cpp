#include "report_ranking.hpp"

#include <limits>
#include <vector>

#include "paretokit/core/matrix.hpp"
#include "paretokit/io/json_matrix.hpp"
#include "paretokit/stats/friedman.hpp"
#include "paretokit/stats/nemenyi.hpp"
#include "paretokit/stats/ranks.hpp"

namespace paretokit::bench::detail {

namespace {

double mean_of(const nlohmann::json& summary) {
  const auto& mean = summary.at("mean");
  return mean.is_number() ? mean.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

nlohmann::json ranking(const nlohmann::json& report, const std::string& metric, double alpha) {
  const auto optimizers = report.at("optimizers").get<std::vector<std::string>>();
  const auto& tasks = report.at("tasks");
  const auto k = static_cast<Index>(optimizers.size());
  const auto n = static_cast<Index>(tasks.size());
  const std::string curve_key = metric + "_curve";
  const auto steps = report.at("budgets").size();

  Matrix scores(n, k);
  std::vector<Matrix> step_scores(steps, Matrix(n, k));
  for (Index t = 0; t < n; ++t) {
    const auto& summaries = tasks[static_cast<std::size_t>(t)].at("optimizers");
    for (Index o = 0; o < k; ++o) {
      const auto& summary = summaries[static_cast<std::size_t>(o)];
      scores(t, o) = mean_of(summary.at(metric));
      for (std::size_t s = 0; s < steps; ++s) step_scores[s](t, o) = mean_of(summary.at(curve_key)[s]);
    }
  }
  const auto order = stats::RankOrder::higher_is_better;
  nlohmann::json result = {{"metric", metric},
                           {"order", "higher is better"},
                           {"aggregation", "mean over seeds per task; ranks within each task, ties averaged"},
                           {"optimizers", optimizers},
                           {"n_tasks", n}};
  if (n == 0 || k == 0) return result;

  const Matrix ranks = stats::rank_rows(scores, order);
  const Vector mean_ranks = ranks.colwise().mean().transpose();
  result["mean_ranks"] = vector_to_json(mean_ranks);
  nlohmann::json per_task = nlohmann::json::array();
  for (Index t = 0; t < n; ++t) {
    nlohmann::json best = nlohmann::json::array();
    for (Index o = 0; o < k; ++o) {
      if (ranks(t, o) == ranks.row(t).minCoeff() && std::isfinite(scores(t, o)))
        best.push_back(optimizers[static_cast<std::size_t>(o)]);
    }
    per_task.push_back({{"task_id", tasks[static_cast<std::size_t>(t)].at("task_id")},
                        {"ranks", vector_to_json(ranks.row(t).transpose())},
                        {"best", best}});
  }
  result["tasks"] = per_task;

  nlohmann::json over_budget = nlohmann::json::array();
  for (const auto& step : step_scores) over_budget.push_back(vector_to_json(stats::mean_ranks(step, order)));
  result["mean_ranks_over_budget"] = over_budget;

  if (n >= 2 && k >= 2) {
    const auto friedman = stats::friedman_test_from_ranks(ranks);
    result["friedman"] = {{"chi_squared", friedman.chi_squared},
                          {"df", friedman.chi_squared_df},
                          {"p_value", friedman.chi_squared_p_value},
                          {"iman_davenport_f", to_json_number(friedman.f_statistic)},
                          {"f_df1", friedman.f_df1},
                          {"f_df2", friedman.f_df2},
                          {"f_p_value", friedman.f_p_value}};
    const double cd = stats::nemenyi_critical_difference(k, n, alpha);
    nlohmann::json cliques = nlohmann::json::array();
    for (const auto& clique : stats::nemenyi_cliques(mean_ranks, cd)) {
      nlohmann::json names = nlohmann::json::array();
      for (const Index member : clique.members) names.push_back(optimizers[static_cast<std::size_t>(member)]);
      cliques.push_back(names);
    }
    result["nemenyi"] = {{"alpha", alpha},
                         {"q_alpha", stats::nemenyi_q_alpha(k, alpha)},
                         {"critical_difference", cd},
                         {"cliques", cliques}};
  } else {
    result["friedman"] = nullptr;
    result["nemenyi"] = nullptr;
    result["note"] = "the Friedman and Nemenyi tests need at least 2 tasks and 2 optimizers";
  }
  return result;
}

}  // namespace paretokit::bench::detail
