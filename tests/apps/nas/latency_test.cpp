#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>

#include "nas/latency_table.hpp"
#include "nas/proxyless_space.hpp"
#include "nas/roofline.hpp"
#include "nas_test_data.hpp"
#include "paretokit/io/atomic_file.hpp"

using namespace paretokit;
using namespace paretokit::nas;
using paretokit::nas::test::data_path;
using paretokit::nas::test::error_of;

namespace {

std::vector<BlockOp> mobile_ops() {
  const NetworkSpec network = load_network_config(data_path("proxylessnas/mobile.json"));
  std::vector<BlockOp> ops;
  for (std::size_t i = 1; i < network.blocks.size(); ++i) ops.push_back(network.blocks[i].op);
  return ops;
}

// A scratch file under the build tree, removed at scope end.
struct ScratchFile {
  explicit ScratchFile(const std::string& name, const nlohmann::json& content)
      : path((std::filesystem::temp_directory_path() / ("paretokit_nas_" + name)).string()) {
    std::ofstream(path) << content.dump(1);
  }
  ~ScratchFile() { std::remove(path.c_str()); }
  std::string path;
};

nlohmann::json small_table() {
  return {{"format", "paretokit-latency-table"},
          {"version", 1},
          {"unit", "ms"},
          {"entries",
           {{{"op", "first_conv"}, {"input", {224, 224, 3}}, {"output", {112, 112, 32}}, {"ms", 1.5}},
            {{"op", "mbconv"},
             {"input", {56, 56, 24}},
             {"output", {28, 28, 40}},
             {"kernel", 5},
             {"expand", 3},
             {"stride", 2},
             {"skip", false},
             {"ms", 2.0}}}}};
}

}  // namespace

TEST_CASE("latency table: the mobile architecture's latency is the sum of its ProxylessNAS entries") {
  const LatencyTable table = LatencyTable::load(data_path("proxylessnas/mobile_latency_lut.json"));
  CHECK(table.size() == 72);
  CHECK(table.format() == "proxylessnas");

  // The expected sum, from the table's own key strings built by hand here
  // (ProxylessNAS's latency estimator: first conv, every non-zero block with
  // idskip = its shortcut, feature mix, logits), read from the raw JSON.
  std::map<std::string, double> raw;
  const auto document = read_json_file(data_path("proxylessnas/mobile_latency_lut.json"));
  for (const auto& entry : document["entries"]) {
    raw[entry["key"].get<std::string>()] = entry["mean_ms"].get<double>();
  }
  const auto ops = mobile_ops();
  const std::vector<int> widths{24, 40, 80, 96, 192, 320}, counts{4, 4, 4, 4, 4, 1},
      strides{2, 2, 2, 1, 2, 1};
  double expected =
      raw.at("Conv-input:224x224x3-output:112x112x32") +
      raw.at("expanded_conv-input:112x112x32-output:112x112x16-expand:1-kernel:3-stride:1-idskip:0");
  int size = 112, channels = 16, used = 2;
  std::size_t b = 0;
  for (std::size_t s = 0; s < widths.size(); ++s) {
    for (int j = 0; j < counts[s]; ++j, ++b) {
      const int stride = j == 0 ? strides[s] : 1;
      const int out = size / stride;
      if (!ops[b].is_zero()) {
        char key[160];
        std::snprintf(key, sizeof key,
                      "expanded_conv-input:%dx%dx%d-output:%dx%dx%d-expand:%d-kernel:%d-stride:%d-idskip:%d",
                      size, size, channels, out, out, widths[s], ops[b].expand, ops[b].kernel, stride,
                      stride == 1 && channels == widths[s] ? 1 : 0);
        INFO(key);
        REQUIRE(raw.count(key) == 1);
        expected += raw.at(key);
        ++used;
      }
      size = out;
      channels = widths[s];
    }
  }
  expected += raw.at("Conv_1-input:7x7x320-output:7x7x1280") + raw.at("Logits-input:7x7x1280-output:1000");
  used += 2;
  CHECK(used == 2 + 19 + 2);  // the mobile net has 2 zero blocks among its 21

  const NetworkSpec network = ProxylessSpace().network(ops);
  CHECK(table.milliseconds(network, network_costs(network)) == Approx(expected).epsilon(1e-14));
  CHECK(expected == Approx(82.5238603590).epsilon(1e-9));
  CHECK(latency_units(network).size() == static_cast<std::size_t>(used));
  CHECK_NOTHROW(table.check_covers(ProxylessSpace()));
}

