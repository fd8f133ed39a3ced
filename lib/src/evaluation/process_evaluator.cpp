// ProcessEvaluator; see evaluation/process_evaluator.hpp.
#include "paretokit/evaluation/process_evaluator.hpp"

#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include "child_process.hpp"
#include "command_template.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"

namespace paretokit {

namespace {

// A trial killed because the study stopped: nothing to record.
struct Abandoned {};

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// The last `bytes` of a file (all of it when shorter); empty when missing.
std::string file_tail(const std::filesystem::path& path, std::size_t bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0));
  const std::size_t start = size > bytes ? size - bytes : 0;
  in.seekg(static_cast<std::streamoff>(start));
  std::string text(size - start, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  return text;
}

// The last few lines of stderr, for a failure's message.
std::string stderr_excerpt(const std::filesystem::path& path) {
  std::string tail = file_tail(path, 600);
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == ' ')) tail.pop_back();
  std::size_t lines = 0, at = tail.size();
  while (at > 0 && lines < 3) {
    at = tail.rfind('\n', at - 1);
    if (at == std::string::npos) {
      at = 0;
      break;
    }
    ++lines;
  }
  std::string excerpt = tail.substr(at == 0 ? 0 : at + 1);
  std::replace(excerpt.begin(), excerpt.end(), '\n', ' ');
  return excerpt;
}

// The result: TRIAL/result.json, else the last stdout line that is a JSON
// object. nullopt with `why` set when there is none.
std::optional<nlohmann::json> read_result(const std::filesystem::path& dir, std::string& why) {
  const auto result_file = dir / "result.json";
  if (std::filesystem::exists(result_file)) {
    std::ifstream in(result_file);
    std::stringstream text;
    text << in.rdbuf();
    try {
      auto json = nlohmann::json::parse(text.str());
      if (json.is_object()) return json;
      why = "result.json is not a JSON object";
    } catch (const nlohmann::json::exception& error) {
      why = std::string("result.json is not valid JSON: ") + error.what();
    }
    return std::nullopt;
  }
  const std::string tail = file_tail(dir / "stdout", 1 << 16);
  std::size_t end = tail.size();
  while (end > 0) {
    const std::size_t begin = tail.rfind('\n', end - 1);
    const std::size_t from = begin == std::string::npos ? 0 : begin + 1;
    std::string line = tail.substr(from, end - from);
    const auto first = line.find_first_not_of(" \t\r");
    if (first != std::string::npos && line[first] == '{') {
      auto json = nlohmann::json::parse(line, nullptr, false);
      if (!json.is_discarded() && json.is_object()) return json;
    }
    if (begin == std::string::npos) break;
    end = begin;
  }
  why = "no result: neither result.json nor a JSON object line on stdout";
  return std::nullopt;
}

