#include "checkpoint_writer.hpp"

#include <utility>

#include "paretokit/io/atomic_file.hpp"

namespace paretokit::detail {

CheckpointWriter::CheckpointWriter(std::function<void(bool)> sync_before, std::filesystem::path path)
    : sync_before_(std::move(sync_before)), path_(std::move(path)) {}

CheckpointWriter::~CheckpointWriter() {
  {
    std::unique_lock lock(mutex_);
    wait_idle(lock);
    stop_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void CheckpointWriter::wait_idle(std::unique_lock<std::mutex>& lock) {
  changed_.wait(lock, [&] { return !pending_ && !busy_; });
}

void CheckpointWriter::submit(std::string contents) {
  if (!thread_.joinable()) thread_ = std::thread([this] { work(); });
  {
    std::unique_lock lock(mutex_);
    wait_idle(lock);
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
    pending_ = std::move(contents);
  }
  changed_.notify_all();
}

void CheckpointWriter::finish() {
  std::unique_lock lock(mutex_);
  wait_idle(lock);
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

void CheckpointWriter::work() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [&] { return pending_ || stop_; });
    if (!pending_) return;  // stop_ and nothing left
    std::string contents = std::move(*pending_);
    pending_.reset();
    busy_ = true;
    const bool first = !synced_directory_;
    lock.unlock();
    std::exception_ptr error;
    try {
      sync_before_(first);
      write_file_atomically(path_, contents, {.sync_directory = first});
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    busy_ = false;
    if (error) {
      error_ = error;
    } else {
      synced_directory_ = true;
    }
    changed_.notify_all();
  }
}

}  // namespace paretokit::detail
