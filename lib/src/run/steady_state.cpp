// The steady-state driver of run(); see steady_state.hpp.
#include "steady_state.hpp"

#include <algorithm>

#include "paretokit/core/error.hpp"

namespace paretokit::detail {

namespace {

nlohmann::json row_json(const RowVector& x) {
  nlohmann::json row = nlohmann::json::array();
  for (Index j = 0; j < x.size(); ++j) row.push_back(x[j]);  // finite: printed to round-trip
  return row;
}

}  // namespace

SteadyStateDriver::SteadyStateDriver(const Problem& problem, Algorithm& algorithm, Evaluator& evaluator,
                                     std::int64_t ask_limit, int workers)
    : problem_(problem),
      algorithm_(algorithm),
      evaluator_(evaluator),
      ask_limit_(ask_limit),
      workers_(workers) {
  if (workers_ < 1)
    throw UsageError("the steady-state driver needs >= 1 worker", Location::of_field("workers"));
}

bool SteadyStateDriver::refill(std::int64_t told, bool submit) {
  refill_pending_ = false;
  bool gave = false;
  while (static_cast<int>(in_flight_.size()) < workers_ && (ask_limit_ == 0 || next_trial_ < ask_limit_)) {
    std::int64_t want = workers_ - static_cast<std::int64_t>(in_flight_.size());
    if (ask_limit_ > 0) want = std::min(want, ask_limit_ - next_trial_);
    const Matrix X = algorithm_.ask_partial(static_cast<Index>(want));
    if (X.rows() == 0) break;
    gave = true;
    for (Index r = 0; r < X.rows(); ++r) {
      const std::int64_t trial = next_trial_++;
      in_flight_[trial] = InFlight{X.row(r), told + 1};
      if (submit) evaluator_.submit(problem_, X.row(r), trial);
    }
  }
  return gave;
}

Evaluation SteadyStateDriver::one_row(const TrialOutcome& outcome) const {
  Evaluation e{Matrix(1, problem_.n_obj()), Matrix::Zero(1, problem_.n_constr())};
  if (outcome.status != TrialStatus::success) {
    e.set_failed(0, outcome.status, outcome.message);
    return e;
  }
  if (outcome.objectives.size() != problem_.n_obj() ||
      (outcome.constraints.size() != 0 && outcome.constraints.size() != problem_.n_constr()))
    throw Error("trial " + std::to_string(outcome.trial) +
                ": the evaluator returned values of the wrong size");
  e.objectives.row(0) = outcome.objectives;
  if (outcome.constraints.size() != 0) e.constraints.row(0) = outcome.constraints;
  return e;
}

void SteadyStateDriver::tell(std::int64_t trial, const Evaluation& e, Counters& counters,
                             SteadyStateHost* host) {
  const auto it = in_flight_.find(trial);
  const Matrix x = it->second.x;
  algorithm_.tell_partial(trial, x, e);
  if (host != nullptr) host->log_trial(trial, it->second.generation, x, e);
  in_flight_.erase(it);
  counters.generation += 1;
  counters.evaluations += 1;
  counters.failed_trials += e.failures();
  refill_pending_ = true;
}

std::string SteadyStateDriver::run(SteadyStateHost& host) {
  Counters& counters = host.counters();
  if (!restored_) refill(counters.evaluations, false);
  // A fresh run's first candidates, or a resumed run's trials in flight at
  // its checkpoint or asked by the replay.
  for (const auto& [trial, candidate] : in_flight_) evaluator_.submit(problem_, candidate.x, trial);
  while (!in_flight_.empty()) {
    TrialOutcome outcome;
    try {
      outcome = evaluator_.collect();
    } catch (const EvaluationInterrupted&) {
      return "interrupted";  // the trials in flight stay listed: resume runs them
    }
    const auto it = in_flight_.find(outcome.trial);
    if (it == in_flight_.end())
      throw Error("the evaluator returned trial " + std::to_string(outcome.trial) +
                  ", which is not in flight");
    const Matrix x = it->second.x;
    const Evaluation e = one_row(outcome);
    tell(outcome.trial, e, counters, &host);
    if (const char* reason = host.after_tell(x, e)) return reason;
    if (const char* reason = host.stop_now()) return reason;
    refill(counters.evaluations, true);
    host.maybe_checkpoint();
  }
  return ask_limit_ > 0 && next_trial_ >= ask_limit_ ? "budget" : "algorithm";
}

nlohmann::json SteadyStateDriver::checkpoint_block() const {
  nlohmann::json in_flight = nlohmann::json::array();
  for (const auto& [trial, candidate] : in_flight_)
    in_flight.push_back(
        {{"trial", trial}, {"generation", candidate.generation}, {"x", row_json(candidate.x)}});
  return {{"keep_in_flight", workers_},
          {"ask_limit", ask_limit_},
          {"next_trial", next_trial_},
          {"refill_pending", refill_pending_},
          {"in_flight", in_flight}};
}

std::int64_t SteadyStateDriver::restore(const nlohmann::json& block, const TrialRecords& log,
                                        std::size_t from, Counters& counters, const std::string& path) {
  const int live_workers = workers_;
  const std::int64_t live_limit = ask_limit_;
  try {
    workers_ = block.at("keep_in_flight").get<int>();
    ask_limit_ = block.at("ask_limit").get<std::int64_t>();
    next_trial_ = block.at("next_trial").get<std::int64_t>();
    refill_pending_ = block.at("refill_pending").get<bool>();
    in_flight_.clear();
    for (const auto& entry : block.at("in_flight")) {
      const auto& xs = entry.at("x");
      RowVector x(static_cast<Index>(xs.size()));
      for (Index j = 0; j < x.size(); ++j) x[j] = xs[static_cast<std::size_t>(j)].get<double>();
      if (x.size() != problem_.n_var())
        throw InputError("a trial in flight of the wrong size", {path, 0, "steady_state.in_flight"});
      in_flight_[entry.at("trial").get<std::int64_t>()] =
          InFlight{x, entry.at("generation").get<std::int64_t>()};
    }
  } catch (const nlohmann::json::exception& error) {
    throw InputError(std::string("malformed: ") + error.what(), {path, 0, "steady_state"});
  }
  if (workers_ < 1 || static_cast<Index>(in_flight_.size()) != algorithm_.pending())
    throw InputError("the trials in flight do not match the algorithm's pending candidates",
                     {path, 0, "steady_state.in_flight"});
  // The events after the checkpoint, as the original run had them: the
  // refill it owed, then each logged tell and the refill after it.
  if (refill_pending_) refill(counters.evaluations, false);
  std::int64_t replayed = 0;
  const std::string log_path = (std::filesystem::path(path).parent_path() / "trials.jsonl").string();
  for (std::size_t i = from; i < log.trial.size(); ++i) {
    const std::int64_t trial = log.trial[i];
    const auto it = in_flight_.find(trial);
    const std::size_t line = i + 1;
    if (it == in_flight_.end())
      throw InputError("trial " + std::to_string(trial) +
                           " was not in flight here: the log does not continue the checkpoint",
                       {log_path, line, "trial"});
    if (!(log.x.row(static_cast<Index>(i)) == it->second.x))
      throw InputError("trial " + std::to_string(trial) +
                           " has another x than the replay asked: the log does not continue the checkpoint",
                       {log_path, line, "x"});
    Evaluation e{log.f.row(static_cast<Index>(i)), Matrix::Zero(1, problem_.n_constr())};
    if (log.g.cols() == problem_.n_constr() && problem_.n_constr() > 0)
      e.constraints.row(0) = log.g.row(static_cast<Index>(i));
    if (log.status[i] != TrialStatus::success) e.set_failed(0, log.status[i], log.message[i]);
    tell(trial, e, counters, nullptr);
    refill(counters.evaluations, false);
    ++replayed;
  }
  // Then this session's own settings, and what they ask at once.
  workers_ = live_workers;
  ask_limit_ = live_limit;
  refill(counters.evaluations, false);
  restored_ = true;
  return replayed;
}

}  // namespace paretokit::detail
