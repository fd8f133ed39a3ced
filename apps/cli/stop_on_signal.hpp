// Ctrl-C (SIGINT) and SIGTERM during a sweep. The first asks the run to stop
// after the current generation: run() then writes a checkpoint, and
// `sweep --resume` continues exactly where it stopped (no generation since
// the last periodic checkpoint is evaluated again). A second signal gets the
// default action: the process ends at once, as a kill does.
//
//   StopOnSignal stop;                          // installs the handlers
//   options.stop_request = &stop.requested();
//   run(...);                                   // stop_reason "interrupted"
//   return 128 + stop.signal_number();          // the shell's convention
#pragma once

#include <atomic>

namespace paretokit::cli {

class StopOnSignal {
 public:
  StopOnSignal();   // installs the handlers (one instance at a time)
  ~StopOnSignal();  // restores the previous ones
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

  const std::atomic<bool>& requested() const;
  int signal_number() const;  // the first signal received; 0: none
};

}  // namespace paretokit::cli