TEST_CASE("latency table: a shape the table does not cover names the file and the block") {
  const std::string path = data_path("proxylessnas/mobile_latency_lut.json");
  const LatencyTable table = LatencyTable::load(path);
  // As released, the mobile net's stage 1 is 32 wide; the table has 24.
  const NetworkSpec published = load_network_config(data_path("proxylessnas/mobile.json"));
  CHECK(error_of([&] { table.milliseconds(published, network_costs(published)); }) ==
        path +
            ": blocks[1] (5x5_MBConv3): the table has no entry for mbconv 112x112x16 -> 56x56x32, kernel 5, "
            "expand 3, stride 2, skip 0 (a shape or op it does not cover)");
  ProxylessSpaceOptions options;
  options.resolution = 192;
  CHECK(error_of([&] {
          table.check_covers(ProxylessSpace(options));
        }).starts_with(path + ": first_conv: the table has no entry for first_conv 192x192x3"));
  options = {};
  options.kernels = {3, 9};
  CHECK(error_of([&] { table.check_covers(ProxylessSpace(options)); }).find("kernel 9") != std::string::npos);
}

TEST_CASE("latency table: our format gives the same latency as ProxylessNAS's") {
  // Convert the ProxylessNAS table into our format and compare on the mobile net.
  const auto raw = read_json_file(data_path("proxylessnas/mobile_latency_lut.json"));
  nlohmann::json ours = {{"format", "paretokit-latency-table"},
                         {"version", 1},
                         {"unit", "ms"},
                         {"entries", nlohmann::json::array()}};
  const std::map<std::string, std::string> op_of{{"Conv", "first_conv"},
                                                 {"Conv_1", "feature_mix"},
                                                 {"Logits", "classifier"},
                                                 {"expanded_conv", "mbconv"}};
  for (const auto& entry : raw["entries"]) {
    nlohmann::json converted = {
        {"op", op_of.at(entry["layer_type"])}, {"input", entry["input"]}, {"ms", entry["mean_ms"]}};
    converted["output"] =
        entry["output"].is_array() ? entry["output"] : nlohmann::json::array({entry["output"]});
    if (entry["layer_type"] == "expanded_conv") {
      converted["kernel"] = entry["kernel"];
      converted["expand"] = entry["expand"];
      converted["stride"] = entry["stride"];
      converted["skip"] = entry["idskip"] == 1;
    }
    ours["entries"].push_back(converted);
  }
  const ScratchFile file("ours.json", ours);
  const LatencyTable table = LatencyTable::load(file.path);
  CHECK(table.format() == "paretokit-latency-table");
  const LatencyTable proxyless = LatencyTable::load(data_path("proxylessnas/mobile_latency_lut.json"));
  const NetworkSpec network = ProxylessSpace().network(mobile_ops());
  const NetworkCosts costs = network_costs(network);
  CHECK(table.milliseconds(network, costs) == proxyless.milliseconds(network, costs));

  // The yaml's own mapping {key: {"mean": ms}} reads as well.
  nlohmann::json mapping = nlohmann::json::object();
  for (const auto& entry : raw["entries"])
    mapping[entry["key"].get<std::string>()] = {{"mean", entry["mean_ms"]}, {"count", entry["count"]}};
  const LatencyTable from_mapping = LatencyTable::from_proxyless_json(mapping, "mobile_trim.json");
  CHECK(from_mapping.milliseconds(network, costs) ==
        Approx(proxyless.milliseconds(network, costs)).epsilon(1e-14));
}

TEST_CASE("latency table: the validating reader names file, field and reason") {
  auto with = [](const std::function<void(nlohmann::json&)>& edit) {
    nlohmann::json table = small_table();
    edit(table);
    return error_of([&] { LatencyTable::from_json(table, "lut.json"); });
  };
  CHECK(with([](auto&) {}) == "no error");
  CHECK(with([](auto& t) { t["entries"][1]["op"] = "conv7"; }) ==
        "lut.json: entries[1].op: unknown op 'conv7' (known: first_conv, mbconv, feature_mix, classifier)");
  CHECK(with([](auto& t) {
          t["entries"][0]["input"] = {224, 224};
        }) == "lut.json: entries[0].input: must be an array of 3 positive integers");
  CHECK(with([](auto& t) { t["entries"][1]["ms"] = -1; }) ==
        "lut.json: entries[1].ms: must be a finite number >= 0");
  CHECK(with([](auto& t) { t["entries"][1].erase("kernel"); }) ==
        "lut.json: entries[1].kernel: missing (an mbconv entry needs it)");
  CHECK(with([](auto& t) { t["entries"][0]["kernel"] = 3; }) ==
        "lut.json: entries[0].kernel: only mbconv entries have kernel");
  CHECK(with([](auto& t) {
          t["entries"][1]["output"] = {14, 14, 40};
        }).starts_with("lut.json: entries[1].output: the output's"));
  CHECK(with([](auto& t) {
          t["entries"].push_back(t["entries"][0]);
        }).starts_with("lut.json: entries[2]: the same entry as entries[0]"));
  CHECK(with([](auto& t) { t["version"] = 2; }) == "lut.json: version: must be 1 (the only version)");
  CHECK(with([](auto& t) { t.erase("entries"); }) == "lut.json: entries: missing or not a non-empty array");

  nlohmann::json proxyless = {{"entries", {{{"key", "Pool-input:7x7x1280-output:1000"}, {"mean_ms", 0.3}}}}};
  CHECK(error_of([&] { LatencyTable::from_proxyless_json(proxyless, "lut.json"); }) ==
        "lut.json: entries[0].key: 'Pool-input:7x7x1280-output:1000': unknown op type 'Pool' (known: Conv, "
        "expanded_conv, Conv_1, Logits)");
  proxyless["entries"][0]["key"] = "expanded_conv-input:7x7x192-output:7x7x192-expand:3-kernel:3-stride:1";
  CHECK(error_of([&] { LatencyTable::from_proxyless_json(proxyless, "lut.json"); }).find("expected 7") !=
        std::string::npos);
}

