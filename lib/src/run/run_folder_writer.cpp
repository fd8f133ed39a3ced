#include "run_folder_writer.hpp"

#include <utility>

#include <pthread.h>

#include "paretokit/io/atomic_file.hpp"

namespace paretokit::detail {

RunFolderWriter::RunFolderWriter(std::function<void(bool)> sync_before, std::filesystem::path checkpoint_path)
    : sync_before_(std::move(sync_before)), checkpoint_path_(std::move(checkpoint_path)) {}

RunFolderWriter::~RunFolderWriter() {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.empty() && !busy_; });
    stop_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
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
  enqueue({Kind::trials, std::move(append), {}, {}, bytes},
          [&] { return queued_bytes_ == 0 || queued_bytes_ + bytes <= kMaxQueuedBytes; });
}

void RunFolderWriter::submit_checkpoint(std::string contents) {
  const std::size_t bytes = contents.size();
  enqueue({Kind::checkpoint, {}, checkpoint_path_, std::move(contents), bytes},
          [&] { return checkpoints_in_flight_ == 0; });
}

void RunFolderWriter::write_file(std::filesystem::path path, std::string contents) {
  const std::size_t bytes = contents.size();
  enqueue({Kind::file, {}, std::move(path), std::move(contents), bytes}, [] { return true; });
}

void RunFolderWriter::finish() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return error_ != nullptr || (queue_.empty() && !busy_); });
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

void RunFolderWriter::run(Job& job, bool first_checkpoint) {
  switch (job.kind) {
    case Kind::trials:
      job.append();
      break;
    case Kind::checkpoint:
      sync_before_(first_checkpoint);
      write_file_atomically(job.path, job.contents, {.sync_directory = first_checkpoint});
      break;
    case Kind::file:  // the caller syncs the directory afterwards (summary.json)
      write_file_atomically(job.path, job.contents, {.sync_directory = false});
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
    const bool first_checkpoint = checkpoint && !synced_directory_;
    const std::size_t bytes = job.bytes;
    lock.unlock();
    std::exception_ptr error;
    try {
      run(job, first_checkpoint);
    } catch (...) {
      error = std::current_exception();
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
    } else if (first_checkpoint) {
      synced_directory_ = true;
    }
    changed_.notify_all();
  }
}

}  // namespace paretokit::detail
