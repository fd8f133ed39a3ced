// One quantize study: exact frontier, budget choice, evolutionary search and
// the run folder (study.hpp).
#include "paretokit/quantization/study.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/json_matrix.hpp"
#include "paretokit/io/run_folder.hpp"
#include "paretokit/pareto/dominance.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"
#include "paretokit/quantization/builtin_tables.hpp"
#include "paretokit/quantization/quantization_problem.hpp"
#include "paretokit/run/run.hpp"

namespace paretokit::quantization {

namespace {

bool contains(const std::vector<Measure>& measures, Measure m) {
  return std::find(measures.begin(), measures.end(), m) != measures.end();
}

Measure choose_budget_objective(const std::vector<Measure>& objectives, const std::vector<Budget>& budgets) {
  for (const Measure m : objectives) {
    const bool budgeted =
        std::any_of(budgets.begin(), budgets.end(), [&](const Budget& b) { return b.measure == m; });
    if (!budgeted) return m;
  }
  throw InputError("every objective has a budget: nothing is left to minimize under them",
                   Location::of_field("--budget"));
}

StudyPoint make_point(const BitWidthSearch& search, const std::vector<Measure>& objectives,
                      std::vector<int> choice) {
  StudyPoint point{std::move(choice), RowVector(static_cast<Index>(objectives.size()))};
  for (std::size_t j = 0; j < objectives.size(); ++j) {
    point.objectives(static_cast<Index>(j)) =
        search.total(point.choice, objectives[j]) / report_scale(objectives[j]);
  }
  return point;
}

Matrix objectives_matrix(const std::vector<StudyPoint>& points, std::size_t m) {
  Matrix F(static_cast<Index>(points.size()), static_cast<Index>(m));
  for (std::size_t r = 0; r < points.size(); ++r) F.row(static_cast<Index>(r)) = points[r].objectives;
  return F;
}

// The exact frontier of the objectives among the configurations within the
// budgets: the DP frontier over objectives and budgeted measures, filtered
// and projected (a feasible configuration dominated in the larger space is
// dominated by a feasible one, so nothing is lost).
std::vector<StudyPoint> exact_points(const BitWidthSearch& search, const StudySettings& settings) {
  std::vector<Measure> measures = settings.objectives;
  for (const Budget& b : settings.budgets) {
    if (!contains(measures, b.measure)) measures.push_back(b.measure);
  }
  const ExactFrontier frontier = exact_frontier(search, measures, {.max_states = settings.max_states});
  std::vector<StudyPoint> feasible;
  for (std::size_t r = 0; r < frontier.choices.size(); ++r) {
    if (within_budgets(search, frontier.choices[r], settings.budgets)) {
      feasible.push_back(make_point(search, settings.objectives, frontier.choices[r]));
    }
  }
  const Matrix F = objectives_matrix(feasible, settings.objectives.size());
  std::vector<StudyPoint> front;
  for (const Index r : nondominated_indices(F)) front.push_back(feasible[static_cast<std::size_t>(r)]);
  auto less = [](const StudyPoint& a, const StudyPoint& b) {
    return std::lexicographical_compare(a.objectives.begin(), a.objectives.end(), b.objectives.begin(),
                                        b.objectives.end());
  };
  std::stable_sort(front.begin(), front.end(), less);
  front.erase(
      std::unique(front.begin(), front.end(),
                  [](const StudyPoint& a, const StudyPoint& b) { return a.objectives == b.objectives; }),
      front.end());
  return front;
}

nlohmann::json names_of(const std::vector<Measure>& measures) {
  nlohmann::json names = nlohmann::json::array();
  for (const Measure m : measures) names.push_back(to_string(m));
  return names;
}

nlohmann::json config_json(const StudySettings& s) {
  nlohmann::json budgets = nlohmann::json::array();
  for (const Budget& b : s.budgets) budgets.push_back(to_string(b));
  return {{"command", "quantize"},
          {"model", s.model},
          {"table", s.table_file.string()},
          {"bits", s.bits},
          {"objectives", names_of(s.objectives)},
          {"budgets", budgets},
          {"algorithm", s.algorithm},
          {"algorithm_params", s.algorithm_params},
          {"generations", s.generations},
          {"seed", s.seed},
          {"threads", s.threads},
          {"max_states", s.max_states}};
}

nlohmann::json front_document(const BitWidthSearch& search, const std::vector<Measure>& objectives,
                              const std::vector<StudyPoint>& points) {
  nlohmann::json list = nlohmann::json::array();
  for (const StudyPoint& p : points) list.push_back(point_json(search, objectives, p));
  return {{"objectives", names_of(objectives)}, {"layers", search.searched_layer_names()}, {"points", list}};
}

// HAWQ's published configurations, evaluated and placed against the exact
// frontier: {"objectives": [...], "configurations": [{"name", "bits",
// "objectives", "f", ...}]} (`paretokit report` marks them).
nlohmann::json published_document(const BitWidthSearch& search, const StudySettings& s,
                                  const std::vector<StudyPoint>& exact) {
  nlohmann::json list = nlohmann::json::array();
  nlohmann::json document = {{"objectives", names_of(s.objectives)},
                             {"configurations", nlohmann::json::array()}};
  if (!s.table_file.empty() || search.choice_of(4) < 0 || search.choice_of(8) < 0) return document;
  const Matrix E = objectives_matrix(exact, s.objectives.size());
  for (const PublishedConfiguration& published : published_configurations(s.model)) {
    const StudyPoint point =
        make_point(search, s.objectives, search.choice_from_searched_layer_bits(published.bits));
    bool on_front = false, dominated = false;
    for (Index r = 0; r < E.rows(); ++r) {
      on_front = on_front || E.row(r) == point.objectives;
      dominated = dominated || dominates(E.row(r), point.objectives);
    }
    nlohmann::json entry = point_json(search, s.objectives, point);
    entry["name"] = published.name;
    entry["f"] = vector_to_json(point.objectives.transpose());  // in the order of "objectives"
    entry["published"] = {{"model_size_MB", published.model_size_mb}, {"bops_G", published.bops_g}};
    entry["within_budgets"] = within_budgets(search, point.choice, s.budgets);
    entry["on_exact_front"] = exact.empty() ? nlohmann::json(nullptr) : nlohmann::json(on_front);
    entry["dominated_by_exact_front"] = exact.empty() ? nlohmann::json(nullptr) : nlohmann::json(dominated);
    list.push_back(std::move(entry));
  }
  document["configurations"] = std::move(list);
  return document;
}

}  // namespace

nlohmann::json point_json(const BitWidthSearch& search, const std::vector<Measure>& objectives,
                          const StudyPoint& point) {
  nlohmann::json values = nlohmann::json::object();
  for (std::size_t j = 0; j < objectives.size(); ++j)
    values[to_string(objectives[j])] = point.objectives(static_cast<Index>(j));
  return {{"bits", search.searched_layer_bits(point.choice)}, {"objectives", values}};
}

StudyResult run_study(const StudySettings& s) {
  StudyResult result;
  LayerTable table = s.table_file.empty() ? builtin_layer_table(s.model) : read_layer_table(s.table_file);
  if (!s.table_file.empty() && !s.model.empty()) table.model = s.model;
  std::vector<Measure> needed = s.objectives;
  for (const Budget& b : s.budgets) needed.push_back(b.measure);
  auto search = std::make_shared<const BitWidthSearch>(std::move(table), s.bits, needed);
  result.search = search;
  if (s.objectives.size() < 2 && s.algorithm != "exact") {
    throw InputError("an evolutionary search needs at least two objectives",
                     Location::of_field("--objectives"));
  }
  if (!s.budgets.empty()) result.budget_objective = choose_budget_objective(s.objectives, s.budgets);

  // Check the algorithm's name and parameters before any long computation.
  std::unique_ptr<Algorithm> algorithm;
  if (s.algorithm != "exact") algorithm = make_algorithm(s.algorithm, s.algorithm_params);

  try {
    result.exact = exact_points(*search, s);
  } catch (const InputError&) {
    throw;
  } catch (const Error& error) {
    if (s.algorithm == "exact") throw;
    result.exact_error = error.what();
  }
  if (!s.budgets.empty() && result.exact_error.empty()) {
    // Fewer measures than the frontier above (the objective and the budgeted
    // ones), so it fits whenever that did.
    const auto choice =
        select_under_budgets(*search, result.budget_objective, s.budgets, {.max_states = s.max_states});
    if (!choice) throw InputError("no configuration fits within the budgets", Location::of_field("--budget"));
    result.exact_choice = make_point(*search, s.objectives, *choice);
  }

  const RunFolder folder(s.out);
  if (!s.out.empty()) {
    if (folder.holds_run()) {
      throw UsageError("'" + s.out.string() + "' already holds a run; choose another --out",
                       Location::of_field("--out"));
    }
    folder.create();
    folder.write_config(config_json(s));
  }

  const Matrix exact_f = objectives_matrix(result.exact, s.objectives.size());
  if (algorithm) {
    QuantizationProblem problem(search, s.objectives, s.budgets);
    if (!result.exact.empty()) problem.set_reference_front(exact_f);
    RunOptions options;
    options.max_generations = s.generations;
    options.seed = s.seed;
    options.threads = s.threads;
    options.output_directory = s.out;
    options.progress = s.progress;
    const RunResult run_result = run(problem, *algorithm, options);
    // The front without repeats (MOEA/D's subproblems often share a configuration).
    std::set<std::vector<int>> seen;
    for (Index r = 0; r < run_result.front_x.rows(); ++r) {
      std::vector<int> choice = problem.choice_of_row(run_result.front_x.row(r));
      if (seen.insert(choice).second)
        result.front.push_back(make_point(*search, s.objectives, std::move(choice)));
    }
    result.summary = s.out.empty() ? nlohmann::json::object() : run_result.summary.json;
    result.summary["evaluations"] = run_result.evaluations;
    result.summary["generations"] = run_result.generations;
  } else {
    result.front = result.exact;
    result.summary = {{"problem", "quantize"}, {"algorithm", "exact"}, {"front_size", result.exact.size()}};
  }
  if (!s.budgets.empty()) {
    std::vector<std::vector<int>> choices;
    for (const StudyPoint& p : result.front) choices.push_back(p.choice);
    const Index best = best_under_budgets(*search, choices, result.budget_objective, s.budgets);
    if (best >= 0) result.front_choice = result.front[static_cast<std::size_t>(best)];
  }

  // The hypervolume of the front against the exact frontier's, both with the
  // exact frontier's nadir x 1.1 as the reference (summary.json's rule).
  const Matrix front_f = objectives_matrix(result.front, s.objectives.size());
  nlohmann::json hv = nullptr;
  if (!result.exact.empty() && s.objectives.size() >= 2) {
    const Vector nadir = exact_f.colwise().maxCoeff().transpose();
    const Vector reference = nadir + 0.1 * nadir.cwiseAbs();
    const double exact_hv = hypervolume(exact_f, reference);
    const double front_hv = front_f.rows() > 0 ? hypervolume(front_f, reference) : 0.0;
    hv = {{"front", front_hv},
          {"exact", exact_hv},
          {"ratio", exact_hv > 0 ? nlohmann::json(front_hv / exact_hv) : nlohmann::json(nullptr)},
          {"reference", vector_to_json(reference)},
          {"reference_source", "exact frontier's nadir x 1.1"}};
  }

  nlohmann::json budgets = nlohmann::json::array();
  for (const Budget& b : s.budgets) {
    budgets.push_back({{"measure", to_string(b.measure)},
                       {"fraction", b.fraction},
                       {"limit", budget_limit(*search, b) / report_scale(b.measure)},
                       {"unit", unit_of(b.measure)}});
  }
  nlohmann::json units = nlohmann::json::object();
  for (const Measure m : s.objectives) units[to_string(m)] = unit_of(m);
  nlohmann::json choice = nullptr;
  if (result.exact_choice) {
    choice = {
        {"minimizes", to_string(result.budget_objective)},
        {"exact", point_json(*search, s.objectives, *result.exact_choice)},
        {"front", result.front_choice ? point_json(*search, s.objectives, *result.front_choice) : nullptr}};
    if (result.front_choice) {
      const auto j =
          static_cast<Index>(std::find(s.objectives.begin(), s.objectives.end(), result.budget_objective) -
                             s.objectives.begin());
      // "No worse": the front's choice minimizes at least as well (to rounding).
      const double exact_value = result.exact_choice->objectives(j),
                   front_value = result.front_choice->objectives(j);
      choice["front_no_worse"] = front_value <= exact_value + 1e-12 * std::abs(exact_value);
    }
  }
  result.summary["quantization"] = {
      {"model", search->table().model},
      {"table", search->table().file},
      {"bits", search->bits()},
      {"objectives", names_of(s.objectives)},
      {"units", units},
      {"searched_layers", search->searched_layer_names().size()},
      {"decisions", search->n_groups()},
      {"exact_frontier",
       {{"size", result.exact.size()},
        {"error",
         result.exact_error.empty() ? nlohmann::json(nullptr) : nlohmann::json(result.exact_error)}}},
      {"front", {{"source", s.algorithm}, {"size", result.front.size()}}},
      {"hypervolume", hv},
      {"budgets", budgets},
      {"budget_choice", choice}};

  if (!s.out.empty()) {
    write_file_atomically(s.out / "exact_front.txt", RunFolder::front_txt(exact_f));
    write_json_atomically(s.out / "exact_front.json", front_document(*search, s.objectives, result.exact));
    write_json_atomically(s.out / "published.json", published_document(*search, s, result.exact));
    if (!algorithm) {
      Matrix X(static_cast<Index>(result.front.size()), search->n_groups());
      QuantizationProblem problem(search, s.objectives, s.budgets);
      for (std::size_t r = 0; r < result.front.size(); ++r)
        X.row(static_cast<Index>(r)) = problem.row_of_choice(result.front[r].choice);
      folder.write_front(front_f, X);
    }
    folder.write_summary(result.summary);
  }
  return result;
}

}  // namespace paretokit::quantization
