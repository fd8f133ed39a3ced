// Roofline latency (Williams, Waterman and Patterson, "Roofline: an
// insightful visual performance model for multicore architectures", CACM
// 2009): a layer takes the longer of its arithmetic at the device's peak and
// its memory traffic at the device's bandwidth,
//
//   t = max(flops / peak_flops, bytes / memory_bandwidth) + layer_overhead,
//
// so that latency follows arithmetic intensity, not FLOPs alone (a depthwise
// conv is memory bound where a 1x1 conv of the same FLOPs is not). A
// network's latency is the sum over its layers (batch 1, one layer at a time).
// FLOPs are 2 per multiply-add; an add or a pool counts one per element it
// reads or writes; bytes are input + output activations + weights times
// bytes_per_element.
//
// Device file (data/devices/*.json):
//   {"format": "paretokit-device", "name": "NVIDIA V100 SXM2", "kind": "gpu",
//    "peak_flops": 1.57e13, "memory_bandwidth": 9.0e11,
//    "bytes_per_element": 4, "layer_overhead_s": 0,
//    "latency_table": "optional/path/to/table.json",
//    "source": "where the figures come from"}
// peak_flops (FLOP/s) and memory_bandwidth (bytes/s) are required;
// bytes_per_element defaults to 4 (fp32), layer_overhead_s to 0.
#pragma once

#include <optional>
#include <string>

#include "nas/latency_model.hpp"

namespace paretokit::nas {

struct Device {
  std::string name;
  std::string kind;             // "cpu", "gpu", "mobile", ... (informative)
  double peak_flops = 0;        // FLOP/s
  double memory_bandwidth = 0;  // bytes/s
  double bytes_per_element = 4;
  double layer_overhead_s = 0;  // fixed cost per layer (kernel launch)
  std::string latency_table;    // resolved path, empty when none
  std::string source;
  std::string file;
};

// InputError with file, field and reason (e.g. "peak_flops: missing: the
// device's peak arithmetic rate in FLOP/s").
Device load_device(const std::string& path);
Device device_from_json(const nlohmann::json& document, const std::string& file);

// Seconds for `flops` and `bytes` on `device`.
double roofline_seconds(double flops, double bytes, const Device& device);
// A layer's FLOPs and bytes as the roofline counts them.
double layer_flops(const Layer& layer);
double layer_bytes(const Layer& layer, const Device& device);

class RooflineLatency : public LatencyModel {
 public:
  explicit RooflineLatency(Device device) : device_(std::move(device)) {}
  double milliseconds(const NetworkSpec& network, const NetworkCosts& costs) const override;
  double layer_milliseconds(const Layer& layer) const;
  nlohmann::json describe() const override;
  const Device& device() const { return device_; }

 private:
  Device device_;
};

}  // namespace paretokit::nas
