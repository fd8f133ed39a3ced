// Checkpoints (and the run's final files) written beside the loop.
//
// A checkpoint costs two disk flushes: trials.jsonl (the checkpoint must never
// count trials that a power loss could take back) and checkpoint.json.tmp
// before its rename. The loop does the CPU work itself (the state as JSON
// text) and hands the text to one I/O thread, which flushes, writes and
// renames while the loop goes on with the next generations; the thread only
// waits for the disk, it computes nothing.
//
// The resume protocol (run.cpp) is unchanged: a checkpoint is renamed into
// place only after every trial it counts is on disk (they were written before
// submit(), the fsync comes after), and checkpoints land in order (submit()
// waits for the previous one). What a kill at any instant leaves is what the
// synchronous version left: the previous checkpoint, or the new one, and a
// stale .tmp at worst.
//
// Directory sync: only for the first checkpoint of a session, which may create
// the file (and makes config.json's rename durable: sweep writes the config
// without syncs, the first checkpoint syncs it before its own write). Later
// renames replace checkpoint.json; a power loss that loses such a rename
// leaves the previous checkpoint, whose trials are on disk too, so the resumed
// run is still exact (it re-evaluates a few more generations). The run's end
// syncs the directory once more (summary.json). Before the first checkpoint
// a power loss may leave config.json empty or missing: --resume then fails
// on it, and a new sweep needs the folder removed first.
//
// write_file() queues any other file (the final front files) behind the
// checkpoints, written atomically with its contents synced; the caller syncs
// the directory afterwards (summary.json).
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace paretokit::detail {

class CheckpointWriter {
 public:
  // sync_before(first): makes trials.jsonl (and, for the first checkpoint of
  // the session, whatever else it relies on) durable; called on the I/O
  // thread before each write.
  CheckpointWriter(std::function<void(bool first)> sync_before, std::filesystem::path path);
  // Waits for the pending write; drops its error (the loop is unwinding or done).
  ~CheckpointWriter();
  CheckpointWriter(const CheckpointWriter&) = delete;
  CheckpointWriter& operator=(const CheckpointWriter&) = delete;

  // Queues checkpoint.json's new contents; waits while earlier writes are
  // pending (one checkpoint in flight at most) and rethrows their error.
  void submit(std::string contents);
  // Queues `path` with `contents` (no wait); rethrows an earlier error.
  void write_file(std::filesystem::path path, std::string contents);
  // Waits until everything submitted is on disk; rethrows an error of the
  // I/O thread.
  void finish();

 private:
  struct Job {
    std::filesystem::path path;
    std::string contents;
    bool checkpoint;  // sync_before() first, directory synced the first time
  };
  void enqueue(Job job, bool wait);
  void work();
  void wait_idle(std::unique_lock<std::mutex>& lock);

  std::function<void(bool)> sync_before_;
  std::filesystem::path path_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> queue_;
  bool busy_ = false;
  bool stop_ = false;
  bool synced_directory_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // started by the first submit()
};

}  // namespace paretokit::detail
