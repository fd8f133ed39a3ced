#include "run_folder_writer.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"

namespace paretokit::detail {

namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
  throw Error(what + ": " + std::strerror(errno), {path.string()});
}

std::filesystem::path temporary_of(const std::filesystem::path& path) {
  std::filesystem::path temporary = path;
  temporary += ".tmp";
  return temporary;
}

// Writes `contents` to a new "<path>.tmp" and starts its disk write without
// waiting (Linux: sync_file_range); returns the open descriptor.
int write_temporary(const std::filesystem::path& path, std::string_view contents) {
  const std::filesystem::path temporary = temporary_of(path);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("cannot create", temporary);
  while (!contents.empty()) {
    const ssize_t written = ::write(fd, contents.data(), contents.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      const int saved = errno;
      ::close(fd);
      ::unlink(temporary.c_str());
      errno = saved;
      fail("cannot write", temporary);
    }
    contents.remove_prefix(static_cast<std::size_t>(written));
  }
#ifdef __linux__
  (void)::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);  // a hint; fsync reports errors
#endif
  return fd;
}

void sync_descriptor(int fd, const std::filesystem::path& path) {
  if (::fsync(fd) != 0) fail("cannot sync", temporary_of(path));
}

// Closes the synced temp file and renames it over `path`.
void rename_into_place(int fd, const std::filesystem::path& path) {
  const std::filesystem::path temporary = temporary_of(path);
  if (::close(fd) != 0) fail("cannot close", temporary);
  if (std::rename(temporary.c_str(), path.c_str()) != 0)
    fail("cannot rename " + temporary.string() + " to", path);
}

}  // namespace

void sync_concurrently(const std::vector<std::function<void()>>& tasks) {
  if (tasks.empty()) return;
  std::vector<std::exception_ptr> errors(tasks.size());
  std::vector<std::thread> threads;
  threads.reserve(tasks.size() - 1);
  auto guarded = [&](std::size_t i) {
    try {
      tasks[i]();
    } catch (...) {
      errors[i] = std::current_exception();
    }
  };
  for (std::size_t i = 1; i < tasks.size(); ++i) {
    try {
      threads.emplace_back(guarded, i);
    } catch (const std::system_error&) {
      guarded(i);  // no thread to be had: one after the other
    }
  }
  guarded(0);
  for (auto& thread : threads) thread.join();
  for (const auto& error : errors)
    if (error) std::rethrow_exception(error);
}

RunFolderWriter::RunFolderWriter(std::function<void()> sync_trials, std::filesystem::path checkpoint_path,
                                 std::vector<std::filesystem::path> sync_with_first)
    : sync_trials_(std::move(sync_trials)),
      checkpoint_path_(std::move(checkpoint_path)),
      sync_with_first_(std::move(sync_with_first)) {}

RunFolderWriter::~RunFolderWriter() {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.empty() && !busy_; });
    if (!waiting_.empty() && error_ == nullptr) {
      // Landed as finish() would; errors dropped.
      queue_.push_back({Kind::land, {}, {}, {}, 0, false});
      changed_.notify_all();
      changed_.wait(lock, [&] { return queue_.empty() && !busy_; });
    }
    stop_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
  drop_waiting();
}

template <class Ready>
void RunFolderWriter::enqueue(Job job, Ready ready) {
  if (!thread_.joinable()) thread_ = std::thread([this] { work(); });
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return error_ != nullptr || ready(); });
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
    queued_bytes_ += job.bytes;
    if (job.kind == Kind::checkpoint) ++checkpoints_in_flight_;
    queue_.push_back(std::move(job));
  }
  changed_.notify_all();
}

void RunFolderWriter::append_trials(std::function<void()> append, std::size_t bytes) {
  // An empty queue takes any job, however large.
  enqueue({Kind::trials, std::move(append), {}, {}, bytes, false},
          [&] { return queued_bytes_ == 0 || queued_bytes_ + bytes <= kMaxQueuedBytes; });
}

void RunFolderWriter::submit_checkpoint(std::string contents, bool last) {
  const std::size_t bytes = contents.size();
  enqueue({Kind::checkpoint, {}, checkpoint_path_, std::move(contents), bytes, last},
          [&] { return checkpoints_in_flight_ == 0; });
}

