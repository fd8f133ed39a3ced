// The study folder of `paretokit study/ask/tell`; see study_folder.hpp.
#include "study_folder.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>

#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/json_matrix.hpp"
#include "paretokit/io/jsonl.hpp"

namespace paretokit::cli {

namespace {

constexpr const char* kStateFormat = "paretokit-study-state";
constexpr int kStateVersion = 1;

const char* to_string(BatchRow::State state) {
  switch (state) {
    case BatchRow::State::open:
      return "open";
    case BatchRow::State::asked:
      return "asked";
    case BatchRow::State::told:
      return "told";
  }
  return "open";
}

BatchRow::State state_from_string(const std::string& text, const std::string& path) {
  if (text == "open") return BatchRow::State::open;
  if (text == "asked") return BatchRow::State::asked;
  if (text == "told") return BatchRow::State::told;
  throw InputError("unknown row state '" + text + "'", {path, 0, "batch.rows"});
}

std::string trial_name(std::int64_t trial) { return "trial " + std::to_string(trial); }

}  // namespace

StudyLock::StudyLock(const std::filesystem::path& directory, bool must_hold_study) {
  // Checked before the lock file is created, so that a wrong DIR is left as it was.
  if (must_hold_study && !std::filesystem::exists(directory / "study.json"))
    throw InputError("no study.json: not a study folder (see 'paretokit study create')",
                     {directory.string()});
  const auto path = directory / "lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw Error(std::string("cannot open the lock file: ") + std::strerror(errno), {path.string()});
  while (::flock(fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    const int saved = errno;
    ::close(fd_);
    throw Error(std::string("cannot lock: ") + std::strerror(saved), {path.string()});
  }
}

StudyLock::~StudyLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

double unix_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

nlohmann::json to_json(const StudySettings& s) {
  nlohmann::json json = {{"format", "paretokit-study"},
                         {"version", 1},
                         {"space", s.space},
                         {"objectives", s.objectives},
                         {"constraints", s.constraints},
                         {"algorithm", s.algorithm},
                         {"algorithm_params", s.algorithm_params},
                         {"seed", s.seed}};
  if (s.budget > 0) json["budget"] = s.budget;  // only then: older studies keep their bytes
  return json;
}

StudySettings study_settings_from_json(const nlohmann::json& json, const std::string& path) {
  StudySettings s;
  try {
    if (json.value("format", std::string()) != "paretokit-study")
      throw InputError("not a paretokit study", {path, 0, "format"});
    s.space = json.at("space");
    s.objectives = json.at("objectives").get<std::string>();
    s.constraints = json.value("constraints", std::string());
    s.algorithm = json.at("algorithm").get<std::string>();
    s.algorithm_params = json.value("algorithm_params", nlohmann::json::object());
    s.seed = json.at("seed").get<std::uint64_t>();
    s.budget = json.value("budget", std::int64_t{0});
  } catch (const nlohmann::json::exception& error) {
    throw InputError(std::string("bad study settings: ") + error.what(), {path});
  }
  return s;
}

void Study::create(const std::filesystem::path& directory, const StudySettings& settings) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) throw Error("cannot create the study folder: " + error.message(), {directory.string()});
  StudyLock lock(directory, false);
  if (std::filesystem::exists(directory / "study.json"))
    throw InputError("already holds a study (study.json)", {directory.string()});
  // Checked now, so that a bad name or parameter fails before anything is written.
  CommandProblem problem(SearchSpace::from_json(settings.space),
                         parse_objectives(settings.objectives, "--objectives"),
                         parse_constraints(settings.constraints, "--constraints"));
  make_algorithm(settings.algorithm, settings.algorithm_params)->setup(problem, settings.seed);
  write_file_atomically(directory / "trials.jsonl", "");
  write_json_atomically(directory / "state.json", {{"format", kStateFormat},
                                                   {"version", kStateVersion},
                                                   {"algorithm_state", nullptr},
                                                   {"generation", 0},
                                                   {"next_trial", 0},
                                                   {"logged_trials", 0},
                                                   {"failed_trials", 0},
                                                   {"batch", nullptr}});
  // Last: its presence means the folder is complete.
  write_json_atomically(directory / "study.json", to_json(settings));
}

