// Study::describe(): what `paretokit study show` prints (study_folder.hpp).
#include "paretokit/io/json_matrix.hpp"
#include "paretokit/io/jsonl.hpp"
#include "paretokit/pareto/feasible_front.hpp"
#include "study_folder.hpp"

namespace paretokit::cli {

nlohmann::json Study::describe(double now) const {
  // Every told trial: the logged ones, then the told rows of the batch.
  std::vector<nlohmann::json> told = read_jsonl(directory_ / "trials.jsonl").records;
  nlohmann::json pending = nlohmann::json::array();
  std::int64_t open = 0, given = 0, failed = failed_trials_;
  for (Index i = 0; i < static_cast<Index>(rows_.size()); ++i) {
    const BatchRow& r = rows_[static_cast<std::size_t>(i)];
    if (r.state != BatchRow::State::open) ++given;
    if (r.state == BatchRow::State::told) {
      told.push_back(nlohmann::json::parse(trial_line(i).dump()));
      if (r.status != TrialStatus::success) ++failed;
    } else if (r.state == BatchRow::State::asked) {
      pending.push_back({{"trial", batch_first_trial_ + i}, {"seconds_ago", now - r.asked_at}});
    } else if (i < rows_within_budget()) {
      ++open;  // rows past the budget are never given out
    }
  }
  // The front: the non-dominated feasible successful trials.
  std::vector<std::size_t> ok;
  for (std::size_t i = 0; i < told.size(); ++i)
    if (!told[i].contains("status")) ok.push_back(i);
  Matrix F(static_cast<Index>(ok.size()), problem_->n_obj());
  Matrix G(static_cast<Index>(ok.size()), problem_->n_constr());
  for (Index i = 0; i < F.rows(); ++i) {
    const auto& line = told[ok[static_cast<std::size_t>(i)]];
    F.row(i) = vector_from_json(line["f"]).transpose();
    if (G.cols() > 0) G.row(i) = vector_from_json(line["g"]).transpose();
  }
  nlohmann::json front = nlohmann::json::array();
  for (const Index i : feasible_front_indices(F, G)) {
    const auto& line = told[ok[static_cast<std::size_t>(i)]];
    front.push_back({{"trial", line["trial"]}, {"config", line["config"]}, {"values", line["values"]}});
  }
  nlohmann::json budget = nullptr;
  if (settings_.budget > 0) budget = settings_.budget;
  return {{"directory", directory_.string()},
          {"algorithm", settings_.algorithm},
          {"objectives", settings_.objectives},
          {"constraints", settings_.constraints},
          {"seed", settings_.seed},
          {"generation", generation_ + (has_batch_ ? 1 : 0)},
          {"trials_given_out", (has_batch_ ? batch_first_trial_ : logged_trials_) + given},
          {"budget", budget},
          {"budget_spent", budget_spent()},
          {"told", static_cast<std::int64_t>(told.size())},
          {"failed", failed},
          {"pending", std::move(pending)},
          {"open_in_batch", open},
          {"front", std::move(front)}};
}

}  // namespace paretokit::cli
