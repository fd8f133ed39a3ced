#include "offloading/processor_sharing.hpp"

namespace paretokit::offloading {

void ProcessorSharingServer::submit(double arrival_s, double cycles, int job) {
  pending_.push_back({arrival_s, cycles, job});
  std::push_heap(pending_.begin(), pending_.end(), later_arrival);
}

double ProcessorSharingServer::estimate_finish(double join_s, double cycles) const {
  double work = cycles;
  for (const Running& r : running_) work += std::min(r.threshold - served_, cycles);
  for (const Pending& p : pending_) work += std::min(p.cycles, cycles);
  return join_s + work / speed_;
}

}  // namespace paretokit::offloading