Study::Study(const std::filesystem::path& directory) : directory_(directory) {
  const auto settings_path = directory_ / "study.json";
  if (!std::filesystem::exists(settings_path))
    throw InputError("no study.json: not a study folder (see 'paretokit study create')",
                     {directory_.string()});
  settings_ = study_settings_from_json(read_json_file(settings_path), settings_path.string());
  problem_ = std::make_unique<CommandProblem>(SearchSpace::from_json(settings_.space),
                                              parse_objectives(settings_.objectives, "--objectives"),
                                              parse_constraints(settings_.constraints, "--constraints"));
  algorithm_ = make_algorithm(settings_.algorithm, settings_.algorithm_params);
  load_state();
  // A crash between appending trial lines and writing the state that counts them.
  const auto trials = directory_ / "trials.jsonl";
  if (count_jsonl_lines(trials) != static_cast<std::uint64_t>(logged_trials_))
    truncate_jsonl(trials, static_cast<std::uint64_t>(logged_trials_));
}

void Study::load_state() {
  const auto path = (directory_ / "state.json").string();
  const nlohmann::json state = read_json_file(path);
  try {
    if (state.value("format", std::string()) != kStateFormat || state.value("version", 0) != kStateVersion)
      throw InputError("not a paretokit study state of version " + std::to_string(kStateVersion), {path});
    algorithm_state_ = state.at("algorithm_state");
    generation_ = state.at("generation").get<std::int64_t>();
    next_trial_ = state.at("next_trial").get<std::int64_t>();
    logged_trials_ = state.at("logged_trials").get<std::int64_t>();
    failed_trials_ = state.at("failed_trials").get<std::int64_t>();
    const auto& batch = state.at("batch");
    has_batch_ = !batch.is_null();
    rows_.clear();
    if (!has_batch_) return;
    batch_first_trial_ = batch.at("first_trial").get<std::int64_t>();
    batch_x_ = matrix_from_json(batch.at("x"), problem_->n_var(), {path, 0, "batch.x"});
    for (const auto& r : batch.at("rows")) {
      BatchRow row;
      row.state = state_from_string(r.at("state").get<std::string>(), path);
      row.asked_at = r.value("asked_at", 0.0);
      if (r.contains("status")) {
        const auto status = trial_status_from_string(r["status"].get<std::string>());
        if (!status) throw InputError("unknown status " + r["status"].dump(), {path, 0, "batch.rows"});
        row.status = *status;
      }
      row.message = r.value("message", std::string());
      row.values = r.value("values", nlohmann::json());
      rows_.push_back(std::move(row));
    }
    if (static_cast<Index>(rows_.size()) != batch_x_.rows())
      throw InputError("batch.rows and batch.x differ in length", {path, 0, "batch"});
  } catch (const nlohmann::json::exception& error) {
    throw InputError(std::string("bad study state: ") + error.what(), {path});
  }
}

void Study::save_state() const {
  nlohmann::json batch = nullptr;
  if (has_batch_) {
    nlohmann::json rows = nlohmann::json::array();
    for (const BatchRow& row : rows_) {
      nlohmann::json r = {{"state", to_string(row.state)}};
      if (row.state != BatchRow::State::open) r["asked_at"] = row.asked_at;
      if (row.state == BatchRow::State::told) {
        r["status"] = paretokit::to_string(row.status);
        if (!row.message.empty()) r["message"] = row.message;
        if (!row.values.is_null()) r["values"] = row.values;
      }
      rows.push_back(std::move(r));
    }
    batch = {{"first_trial", batch_first_trial_}, {"x", matrix_to_json(batch_x_)}, {"rows", std::move(rows)}};
  }
  write_json_atomically(directory_ / "state.json",
                        {{"format", kStateFormat},
                         {"version", kStateVersion},
                         {"algorithm_state", algorithm_state_},
                         {"generation", generation_},
                         {"next_trial", next_trial_},
                         {"logged_trials", logged_trials_},
                         {"failed_trials", failed_trials_},
                         {"batch", std::move(batch)}},
                        -1);
}

namespace {

// The algorithm as it was when the current batch was asked.
void restore(Algorithm& algorithm, const Problem& problem, std::uint64_t seed, const nlohmann::json& state) {
  algorithm.setup(problem, seed);
  if (!state.is_null()) algorithm.load_state(state);
}

}  // namespace

