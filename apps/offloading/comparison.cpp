#include "offloading/comparison.hpp"

#include <cmath>
#include <limits>

#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/pareto/dominance.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"

namespace paretokit::offloading {

namespace {

double improvement(double front, double best) {
  return best > 0 ? front / best - 1.0 : std::numeric_limits<double>::infinity();
}

Matrix rows_of(const std::vector<BaselineResult>& baselines, const std::string& group) {
  Matrix points(0, baselines.empty() ? 0 : baselines.front().objectives.size());
  for (const auto& b : baselines) {
    if (!group.empty() && b.group != group) continue;
    points.conservativeResize(points.rows() + 1, Eigen::NoChange);
    points.row(points.rows() - 1) = b.objectives;
  }
  return points;
}

}  // namespace

FrontComparison compare_with_baselines(const MatrixRef& front, const std::vector<BaselineResult>& baselines,
                                       const std::optional<Vector>& reference) {
  FrontComparison c;
  const Matrix all_baselines = rows_of(baselines, "");
  if (reference) {
    c.reference = *reference;
  } else {
    // Over the front and the baselines no other baseline dominates: a
    // hopeless baseline (all cloud over kbit/s links: delays of days) would
    // otherwise set a reference so far away that every sensible set had
    // almost the same hypervolume.
    const std::vector<Index> keep = nondominated_indices(all_baselines);
    Matrix nondominated(front.rows() + static_cast<Index>(keep.size()), front.cols());
    nondominated.topRows(front.rows()) = front;
    for (std::size_t i = 0; i < keep.size(); ++i) {
      nondominated.row(front.rows() + static_cast<Index>(i)) = all_baselines.row(keep[i]);
    }
    c.reference = default_reference_point(nondominated);
  }
  c.front_hypervolume = front.rows() ? hypervolume(front, c.reference) : 0.0;
  c.best_baseline = {"", -1};
  c.best_group = {"", -1};
  for (const auto& b : baselines) {
    const double hv = hypervolume(b.objectives, c.reference);
    c.baselines.push_back({b.name, hv});
    if (hv > c.best_baseline.hypervolume) c.best_baseline = {b.name, hv};
    bool covered = false;
    for (Index i = 0; i < front.rows() && !covered; ++i)
      covered = weakly_dominates(front.row(i), b.objectives);
    if (!covered) c.uncovered_baselines.push_back(b.name);
  }
  for (const auto& b : baselines) {
    bool seen = false;
    for (const auto& g : c.groups) seen = seen || g.name == b.group;
    if (seen) continue;
    const double hv = hypervolume(rows_of(baselines, b.group), c.reference);
    c.groups.push_back({b.group, hv});
    if (hv > c.best_group.hypervolume) c.best_group = {b.group, hv};
  }
  c.union_hypervolume = all_baselines.rows() ? hypervolume(all_baselines, c.reference) : 0.0;
  c.improvement_over_best_baseline = improvement(c.front_hypervolume, c.best_baseline.hypervolume);
  c.improvement_over_best_group = improvement(c.front_hypervolume, c.best_group.hypervolume);
  c.improvement_over_union = improvement(c.front_hypervolume, c.union_hypervolume);
  return c;
}

nlohmann::json FrontComparison::to_json() const {
  const auto list = [](const std::vector<BaselineHypervolume>& items) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : items) out.push_back({{"name", item.name}, {"hypervolume", item.hypervolume}});
    return out;
  };
  const auto finite_or_null = [](double x) {
    return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json();
  };
  return {{"reference", std::vector<double>(reference.data(), reference.data() + reference.size())},
          {"front_hypervolume", front_hypervolume},
          {"baselines", list(baselines)},
          {"groups", list(groups)},
          {"union_hypervolume", union_hypervolume},
          {"best_baseline", {{"name", best_baseline.name}, {"hypervolume", best_baseline.hypervolume}}},
          {"best_group", {{"name", best_group.name}, {"hypervolume", best_group.hypervolume}}},
          {"improvement_over_best_baseline", finite_or_null(improvement_over_best_baseline)},
          {"improvement_over_best_group", finite_or_null(improvement_over_best_group)},
          {"improvement_over_union", finite_or_null(improvement_over_union)},
          {"uncovered_baselines", uncovered_baselines}};
}

}  // namespace paretokit::offloading
