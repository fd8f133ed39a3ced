// The layer table: what the bit-width search knows about each layer of a
// network (README.md, "paretokit quantize"):
//
//   {"model": "resnet18",
//    "layers": [
//      {"name": "stage1.unit1.conv1", "weights": 36864, "macs": 115605504,
//       "hessian_trace_per_weight": 0.0686,        // Tr(H) / weights (Hutchinson)
//       "perturbation": {"4": 6.743, "8": 0.0235}, // ||W - Q_b(W)||^2 per bit-width b
//       "latency": {"4": 0.211, "8": 0.362}},      // optional, per bit-width
//      {"name": "init_block.conv", "weights": 9408, "macs": 118013952, "fixed_bits": 8}],
//    "tie_groups": [["stage2.unit1.conv1", "stage2.unit1.identity_conv"]]}
//
// A layer with "fixed_bits" is not searched (HAWQ keeps the first conv and
// the fc at 8 bit) but counts in size, BOPs and latency. Layers of one tie
// group share a bit-width (a downsampling conv and the conv it joins read
// the same activation). Whether a searched layer has the sensitivity and
// latency data that the chosen bits and objectives need is checked when the
// search is set up (BitWidthSearch), with the same file and field.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/matrix.hpp"

namespace paretokit::quantization {

struct Layer {
  std::string name;
  std::int64_t weights = 0;                        // number of weights (> 0)
  std::int64_t macs = 0;                           // multiply-accumulates per input (> 0)
  std::optional<int> fixed_bits;                   // not searched when set
  std::optional<double> hessian_trace_per_weight;  // >= 0
  std::map<int, double> perturbation;              // bits -> ||W - Q_b(W)||_2^2 (>= 0)
  std::map<int, double> latency;                   // bits -> latency (>= 0), any unit
};

struct LayerTable {
  std::string model;  // a label, may be empty
  std::string file;   // where it came from, for error messages
  std::vector<Layer> layers;
  std::vector<std::vector<Index>> tie_groups;  // layer indices, each group >= 2 searched layers

  // Index of the layer called `name`, or -1.
  Index index_of(const std::string& name) const;
};

// Validates and reads a table; every error is an InputError naming `file`
// and the JSON path of the field (e.g. "layers[3].weights").
LayerTable parse_layer_table(const nlohmann::json& json, const std::string& file);
// Reads and parses the file (InputError when it cannot be read or is not JSON).
LayerTable read_layer_table(const std::filesystem::path& path);

nlohmann::json to_json(const LayerTable& table);

}  // namespace paretokit::quantization