Index Study::rows_within_budget() const {
  const auto n = static_cast<Index>(rows_.size());
  if (settings_.budget <= 0) return n;
  return std::clamp<Index>(static_cast<Index>(settings_.budget - batch_first_trial_), 0, n);
}

std::int64_t Study::next_given() const {
  if (!has_batch_) return next_trial_;
  const Index limit = rows_within_budget();
  for (Index i = 0; i < limit; ++i)
    if (rows_[static_cast<std::size_t>(i)].state == BatchRow::State::open) return batch_first_trial_ + i;
  return batch_first_trial_ + static_cast<std::int64_t>(rows_.size());
}

std::optional<AskedTrial> Study::ask(double now) {
  if (budget_spent()) return std::nullopt;
  if (!has_batch_) {
    restore(*algorithm_, *problem_, settings_.seed, algorithm_state_);
    batch_x_ = algorithm_->ask();
    if (batch_x_.rows() == 0) return std::nullopt;  // the algorithm has finished
    has_batch_ = true;
    batch_first_trial_ = next_trial_;
    next_trial_ += batch_x_.rows();
    rows_.assign(static_cast<std::size_t>(batch_x_.rows()), BatchRow{});
  }
  for (std::size_t i = 0; i < static_cast<std::size_t>(rows_within_budget()); ++i) {
    if (rows_[i].state != BatchRow::State::open) continue;
    rows_[i].state = BatchRow::State::asked;
    rows_[i].asked_at = now;
    save_state();
    const auto row = static_cast<Index>(i);
    return AskedTrial{batch_first_trial_ + row, generation_ + 1, batch_x_.row(row),
                      problem_->space().row_to_json(batch_x_.row(row))};
  }
  save_state();  // a new batch, even when (an empty one) nothing is given out
  return std::nullopt;
}

std::int64_t Study::row_of(std::int64_t trial, bool for_tell) const {
  if (trial < 0 || trial >= next_trial_)
    throw InputError("unknown trial id (" + std::to_string(next_trial_) + " trials given out so far)",
                     Location::of_field(trial_name(trial)));
  if (!has_batch_ || trial < batch_first_trial_)
    throw InputError("already told (it is in trials.jsonl)", Location::of_field(trial_name(trial)));
  const auto row = trial - batch_first_trial_;
  const BatchRow& r = rows_[static_cast<std::size_t>(row)];
  if (for_tell && r.state == BatchRow::State::told) {
    throw InputError(r.message.rfind("expired", 0) == 0 ? "already told: it expired (" + r.message + ")"
                                                        : std::string("already told"),
                     Location::of_field(trial_name(trial)));
  }
  if (for_tell && r.state == BatchRow::State::open)
    throw InputError("never given out by 'ask'", Location::of_field(trial_name(trial)));
  return row;
}

TellResult Study::tell(std::int64_t trial, const std::vector<double>& values, double /*now*/) {
  const auto row = row_of(trial, true);
  const Index expected = problem_->n_obj() + problem_->n_constr();
  if (static_cast<Index>(values.size()) != expected) {
    std::string names;
    for (const auto& o : problem_->objectives()) names += (names.empty() ? "" : ",") + o.name;
    for (const auto& c : problem_->constraints()) names += "," + c.name;
    throw UsageError("expected " + std::to_string(expected) + " values (" + names + "), got " +
                         std::to_string(values.size()),
                     Location::of_field("--values"));
  }
  nlohmann::json by_name = nlohmann::json::object();
  std::size_t k = 0;
  for (const auto& o : problem_->objectives()) by_name[o.name] = values[k++];
  for (const auto& c : problem_->constraints()) by_name[c.name] = values[k++];
  for (double v : values)
    if (!std::isfinite(v)) throw UsageError("values must be finite numbers", Location::of_field("--values"));
  BatchRow& r = rows_[static_cast<std::size_t>(row)];
  r.state = BatchRow::State::told;
  r.status = TrialStatus::success;
  r.values = std::move(by_name);
  return complete_batch_if_told();
}

