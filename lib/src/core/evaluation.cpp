#include "paretokit/core/evaluation.hpp"

#include <algorithm>
#include <limits>

namespace paretokit {

const char* to_string(TrialStatus status) {
  switch (status) {
    case TrialStatus::success:
      return "success";
    case TrialStatus::crashed:
      return "crashed";
    case TrialStatus::timeout:
      return "timeout";
    case TrialStatus::memory_out:
      return "memory_out";
  }
  return "?";
}

std::optional<TrialStatus> trial_status_from_string(std::string_view text) {
  for (const TrialStatus s :
       {TrialStatus::success, TrialStatus::crashed, TrialStatus::timeout, TrialStatus::memory_out}) {
    if (text == to_string(s)) return s;
  }
  return std::nullopt;
}

const std::string& Evaluation::message_of(Index row) const {
  static const std::string none;
  const auto i = static_cast<std::size_t>(row);
  return i < message.size() ? message[i] : none;
}

bool Evaluation::all_succeeded() const {
  return std::all_of(status.begin(), status.end(), [](TrialStatus s) { return s == TrialStatus::success; });
}

Index Evaluation::failures() const {
  return static_cast<Index>(
      std::count_if(status.begin(), status.end(), [](TrialStatus s) { return s != TrialStatus::success; }));
}

void Evaluation::set_status(Index row, TrialStatus why, std::string text) {
  const auto n = static_cast<std::size_t>(rows());
  if (status.size() != n) status.assign(n, TrialStatus::success);
  if (message.size() != n) message.assign(n, std::string());
  status[static_cast<std::size_t>(row)] = why;
  message[static_cast<std::size_t>(row)] = why == TrialStatus::success ? std::string() : std::move(text);
}

void Evaluation::set_failed(Index row, TrialStatus why, std::string text) {
  set_status(row, why, std::move(text));
  constexpr double inf = std::numeric_limits<double>::infinity();
  objectives.row(row).setConstant(inf);
  if (constraints.cols() > 0) constraints.row(row).setConstant(inf);
}

}  // namespace paretokit