bool says_out_of_memory(const std::string& text) {
  for (const char* hint :
       {"MemoryError", "bad_alloc", "out of memory", "Out of memory", "Cannot allocate memory"}) {
    if (text.find(hint) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::uint64_t parse_memory_size(const std::string& text, const std::string& flag) {
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  std::string unit = text.substr(used);
  double scale = 1;
  if (unit == "k" || unit == "K" || unit == "KB" || unit == "KiB")
    scale = 1024.0;
  else if (unit == "m" || unit == "M" || unit == "MB" || unit == "MiB")
    scale = 1024.0 * 1024;
  else if (unit == "g" || unit == "G" || unit == "GB" || unit == "GiB")
    scale = 1024.0 * 1024 * 1024;
  else if (!unit.empty())
    used = 0;
  if (used == 0 || !(value > 0) || !std::isfinite(value)) {
    throw UsageError("'" + text + "' is not a memory size (e.g. 512M, 2G, bytes)", Location::of_field(flag));
  }
  return static_cast<std::uint64_t>(value * scale);
}

ProcessEvaluator::ProcessEvaluator(const CommandProblem& problem, Options options)
    : problem_(problem), options_(std::move(options)) {
  if (options_.workers < 1) throw UsageError("must be >= 1", Location::of_field("--workers"));
  if (!(options_.timeout_seconds >= 0)) throw UsageError("must be >= 0", Location::of_field("--timeout"));
  if (options_.retries < 0) throw UsageError("must be >= 0", Location::of_field("--retries"));
  if (options_.trials_directory.empty())
    throw UsageError("needs a trials directory", Location::of_field("--out"));
  command_ = std::make_unique<detail::CommandTemplate>(options_.command, problem_.space());
  detail::check_program_exists(command_->program());
  if (!options_.reuse_finished) std::filesystem::remove_all(options_.trials_directory);
  std::filesystem::create_directories(options_.trials_directory);
  options_.trials_directory = std::filesystem::absolute(options_.trials_directory);
}

ProcessEvaluator::~ProcessEvaluator() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    jobs_.clear();
    for (const int group : running_groups_) ::kill(-group, SIGKILL);
  }
  job_ready_.notify_all();
  for (auto& thread : threads_) thread.join();
}

void ProcessEvaluator::evaluate_into(const Problem&, const MatrixRef&, MatrixMut, MatrixMut) {
  throw UsageError("the process evaluator numbers its trials: call evaluate_trials()",
                   Location::of_field("evaluator"));
}

Evaluation ProcessEvaluator::evaluate_trials(const Problem& problem, const MatrixRef& X,
                                             std::int64_t first_trial) {
  Evaluation batch{Matrix(X.rows(), problem_.n_obj()), Matrix(X.rows(), problem_.n_constr())};
  for (Index i = 0; i < X.rows(); ++i) submit(problem, X.row(i), first_trial + i);
  for (Index k = 0; k < X.rows(); ++k) {
    TrialOutcome outcome = collect();
    const Index i = outcome.trial - first_trial;
    batch.objectives.row(i) = outcome.objectives;
    batch.constraints.row(i) = outcome.constraints;
    if (outcome.status != TrialStatus::success)
      batch.set_failed(i, outcome.status, std::move(outcome.message));
  }
  return batch;
}

void ProcessEvaluator::submit(const Problem& /*problem*/, const Eigen::Ref<const RowVector>& x,
                              std::int64_t trial) {
  std::lock_guard lock(mutex_);
  if (threads_.empty()) {
    for (int w = 0; w < options_.workers; ++w) threads_.emplace_back([this] { work(); });
  }
  if (first_submit_ < 0) first_submit_ = now_seconds();
  jobs_.push_back({trial, x});
  ++in_flight_;
  job_ready_.notify_one();
}

TrialOutcome ProcessEvaluator::collect() {
  std::unique_lock lock(mutex_);
  if (in_flight_ == 0 && !fatal_)
    throw UsageError("collect(): no trial in flight", Location::of_field("evaluator"));
  auto stopped = [&] { return options_.stop_request != nullptr && options_.stop_request->load(); };
  // Polled: a signal handler can only set the flag, not notify.
  while (!outcome_ready_.wait_for(lock, std::chrono::milliseconds(50),
                                  [&] { return !outcomes_.empty() || fatal_ || stopped(); })) {
  }
  if (fatal_) std::rethrow_exception(fatal_);
  if (outcomes_.empty() && stopped()) {
    abandoned_ = true;  // what the killed trials give is not an outcome
    jobs_.clear();
    for (const int group : running_groups_) ::kill(-group, SIGKILL);
    throw EvaluationInterrupted("stopped while trials ran: they run again on resume");
  }
  TrialOutcome outcome = std::move(outcomes_.front());
  outcomes_.pop_front();
  --in_flight_;
  return outcome;
}

std::size_t ProcessEvaluator::in_flight() const {
  std::lock_guard lock(mutex_);
  return in_flight_;
}

void ProcessEvaluator::work() {
  while (true) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      job_ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    try {
      TrialOutcome outcome = run_trial(job);
      std::lock_guard lock(mutex_);
      last_end_ = std::max(last_end_, now_seconds());
      outcomes_.push_back(std::move(outcome));
    } catch (const Abandoned&) {
      continue;  // killed by an interruption: no outcome.json, rerun on resume
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!fatal_) fatal_ = std::current_exception();
    }
    outcome_ready_.notify_all();
  }
}

