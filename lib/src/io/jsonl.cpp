#include "paretokit/io/jsonl.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>

#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"

namespace paretokit {

namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
  throw Error(what + ": " + std::strerror(errno), {path.string()});
}

// Bigger blocks are cut at line boundaries so that no single write(2) is huge.
constexpr std::size_t kChunkBytes = std::size_t{1} << 22;

// Calls visit(begin_offset, end_offset_past_newline) for every complete line,
// reading the file in blocks; returns the offset past the last newline.
template <class Visit>
std::uint64_t scan_lines(const std::filesystem::path& path, Visit&& visit) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return 0;
    throw InputError(std::string("cannot open file: ") + std::strerror(errno), {path.string()});
  }
  std::uint64_t offset = 0, line_start = 0;
  char buffer[1 << 16];
  while (true) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      const int saved = errno;
      ::close(fd);
      throw InputError(std::string("cannot read file: ") + std::strerror(saved), {path.string()});
    }
    if (got == 0) break;
    for (ssize_t i = 0; i < got; ++i) {
      if (buffer[i] == '\n') {
        const std::uint64_t end = offset + static_cast<std::uint64_t>(i) + 1;
        if (!visit(line_start, end)) {
          ::close(fd);
          return end;
        }
        line_start = end;
      }
    }
    offset += static_cast<std::uint64_t>(got);
  }
  ::close(fd);
  return line_start;
}

}  // namespace

JsonlWriter::JsonlWriter(const std::filesystem::path& path) : JsonlWriter(path, Options{}) {}

JsonlWriter::JsonlWriter(const std::filesystem::path& path, Options options) : path_(path), options_(options) {
  const int flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (options.truncate ? O_TRUNC : 0);
  fd_ = ::open(path.c_str(), flags, 0644);
  if (fd_ < 0) fail("cannot open for appending", path);
}

JsonlWriter::~JsonlWriter() {
  if (fd_ >= 0) ::close(fd_);
}

JsonlWriter::JsonlWriter(JsonlWriter&& other) noexcept
    : path_(std::move(other.path_)), options_(other.options_), fd_(std::exchange(other.fd_, -1)) {}

JsonlWriter& JsonlWriter::operator=(JsonlWriter&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    path_ = std::move(other.path_);
    options_ = other.options_;
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

void JsonlWriter::write_whole(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd_, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      fail("cannot append", path_);
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  if (options_.sync_every_write) sync();
}

void JsonlWriter::append(const nlohmann::json& record) {
  std::string line = record.dump();
  line += '\n';
  write_whole(line);
}

void JsonlWriter::append_lines(std::string_view lines) {
  if (lines.empty()) return;
  if (lines.back() != '\n') throw std::invalid_argument("JsonlWriter::append_lines: the last line is not terminated");
  while (lines.size() > kChunkBytes) {
    std::size_t cut = lines.rfind('\n', kChunkBytes - 1);
    if (cut == std::string_view::npos) cut = lines.find('\n');  // one line longer than a chunk
    write_whole(lines.substr(0, cut + 1));
    lines.remove_prefix(cut + 1);
  }
  write_whole(lines);
}

void JsonlWriter::sync() {
  if (::fsync(fd_) != 0) fail("cannot sync", path_);
}

void JsonlWriter::start_writeback() {
#ifdef __linux__
  // A hint: a failure here shows up again, with its cause, at sync().
  (void)::sync_file_range(fd_, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
}

JsonlContents read_jsonl(const std::filesystem::path& path) {
  const std::string text = [&] {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) return std::string();
    return read_text_file(path);
  }();
  JsonlContents contents;
  std::size_t start = 0, line_number = 0;
  while (start < text.size()) {
    const std::size_t newline = text.find('\n', start);
    ++line_number;
    if (newline == std::string::npos) {  // the writer died in the middle of this line
      contents.dropped_torn_line = true;
      break;
    }
    const std::string_view line(text.data() + start, newline - start);
    const bool last = newline + 1 >= text.size();
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      try {
        contents.records.push_back(nlohmann::json::parse(line));
        contents.record_ends.push_back(newline + 1);
      } catch (const nlohmann::json::parse_error&) {
        // A damaged final line is what a crash leaves; anywhere else the file is corrupt.
        if (!last) throw InputError("line is not valid JSON", {path.string(), line_number});
        contents.dropped_torn_line = true;
      }
    }
    start = newline + 1;
  }
  return contents;
}

std::uint64_t count_jsonl_lines(const std::filesystem::path& path) {
  std::uint64_t count = 0;
  scan_lines(path, [&](std::uint64_t, std::uint64_t) {
    ++count;
    return true;
  });
  return count;
}

void truncate_jsonl(const std::filesystem::path& path, std::uint64_t lines) {
  std::uint64_t seen = 0, keep_bytes = 0;
  if (lines > 0) {
    keep_bytes = scan_lines(path, [&](std::uint64_t, std::uint64_t) { return ++seen < lines; });
    if (seen < lines) {
      throw InputError("holds " + std::to_string(seen) + " complete lines, expected at least " +
                           std::to_string(lines),
                       {path.string()});
    }
  }
  std::error_code error;
  if (lines == 0 && !std::filesystem::exists(path, error)) return;
  if (::truncate(path.c_str(), static_cast<off_t>(keep_bytes)) != 0) fail("cannot truncate", path);
}

}  // namespace paretokit
