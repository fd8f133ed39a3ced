#include "child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "paretokit/core/error.hpp"
#include "paretokit/evaluation/process_evaluator.hpp"

extern char** environ;

namespace paretokit {

namespace {
// Process groups of the running children, for kill_running_trials(): a
// fixed table of lock-free atomics (0: free), usable from a signal handler.
constexpr int kGroupSlots = 1024;
std::atomic<int> running_groups[kGroupSlots];

void remember_group(int group) {
  for (auto& slot : running_groups) {
    int free = 0;
    if (slot.compare_exchange_strong(free, group)) return;
  }
}

void forget_group(int group) {
  for (auto& slot : running_groups) {
    int expected = group;
    if (slot.compare_exchange_strong(expected, 0)) return;
  }
}
}  // namespace

void kill_running_trials() noexcept {
  for (auto& slot : running_groups) {
    const int group = slot.load();
    if (group > 0) ::kill(-group, SIGKILL);
  }
}

namespace detail {

namespace {

int open_for_child(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC, 0644);
  if (fd < 0) throw Error("cannot open '" + path.string() + "': " + std::strerror(errno));
  return fd;
}

// The parent's environment with `extra` added; an extra NAME replaces the parent's.
std::vector<std::string> environment(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string entry(*e);
    const auto eq = entry.find('=');
    bool replaced = false;
    for (const auto& x : extra) {
      if (eq != std::string::npos && x.compare(0, eq + 1, entry, 0, eq + 1) == 0) replaced = true;
    }
    if (!replaced) env.push_back(entry);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

// Waits until the child exits or `timeout` passes; true when it exited.
// A pidfd (Linux 5.3+) gives a poll()able handle; elsewhere, short sleeps.
bool wait_exit(pid_t pid, double timeout_seconds) {
  if (timeout_seconds <= 0) return true;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
#ifdef SYS_pidfd_open
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  if (pidfd >= 0) {
    bool exited = false;
    while (true) {
      const auto left = std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
      if (left <= 0) break;
      pollfd p{pidfd, POLLIN, 0};
      const int r = ::poll(&p, 1, static_cast<int>(left * 1000) + 1);
      if (r > 0) {
        exited = true;
        break;
      }
      if (r < 0 && errno != EINTR) break;
    }
    ::close(pidfd);
    return exited;
  }
#endif
  while (std::chrono::steady_clock::now() < deadline) {
    siginfo_t info{};
    if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
        info.si_pid == pid) {
      return true;
    }
    ::usleep(1000);
  }
  return false;
}

// posix_spawn into a new process group, the three descriptors as 0, 1, 2,
// the signals the CLI handles back to their defaults.
pid_t spawn(const char* const* argv, char* const* envp, int in, int out, int err) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in, 0);
  posix_spawn_file_actions_adddup2(&actions, out, 1);
  posix_spawn_file_actions_adddup2(&actions, err, 2);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t defaults, none;
  sigemptyset(&defaults);
  for (const int s : {SIGPIPE, SIGINT, SIGTERM}) sigaddset(&defaults, s);
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setpgroup(&attributes, 0);
  posix_spawnattr_setflags(&attributes,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  pid_t pid = 0;
  const int error =
      ::posix_spawn(&pid, "/bin/sh", &actions, &attributes, const_cast<char* const*>(argv), envp);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw Error(std::string("cannot start a process (posix_spawn): ") + std::strerror(error));
  return pid;
}

ChildResult reap(pid_t pid, const ChildRequest& request, std::chrono::steady_clock::time_point start,
                 const std::function<void(int)>& on_start);

}  // namespace

ChildResult run_child(const ChildRequest& request, const std::function<void(int)>& on_start) {
  // Everything the child needs is built before fork().
  const std::vector<std::string> env_strings = environment(request.extra_env);
  std::vector<char*> envp;
  for (const auto& e : env_strings) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  const char* argv[] = {"/bin/sh", "-c", request.command.c_str(), nullptr};
  // /dev/null opened once for every child (an open costs ~0.1 ms on a busy disk).
  static const int in = open_for_child("/dev/null", O_RDONLY);
  const int out = open_for_child(request.stdout_path, O_WRONLY | O_CREAT | O_TRUNC);
  const int err = open_for_child(request.stderr_path, O_WRONLY | O_CREAT | O_TRUNC);
  const rlim_t limit = static_cast<rlim_t>(request.memory_limit_bytes);

  const auto start = std::chrono::steady_clock::now();
  // Without a memory limit, posix_spawn (glibc: clone with CLONE_VM |
  // CLONE_VFORK, no page tables copied) is the cheaper start; setrlimit
  // needs a child of our own, so a limit takes fork().
  if (limit == 0) {
    pid_t spawned = -1;
    std::string failure;
    try {
      spawned = spawn(argv, envp.data(), in, out, err);
    } catch (const Error& error) {
      failure = error.reason();
    }
    ::close(out);
    ::close(err);
    if (spawned < 0) throw Error(failure);
    return reap(spawned, request, start, on_start);
  }
  const pid_t pid = ::fork();
  if (pid == 0) {
    // The child: async-signal-safe calls only.
    ::setpgid(0, 0);
    ::signal(SIGPIPE, SIG_DFL);
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    if (limit > 0) {
      const rlimit rl{limit, limit};
      ::setrlimit(RLIMIT_AS, &rl);
    }
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::execve("/bin/sh", const_cast<char* const*>(argv), envp.data());
    ::_exit(127);
  }
  const int fork_errno = errno;
  ::close(out);
  ::close(err);
  if (pid < 0) throw Error(std::string("cannot start a process (fork): ") + std::strerror(fork_errno));
  ::setpgid(pid, pid);  // also here: no kill(-pid) can race the child's own call
  return reap(pid, request, start, on_start);
}

namespace {

ChildResult reap(pid_t pid, const ChildRequest& request, std::chrono::steady_clock::time_point start,
                 const std::function<void(int)>& on_start) {
  remember_group(pid);
  if (on_start) on_start(pid);
  ChildResult result;
  result.pid = pid;
  if (!wait_exit(pid, request.timeout_seconds)) {
    result.timed_out = true;
    ::kill(-pid, SIGKILL);
  }
  int status = 0;
  rusage usage{};
  while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  forget_group(pid);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.max_rss_kib = usage.ru_maxrss;
  if (WIFSIGNALED(status)) {
    result.signaled = true;
    result.signal = WTERMSIG(status);
  } else if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  }
  return result;
}

}  // namespace

}  // namespace detail

}  // namespace paretokit
