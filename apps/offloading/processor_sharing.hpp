// A server under processor sharing: n running tasks each progress at
// f / n cycles per second. Jobs may be submitted ahead of their arrival (a
// task joins when its upload ends).
//
// Every running job receives the same service, so the server keeps one
// counter, the cycles each running job has received since it started
// (`served_`); a job of w cycles joining when the counter reads c leaves
// when it reads c + w. The running jobs form a min-heap on that threshold,
// the pending ones a min-heap on arrival: O(log n) per event.
#pragma once

#include <algorithm>
#include <limits>
#include <vector>

namespace paretokit::offloading {

class ProcessorSharingServer {
 public:
  explicit ProcessorSharingServer(double cycles_per_second) : speed_(cycles_per_second) {}

  // A job of `cycles` that arrives at `arrival_s` (>= the current time).
  void submit(double arrival_s, double cycles, int job);

  // Runs the server up to time t (may be +infinity: until idle), calling
  // done(job, finish_time) for every job that finishes by then, in order.
  template <class Done>
  void advance_to(double t, Done&& done);

  // Running plus pending jobs.
  int queue_length() const { return static_cast<int>(running_.size() + pending_.size()); }
  double now() const { return now_; }

  // Finish-time estimate for a new job of w cycles joining now, assuming no
  // further arrivals and counting pending jobs as running: under processor
  // sharing each other job j takes min(r_j, w) of the server's cycles
  // before the new one finishes. Exact on an idle server, and whenever every
  // job is already running.
  double estimate_finish(double join_s, double cycles) const;

 private:
  struct Running {
    double threshold;  // value of served_ at which the job finishes
    int job;
  };
  struct Pending {
    double arrival_s;
    double cycles;
    int job;
  };
  static bool later_threshold(const Running& a, const Running& b) { return a.threshold > b.threshold; }
  static bool later_arrival(const Pending& a, const Pending& b) { return a.arrival_s > b.arrival_s; }

  double speed_;
  double now_ = 0;
  double served_ = 0;
  std::vector<Running> running_;  // min-heap on threshold
  std::vector<Pending> pending_;  // min-heap on arrival
};

template <class Done>
void ProcessorSharingServer::advance_to(double t, Done&& done) {
  constexpr double infinity = std::numeric_limits<double>::infinity();
  while (!running_.empty() || !pending_.empty()) {
    const double n = static_cast<double>(running_.size());
    const double next_arrival = pending_.empty() ? infinity : pending_.front().arrival_s;
    const double next_finish =
        running_.empty() ? infinity : now_ + (running_.front().threshold - served_) * n / speed_;
    const double next = next_finish <= next_arrival ? next_finish : next_arrival;
    if (next > t) break;
    if (!running_.empty()) served_ += (next - now_) * speed_ / n;
    now_ = next;
    if (next_finish <= next_arrival) {
      std::pop_heap(running_.begin(), running_.end(), later_threshold);
      const int job = running_.back().job;
      served_ = std::max(served_, running_.back().threshold);
      running_.pop_back();
      done(job, now_);
    } else {
      std::pop_heap(pending_.begin(), pending_.end(), later_arrival);
      const Pending arrived = pending_.back();
      pending_.pop_back();
      running_.push_back({served_ + arrived.cycles, arrived.job});
      std::push_heap(running_.begin(), running_.end(), later_threshold);
    }
  }
  if (t != infinity && t > now_) {
    if (!running_.empty()) served_ += (t - now_) * speed_ / static_cast<double>(running_.size());
    now_ = t;
  }
}

}  // namespace paretokit::offloading
