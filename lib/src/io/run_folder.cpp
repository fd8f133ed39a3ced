#include "paretokit/io/run_folder.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <sstream>
#include <string_view>
#include <system_error>

#include "paretokit/core/error.hpp"
#include "paretokit/core/point_file.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/json_matrix.hpp"

namespace paretokit {

RunFolder::RunFolder(std::filesystem::path directory) : directory_(std::move(directory)) {}

void RunFolder::create() const {
  std::error_code error;
  std::filesystem::create_directories(directory_, error);
  if (error) throw Error("cannot create the run folder: " + error.message(), {directory_.string()});
}

bool RunFolder::holds_run() const {
  std::error_code error;
  return std::filesystem::exists(config_path(), error);
}

void RunFolder::remove_outputs() const {
  for (const auto& path : {checkpoint_path(), front_txt_path(), front_json_path(), summary_path()}) {
    std::error_code error;
    std::filesystem::remove(path, error);
    std::filesystem::path temporary = path;
    temporary += ".tmp";
    std::filesystem::remove(temporary, error);
  }
}

void RunFolder::write_config(const nlohmann::json& config, AtomicWrite how) const {
  std::string text = config.dump(2);
  text += '\n';
  write_file_atomically(config_path(), text, how);
}

nlohmann::json RunFolder::read_config() const {
  if (!holds_run()) throw InputError("no config.json: not a run folder", {directory_.string()});
  return read_json_file(config_path());
}

void RunFolder::write_checkpoint(const nlohmann::json& checkpoint) const {
  // One line: a checkpoint of a large population is big, and indentation
  // would make it half again as large for no reader's benefit.
  write_json_atomically(checkpoint_path(), checkpoint, -1);
}

std::optional<nlohmann::json> RunFolder::read_checkpoint() const {
  std::error_code error;
  std::filesystem::path temporary = checkpoint_path();
  temporary += ".tmp";
  std::filesystem::remove(temporary, error);
  if (!std::filesystem::exists(checkpoint_path(), error)) return std::nullopt;
  return read_json_file(checkpoint_path());
}

void RunFolder::write_summary(const nlohmann::json& summary) const { write_json_atomically(summary_path(), summary); }

std::string RunFolder::front_txt(const MatrixRef& objectives) {
  std::ostringstream text;
  write_points(text, objectives);
  return text.str();
}

std::string RunFolder::front_json(const MatrixRef& objectives, const MatrixRef& x) {
  std::string json = nlohmann::json{{"objectives", matrix_to_json(objectives)}, {"x", matrix_to_json(x)}}.dump(2);
  json += '\n';
  return json;
}

void RunFolder::write_front(const MatrixRef& objectives, const MatrixRef& x, AtomicWrite how) const {
  write_file_atomically(front_txt_path(), front_txt(objectives), how);
  write_file_atomically(front_json_path(), front_json(objectives, x), how);
}

TrialLog::TrialLog(const std::filesystem::path& path, bool truncate)
    : writer_(path, JsonlWriter::Options{.truncate = truncate, .sync_every_write = false}) {}

namespace {

// The writers below put text at `out` and return its end; the caller has
// made room (at most 24 characters a number, 20 an integer).
char* put(char* out, std::string_view text) {
  std::memcpy(out, text.data(), text.size());
  return out + text.size();
}

// append_number(..., json = true), in place: the same characters.
char* put_number(char* out, double value) {
  if (std::isfinite(value)) return std::to_chars(out, out + 32, value).ptr;
  return put(out, std::isnan(value) ? "\"nan\"" : (value > 0 ? "\"inf\"" : "\"-inf\""));
}

// append_json_row(), in place.
char* put_row(char* out, const Eigen::Ref<const RowVector>& row) {
  *out++ = '[';
  for (Index j = 0; j < row.size(); ++j) {
    if (j > 0) *out++ = ',';
    out = put_number(out, row(j));
  }
  *out++ = ']';
  return out;
}

}  // namespace

void TrialLog::append(std::int64_t first_trial, std::int64_t generation, const MatrixRef& x,
                      const Evaluation& evaluation) {
  // Formatted straight into one buffer sized for the longest lines (no
  // per-piece appends): 40 characters of keys and braces, 6 brackets, two
  // integers of at most 20, at most 24 per number and a comma between them.
  const Index numbers = x.cols() + evaluation.objectives.cols() + evaluation.constraints.cols();
  const auto line_bound = static_cast<std::size_t>(128 + 25 * numbers);
  buffer_.resize(line_bound * static_cast<std::size_t>(x.rows()));
  char* out = buffer_.data();
  for (Index i = 0; i < x.rows(); ++i) {
    out = put(out, "{\"trial\":");
    out = std::to_chars(out, out + 20, first_trial + i).ptr;
    out = put(out, ",\"generation\":");
    out = std::to_chars(out, out + 20, generation).ptr;
    out = put(out, ",\"x\":");
    out = put_row(out, x.row(i));
    out = put(out, ",\"f\":");
    out = put_row(out, evaluation.objectives.row(i));
    if (evaluation.constraints.cols() > 0) {
      out = put(out, ",\"g\":");
      out = put_row(out, evaluation.constraints.row(i));
    }
    if (evaluation.failed(i)) {
      // Rare: formatted apart (the message has any length), the buffer grown.
      std::string tail = ",\"status\":\"";
      tail += to_string(evaluation.status_of(i));
      tail += '"';
      if (!evaluation.message_of(i).empty()) tail += ",\"message\":" + nlohmann::json(evaluation.message_of(i)).dump();
      const auto used = static_cast<std::size_t>(out - buffer_.data());
      buffer_.resize(buffer_.size() + tail.size());
      out = put(buffer_.data() + used, tail);
    }
    out = put(out, "}\n");
  }
  buffer_.resize(static_cast<std::size_t>(out - buffer_.data()));
  writer_.append_lines(buffer_);
  unflushed_bytes_ += buffer_.size();
  if (unflushed_bytes_ >= kWritebackBytes) {
    writer_.start_writeback();
    unflushed_bytes_ = 0;
  }
}

TrialRecords read_trials(const std::filesystem::path& path) {
  const JsonlContents contents = read_jsonl(path);
  TrialRecords records;
  records.dropped_torn_line = contents.dropped_torn_line;
  const auto n = static_cast<Index>(contents.records.size());
  if (n == 0) return records;
  const auto& first = contents.records.front();
  auto width = [&](const char* key) {
    return first.contains(key) && first[key].is_array() ? static_cast<Index>(first[key].size()) : Index{0};
  };
  records.x.resize(n, width("x"));
  records.f.resize(n, width("f"));
  records.g.resize(n, width("g"));
  for (Index i = 0; i < n; ++i) {
    const auto& record = contents.records[static_cast<std::size_t>(i)];
    const Location where(path.string(), static_cast<std::size_t>(i) + 1);
    try {
      records.trial.push_back(record.at("trial").get<std::int64_t>());
      records.generation.push_back(record.at("generation").get<std::int64_t>());
      auto fill = [&](const char* key, Matrix& into) {
        if (into.cols() == 0) return;
        const Vector row = vector_from_json(record.at(key), {where.file, where.line, key});
        if (row.size() != into.cols()) throw InputError("wrong number of values", {where.file, where.line, key});
        into.row(i) = row.transpose();
      };
      fill("x", records.x);
      fill("f", records.f);
      fill("g", records.g);
      TrialStatus status = TrialStatus::success;
      if (const auto it = record.find("status"); it != record.end()) {
        const auto parsed = it->is_string() ? trial_status_from_string(it->get<std::string>()) : std::nullopt;
        if (!parsed) throw InputError("unknown trial status " + it->dump(), {where.file, where.line, "status"});
        status = *parsed;
      }
      records.status.push_back(status);
      records.message.push_back(record.value("message", std::string()));
    } catch (const nlohmann::json::exception& error) {
      throw InputError(std::string("malformed trial record: ") + error.what(), where);
    }
  }
  return records;
}

}  // namespace paretokit
