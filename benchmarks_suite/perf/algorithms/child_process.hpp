// Measuring one configuration in a child process, so that its peak memory
// (getrusage maxrss) is its own and a configuration that runs too long can
// be stopped without losing the others.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace paretokit::perf {

struct ChildResult {
  bool ok = false;           // exited with status 0 in time
  bool timed_out = false;
  std::string output;        // what the child wrote to its result pipe
  double wall_seconds = 0;   // from fork to exit
  double cpu_seconds = 0;    // user + system of the child
  double max_rss_mib = 0;    // peak resident memory of the child
};

// Runs body() in a forked child; body writes its result with `report` (a
// short line). The child is killed after timeout_seconds.
ChildResult run_in_child(const std::function<void(const std::function<void(const std::string&)>& report)>& body,
                         double timeout_seconds);

// Runs an executable (argv[0] is its path) with stdout and stderr discarded.
ChildResult run_process(const std::vector<std::string>& argv, double timeout_seconds);

// Load average over the last minute (the benchmark machine is shared).
double load_average();

// "a,b,c" -> {"a", "b", "c"} (command-line lists of the benchmarks).
std::vector<std::string> split_commas(const std::string& text);

}  // namespace paretokit::perf
