// Latency lookup tables: measured milliseconds per network unit (the first
// conv, each MBConv block, the feature-mix conv, the pooled classifier), as
// in ProxylessNAS's latency estimator; a network's latency is the sum of its
// units' entries (zero blocks cost nothing).
//
// Our format (documented in data/README.md):
//   {"format": "paretokit-latency-table", "version": 1, "device": "...", "unit": "ms",
//    "entries": [
//      {"op": "first_conv",  "input": [224, 224, 3],  "output": [112, 112, 32], "ms": 4.08},
//      {"op": "mbconv",      "input": [56, 56, 24],   "output": [28, 28, 40],
//       "kernel": 5, "expand": 3, "stride": 2, "skip": false, "ms": 4.38},
//      {"op": "feature_mix", "input": [7, 7, 320],    "output": [7, 7, 1280], "ms": 3.09},
//      {"op": "classifier",  "input": [7, 7, 1280],   "output": [1000], "ms": 0.31}]}
// Shapes are [height, width, channels]; "skip" says the block has an
// identity shortcut; kernel/expand/stride/skip belong to mbconv entries only.
//
// ProxylessNAS's own format (its mobile_trim.yaml, keys such as
// "expanded_conv-input:56x56x24-output:28x28x40-expand:3-kernel:5-stride:2-idskip:0"
// with types Conv, expanded_conv, Conv_1, Logits): read as JSON, either the
// yaml's mapping {key: {"mean": ms, ...}} or the converted list of
// data/proxylessnas/mobile_latency_lut.json ({"entries": [{"key", "mean_ms"}]}).
#pragma once

#include <compare>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "nas/latency_model.hpp"

namespace paretokit::nas {

struct LatencyKey {
  std::string op;                          // first_conv, mbconv, feature_mix, classifier
  std::vector<int> input, output;          // [H, W, C]; the classifier's output is [classes]
  int kernel = 0, expand = 0, stride = 0;  // mbconv only
  bool skip = false;                       // mbconv only
  auto operator<=>(const LatencyKey&) const = default;
};

// "mbconv 56x56x24 -> 28x28x40, kernel 5, expand 3, stride 2, skip 0".
std::string to_string(const LatencyKey& key);

// The units of `network` and their keys, with a label each ("first_conv",
// "blocks[5] (7x7_MBConv3)", ...); zero blocks have none.
struct LatencyUnit {
  std::string label;
  LatencyKey key;
};
std::vector<LatencyUnit> latency_units(const NetworkSpec& network);

class LatencyTable : public LatencyModel {
 public:
  // Either format, detected: ours has "format": "paretokit-latency-table".
  // InputError with the file, the JSON field and the reason on bad input
  // (unknown op, malformed shape, negative time, duplicate entry...).
  static LatencyTable load(const std::string& path);
  static LatencyTable from_json(const nlohmann::json& document, const std::string& file);
  static LatencyTable from_proxyless_json(const nlohmann::json& document, const std::string& file);

  // The entry's milliseconds; InputError (file, unit label, what is missing)
  // when the table has no such entry.
  double lookup(const LatencyUnit& unit) const;
  double milliseconds(const NetworkSpec& network, const NetworkCosts& costs) const override;
  void check_covers(const ProxylessSpace& space) const override;
  nlohmann::json describe() const override;

  std::size_t size() const { return entries_.size(); }
  const std::string& file() const { return file_; }
  const std::string& format() const { return format_; }
  // The device the table was measured on (from a device file that names it).
  void set_device(std::string device) { device_ = std::move(device); }

 private:
  std::string file_, format_, device_;
  std::map<LatencyKey, double> entries_;
};

}  // namespace paretokit::nas
