#include "paretokit/io/run_folder.hpp"

#include <sstream>
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

void TrialLog::append(std::int64_t first_trial, std::int64_t generation, const MatrixRef& x,
                      const Evaluation& evaluation) {
  buffer_.clear();
  const std::string generation_text = std::to_string(generation);
  for (Index i = 0; i < x.rows(); ++i) {
    buffer_ += "{\"trial\":";
    buffer_ += std::to_string(first_trial + i);
    buffer_ += ",\"generation\":";
    buffer_ += generation_text;
    buffer_ += ",\"x\":";
    append_json_row(buffer_, x.row(i));
    buffer_ += ",\"f\":";
    append_json_row(buffer_, evaluation.objectives.row(i));
    if (evaluation.constraints.cols() > 0) {
      buffer_ += ",\"g\":";
      append_json_row(buffer_, evaluation.constraints.row(i));
    }
    buffer_ += "}\n";
  }
  writer_.append_lines(buffer_);
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
    } catch (const nlohmann::json::exception& error) {
      throw InputError(std::string("malformed trial record: ") + error.what(), where);
    }
  }
  return records;
}

}  // namespace paretokit
