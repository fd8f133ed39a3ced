#include "carps_log.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_set>

#include "paretokit/core/error.hpp"
#include "paretokit/io/json_matrix.hpp"

namespace paretokit::bench::detail {

namespace {

void append_integer(std::string& out, std::int64_t value) { out += std::to_string(value); }

void append_row(std::string& out, const RowVector* row) {
  if (row == nullptr) {
    out += "[]";
    return;
  }
  append_json_row(out, *row);
}

}  // namespace

void append_json_string(std::string& out, const std::string& text) {
  out += '"';
  for (const char ch : text) {
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x",
                        static_cast<unsigned>(static_cast<unsigned char>(ch)));
          out += buffer;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

void append_trial_line(std::string& out, const TrialLine& line) {
  out += "{\"n_trials\":";
  append_integer(out, line.n_trials);
  out += ",\"n_function_calls\":";
  append_integer(out, line.n_trials);
  out += ",\"trial_info\":{\"config\":";
  append_row(out, line.x);
  out += ",\"instance\":null,\"seed\":";
  out += std::to_string(line.seed);
  out += ",\"budget\":null,\"normalized_budget\":null,\"name\":null,\"checkpoint\":null}";
  out += ",\"trial_value\":{\"cost\":";
  if (line.f == nullptr) {
    out += "null";
  } else {
    append_json_row(out, *line.f);
  }
  out += ",\"time\":";
  append_number(out, line.time);
  out += ",\"virtual_time\":0.0,\"status\":";
  append_integer(out, static_cast<int>(line.status));
  out += ",\"starttime\":";
  append_number(out, line.starttime);
  out += ",\"endtime\":";
  append_number(out, line.endtime);
  out += ",\"additional_info\":{";
  bool first = true;
  if (line.g != nullptr && line.g->size() > 0) {
    out += "\"constraints\":";
    append_json_row(out, *line.g);
    first = false;
  }
  if (!line.message.empty()) {
    if (!first) out += ',';
    out += "\"error\":";
    append_json_string(out, line.message);
  }
  out += "}}}\n";
}

CarpsTrialLog::CarpsTrialLog(const std::filesystem::path& path, TrialLogs mode)
    : writer_(path, {.truncate = true}), mode_(mode) {}

void CarpsTrialLog::add(const TrialLine& line, bool entered_front) {
  const bool failed = line.f == nullptr || line.status != TrialStatus::success;
  switch (mode_) {
    case TrialLogs::all:
      append_trial_line(batch_, line);
      break;
    case TrialLogs::front:
      if (!failed && !entered_front) break;
      append_trial_line(kept_[line.n_trials], line);
      if (failed) failed_.insert(line.n_trials);
      break;
    case TrialLogs::none:
      if (!failed) break;
      batch_.clear();
      append_trial_line(batch_, line);
      writer_.append_lines(batch_);
      batch_.clear();
      break;
  }
}

void CarpsTrialLog::forget_outside(const FrontTrials& front) {
  std::unordered_set<std::int64_t> members;
  for (const std::int64_t trial : front()) members.insert(trial);
  std::erase_if(kept_, [&](const auto& entry) {
    return !members.contains(entry.first) && !failed_.contains(entry.first);
  });
  kept_at_last_forget_ = kept_.size();
}

void CarpsTrialLog::end_batch(const FrontTrials& front) {
  if (mode_ == TrialLogs::all) {
    writer_.append_lines(batch_);
    batch_.clear();
  } else if (mode_ == TrialLogs::front && kept_.size() > 2 * kept_at_last_forget_ + 64) {
    // Now and then, not every batch: the cost stays linear in the lines kept.
    forget_outside(front);
  }
}

void CarpsTrialLog::finish(const FrontTrials& front) {
  if (mode_ == TrialLogs::all && !batch_.empty()) end_batch(front);
  if (mode_ == TrialLogs::front) {
    forget_outside(front);
    std::string lines;
    for (const auto& [trial, line] : kept_) lines += line;  // std::map: in trial order
    writer_.append_lines(lines);
    kept_.clear();
    failed_.clear();
  }
  writer_.sync();
}

}  // namespace paretokit::bench::detail

namespace paretokit::bench {

TrialLogs trial_logs_from_string(const std::string& text) {
  if (text == "all") return TrialLogs::all;
  if (text == "front") return TrialLogs::front;
  if (text == "none") return TrialLogs::none;
  throw UsageError("'" + text + "' is not one of all, front, none", Location::of_field("--trial-logs"));
}

const char* to_string(TrialLogs mode) {
  switch (mode) {
    case TrialLogs::front:
      return "front";
    case TrialLogs::none:
      return "none";
    case TrialLogs::all:
      break;
  }
  return "all";
}

}  // namespace paretokit::bench
