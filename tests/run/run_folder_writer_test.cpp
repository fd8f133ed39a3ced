// The run loop's I/O thread (lib/src/run/run_folder_writer.hpp): jobs in
// order, a bounded queue, errors surfacing in the loop.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <fstream>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "io/temp_dir.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "run/run_folder_writer.hpp"

using paretokit::detail::RunFolderWriter;

namespace {

// A job that waits until released; released at the end of the scope at the
// latest (declare the gate after the writer), so that a failing check cannot
// leave the writer's destructor waiting on it forever.
class Gate {
 public:
  Gate() : opened_(promise_.get_future().share()) {}
  ~Gate() { open(); }
  void open() {
    if (!open_) promise_.set_value();
    open_ = true;
  }
  std::function<void()> job() const {
    return [opened = opened_] { opened.wait(); };
  }

 private:
  std::promise<void> promise_;
  std::shared_future<void> opened_;
  bool open_ = false;
};

}  // namespace

TEST_CASE("run folder writer: jobs run in the order they were queued, checkpoints after their trials") {
  paretokit::test::TempDir dir("writer");
  std::vector<std::string> events;  // touched by the I/O thread only, read after finish()
  RunFolderWriter writer([&] { events.push_back("sync"); }, dir / "checkpoint.json");
  writer.append_trials([&] { events.push_back("trials 1"); }, 8);
  writer.append_trials([&] { events.push_back("trials 2"); }, 8);
  writer.submit_checkpoint("{\"generation\":2}\n");
  writer.append_trials([&] { events.push_back("trials 3"); }, 8);
  writer.submit_checkpoint("{\"generation\":3}\n");
  writer.write_file(dir / "front.txt", "1 2\n");
  writer.finish();
  CHECK(events == std::vector<std::string>{"trials 1", "trials 2", "sync", "trials 3", "sync"});
  CHECK(paretokit::read_text_file(dir / "checkpoint.json") == "{\"generation\":3}\n");
  CHECK(paretokit::read_text_file(dir / "front.txt") == "1 2\n");
}

