// Files that are replaced whole or not at all.
//
// write_file_atomically() writes to "<path>.tmp", flushes it to disk (fsync),
// renames it over <path> and syncs the directory, so that a reader, or a run
// killed at any instant, sees either the old file or the new one, never a
// mixture. A stale "<path>.tmp" left by a crash is simply overwritten by the
// next write; readers never look at it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace paretokit {

// Replaces `path` by `contents` atomically (temp file + fsync + rename).
// Throws paretokit::Error (with the path and the system's reason) on failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view contents);

// Same, for a JSON document (`indent` < 0: one line).
void write_json_atomically(const std::filesystem::path& path, const nlohmann::json& document, int indent = 2);

// The whole file; throws InputError naming the path when it cannot be read.
std::string read_text_file(const std::filesystem::path& path);

// Parses a JSON file; a syntax error is an InputError with the file and line.
nlohmann::json read_json_file(const std::filesystem::path& path);

// fsync() of a directory, so that a rename or a new file in it survives a crash.
void sync_directory(const std::filesystem::path& directory);

}  // namespace paretokit