void RunFolderWriter::write_file(std::filesystem::path path, std::string contents) {
  const std::size_t bytes = contents.size();
  enqueue({Kind::file, {}, std::move(path), std::move(contents), bytes, false}, [] { return true; });
}

void RunFolderWriter::finish() {
  enqueue({Kind::land, {}, {}, {}, 0, false}, [] { return true; });
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return error_ != nullptr || (queue_.empty() && !busy_); });
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

std::vector<std::function<void()>> RunFolderWriter::syncs_for_checkpoint() {
  std::vector<std::function<void()>> syncs;
  // First, so that it runs on the I/O thread itself (sync_concurrently runs
  // its first task on the caller): TrialLog::sync() also resets the log's
  // writeback counter, which only the I/O thread touches.
  if (sync_trials_) syncs.push_back(sync_trials_);
  if (!synced_directory_) {
    for (const auto& path : sync_with_first_) {
      std::error_code error;
      if (std::filesystem::exists(path, error)) syncs.push_back([path] { sync_file(path); });
    }
  }
  return syncs;
}

void RunFolderWriter::checkpoint(const Job& job) {
  const int fd = write_temporary(job.path, job.contents);
  if (job.last) {
    waiting_.push_back({job.path, fd});
    checkpoint_waiting_ = true;
    return;
  }
  try {
    auto syncs = syncs_for_checkpoint();
    syncs.push_back([&] { sync_descriptor(fd, job.path); });
    sync_concurrently(syncs);
  } catch (...) {
    ::close(fd);
    ::unlink(temporary_of(job.path).c_str());
    throw;
  }
  rename_into_place(fd, job.path);
  if (!synced_directory_) {
    sync_directory(job.path.parent_path());
    synced_directory_ = true;
  }
}

void RunFolderWriter::land() {
  if (waiting_.empty()) return;
  std::vector<std::function<void()>> syncs;
  if (checkpoint_waiting_) syncs = syncs_for_checkpoint();
  for (const auto& file : waiting_) syncs.push_back([&file] { sync_descriptor(file.fd, file.path); });
  sync_concurrently(syncs);
  for (auto& file : waiting_) rename_into_place(std::exchange(file.fd, -1), file.path);
  const std::filesystem::path directory = waiting_.back().path.parent_path();
  waiting_.clear();
  checkpoint_waiting_ = false;
  sync_directory(directory);
  synced_directory_ = true;
}

void RunFolderWriter::drop_waiting() noexcept {
  for (auto& file : waiting_) {
    if (file.fd >= 0) ::close(file.fd);
    ::unlink(temporary_of(file.path).c_str());
  }
  waiting_.clear();
  checkpoint_waiting_ = false;
}

void RunFolderWriter::run(Job& job) {
  switch (job.kind) {
    case Kind::trials:
      job.append();
      break;
    case Kind::checkpoint:
      checkpoint(job);
      break;
    case Kind::file:
      waiting_.push_back({job.path, write_temporary(job.path, job.contents)});
      break;
    case Kind::land:
      land();
      break;
  }
}

void RunFolderWriter::work() {
#ifdef __linux__
  pthread_setname_np(pthread_self(), "paretokit-io");  // for top -H and perf
#endif
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [&] { return !queue_.empty() || stop_; });
    if (queue_.empty()) return;  // stop_ and nothing left
    Job job = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    const bool checkpoint = job.kind == Kind::checkpoint;
    const std::size_t bytes = job.bytes;
    lock.unlock();
    std::exception_ptr error;
    try {
      run(job);
    } catch (...) {
      error = std::current_exception();
      drop_waiting();  // nothing may land after a failed job
    }
    job = {};  // its memory goes before the queue counts it free
    lock.lock();
    busy_ = false;
    queued_bytes_ -= bytes;
    if (checkpoint) --checkpoints_in_flight_;
    if (error) {
      if (!error_) error_ = error;
      for (const auto& dropped : queue_) queued_bytes_ -= dropped.bytes;
      queue_.clear();  // later jobs must not land after a failed one
      checkpoints_in_flight_ = 0;
    }
    changed_.notify_all();
  }
}

}  // namespace paretokit::detail
