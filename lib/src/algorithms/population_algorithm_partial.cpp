// Partial batches of PopulationAlgorithm (algorithms/algorithm.hpp,
// population_algorithm.hpp): candidates handed out a few at a time and
// results told one by one, in any order, for a steady-state driver.
#include <algorithm>
#include <limits>

#include "paretokit/algorithms/population_algorithm.hpp"
#include "paretokit/core/error.hpp"
#include "state_json.hpp"

namespace paretokit {

void PopulationAlgorithm::queue_rows(const Matrix& Z, bool initial) {
  const Index old = queued_.rows();
  Matrix grown(old + Z.rows(), n_var_);
  grown.topRows(old) = queued_;
  grown.bottomRows(Z.rows()) = Z;
  queued_ = std::move(grown);
  for (Index r = 0; r < Z.rows(); ++r)
    queued_tags_.push_back(Pending{initial ? -1 : offspring_slot(r), initial});
}

Matrix PopulationAlgorithm::ask_partial(Index n) {
  if (problem_ == nullptr) throw UsageError("ask_partial() before setup()", Location::of_field("algorithm"));
  if (!takes_partial_batches()) return Algorithm::ask_partial(n);
  if (n < 1) throw UsageError("ask_partial(n) needs n >= 1", Location::of_field("n"));
  if (X_.rows() == 0 && !initial_drawn_) {
    // As in ask(): the sample, its forbidden rows repaired.
    Matrix Z = draw_sample(initial_size(), sampling());
    coding_.repair(Z, rng_);
    queue_rows(Z, true);
    initial_drawn_ = true;
  }
  while (queued_.rows() < n && X_.rows() > 0) {
    // Offspring of the population as it stands, which the results told so
    // far have shaped; the rows still pending have no say.
    Matrix Z = make_partial_offspring(n - queued_.rows());
    if (Z.rows() == 0) break;
    coding_.repair(Z, rng_);
    queue_rows(Z, false);
  }
  const Index take = std::min(n, queued_.rows());
  for (Index r = 0; r < take; ++r) pending_[next_ticket_++] = queued_tags_[static_cast<std::size_t>(r)];
  Matrix Z = queued_.topRows(take);
  queued_ = Matrix(queued_.bottomRows(queued_.rows() - take));
  queued_tags_.erase(queued_tags_.begin(), queued_tags_.begin() + static_cast<std::ptrdiff_t>(take));
  return coding_.decode(Z);
}

void PopulationAlgorithm::tell_partial(std::int64_t ticket, const MatrixRef& x,
                                       const Evaluation& evaluation) {
  const auto it = pending_.find(ticket);
  if (it == pending_.end())
    throw UsageError("tell_partial(): candidate " + std::to_string(ticket) + " is not pending",
                     Location::of_field("ticket"));
  if (x.rows() != 1 || evaluation.rows() != 1)
    throw UsageError("tell_partial() takes one row", Location::of_field("x"));
  const Pending candidate = it->second;
  if (candidate.initial) {
    HeldResult held{
        x.row(0), evaluation.objectives.row(0),
        evaluation.constraints.cols() > 0 ? RowVector(evaluation.constraints.row(0)) : RowVector(0),
        evaluation.status_of(0), evaluation.message_of(0)};
    pending_.erase(it);
    held_[ticket] = std::move(held);
    const bool sample_out =
        std::none_of(pending_.begin(), pending_.end(), [](const auto& p) { return p.second.initial; }) &&
        std::none_of(queued_tags_.begin(), queued_tags_.end(), [](const Pending& p) { return p.initial; });
    if (sample_out) tell_initial_sample();
    return;
  }
  pending_.erase(it);
  prepare_partial_tell(candidate.slot);
  tell(x, evaluation);
}

// The whole initial sample, in ticket order, through tell(): the same
// population whatever order its results arrived in.
void PopulationAlgorithm::tell_initial_sample() {
  const auto n = static_cast<Index>(held_.size());
  Matrix X(n, n_var_);
  Evaluation e{Matrix(n, n_obj_), Matrix(n, n_constr_)};
  Index r = 0;
  bool failures = false;
  for (const auto& [ticket, held] : held_) {
    X.row(r) = held.x;
    e.objectives.row(r) = held.f;
    if (n_constr_ > 0) {
      if (held.g.size() == n_constr_)
        e.constraints.row(r) = held.g;
      else
        e.constraints.row(r).setZero();
    }
    failures = failures || held.status != TrialStatus::success;
    ++r;
  }
  if (failures) {
    r = 0;
    for (const auto& [ticket, held] : held_) {
      if (held.status != TrialStatus::success)
        e.set_failed(r, held.status, held.message);
      else
        e.set_status(r, TrialStatus::success);
      ++r;
    }
  }
  held_.clear();
  tell(X, e);
  // Nothing succeeded: the next ask_partial() draws a new sample, as ask() does.
  if (X_.rows() == 0) initial_drawn_ = false;
}

namespace {

nlohmann::json status_json(TrialStatus status) { return to_string(status); }

TrialStatus status_from(const nlohmann::json& json) {
  const auto status = trial_status_from_string(json.get<std::string>());
  if (!status) throw InputError("unknown status " + json.dump(), Location::of_field("partial.held.status"));
  return *status;
}

}  // namespace

nlohmann::json PopulationAlgorithm::save_partial() const {
  nlohmann::json queued_tags = nlohmann::json::array(), pending = nlohmann::json::array(),
                 held = nlohmann::json::array();
  for (const auto& tag : queued_tags_) queued_tags.push_back({tag.slot, tag.initial});
  for (const auto& [ticket, tag] : pending_) pending.push_back({ticket, tag.slot, tag.initial});
  for (const auto& [ticket, h] : held_) {
    // Failed rows read +inf: their values are not kept.
    const bool ok = h.status == TrialStatus::success;
    held.push_back({{"ticket", ticket},
                    {"x", detail::vector_to_json(h.x.transpose())},
                    {"f", ok ? detail::vector_to_json(h.f.transpose()) : nlohmann::json()},
                    {"g", ok ? detail::vector_to_json(h.g.transpose()) : nlohmann::json()},
                    {"status", status_json(h.status)},
                    {"message", h.message}});
  }
  return {{"next_ticket", next_ticket_},
          {"initial_drawn", initial_drawn_},
          {"queued", detail::matrix_to_json(queued_)},
          {"queued_tags", queued_tags},
          {"pending", pending},
          {"held", held}};
}

void PopulationAlgorithm::load_partial(const nlohmann::json& state) {
  queued_.resize(0, n_var_);
  queued_tags_.clear();
  pending_.clear();
  held_.clear();
  next_ticket_ = 0;
  initial_drawn_ = false;
  if (!state.contains("partial")) return;
  const auto& p = state["partial"];
  using detail::member;
  next_ticket_ = member(p, "next_ticket").get<std::int64_t>();
  initial_drawn_ = member(p, "initial_drawn").get<bool>();
  queued_ = detail::matrix_from_json(member(p, "queued"), "partial.queued");
  if (queued_.rows() == 0) queued_.resize(0, n_var_);
  for (const auto& tag : member(p, "queued_tags"))
    queued_tags_.push_back(Pending{tag[0].get<Index>(), tag[1].get<bool>()});
  if (queued_.cols() != n_var_ || static_cast<Index>(queued_tags_.size()) != queued_.rows())
    throw InputError("queued candidates do not fit together", Location::of_field("partial.queued"));
  for (const auto& entry : member(p, "pending"))
    pending_[entry[0].get<std::int64_t>()] = Pending{entry[1].get<Index>(), entry[2].get<bool>()};
  constexpr double inf = std::numeric_limits<double>::infinity();
  for (const auto& entry : member(p, "held")) {
    HeldResult h;
    h.x = detail::vector_from_json(member(entry, "x"), "partial.held.x").transpose();
    h.status = status_from(member(entry, "status"));
    h.message = member(entry, "message").get<std::string>();
    if (h.status == TrialStatus::success) {
      h.f = detail::vector_from_json(member(entry, "f"), "partial.held.f").transpose();
      h.g = detail::vector_from_json(member(entry, "g"), "partial.held.g").transpose();
    } else {
      h.f = RowVector::Constant(n_obj_, inf);
      h.g = RowVector::Constant(n_constr_, inf);
    }
    if (h.x.size() != n_var_ || h.f.size() != n_obj_ || (h.g.size() != 0 && h.g.size() != n_constr_))
      throw InputError("a held result of the wrong shape", Location::of_field("partial.held"));
    held_[member(entry, "ticket").get<std::int64_t>()] = std::move(h);
  }
}

}  // namespace paretokit
