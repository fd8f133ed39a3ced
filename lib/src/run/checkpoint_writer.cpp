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
  changed_.wait(lock, [&] { return queue_.empty() && !busy_; });
}

void CheckpointWriter::enqueue(Job job, bool wait) {
  if (!thread_.joinable()) thread_ = std::thread([this] { work(); });
  {
    std::unique_lock lock(mutex_);
    if (wait) wait_idle(lock);
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
    queue_.push_back(std::move(job));
  }
  changed_.notify_all();
}

void CheckpointWriter::submit(std::string contents) { enqueue({path_, std::move(contents), true}, true); }

void CheckpointWriter::write_file(std::filesystem::path path, std::string contents) {
  enqueue({std::move(path), std::move(contents), false}, false);
}

void CheckpointWriter::finish() {
  std::unique_lock lock(mutex_);
  wait_idle(lock);
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

void CheckpointWriter::work() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [&] { return !queue_.empty() || stop_; });
    if (queue_.empty()) return;  // stop_ and nothing left
    Job job = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    const bool first = job.checkpoint && !synced_directory_;
    lock.unlock();
    std::exception_ptr error;
    try {
      if (job.checkpoint) sync_before_(first);
      write_file_atomically(job.path, job.contents, {.sync_directory = first});
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    busy_ = false;
    if (error) {
      if (!error_) error_ = error;
      queue_.clear();  // later jobs must not land after a failed one
    } else if (job.checkpoint) {
      synced_directory_ = true;
    }
    changed_.notify_all();
  }
}

}  // namespace paretokit::detail