TEST_CASE("run folder writer: a checkpoint lands only after the trials queued before it") {
  paretokit::test::TempDir dir("writer");
  bool synced = false;
  RunFolderWriter writer([&] { synced = true; }, dir / "checkpoint.json");
  Gate gate;
  writer.append_trials(gate.job(), 8);  // trials still being written
  writer.submit_checkpoint("{}\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK_FALSE(std::filesystem::exists(dir / "checkpoint.json"));
  gate.open();
  writer.finish();
  CHECK(synced);
  CHECK(std::filesystem::exists(dir / "checkpoint.json"));
}

TEST_CASE("run folder writer: the queue is bounded (a loop faster than its disk waits)") {
  paretokit::test::TempDir dir("writer");
  RunFolderWriter writer([] {}, dir / "checkpoint.json");
  Gate gate;  // after the writer: opened before the writer's destructor waits
  // One job holding the whole allowance, blocked until released.
  writer.append_trials(gate.job(), RunFolderWriter::kMaxQueuedBytes);
  std::atomic<bool> second_queued{false};
  std::thread loop([&] {
    writer.append_trials([] {}, 1);
    second_queued = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK_FALSE(second_queued);  // it must wait for the first job's memory to be freed
  gate.open();
  loop.join();
  CHECK(second_queued);
  writer.finish();
}

TEST_CASE("run folder writer: an error drops the later jobs and surfaces at the loop's next call") {
  paretokit::test::TempDir dir("writer");
  bool ran_after = false;
  RunFolderWriter writer([] {}, dir / "checkpoint.json");
  Gate gate;
  writer.append_trials(
      [wait = gate.job()] {
        wait();
        throw std::runtime_error("disk full");
      },
      8);
  writer.append_trials([&] { ran_after = true; }, 8);  // queued behind the failing job
  writer.submit_checkpoint("{}\n");
  gate.open();
  CHECK_THROWS_WITH(writer.finish(), "disk full");
  CHECK_FALSE(ran_after);
  CHECK_FALSE(std::filesystem::exists(dir / "checkpoint.json"));
  writer.finish();                                     // reported once
  writer.append_trials([&] { ran_after = true; }, 8);  // the writer goes on
  writer.finish();
  CHECK(ran_after);
}

TEST_CASE("run folder writer: the last checkpoint and the files land together at finish(), in order") {
  paretokit::test::TempDir dir("writer");
  std::ofstream(dir / "config.json") << "{}\n";
  int syncs = 0;  // I/O thread only, read after finish()
  RunFolderWriter writer([&] { ++syncs; }, dir / "checkpoint.json",
                         {dir / "config.json", dir / "absent.json"});
  writer.append_trials([] {}, 8);
  writer.submit_checkpoint("{\"generation\":5}\n", true);
  writer.write_file(dir / "front.txt", "1 2\n");
  writer.write_file(dir / "summary.json", "{}\n");
  // Written as temp files at their turn, under their names only at finish().
  for (int wait = 0; wait < 200 && !std::filesystem::exists(dir / "summary.json.tmp"); ++wait)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  CHECK(std::filesystem::exists(dir / "checkpoint.json.tmp"));
  CHECK(std::filesystem::exists(dir / "summary.json.tmp"));
  CHECK_FALSE(std::filesystem::exists(dir / "checkpoint.json"));
  CHECK_FALSE(std::filesystem::exists(dir / "summary.json"));
  CHECK(syncs == 0);
  writer.finish();
  CHECK(syncs == 1);
  CHECK(paretokit::read_text_file(dir / "checkpoint.json") == "{\"generation\":5}\n");
  CHECK(paretokit::read_text_file(dir / "front.txt") == "1 2\n");
  CHECK(paretokit::read_text_file(dir / "summary.json") == "{}\n");
  for (const char* name : {"checkpoint.json.tmp", "front.txt.tmp", "summary.json.tmp"})
    CHECK_FALSE(std::filesystem::exists(dir / name));
  CHECK_FALSE(std::filesystem::exists(dir / "absent.json"));
}

TEST_CASE("run folder writer: files still waiting land when the writer is destroyed") {
  paretokit::test::TempDir dir("writer");
  {
    RunFolderWriter writer([] {}, dir / "checkpoint.json");
    writer.submit_checkpoint("{}\n", true);
    writer.write_file(dir / "front.txt", "3\n");
  }
  CHECK(paretokit::read_text_file(dir / "checkpoint.json") == "{}\n");
  CHECK(paretokit::read_text_file(dir / "front.txt") == "3\n");
}

TEST_CASE("run folder writer: a failed trial job keeps the last checkpoint and the files from landing") {
  paretokit::test::TempDir dir("writer");
  RunFolderWriter writer([] {}, dir / "checkpoint.json");
  writer.submit_checkpoint("{}\n", true);
  writer.append_trials([] { throw std::runtime_error("disk full"); }, 8);
  CHECK_THROWS_WITH(writer.finish(), "disk full");
  CHECK_FALSE(std::filesystem::exists(dir / "checkpoint.json"));
  CHECK_FALSE(std::filesystem::exists(dir / "checkpoint.json.tmp"));
}

TEST_CASE("sync_concurrently: every task runs, all at once, and the first error is rethrown after all end") {
  using paretokit::detail::sync_concurrently;
  std::atomic<int> started{0}, ended{0};
  // Each task waits until all four have started: passes only if they overlap.
  auto task = [&] {
    ++started;
    for (int wait = 0; wait < 2000 && started < 4; ++wait)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (started == 4) ++ended;
  };
  sync_concurrently({task, task, task, task});
  CHECK(ended == 4);
  int ran = 0;
  std::mutex mutex;
  auto counted = [&] {
    std::lock_guard lock(mutex);
    ++ran;
  };
  CHECK_THROWS_WITH(sync_concurrently({counted, [] { throw std::runtime_error("no space"); }, counted}),
                    "no space");
  CHECK(ran == 2);
  sync_concurrently({});
}