TellResult Study::tell_failed(std::int64_t trial, TrialStatus status, const std::string& message) {
  BatchRow& r = rows_[static_cast<std::size_t>(row_of(trial, true))];
  r.state = BatchRow::State::told;
  r.status = status;
  r.message = message;
  return complete_batch_if_told();
}

std::vector<std::int64_t> Study::expire(double seconds, double now) {
  std::vector<std::int64_t> expired;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    BatchRow& r = rows_[i];
    if (r.state != BatchRow::State::asked || now - r.asked_at <= seconds) continue;
    r.state = BatchRow::State::told;
    r.status = TrialStatus::timeout;
    r.message = "expired: given out " + std::to_string(static_cast<long long>(now - r.asked_at)) +
                " s before, never told";
    expired.push_back(batch_first_trial_ + static_cast<std::int64_t>(i));
  }
  if (!expired.empty()) complete_batch_if_told();
  return expired;
}

nlohmann::ordered_json Study::trial_line(Index row) const {
  const BatchRow& r = rows_[static_cast<std::size_t>(row)];
  RowVector f = RowVector::Constant(problem_->n_obj(), INFINITY);
  RowVector g = RowVector::Constant(problem_->n_constr(), INFINITY);
  if (r.status == TrialStatus::success) {
    std::string problem;
    if (!problem_->values_to_row(r.values, f, g, problem)) throw Error("study state: " + problem);
  }
  // Ordered: sweep's key order, trial first.
  nlohmann::ordered_json line = {{"trial", batch_first_trial_ + row},
                                 {"generation", generation_ + 1},
                                 {"x", vector_to_json(batch_x_.row(row).transpose())},
                                 {"f", vector_to_json(f.transpose())}};
  if (problem_->n_constr() > 0) line["g"] = vector_to_json(g.transpose());
  if (r.status != TrialStatus::success) {
    line["status"] = paretokit::to_string(r.status);
    if (!r.message.empty()) line["message"] = r.message;
  }
  line["config"] = problem_->space().row_to_json(batch_x_.row(row));
  if (!r.values.is_null()) line["values"] = r.values;
  return line;
}

TellResult Study::complete_batch_if_told() {
  const Index n = rows_within_budget();
  for (Index i = 0; i < n; ++i) {
    if (rows_[static_cast<std::size_t>(i)].state != BatchRow::State::told) {
      save_state();
      return {false, generation_ + 1};
    }
  }
  const bool cut = n < batch_x_.rows();
  Evaluation evaluation{Matrix(n, problem_->n_obj()), Matrix(n, problem_->n_constr())};
  std::string lines;
  for (Index i = 0; i < n; ++i) {
    const BatchRow& r = rows_[static_cast<std::size_t>(i)];
    if (r.status == TrialStatus::success) {
      RowVector f, g;
      std::string problem;
      if (!problem_->values_to_row(r.values, f, g, problem)) throw Error("study state: " + problem);
      evaluation.objectives.row(i) = f;
      evaluation.constraints.row(i) = g;
    } else {
      evaluation.set_failed(i, r.status, r.message);
      ++failed_trials_;
    }
    lines += trial_line(i).dump();
    lines += '\n';
  }
  // The batch was asked from this state: asking again gives the same rows.
  // A batch cut by the budget ends the study: its trials are logged, the
  // algorithm is not told (its state stays the last whole batch's).
  if (!cut) {
    restore(*algorithm_, *problem_, settings_.seed, algorithm_state_);
    const Matrix again = algorithm_->ask();
    if (again.rows() != n || again.cols() != batch_x_.cols() || again != batch_x_)
      throw Error("the algorithm did not propose the same batch again from its saved state",
                  {(directory_ / "state.json").string()});
    algorithm_->tell(batch_x_, evaluation);
    algorithm_state_ = algorithm_->save_state();
  }
  {
    JsonlWriter log(directory_ / "trials.jsonl");
    log.append_lines(lines);
    log.sync();
  }
  generation_ += 1;
  logged_trials_ += n;
  has_batch_ = false;
  rows_.clear();
  batch_x_.resize(0, 0);
  save_state();
  return {true, generation_};
}

std::int64_t Study::pending() const {
  return std::count_if(rows_.begin(), rows_.end(),
                       [](const BatchRow& r) { return r.state == BatchRow::State::asked; });
}

}  // namespace paretokit::cli
