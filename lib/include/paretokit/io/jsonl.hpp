// JSON Lines logs (one JSON document per line) that survive a crash.
//
// JsonlWriter appends with O_APPEND and hands the kernel whole lines only:
// append() writes one complete record per write(2) call, append_lines() a
// block of complete lines. Nothing waits in a user-space buffer, so a killed
// process loses nothing it was told to write; at worst a crash in the middle
// of a write(2) leaves a torn last line, which read_jsonl() detects and drops
// and truncate_jsonl() removes before appending again.
//
//   JsonlWriter log("run/trials.jsonl");
//   log.append({{"trial", 0}, {"f", {0.5, 0.25}}});
//   auto contents = read_jsonl("run/trials.jsonl");   // contents.records
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace paretokit {

class JsonlWriter {
 public:
  struct Options {
    // Start from an empty file instead of appending to an existing one.
    bool truncate = false;
    // fsync(2) after every write: survives power loss, costs a disk flush per
    // write. Off by default: a killed process loses nothing either way.
    bool sync_every_write = false;
  };

  // Opens (creating it if needed) `path` for appending. Throws paretokit::Error.
  explicit JsonlWriter(const std::filesystem::path& path);
  JsonlWriter(const std::filesystem::path& path, Options options);
  ~JsonlWriter();
  JsonlWriter(JsonlWriter&& other) noexcept;
  JsonlWriter& operator=(JsonlWriter&& other) noexcept;
  JsonlWriter(const JsonlWriter&) = delete;
  JsonlWriter& operator=(const JsonlWriter&) = delete;

  // One record, dumped on one line, in one write.
  void append(const nlohmann::json& record);
  // Pre-formatted lines: must be empty or end with '\n' and hold no torn
  // line (checked: throws std::invalid_argument otherwise). Large blocks go
  // out in chunks that each end at a line boundary.
  void append_lines(std::string_view lines);
  // Flushes the file to disk (fsync), e.g. before a checkpoint refers to it.
  void sync();
  // Starts writing what was appended to disk without waiting for it (Linux:
  // sync_file_range; elsewhere nothing), so that a later sync() has less
  // left to wait for. Promises nothing about durability.
  void start_writeback();

  const std::filesystem::path& path() const { return path_; }

 private:
  void write_whole(std::string_view bytes);

  std::filesystem::path path_;
  Options options_;
  int fd_ = -1;
};

struct JsonlContents {
  std::vector<nlohmann::json> records;
  // Byte offset just past each record's newline: where to truncate to keep
  // the first k records.
  std::vector<std::uint64_t> record_ends;
  // True when the last line was torn (no newline, or not valid JSON) and dropped.
  bool dropped_torn_line = false;
};

// Every complete record of a JSONL file. Blank lines are skipped. A malformed
// line before the last one is an InputError naming the file and line; a
// malformed or unterminated last line is dropped and reported.
// A missing file reads as empty.
JsonlContents read_jsonl(const std::filesystem::path& path);

// Number of complete (newline-terminated) lines, without parsing them.
std::uint64_t count_jsonl_lines(const std::filesystem::path& path);

// Keeps the first `lines` complete lines of the file and drops everything
// after them (later records and any torn tail). Throws InputError when the
// file holds fewer complete lines. Does not parse the lines.
void truncate_jsonl(const std::filesystem::path& path, std::uint64_t lines);

}  // namespace paretokit