TEST_CASE("roofline: latency is monotone in FLOPs at fixed memory traffic") {
  Device device;
  device.name = "test";
  device.peak_flops = 1e12;
  device.memory_bandwidth = 1e11;
  const double bytes = 1e8;  // 1 ms at the bandwidth
  double previous = 0;
  for (double flops = 0; flops <= 1e10; flops += 2.5e7) {
    const double t = roofline_seconds(flops, bytes, device);
    CHECK(t >= previous);
    previous = t;
  }
  CHECK(roofline_seconds(0, bytes, device) == Approx(1e-3));     // memory bound
  CHECK(roofline_seconds(1e10, bytes, device) == Approx(1e-2));  // compute bound
  // Below the ridge point (intensity peak / bandwidth = 10 FLOP/byte) more
  // FLOPs are free; above it latency grows linearly.
  CHECK(roofline_seconds(5e8, bytes, device) == roofline_seconds(1e8, bytes, device));
  CHECK(roofline_seconds(4e9, bytes, device) == Approx(2 * roofline_seconds(2e9, bytes, device)));

  // On networks: growing the kernels adds depthwise FLOPs and (a few) weights;
  // on a compute-bound device latency grows with them.
  device.memory_bandwidth = 1e18;
  const RooflineLatency roofline(device);
  ProxylessSpace space;
  std::vector<BlockOp> small(21, BlockOp{3, 3}), large(21, BlockOp{7, 3});
  const NetworkSpec a = space.network(small), b = space.network(large);
  const NetworkCosts ca = network_costs(a), cb = network_costs(b);
  CHECK(cb.macs > ca.macs);
  CHECK(roofline.milliseconds(b, cb) > roofline.milliseconds(a, ca));
  double sum = 0;
  for (const Layer& layer : ca.layers) sum += layer_flops(layer) / device.peak_flops;
  CHECK(roofline.milliseconds(a, ca) == Approx(1e3 * sum).epsilon(1e-12));
}

TEST_CASE("roofline: latency follows arithmetic intensity, not FLOPs alone") {
  const Device v100 = load_device(data_path("devices/nvidia_v100_sxm2.json"));
  const RooflineLatency roofline(v100);
  const NetworkCosts costs = network_costs(load_network_config(data_path("proxylessnas/gpu.json")));
  bool memory_bound_depthwise = false;
  for (const Layer& layer : costs.layers) {
    const double intensity = layer_flops(layer) / layer_bytes(layer, v100);
    if (layer.kind == LayerKind::depthwise_conv && intensity < v100.peak_flops / v100.memory_bandwidth) {
      memory_bound_depthwise = true;
      CHECK(roofline.layer_milliseconds(layer) > 1e3 * layer_flops(layer) / v100.peak_flops);
    }
  }
  CHECK(memory_bound_depthwise);
  const double ms = roofline.milliseconds({}, costs);
  CHECK(ms > 1e3 * 2 * static_cast<double>(costs.macs) / v100.peak_flops);
}

TEST_CASE("roofline: every shipped device file loads, and bad ones name file, field and reason") {
  for (const auto& entry : std::filesystem::directory_iterator(data_path("devices"))) {
    if (entry.path().extension() != ".json") continue;
    INFO(entry.path());
    const Device device = load_device(entry.path().string());
    CHECK(!device.source.empty());
    if (device.latency_table.empty()) {
      CHECK(device.peak_flops > 0);
      CHECK(device.memory_bandwidth > 0);
    }
    CHECK_NOTHROW(load_device_latency(entry.path().string()));
  }
  nlohmann::json device = read_json_file(data_path("devices/nvidia_v100_sxm2.json"));
  device.erase("peak_flops");
  CHECK(error_of([&] { device_from_json(device, "gpu.json"); }) ==
        "gpu.json: peak_flops: missing: the device's peak arithmetic rate in FLOP/s");
  device["peak_flops"] = -3;
  CHECK(error_of([&] { device_from_json(device, "gpu.json"); }) ==
        "gpu.json: peak_flops: must be a number > 0 (the device's peak arithmetic rate in FLOP/s)");
  device["peak_flops"] = 1e12;
  device["memory_bandwidth"] = "fast";
  CHECK(error_of([&] {
          device_from_json(device, "gpu.json");
        }).starts_with("gpu.json: memory_bandwidth: must be a number > 0"));
}
