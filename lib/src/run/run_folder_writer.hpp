// Everything the run loop writes into its folder once the run has started
// (trials.jsonl, checkpoints, the final front files), written in order by
// one I/O thread beside the loop.
//
// The loop keeps only what must be decided on its own thread: which rows are
// trials, the checkpoint's state as JSON text. Formatting the trials (about
// 45 ns a number with std::to_chars, more than a generation of a small
// population takes), the writes, the disk flushes and the renames happen
// here, while the loop goes on with the next generations.
//
// Order. Jobs run one at a time in the order they were queued, so the
// resume protocol (run.cpp) holds as in a synchronous loop: a checkpoint is
// written after the trials it counts (queued before it) and renamed into
// place only after they are synced (sync_before()), and checkpoints land in
// order. A kill at any instant leaves the previous checkpoint or the new one
// (a stale .tmp at worst) and at least the trials they count; trials that
// were still queued belong to generations after the last checkpoint, which a
// resumed run drops and evaluates again anyway.
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
// Errors. An error of the I/O thread drops the jobs queued after it (none
// may land after a failed one) and is rethrown by the loop's next call here.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace paretokit::detail {

class RunFolderWriter {
 public:
  // sync_before(first): makes trials.jsonl (and, for the first checkpoint of
  // the session, whatever else it relies on) durable; called on the I/O
  // thread before each checkpoint is written to `checkpoint_path`.
  RunFolderWriter(std::function<void(bool first)> sync_before, std::filesystem::path checkpoint_path);
  // Runs what is queued (the trials of a loop that stopped on an exception
  // are still logged), then stops; drops errors (the loop is unwinding or done).
  ~RunFolderWriter();
  RunFolderWriter(const RunFolderWriter&) = delete;
  RunFolderWriter& operator=(const RunFolderWriter&) = delete;

  // Queues `append` (one batch of trials, formatted and written on the I/O
  // thread). `bytes` is the memory the job holds (its numbers; the text
  // buffer being written comes on top): the call waits while the queued jobs
  // hold more than kMaxQueuedBytes, so that a loop faster than its disk
  // slows down instead of filling memory.
  void append_trials(std::function<void()> append, std::size_t bytes);
  // Queues checkpoint.json's new contents; waits while an earlier checkpoint
  // is queued or being written (one in flight at most).
  void submit_checkpoint(std::string contents);
  // Queues `path` with `contents`, written atomically with its contents
  // synced; the caller syncs the directory afterwards.
  void write_file(std::filesystem::path path, std::string contents);
  // Waits until everything queued is done.
  void finish();
  // Each of the calls above first rethrows an error of the I/O thread.

  static constexpr std::size_t kMaxQueuedBytes = std::size_t{64} << 20;

 private:
  enum class Kind { trials, checkpoint, file };
  struct Job {
    Kind kind;
    std::function<void()> append;  // trials
    std::filesystem::path path;     // checkpoint, file
    std::string contents;
    std::size_t bytes = 0;
  };
  // Starts the thread if needed, waits until `ready` holds, rethrows an
  // error, then queues `job`.
  template <class Ready>
  void enqueue(Job job, Ready ready);
  void work();
  void run(Job& job, bool first_checkpoint);

  std::function<void(bool)> sync_before_;
  std::filesystem::path checkpoint_path_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> queue_;
  std::size_t queued_bytes_ = 0;    // of the jobs in queue_ and the one running
  int checkpoints_in_flight_ = 0;   // queued or being written
  bool busy_ = false;
  bool stop_ = false;
  bool synced_directory_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // started by the first job
};

}  // namespace paretokit::detail