bool ProcessEvaluator::reuse(const std::filesystem::path& dir, const nlohmann::json& config,
                             TrialOutcome& outcome) {
  const auto path = dir / "outcome.json";
  if (!std::filesystem::exists(path)) return false;
  try {
    const nlohmann::json saved = read_json_file(path);
    if (saved.at("config") != config) return false;
    const auto status = trial_status_from_string(saved.at("status").get<std::string>());
    if (!status) return false;
    outcome.status = *status;
    outcome.message = saved.value("message", std::string());
    outcome.seconds = saved.value("seconds", 0.0);
    finish_outcome(outcome, saved.value("values", nlohmann::json::object()), *status == TrialStatus::success);
    return outcome.status == *status;
  } catch (const std::exception&) {
    return false;  // damaged: run it again
  }
}

// f and g from the program's values (success), or +inf (a failure).
void ProcessEvaluator::finish_outcome(TrialOutcome& outcome, const nlohmann::json& values, bool have_values) {
  std::string why;
  if (have_values && problem_.values_to_row(values, outcome.objectives, outcome.constraints, why)) {
    outcome.status = TrialStatus::success;
    return;
  }
  if (have_values) {
    outcome.status = TrialStatus::crashed;
    outcome.message = why;
  }
  constexpr double inf = std::numeric_limits<double>::infinity();
  outcome.objectives = RowVector::Constant(problem_.n_obj(), inf);
  outcome.constraints = RowVector::Constant(problem_.n_constr(), inf);
}

