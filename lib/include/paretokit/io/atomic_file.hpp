// Files that are replaced whole or not at all.
//
// write_file_atomically() writes to "<path>.tmp", flushes it to disk (fsync),
// renames it over <path> and syncs the directory, so that a reader, or a run
// killed at any instant, sees either the old file or the new one, never a
// mixture. A stale "<path>.tmp" left by a crash is simply overwritten by the
// next write; readers never look at it.
//
// The directory sync makes the rename itself survive a power loss. A caller
// that replaces the same file again and again (a checkpoint) may skip it
// (AtomicWrite::sync_directory = false) when an older version is an
// acceptable outcome of a power loss: the file's contents are still synced
// before the rename, so the name points at a complete old or new file, and on
// journaling file systems the rename is made durable by the next sync anyway.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace paretokit {

struct AtomicWrite {
  // fsync the temp file before the rename. Without it the replacement is
  // still atomic for a killed process, but a power loss may leave an empty
  // or partial file: only for files that something later syncs (sync_file()).
  bool sync_file = true;
  // fsync the directory after the rename (see above).
  bool sync_directory = true;
};

// Replaces `path` by `contents` atomically (temp file + fsync + rename).
// Throws paretokit::Error (with the path and the system's reason) on failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view contents,
                           AtomicWrite how = {});

// Same, for a JSON document (`indent` < 0: one line).
void write_json_atomically(const std::filesystem::path& path, const nlohmann::json& document, int indent = 2);

// The whole file; throws InputError naming the path when it cannot be read.
std::string read_text_file(const std::filesystem::path& path);

// Parses a JSON file; a syntax error is an InputError with the file and line.
nlohmann::json read_json_file(const std::filesystem::path& path);

// fsync() of a directory, so that a rename or a new file in it survives a crash.
void sync_directory(const std::filesystem::path& directory);

// fsync() of an existing file's contents. Throws paretokit::Error.
void sync_file(const std::filesystem::path& path);

}  // namespace paretokit
