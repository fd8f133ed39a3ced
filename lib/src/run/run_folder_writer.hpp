// Everything the run loop writes into its folder once the run has started
// (trials.jsonl, checkpoints, the final front files and summary), written in
// order by one I/O thread beside the loop.
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
// place only after they are synced, and checkpoints land in order. A kill at
// any instant leaves the previous checkpoint or the new one (a stale .tmp at
// worst) and at least the trials they count; trials that were still queued
// belong to generations after the last checkpoint, which a resumed run drops
// and evaluates again anyway.
//
// Flushes. A flush to disk costs a round trip to the device (0.2 to 10 ms on
// a shared virtual disk), while the data of several files flushes in about
// the time of one when the flushes are issued together. So the flushes a
// step needs run at once, one thread each (sync_concurrently()): a
// checkpoint's temp file, trials.jsonl and, for the first checkpoint of a
// session, config.json. The end of a run is one step: the last checkpoint
// (submit_checkpoint(..., last = true)), the front files and summary.json are
// written as temp files, then finish() flushes all of them and the trial log
// together, renames them in the order they were queued (the summary last:
// its presence means the folder is complete) and syncs the directory once.
// Two round trips where one flush after the other took eight.
//
// Directory sync: for the first checkpoint of a session, which may create
// the file (and makes config.json's rename durable: sweep writes the config
// without syncs, the first checkpoint syncs it before its own write), and at
// finish() when it renamed something. Later checkpoint renames replace
// checkpoint.json; a power loss that loses such a rename leaves the previous
// checkpoint, whose trials are on disk too, so the resumed run is still exact
// (it re-evaluates a few more generations). Before the first checkpoint has
// landed, a power loss may leave config.json empty or missing: --resume then
// fails on it, and a new sweep needs the folder removed first.
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
#include <vector>

namespace paretokit::detail {

// Runs every task, all at once (the first on this thread, the others on a
// thread each), and returns when all have ended; then rethrows the first
// error, if any. For disk flushes, which wait on the device, not the CPU.
void sync_concurrently(const std::vector<std::function<void()>>& tasks);

class RunFolderWriter {
 public:
  // sync_trials: makes trials.jsonl durable; called on the I/O thread before
  // each checkpoint written to `checkpoint_path` is renamed into place.
  // sync_with_first: files the first checkpoint of the session relies on
  // (config.json), synced with it when they exist.
  RunFolderWriter(std::function<void()> sync_trials, std::filesystem::path checkpoint_path,
                  std::vector<std::filesystem::path> sync_with_first = {});
  // Runs what is queued (the trials of a loop that stopped on an exception
  // are still logged) and lands the files still waiting for finish(), then
  // stops; drops errors (the loop is unwinding or done).
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
  // is queued or being written (one in flight at most). `last`: the run's
  // final checkpoint, written as a temp file and landed by finish() with the
  // files queued after it (one flush for all).
  void submit_checkpoint(std::string contents, bool last = false);
  // Queues `path` with `contents`: written to a temp file at its turn, then
  // flushed and renamed into place by finish(), in the order queued.
  void write_file(std::filesystem::path path, std::string contents);
  // Waits until everything queued is done and the files waiting are on disk
  // under their names (directory synced).
  void finish();
  // Each of the calls above first rethrows an error of the I/O thread.

  static constexpr std::size_t kMaxQueuedBytes = std::size_t{64} << 20;

 private:
  enum class Kind { trials, checkpoint, file, land };
  struct Job {
    Kind kind;
    std::function<void()> append;  // trials
    std::filesystem::path path;    // checkpoint, file
    std::string contents;
    std::size_t bytes = 0;
    bool last = false;  // checkpoint: lands at finish()
  };
  // A temp file written and still open, waiting to be flushed and renamed.
  struct Waiting {
    std::filesystem::path path;
    int fd = -1;
  };
  // Starts the thread if needed, waits until `ready` holds, rethrows an
  // error, then queues `job`.
  template <class Ready>
  void enqueue(Job job, Ready ready);
  void work();
  void run(Job& job);
  void checkpoint(const Job& job);
  // Flushes the waiting files (and trials.jsonl, config.json when a
  // checkpoint is among them), renames them, syncs the directory.
  void land();
  void drop_waiting() noexcept;
  std::vector<std::function<void()>> syncs_for_checkpoint();

  std::function<void()> sync_trials_;
  std::filesystem::path checkpoint_path_;
  std::vector<std::filesystem::path> sync_with_first_;
  // I/O thread only.
  std::vector<Waiting> waiting_;
  bool checkpoint_waiting_ = false;
  bool synced_directory_ = false;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> queue_;
  std::size_t queued_bytes_ = 0;   // of the jobs in queue_ and the one running
  int checkpoints_in_flight_ = 0;  // queued or being written
  bool busy_ = false;
  bool stop_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // started by the first job
};

}  // namespace paretokit::detail
