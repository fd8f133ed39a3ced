#include "nas/describe.hpp"

#include <cstdio>
#include <sstream>

#include "nas/latency_table.hpp"
#include "nas/network_graph.hpp"
#include "nas/roofline.hpp"

namespace paretokit::nas {

nlohmann::json describe_network(const NetworkSpec& network, const LatencyModel* latency) {
  const NetworkCosts costs = network_costs(network);
  const auto* roofline = dynamic_cast<const RooflineLatency*>(latency);
  const auto* table = dynamic_cast<const LatencyTable*>(latency);
  nlohmann::json layers = nlohmann::json::array();
  for (const Layer& layer : costs.layers) {
    nlohmann::json row = {
        {"name", layer.name},
        {"kind", to_string(layer.kind)},
        {"kernel", layer.kernel},
        {"stride", layer.stride},
        {"in_channels", layer.in_channels},
        {"out_channels", layer.out_channels},
        {"in_size", layer.in_size},
        {"out_size", layer.out_size},
        {"macs", layer.macs},
        {"params", layer.params},
        {"memory_elements", layer.input_elements + layer.output_elements + layer.weight_elements}};
    if (roofline) row["roofline_ms"] = roofline->layer_milliseconds(layer);
    layers.push_back(std::move(row));
  }
  nlohmann::json description = {{"architecture", block_notation(network)},
                                {"resolution", network.resolution},
                                {"layers", std::move(layers)}};
  nlohmann::json totals = {{"macs", costs.macs},
                           {"params", costs.params},
                           {"mflops", static_cast<double>(costs.macs) / 1e6},
                           {"mparams", static_cast<double>(costs.params) / 1e6}};
  if (table) {
    nlohmann::json units = nlohmann::json::array();
    for (const LatencyUnit& unit : latency_units(network)) {
      units.push_back({{"unit", unit.label}, {"key", to_string(unit.key)}, {"ms", table->lookup(unit)}});
    }
    description["latency_units"] = std::move(units);
  }
  if (latency) {
    totals["latency_ms"] = latency->milliseconds(network, costs);
    description["latency"] = latency->describe();
  }
  description["totals"] = std::move(totals);
  return description;
}

std::string describe_network_text(const nlohmann::json& d) {
  std::ostringstream out;
  char line[256];
  const bool roofline = !d["layers"].empty() && d["layers"][0].contains("roofline_ms");
  out << "architecture " << d["architecture"].get<std::string>() << " at " << d["resolution"].get<int>()
      << "x" << d["resolution"].get<int>() << "\n";
  std::snprintf(line, sizeof line, "%-22s %-9s %2s %2s %11s %9s %13s %10s %12s%s\n", "layer", "kind", "k",
                "s", "channels", "size", "MACs", "params", "memory", roofline ? "   roofline ms" : "");
  out << line;
  for (const auto& layer : d["layers"]) {
    const std::string channels = std::to_string(layer["in_channels"].get<int>()) + "->" +
                                 std::to_string(layer["out_channels"].get<int>());
    const std::string size =
        std::to_string(layer["in_size"].get<int>()) + "->" + std::to_string(layer["out_size"].get<int>());
    std::snprintf(line, sizeof line, "%-22s %-9s %2d %2d %11s %9s %13lld %10lld %12lld",
                  layer["name"].get<std::string>().c_str(), layer["kind"].get<std::string>().c_str(),
                  layer["kernel"].get<int>(), layer["stride"].get<int>(), channels.c_str(), size.c_str(),
                  layer["macs"].get<long long>(), layer["params"].get<long long>(),
                  layer["memory_elements"].get<long long>());
    out << line;
    if (roofline) {
      std::snprintf(line, sizeof line, " %13.5f", layer["roofline_ms"].get<double>());
      out << line;
    }
    out << "\n";
  }
  if (d.contains("latency_units")) {
    out << "latency table entries:\n";
    for (const auto& unit : d["latency_units"]) {
      std::snprintf(line, sizeof line, "  %-26s %9.4f ms  %s\n", unit["unit"].get<std::string>().c_str(),
                    unit["ms"].get<double>(), unit["key"].get<std::string>().c_str());
      out << line;
    }
  }
  const auto& totals = d["totals"];
  std::snprintf(line, sizeof line, "total: %lld MACs (%.1f M), %lld params (%.2f M)",
                totals["macs"].get<long long>(), totals["mflops"].get<double>(),
                totals["params"].get<long long>(), totals["mparams"].get<double>());
  out << line;
  if (totals.contains("latency_ms")) {
    std::snprintf(line, sizeof line, ", latency %.4f ms (%s)", totals["latency_ms"].get<double>(),
                  d["latency"]["model"].get<std::string>().c_str());
    out << line;
  }
  out << "\n";
  return out.str();
}

}  // namespace paretokit::nas
