// Weights, MACs and BOPs of the architectures against the published totals
// (HAWQ-V3's model zoo; MobileNetV2's paper), and the shipped HAWQ tables
// against the architectures.
#include <catch2/catch.hpp>

#include <cmath>

#include "paretokit/quantization/architectures.hpp"
#include "paretokit/quantization/builtin_tables.hpp"

using namespace paretokit::quantization;

namespace {

struct Totals {
  std::int64_t weights = 0, macs = 0;
};

Totals totals(const std::vector<ArchitectureLayer>& layers) {
  Totals t;
  for (const auto& layer : layers) {
    t.weights += layer.weights;
    t.macs += layer.macs;
  }
  return t;
}

// Giga bit operations with the first and the last layer (conv1 and fc) at
// `edge_bits` and every other at `bits` (weights and activations alike).
double gbops(const std::vector<ArchitectureLayer>& layers, int bits, int edge_bits) {
  double sum = 0;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const int b = (i == 0 || i + 1 == layers.size()) ? edge_bits : bits;
    sum += static_cast<double>(layers[i].macs) * b * b;
  }
  return sum / 1e9;
}

}  // namespace

TEST_CASE("architectures: ResNet18 has 1858 GBOPs in FP32 and 116 in W8A8") {
  const auto layers = resnet18_layers();
  CHECK(layers.size() == 21);  // conv1, 16 + 3 downsampling convs, fc
  const Totals t = totals(layers);
  CHECK(t.weights == 11'678'912);  // 11.69 M with biases and BN, as published
  CHECK(t.macs == 1'814'073'344);
  CHECK(std::round(gbops(layers, 32, 32)) == 1858);
  CHECK(std::round(gbops(layers, 8, 8)) == 116);
  CHECK(gbops(layers, 4, 8) == Approx(34.7).margin(0.05));  // model zoo's W4A4
}

TEST_CASE("architectures: ResNet50 has 3951 / 247 / 67 GBOPs in FP32 / W8A8 / W4A4") {
  const auto layers = resnet50_layers();
  CHECK(layers.size() == 54);
  const Totals t = totals(layers);
  CHECK(t.weights == 25'502'912);
  CHECK(t.macs == 3'857'973'248);
  CHECK(std::round(gbops(layers, 32, 32)) == 3951);
  CHECK(std::round(gbops(layers, 8, 8)) == 247);
  CHECK(std::round(gbops(layers, 4, 8)) == 67);  // conv1 and fc stay at 8 bit
}

TEST_CASE("architectures: MobileNetV2 has 3.47 M weights and 300.8 M MACs") {
  const auto layers = mobilenetv2_layers();
  CHECK(layers.size() == 53);  // conv1, 17 blocks (the first without expansion), last conv, fc
  const Totals t = totals(layers);
  CHECK(t.weights == 3'469'760);
  CHECK(std::round(t.weights / 1e4) / 100 == 3.47);
  CHECK(std::round(t.macs / 1e5) / 10 == 300.8);
}

TEST_CASE("architectures: the shipped HAWQ tables hold the architecture's layers, in order") {
  for (const std::string model : {"resnet18", "resnet50"}) {
    const auto layers = architecture_layers(model);
    const LayerTable table = builtin_layer_table(model);
    REQUIRE(table.layers.size() == layers.size());
    for (std::size_t i = 0; i < layers.size(); ++i) {
      INFO(model << " layer " << i);
      CHECK(table.layers[i].name == layers[i].name);
      CHECK(table.layers[i].weights == layers[i].weights);
      CHECK(table.layers[i].macs == layers[i].macs);
      CHECK(table.layers[i].fixed_bits.has_value() == (i == 0 || i + 1 == layers.size()));
    }
  }
}
