// Ctrl-C (SIGINT) and SIGTERM during a sweep. The first asks the run to stop
// after the current generation: run() then writes a checkpoint, and
// `sweep --resume` continues exactly where it stopped (no generation since
// the last periodic checkpoint is evaluated again). A second signal, of
// either kind, gets the default action: the process ends at once, as a kill
// does. A signal the parent set to be ignored stays ignored, and SIGPIPE is
// ignored meanwhile (a dead stderr pipe must not kill the run before its
// checkpoint).
//
//   StopOnSignal stop;                          // installs the handlers
//   options.stop_request = &stop.requested();
//   run(...);                                   // stop_reason "interrupted"
//   return 128 + stop.signal_number();          // the shell's convention
#pragma once

#include <atomic>
#include <string_view>

namespace paretokit::cli {

class StopOnSignal {
 public:
  StopOnSignal();   // installs the handlers (one instance at a time)
  ~StopOnSignal();  // restores the previous ones
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

  const std::atomic<bool>& requested() const;
  int signal_number() const;  // the first signal received; 0: none

  // Writes `text` to stderr with write(2), not std::cerr: on a dead pipe it
  // is lost (SIGPIPE being ignored meanwhile), where std::cerr would keep it
  // buffered and retry at exit, after SIGPIPE's default action is back.
  void tell(std::string_view text) const;
};

}  // namespace paretokit::cli
