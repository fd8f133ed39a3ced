#include "offloading/dag.hpp"

#include <algorithm>

#include <boost/graph/topological_sort.hpp>

#include "paretokit/core/error.hpp"

namespace paretokit::offloading {

double DeviceNetwork::transfer_seconds(int from, int to, double bits) const {
  if (from == to || bits == 0) return 0;
  if (from == 0 || to == 0) return bits / uplink_bps[static_cast<std::size_t>(from == 0 ? to : from)];
  return bits / backhaul_bps;
}

DagSchedule schedule_dag(const ApplicationGraph& graph, const std::vector<int>& placement,
                         const DeviceNetwork& network, DeviceContention contention) {
  const std::size_t n = boost::num_vertices(graph);
  if (placement.size() != n) {
    throw InputError("placement has " + std::to_string(placement.size()) + " devices for " +
                     std::to_string(n) + " subtasks");
  }
  for (const int device : placement) {
    if (device < 0 || device >= network.devices())
      throw InputError("unknown device " + std::to_string(device));
  }
  std::vector<std::size_t> order;
  order.reserve(n);
  try {
    boost::topological_sort(graph, std::back_inserter(order));  // reverse topological order
  } catch (const boost::not_a_dag&) {
    throw InputError("the application graph has a cycle");
  }
  std::reverse(order.begin(), order.end());

  DagSchedule schedule;
  schedule.start_s.assign(n, 0.0);
  schedule.finish_s.assign(n, 0.0);
  std::vector<double> device_free(static_cast<std::size_t>(network.devices()), 0.0);
  for (const std::size_t v : order) {
    const int device = placement[v];
    const Subtask& subtask = graph[v];
    double ready = network.transfer_seconds(0, device, subtask.input_bits);
    if (device != 0) schedule.energy_j += network.transmit_power_w * ready;
    for (const auto edge : boost::make_iterator_range(boost::in_edges(v, graph))) {
      const std::size_t u = boost::source(edge, graph);
      const double transfer = network.transfer_seconds(placement[u], device, graph[edge].data_bits);
      if (placement[u] == 0 && device != 0) schedule.energy_j += network.transmit_power_w * transfer;
      ready = std::max(ready, schedule.finish_s[u] + transfer);
    }
    double& free_at = device_free[static_cast<std::size_t>(device)];
    const double start = contention == DeviceContention::sequential ? std::max(ready, free_at) : ready;
    schedule.start_s[v] = start;
    schedule.finish_s[v] =
        start + subtask.cycles / network.cycles_per_second[static_cast<std::size_t>(device)];
    free_at = schedule.finish_s[v];
    if (device == 0) schedule.energy_j += network.local_joules_per_cycle * subtask.cycles;
    schedule.makespan_s = std::max(schedule.makespan_s, schedule.finish_s[v]);
  }
  return schedule;
}

}  // namespace paretokit::offloading
