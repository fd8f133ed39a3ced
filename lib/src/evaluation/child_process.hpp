// One child process in its own process group: /bin/sh -c COMMAND with its
// stdin from /dev/null and stdout/stderr into files, an optional address-
// space limit (setrlimit in the child), and a wall-clock timeout after which
// the whole group is killed (SIGKILL to -pgid: the shell and everything it
// started). POSIX: posix_spawn (vfork-like, the cheap start) without a
// memory limit; fork + setrlimit + execve with one, the child calling only
// async-signal-safe functions, so forking from a threaded process is safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace paretokit::detail {

struct ChildRequest {
  std::string command;                 // for /bin/sh -c
  std::vector<std::string> extra_env;  // "NAME=value", added to (or replacing) the parent's
  std::filesystem::path stdout_path, stderr_path;
  double timeout_seconds = 0;            // 0: none
  std::uint64_t memory_limit_bytes = 0;  // RLIMIT_AS; 0: none
};

struct ChildResult {
  bool timed_out = false;
  bool signaled = false;
  int exit_code = 0;     // when !signaled && !timed_out
  int signal = 0;        // when signaled
  long max_rss_kib = 0;  // peak resident set (wait4's rusage)
  double seconds = 0;    // spawn to reap
  int pid = 0;           // also the process group's id
};

// Runs the child to its end (or its timeout). Throws paretokit::Error when
// it cannot start (fork or the files fail). `on_start(pgid)` runs once the
// child is in its group (a caller that shuts down early kills the groups).
ChildResult run_child(const ChildRequest& request, const std::function<void(int)>& on_start = {});

}  // namespace paretokit::detail