TrialOutcome ProcessEvaluator::run_trial(const Job& job) {
  const auto dir = options_.trials_directory / std::to_string(job.trial);
  const nlohmann::json config = problem_.space().row_to_json(job.x);
  TrialOutcome outcome;
  outcome.trial = job.trial;
  if (options_.reuse_finished && std::filesystem::exists(dir)) {
    if (reuse(dir, config, outcome)) {
      std::lock_guard lock(mutex_);
      ++reused_trials_;
      return outcome;
    }
    std::lock_guard lock(mutex_);
    ++rerun_unfinished_;
  }
  // Usually a new folder: one mkdir (the trials directory exists); an old
  // one (a rerun) is emptied first.
  if (::mkdir(dir.c_str(), 0755) != 0) {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  const auto config_file = dir / "config.json";
  {
    // A fresh folder: no reader can see a half-written file that matters
    // (outcome.json, written last and atomically, is what resume trusts).
    std::ofstream file(config_file);
    file << config.dump(2) << '\n';
    if (!file) throw Error("cannot write '" + config_file.string() + "'");
  }

  detail::ChildRequest request;
  request.command = command_->expand(config, job.trial, dir.string(), config_file.string());
  request.stdout_path = dir / "stdout";
  request.stderr_path = dir / "stderr";
  request.timeout_seconds = options_.timeout_seconds;
  request.memory_limit_bytes = options_.memory_limit_bytes;
  request.extra_env = {"PARETOKIT_TRIAL=" + std::to_string(job.trial), "PARETOKIT_TRIAL_DIR=" + dir.string(),
                       "PARETOKIT_CONFIG_FILE=" + config_file.string()};
  for (const auto& [name, value] : config.items()) {
    request.extra_env.push_back(detail::environment_name(name) + "=" + detail::value_text(value));
  }

  nlohmann::json values = nlohmann::json::object();
  detail::ChildResult child;
  int attempts = 0;
  double seconds = 0;
  for (int attempt = 0; attempt <= options_.retries; ++attempt) {
    if (attempt > 0) std::filesystem::remove(dir / "result.json");
    ++attempts;
    child = detail::run_child(request, [this](int group) {
      std::lock_guard lock(mutex_);
      running_groups_.insert(group);
    });
    {
      std::lock_guard lock(mutex_);
      running_groups_.erase(child.pid);  // reaped: its pid may be reused
      if (abandoned_ || stopping_) throw Abandoned{};
      busy_seconds_ += child.seconds;
      ++run_trials_;
      if (attempt > 0) ++retried_attempts_;
    }
    seconds += child.seconds;
    const bool memory_hint =
        options_.memory_limit_bytes > 0 && (says_out_of_memory(file_tail(dir / "stderr", 4096)) ||
                                            static_cast<double>(child.max_rss_kib) * 1024.0 >=
                                                0.9 * static_cast<double>(options_.memory_limit_bytes));
    outcome.message.clear();
    if (child.timed_out) {
      outcome.status = TrialStatus::timeout;
      std::ostringstream text;
      text << "still running after " << options_.timeout_seconds << " s: process group killed";
      outcome.message = text.str();
    } else if (child.signaled || child.exit_code != 0) {
      outcome.status = memory_hint ? TrialStatus::memory_out : TrialStatus::crashed;
      outcome.message = child.signaled ? "killed by signal " + std::to_string(child.signal)
                                       : "exit code " + std::to_string(child.exit_code);
      if (!child.signaled && child.exit_code == 127) outcome.message += " (command not found?)";
      const std::string excerpt = stderr_excerpt(dir / "stderr");
      if (!excerpt.empty()) outcome.message += ": " + excerpt;
    } else {
      std::string why;
      if (const auto result = read_result(dir, why)) {
        values = *result;
        std::string missing;
        RowVector f, g;
        const bool complete = problem_.values_to_row(values, f, g, missing);
        {
          std::lock_guard lock(mutex_);
          if (!result_checked_ && !complete && missing.find("has no") != std::string::npos) {
            std::vector<std::string> keys;
            for (const auto& item : values.items()) keys.push_back(item.key());
            std::string list;
            for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
            throw InputError("the first result (trial " + std::to_string(job.trial) + ", " + dir.string() +
                                 ") names no such value: " + missing + "; it has: " + list,
                             Location::of_field("--objectives"));
          }
          if (complete) result_checked_ = true;
        }
        outcome.status = complete ? TrialStatus::success : TrialStatus::crashed;
        if (!complete) outcome.message = missing;
      } else {
        outcome.status = TrialStatus::crashed;
        outcome.message = why;
      }
    }
    if (outcome.status == TrialStatus::success) break;
  }
  outcome.seconds = seconds;
  finish_outcome(outcome, values, outcome.status == TrialStatus::success);

  nlohmann::json saved = {{"trial", job.trial}, {"status", to_string(outcome.status)},
                          {"config", config},   {"values", values},
                          {"seconds", seconds}, {"attempts", attempts}};
  if (!outcome.message.empty()) saved["message"] = outcome.message;
  if (child.signaled) saved["signal"] = child.signal;
  if (!child.signaled && !child.timed_out) saved["exit_code"] = child.exit_code;
  write_file_atomically(dir / "outcome.json", saved.dump(2) + "\n",
                        {.sync_file = false, .sync_directory = false});
  return outcome;
}

nlohmann::json ProcessEvaluator::report() const {
  std::lock_guard lock(mutex_);
  const double span = first_submit_ >= 0 ? std::max(last_end_ - first_submit_, 0.0) : 0.0;
  return {{"name", "process"},
          {"workers", options_.workers},
          {"busy_seconds", busy_seconds_},
          {"span_seconds", span},
          {"utilization", span > 0 ? busy_seconds_ / (span * options_.workers) : 0.0},
          {"attempts_run", run_trials_},
          {"retried_attempts", retried_attempts_},
          {"reused_finished_trials", reused_trials_},
          {"rerun_unfinished_trials", rerun_unfinished_}};
}

}  // namespace paretokit
