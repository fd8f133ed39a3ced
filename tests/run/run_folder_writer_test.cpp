// The run loop's I/O thread (lib/src/run/run_folder_writer.hpp): jobs in
// order, a bounded queue, errors surfacing in the loop.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include "io/temp_dir.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "run/run_folder_writer.hpp"

using paretokit::detail::RunFolderWriter;

TEST_CASE("run folder writer: jobs run in the order they were queued, checkpoints after their trials") {
  paretokit::test::TempDir dir("writer");
  std::vector<std::string> events;  // touched by the I/O thread only, read after finish()
  RunFolderWriter writer([&](bool first) { events.push_back(first ? "sync first" : "sync"); },
                         dir / "checkpoint.json");
  writer.append_trials([&] { events.push_back("trials 1"); }, 8);
  writer.append_trials([&] { events.push_back("trials 2"); }, 8);
  writer.submit_checkpoint("{\"generation\":2}\n");
  writer.append_trials([&] { events.push_back("trials 3"); }, 8);
  writer.submit_checkpoint("{\"generation\":3}\n");
  writer.write_file(dir / "front.txt", "1 2\n");
  writer.finish();
  CHECK(events == std::vector<std::string>{"trials 1", "trials 2", "sync first", "trials 3", "sync"});
  CHECK(paretokit::read_text_file(dir / "checkpoint.json") == "{\"generation\":3}\n");
  CHECK(paretokit::read_text_file(dir / "front.txt") == "1 2\n");
}

TEST_CASE("run folder writer: the queue is bounded (a loop faster than its disk waits)") {
  paretokit::test::TempDir dir("writer");
  RunFolderWriter writer([](bool) {}, dir / "checkpoint.json");
  std::promise<void> release;
  auto released = release.get_future().share();
  // One job holding the whole allowance, blocked until released.
  writer.append_trials([released] { released.wait(); }, RunFolderWriter::kMaxQueuedBytes);
  std::atomic<bool> second_queued{false};
  std::thread loop([&] {
    writer.append_trials([] {}, 1);
    second_queued = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK_FALSE(second_queued);  // it must wait for the first job's memory to be freed
  release.set_value();
  loop.join();
  CHECK(second_queued);
  writer.finish();
}

TEST_CASE("run folder writer: an error drops the later jobs and surfaces at the loop's next call") {
  paretokit::test::TempDir dir("writer");
  bool ran_after = false;
  RunFolderWriter writer([](bool) {}, dir / "checkpoint.json");
  std::promise<void> release;
  auto released = release.get_future().share();
  writer.append_trials(
      [released] {
        released.wait();
        throw std::runtime_error("disk full");
      },
      8);
  writer.append_trials([&] { ran_after = true; }, 8);  // queued behind the failing job
  writer.submit_checkpoint("{}\n");
  release.set_value();
  CHECK_THROWS_WITH(writer.finish(), "disk full");
  CHECK_FALSE(ran_after);
  CHECK_FALSE(std::filesystem::exists(dir / "checkpoint.json"));
  writer.finish();  // reported once
  writer.append_trials([&] { ran_after = true; }, 8);  // the writer goes on
  writer.finish();
  CHECK(ran_after);
}
