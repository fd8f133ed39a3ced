#include "paretokit/io/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
  throw Error(what + ": " + std::strerror(errno), {path.string()});
}

// write(2) may write less than asked (signals, quotas); loop until done.
void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", path);
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

}  // namespace

void sync_directory(const std::filesystem::path& directory) {
  const std::filesystem::path target = directory.empty() ? std::filesystem::path(".") : directory;
  const int fd = ::open(target.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail("cannot open directory", target);
  // Some file systems refuse fsync on directories (EINVAL); the rename is
  // still atomic there, only its durability is weaker.
  if (::fsync(fd) != 0 && errno != EINVAL) {
    ::close(fd);
    fail("cannot sync directory", target);
  }
  ::close(fd);
}

void sync_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail("cannot open", path);
  if (::fsync(fd) != 0) {
    ::close(fd);
    fail("cannot sync", path);
  }
  ::close(fd);
}

void write_file_atomically(const std::filesystem::path& path, std::string_view contents, AtomicWrite how) {
  std::filesystem::path temporary = path;
  temporary += ".tmp";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("cannot create", temporary);
  try {
    write_all(fd, contents, temporary);
    if (how.sync_file && ::fsync(fd) != 0) fail("cannot sync", temporary);
  } catch (...) {
    ::close(fd);
    ::unlink(temporary.c_str());
    throw;
  }
  if (::close(fd) != 0) fail("cannot close", temporary);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) fail("cannot rename " + temporary.string() + " to", path);
  if (how.sync_directory) sync_directory(path.parent_path());
}

void write_json_atomically(const std::filesystem::path& path, const nlohmann::json& document, int indent) {
  std::string text = document.dump(indent);
  text += '\n';
  write_file_atomically(path, text);
}

std::string read_text_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(std::string("cannot open file: ") + std::strerror(errno), {path.string()});
  std::string text;
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
    text.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(fd);
  return text;
}

nlohmann::json read_json_file(const std::filesystem::path& path) {
  const std::string text = read_text_file(path);
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    // error.byte is 1-based; turn it into a line number for the message.
    const auto end = std::min<std::size_t>(error.byte, text.size());
    const auto line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + end, '\n'));
    std::string reason = error.what();
    if (const auto colon = reason.rfind(": "); colon != std::string::npos) reason = reason.substr(colon + 2);
    throw InputError("invalid JSON: " + reason, {path.string(), line});
  }
}

}  // namespace paretokit
