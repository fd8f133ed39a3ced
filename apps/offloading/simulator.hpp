// The event-driven simulator of one episode (issue 16's system model).
//
// Tasks are decided in arrival order by a Policy, online: the policy sees
// the queues at the task's arrival. A task placed
//   - locally runs on its user's CPU, first come first served:
//       delay = wait for the CPU + C s / f_local,  energy = kappa f_local^2 C s;
//   - on server k is uploaded over its user's radio (one upload at a time,
//     first come first served, at the task's rate r_k), then joins server
//     k, which serves its tasks by processor sharing:
//       delay = upload wait + s / r_k + queueing and computation under PS,
//       energy = P_k s / r_k (+ kappa_k f_k^2 C_k s when the scenario counts
//                server execution, as GMORL's code does).
// Results are not downloaded (outputs are small); users do not interfere
// (each has its own bandwidth B, as the original).
//
// The myopic estimates in DecisionState: local delay is exact (FIFO); a
// server's is the upload wait and time plus ProcessorSharingServer::
// estimate_finish, exact on an idle server and ignoring later arrivals.
//
// Cost: O(T (E + Q)) for T tasks, E servers and Q tasks queued at a server.
#pragma once

#include <vector>

#include "offloading/policy.hpp"
#include "offloading/scenario.hpp"
#include "offloading/trace.hpp"

namespace paretokit::offloading {

struct TaskOutcome {
  int option = 0;
  double delay_s = 0;         // arrival to completion
  double transmission_s = 0;  // arrival to end of upload (0 when local)
  double energy_j = 0;
};

struct EpisodeMetrics {
  std::size_t tasks = 0;
  double total_delay_s = 0, total_energy_j = 0;
  std::size_t deadline_misses = 0;  // delay > deadline_s (when the scenario sets one)

  double mean_delay_s() const { return tasks ? total_delay_s / static_cast<double>(tasks) : 0.0; }
  double mean_energy_j() const { return tasks ? total_energy_j / static_cast<double>(tasks) : 0.0; }
  double deadline_miss_rate() const {
    return tasks ? static_cast<double>(deadline_misses) / static_cast<double>(tasks) : 0.0;
  }
  EpisodeMetrics& operator+=(const EpisodeMetrics& other);
};

// Simulates the trace under the policy (policy.reset(episode_seed) first).
// `outcomes`, when given, receives one entry per task of the trace.
EpisodeMetrics simulate(const Scenario& scenario, const Trace& trace, Policy& policy,
                        std::uint64_t episode_seed = 0, std::vector<TaskOutcome>* outcomes = nullptr);

}  // namespace paretokit::offloading
