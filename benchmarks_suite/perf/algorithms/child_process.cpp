#include "child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace paretokit::perf {

namespace {

double seconds_of(const timeval& t) { return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec); }

// Waits for pid with a deadline; fills the timing and memory of the result.
void wait_child(pid_t pid, double timeout_seconds, std::chrono::steady_clock::time_point start, ChildResult& result) {
  int status = 0;
  rusage usage{};
  while (true) {
    const pid_t done = wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (elapsed > timeout_seconds) {
      kill(pid, SIGKILL);
      wait4(pid, &status, 0, &usage);
      result.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.cpu_seconds = seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
  result.max_rss_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
  result.ok = !result.timed_out && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

ChildResult run_in_child(const std::function<void(const std::function<void(const std::string&)>&)>& body,
                         double timeout_seconds) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) std::abort();
  std::fflush(stdout);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    close(pipe_fds[0]);
    int code = 0;
    try {
      body([&](const std::string& line) {
        std::string text = line + "\n";
        if (write(pipe_fds[1], text.data(), text.size()) < 0) std::_Exit(3);
      });
    } catch (const std::exception& error) {
      std::fprintf(stderr, "child: %s\n", error.what());
      code = 1;
    }
    close(pipe_fds[1]);
    std::_Exit(code);
  }
  close(pipe_fds[1]);
  ChildResult result;
  // The reports are short; read them after the child ends (the pipe buffer holds 64 KiB).
  wait_child(pid, timeout_seconds, start, result);
  char buffer[4096];
  ssize_t got = 0;
  fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK);
  while ((got = read(pipe_fds[0], buffer, sizeof buffer)) > 0) result.output.append(buffer, static_cast<std::size_t>(got));
  close(pipe_fds[0]);
  return result;
}

ChildResult run_process(const std::vector<std::string>& argv, double timeout_seconds) {
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::fflush(stdout);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    const int null_fd = open("/dev/null", O_WRONLY);
    dup2(null_fd, 1);
    dup2(null_fd, 2);
    execv(args[0], args.data());
    std::_Exit(127);
  }
  ChildResult result;
  wait_child(pid, timeout_seconds, start, result);
  return result;
}

double load_average() {
  double load[1] = {0};
  return getloadavg(load, 1) == 1 ? load[0] : -1;
}

}  // namespace paretokit::perf
