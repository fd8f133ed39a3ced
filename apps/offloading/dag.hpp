// Applications of dependent subtasks (Com-DDPG's setting, issue 16): a DAG
// (Boost.Graph) whose vertices are subtasks (cycles to run, input bits the
// user's device holds) and whose edges carry the output a successor needs.
// Each subtask is placed on a device: 0 = the user's device, 1..E = edge
// servers, E + 1 = the cloud. A subtask starts once every predecessor has
// finished and its output has arrived (and, off the device, its own input
// has been uploaded):
//
//   ready(v)  = max( upload(input_v),  max_{u -> v} finish(u) + transfer(u -> v) )
//   finish(v) = start(v) + cycles_v / speed(device_v)
//
// transfer is 0 on one device, bits / uplink rate between the user's device
// and a server (the same rate both ways), bits / backhaul rate between two
// servers. With DeviceContention::none every device runs any number of
// subtasks at once, so the finish time is the DAG's critical path; with
// ::sequential each device runs one subtask at a time, in topological order
// (list scheduling). Energy: kappa f^2 per local cycle plus P times the
// user's upload time (results sent back to the device are not counted).
//
// Cost: O(V + E) after a topological sort.
#pragma once

#include <vector>

#include <boost/graph/adjacency_list.hpp>

namespace paretokit::offloading {

struct Subtask {
  double cycles = 0;
  double input_bits = 0;  // held by the user's device; uploaded when placed elsewhere
};
struct Dependency {
  double data_bits = 0;  // the predecessor's output the successor needs
};
using ApplicationGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Subtask, Dependency>;

struct DeviceNetwork {
  std::vector<double> cycles_per_second;  // per device (device 0: the user's own)
  std::vector<double> uplink_bps;         // user's device <-> device d (entry 0 unused)
  double backhaul_bps = 1e9;              // between two servers
  double transmit_power_w = 0.01;
  double local_joules_per_cycle = 1e-9;  // kappa f_local^2

  int devices() const { return static_cast<int>(cycles_per_second.size()); }
  double transfer_seconds(int from, int to, double bits) const;
};

enum class DeviceContention { none, sequential };

struct DagSchedule {
  std::vector<double> start_s, finish_s;  // per subtask
  double makespan_s = 0;                  // the last finish (0 for an empty DAG)
  double energy_j = 0;
};

// `placement`: one device per subtask. InputError when the graph has a
// cycle, the placement has the wrong size or names an unknown device.
DagSchedule schedule_dag(const ApplicationGraph& graph, const std::vector<int>& placement,
                         const DeviceNetwork& network, DeviceContention contention = DeviceContention::none);

}  // namespace paretokit::offloading
