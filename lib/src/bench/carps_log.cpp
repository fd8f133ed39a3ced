#include "carps_log.hpp"

#include <cstdio>

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

}  // namespace paretokit::bench::detail
