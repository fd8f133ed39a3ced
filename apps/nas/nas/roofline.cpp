#include "nas/roofline.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "nas/latency_table.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"

namespace paretokit::nas {

namespace {

double positive_number(const nlohmann::json& document, const char* key, const std::string& file,
                       const std::string& meaning) {
  if (!document.contains(key)) throw InputError("missing: " + meaning, Location(file, 0, key));
  const auto& value = document[key];
  if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() <= 0) {
    throw InputError("must be a number > 0 (" + meaning + ")", Location(file, 0, key));
  }
  return value.get<double>();
}

std::string optional_string(const nlohmann::json& document, const char* key, const std::string& file) {
  if (!document.contains(key)) return {};
  if (!document[key].is_string()) throw InputError("must be a string", Location(file, 0, key));
  return document[key].get<std::string>();
}

}  // namespace

Device device_from_json(const nlohmann::json& document, const std::string& file) {
  if (!document.is_object()) throw InputError("a device file must be a JSON object", Location(file));
  if (document.contains("format") && document["format"] != "paretokit-device") {
    throw InputError("must be \"paretokit-device\"", Location(file, 0, "format"));
  }
  Device device;
  device.file = file;
  device.name = optional_string(document, "name", file);
  if (device.name.empty()) throw InputError("missing: the device's name", Location(file, 0, "name"));
  device.kind = optional_string(document, "kind", file);
  device.source = optional_string(document, "source", file);
  device.latency_table = optional_string(document, "latency_table", file);
  if (!device.latency_table.empty()) {
    const std::filesystem::path table = device.latency_table;
    device.latency_table =
        table.is_absolute() ? table.string() : (std::filesystem::path(file).parent_path() / table).string();
  }
  // The peak and bandwidth are needed for the roofline only; a device that
  // names a table may leave them out.
  if (device.latency_table.empty() || document.contains("peak_flops")) {
    device.peak_flops =
        positive_number(document, "peak_flops", file, "the device's peak arithmetic rate in FLOP/s");
  }
  if (device.latency_table.empty() || document.contains("memory_bandwidth")) {
    device.memory_bandwidth =
        positive_number(document, "memory_bandwidth", file, "the device's memory bandwidth in bytes/s");
  }
  if (document.contains("bytes_per_element")) {
    device.bytes_per_element =
        positive_number(document, "bytes_per_element", file, "bytes per tensor element");
  }
  if (document.contains("layer_overhead_s")) {
    const auto& value = document["layer_overhead_s"];
    if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0) {
      throw InputError("must be a number >= 0 (seconds per layer)", Location(file, 0, "layer_overhead_s"));
    }
    device.layer_overhead_s = value.get<double>();
  }
  return device;
}

Device load_device(const std::string& path) { return device_from_json(read_json_file(path), path); }

double roofline_seconds(double flops, double bytes, const Device& device) {
  return std::max(flops / device.peak_flops, bytes / device.memory_bandwidth) + device.layer_overhead_s;
}

double layer_flops(const Layer& layer) {
  switch (layer.kind) {
    case LayerKind::conv:
    case LayerKind::depthwise_conv:
    case LayerKind::linear:
      return 2.0 * static_cast<double>(layer.macs);
    case LayerKind::add:
      return static_cast<double>(layer.output_elements);
    case LayerKind::global_pool:
      return static_cast<double>(layer.input_elements);
    case LayerKind::input:
      return 0;
  }
  return 0;
}

double layer_bytes(const Layer& layer, const Device& device) {
  return device.bytes_per_element *
         static_cast<double>(layer.input_elements + layer.output_elements + layer.weight_elements);
}

double RooflineLatency::layer_milliseconds(const Layer& layer) const {
  return 1e3 * roofline_seconds(layer_flops(layer), layer_bytes(layer, device_), device_);
}

double RooflineLatency::milliseconds(const NetworkSpec& /*network*/, const NetworkCosts& costs) const {
  double total = 0;
  for (const Layer& layer : costs.layers) total += layer_milliseconds(layer);
  return total;
}

nlohmann::json RooflineLatency::describe() const {
  return {{"model", "roofline"},
          {"device", device_.name},
          {"file", device_.file},
          {"peak_flops", device_.peak_flops},
          {"memory_bandwidth", device_.memory_bandwidth},
          {"bytes_per_element", device_.bytes_per_element},
          {"layer_overhead_s", device_.layer_overhead_s}};
}

std::shared_ptr<const LatencyModel> load_device_latency(const std::string& device_path) {
  Device device = load_device(device_path);
  if (!device.latency_table.empty()) {
    auto table = std::make_shared<LatencyTable>(LatencyTable::load(device.latency_table));
    table->set_device(device.name);
    return table;
  }
  return std::make_shared<RooflineLatency>(std::move(device));
}

}  // namespace paretokit::nas
