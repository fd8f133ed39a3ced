// A network's latency on a device: from a lookup table of measured blocks
// (nas/latency_table.hpp) or from a roofline model of the device
// (nas/roofline.hpp).
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "nas/network.hpp"
#include "nas/network_graph.hpp"

namespace paretokit::nas {

class ProxylessSpace;

class LatencyModel {
 public:
  virtual ~LatencyModel() = default;
  // Milliseconds for one image (batch 1). `costs` are network_costs(network).
  // InputError naming the table and the block when a table lacks an entry.
  virtual double milliseconds(const NetworkSpec& network, const NetworkCosts& costs) const = 0;
  // Throws the same InputError up front when some architecture of `space`
  // needs an entry the model lacks (so that a search fails before it starts).
  virtual void check_covers(const ProxylessSpace& /*space*/) const {}
  // For config.json and the printed header: kind, source file, device.
  virtual nlohmann::json describe() const = 0;
};

// From a device file (nas/roofline.hpp): its roofline, or the lookup table
// it names in "latency_table" (a path relative to the device file).
std::shared_ptr<const LatencyModel> load_device_latency(const std::string& device_path);
// From a lookup table file, in either format (detected).
std::shared_ptr<const LatencyModel> load_table_latency(const std::string& table_path);

}  // namespace paretokit::nas
