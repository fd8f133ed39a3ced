#include "offloading/simulator.hpp"

#include <cmath>
#include <limits>

#include "offloading/processor_sharing.hpp"
#include "paretokit/core/error.hpp"

namespace paretokit::offloading {

EpisodeMetrics& EpisodeMetrics::operator+=(const EpisodeMetrics& other) {
  tasks += other.tasks;
  total_delay_s += other.total_delay_s;
  total_energy_j += other.total_energy_j;
  deadline_misses += other.deadline_misses;
  return *this;
}

EpisodeMetrics simulate(const Scenario& s, const Trace& trace, Policy& policy, std::uint64_t episode_seed,
                        std::vector<TaskOutcome>* outcomes) {
  const int n_servers = s.n_servers();
  const int n_options = s.n_options();
  const std::size_t n_tasks = trace.tasks.size();
  std::vector<ProcessorSharingServer> servers;
  servers.reserve(static_cast<std::size_t>(n_servers));
  for (int k = 0; k < n_servers; ++k) servers.emplace_back(s.server(k).cpu_hz);

  std::vector<TaskOutcome> local_outcomes;
  std::vector<TaskOutcome>& out = outcomes ? *outcomes : local_outcomes;
  out.assign(n_tasks, TaskOutcome{});
  // Each user's CPU and radio are first come first served: the time each is
  // next free, and the finish times of its local tasks (increasing).
  std::vector<double> cpu_free(static_cast<std::size_t>(s.users), 0.0), radio_free(cpu_free);
  std::vector<std::vector<double>> local_finishes(static_cast<std::size_t>(s.users));

  DecisionState state;
  state.scenario = &s;
  state.trace = &trace;
  state.queue_length.assign(n_options, 0);
  for (auto* v : {&state.gain, &state.rate_bps, &state.distance_m, &state.estimated_delay_s,
                  &state.estimated_energy_j}) {
    v->assign(n_options, 0.0);
  }
  const double local_seconds_per_bit = s.local.cycles_per_bit / s.local.cpu_hz;
  const double local_joules_per_bit =
      s.local.kappa * s.local.cpu_hz * s.local.cpu_hz * s.local.cycles_per_bit;

  policy.reset(episode_seed);
  for (std::size_t i = 0; i < n_tasks; ++i) {
    const Task& task = trace.tasks[i];
    const double now = task.arrival_s;
    const auto u = static_cast<std::size_t>(task.user);
    for (int k = 0; k < n_servers; ++k) {
      servers[static_cast<std::size_t>(k)].advance_to(now, [&](int job, double finish) {
        out[static_cast<std::size_t>(job)].delay_s =
            finish - trace.tasks[static_cast<std::size_t>(job)].arrival_s;
      });
    }

    state.task_index = i;
    state.task = task;
    auto& finishes = local_finishes[u];
    int queued_locally = 0;
    for (auto it = finishes.rbegin(); it != finishes.rend() && *it > now; ++it) ++queued_locally;
    state.queue_length[0] = queued_locally;
    state.estimated_delay_s[0] = std::max(now, cpu_free[u]) - now + task.size_bits * local_seconds_per_bit;
    state.estimated_energy_j[0] = task.size_bits * local_joules_per_bit;
    const double upload_start = std::max(now, radio_free[u]);
    for (int k = 0; k < n_servers; ++k) {
      const Processor& server = s.server(k);
      const double rate = trace.rate_of(i, k);
      const double upload_end = upload_start + task.size_bits / rate;
      const auto option = static_cast<std::size_t>(k + 1);
      state.queue_length[option] = servers[static_cast<std::size_t>(k)].queue_length();
      state.gain[option] = trace.gain_of(i, k);
      state.rate_bps[option] = rate;
      state.distance_m[option] = trace.distance_of(task.user, k);
      state.estimated_delay_s[option] = servers[static_cast<std::size_t>(k)].estimate_finish(
                                            upload_end, task.size_bits * server.cycles_per_bit) -
                                        now;
      double energy = s.link(k).transmit_power_w * task.size_bits / rate;
      if (s.count_server_execution_energy) {
        energy += server.kappa * server.cpu_hz * server.cpu_hz * server.cycles_per_bit * task.size_bits;
      }
      state.estimated_energy_j[option] = energy;
    }

    const int option = policy.choose(state);
    if (option < 0 || option >= n_options) {
      throw Error("policy chose option " + std::to_string(option) + " of " + std::to_string(n_options));
    }
    TaskOutcome& outcome = out[i];
    outcome.option = option;
    outcome.energy_j = state.estimated_energy_j[static_cast<std::size_t>(option)];
    if (option == 0) {
      cpu_free[u] = std::max(now, cpu_free[u]) + task.size_bits * local_seconds_per_bit;
      finishes.push_back(cpu_free[u]);
      outcome.delay_s = cpu_free[u] - now;
    } else {
      const int k = option - 1;
      const double upload_end = upload_start + task.size_bits / trace.rate_of(i, k);
      radio_free[u] = upload_end;
      outcome.transmission_s = upload_end - now;
      servers[static_cast<std::size_t>(k)].submit(upload_end, task.size_bits * s.server(k).cycles_per_bit,
                                                  static_cast<int>(i));
    }
  }
  for (auto& server : servers) {
    server.advance_to(std::numeric_limits<double>::infinity(), [&](int job, double finish) {
      out[static_cast<std::size_t>(job)].delay_s =
          finish - trace.tasks[static_cast<std::size_t>(job)].arrival_s;
    });
  }

  EpisodeMetrics metrics;
  metrics.tasks = n_tasks;
  for (const TaskOutcome& o : out) {
    metrics.total_delay_s += o.delay_s;
    metrics.total_energy_j += o.energy_j;
    if (s.deadline_s > 0 && o.delay_s > s.deadline_s) ++metrics.deadline_misses;
  }
  return metrics;
}

}  // namespace paretokit::offloading
