// The per-layer table of one network (`paretokit nas --describe`): kind,
// kernel, stride, channels, spatial sizes, MACs, parameters, memory traffic,
// and, with a roofline device, each layer's latency; with a lookup table,
// each unit's entry. As JSON and as aligned text.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "nas/latency_model.hpp"
#include "nas/network.hpp"

namespace paretokit::nas {

// {"architecture", "layers": [{name, kind, kernel, stride, in_channels,
//  out_channels, in_size, out_size, macs, params, memory_elements
//  [, roofline_ms]}], "latency_units": [{unit, key, ms}] (table only),
//  "totals": {macs, params, mflops, mparams, latency_ms}, "latency": model}
// `latency` may be null.
nlohmann::json describe_network(const NetworkSpec& network, const LatencyModel* latency);

// The same as an aligned text table.
std::string describe_network_text(const nlohmann::json& description);

}  // namespace paretokit::nas
