// The progress line of run(): one line on stderr, rewritten in place, only
// when stderr is a terminal (a log file or a pipe must not fill with it).
#pragma once

#include <cstdint>
#include <optional>

namespace paretokit::detail {

class ProgressLine {
 public:
  // enabled: the caller asked for progress; the line appears only if stderr
  // is also a terminal.
  explicit ProgressLine(bool enabled);
  ~ProgressLine();

  bool active() const { return active_; }
  // True when enough time has passed since the last line to print another.
  bool due(double seconds) const { return active_ && seconds - last_ >= 0.25; }
  void print(std::int64_t generation, std::int64_t evaluations, std::int64_t front_size,
             std::optional<double> hypervolume, double seconds, double rate);
  // Ends the line (newline) if one was printed.
  void finish();

 private:
  bool active_ = false;
  bool printed_ = false;
  double last_ = -1e300;
};

}  // namespace paretokit::detail
