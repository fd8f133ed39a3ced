// Layer shapes of ResNet18/50 (He et al., CVPR 2016) and MobileNetV2
// (Sandler et al., CVPR 2018) for a 224 x 224 input; see architectures.hpp.
#include "paretokit/quantization/architectures.hpp"

#include "paretokit/core/error.hpp"

namespace paretokit::quantization {

namespace {

// Appends convolutions while tracking the spatial size of the feature map.
class Builder {
 public:
  explicit Builder(std::int64_t input_size) : size_(input_size) {}

  // A k x k convolution with padding k / 2 and the given stride, reading a
  // map of side `input_side`; returns the output side.
  std::int64_t conv_from(std::string name, std::int64_t input_side, std::int64_t c_in, std::int64_t c_out,
                         std::int64_t kernel, std::int64_t stride, std::int64_t groups = 1) {
    const std::int64_t output_side = (input_side + 2 * (kernel / 2) - kernel) / stride + 1;
    const std::int64_t weights = c_out * (c_in / groups) * kernel * kernel;
    layers_.push_back({std::move(name), weights, weights * output_side * output_side});
    return output_side;
  }
  // A convolution on the current map, which it then replaces.
  void conv(std::string name, std::int64_t c_in, std::int64_t c_out, std::int64_t kernel, std::int64_t stride,
            std::int64_t groups = 1) {
    size_ = conv_from(std::move(name), size_, c_in, c_out, kernel, stride, groups);
  }
  void fully_connected(std::string name, std::int64_t inputs, std::int64_t outputs) {
    layers_.push_back({std::move(name), inputs * outputs, inputs * outputs});
  }
  std::int64_t& size() { return size_; }
  std::vector<ArchitectureLayer> take() { return std::move(layers_); }

 private:
  std::int64_t size_;
  std::vector<ArchitectureLayer> layers_;
};

std::string unit_name(int stage, int unit) {
  // Appended rather than "literal" + std::string, on which GCC 12 warns (a false -Wrestrict).
  std::string name = "stage";
  name += std::to_string(stage);
  name += ".unit";
  name += std::to_string(unit);
  name += '.';
  return name;
}

// ResNet's stem: 7x7/2 conv to 112, 3x3/2 max pool to 56.
void resnet_stem(Builder& net) {
  net.conv("init_block.conv", 3, 64, 7, 2);
  net.size() = (net.size() + 2 - 3) / 2 + 1;
}

}  // namespace

std::vector<ArchitectureLayer> resnet18_layers() {
  Builder net(224);
  resnet_stem(net);
  std::int64_t channels = 64;
  const std::int64_t widths[] = {64, 128, 256, 512};
  for (int stage = 1; stage <= 4; ++stage) {
    const std::int64_t width = widths[stage - 1];
    for (int unit = 1; unit <= 2; ++unit) {
      const std::string prefix = unit_name(stage, unit);
      const std::int64_t stride = (unit == 1 && stage > 1) ? 2 : 1;
      const std::int64_t input_side = net.size();
      net.conv(prefix + "conv1", channels, width, 3, stride);
      net.conv(prefix + "conv2", width, width, 3, 1);
      if (stride != 1 || channels != width)
        net.conv_from(prefix + "identity_conv", input_side, channels, width, 1, stride);
      channels = width;
    }
  }
  net.fully_connected("output", 512, 1000);
  return net.take();
}

std::vector<ArchitectureLayer> resnet50_layers() {
  Builder net(224);
  resnet_stem(net);
  std::int64_t channels = 64;
  const std::int64_t widths[] = {64, 128, 256, 512};
  const int units[] = {3, 4, 6, 3};
  for (int stage = 1; stage <= 4; ++stage) {
    const std::int64_t width = widths[stage - 1], out = 4 * width;
    for (int unit = 1; unit <= units[stage - 1]; ++unit) {
      const std::string prefix = unit_name(stage, unit);
      const std::int64_t stride = (unit == 1 && stage > 1) ? 2 : 1;
      const std::int64_t input_side = net.size();
      net.conv(prefix + "conv1", channels, width, 1, stride);
      net.conv(prefix + "conv2", width, width, 3, 1);
      net.conv(prefix + "conv3", width, out, 1, 1);
      if (unit == 1) net.conv_from(prefix + "identity_conv", input_side, channels, out, 1, stride);
      channels = out;
    }
  }
  net.fully_connected("output", 2048, 1000);
  return net.take();
}

std::vector<ArchitectureLayer> mobilenetv2_layers() {
  Builder net(224);
  net.conv("init_block.conv", 3, 32, 3, 2);
  // The inverted residual stages: expansion t, channels c, units n, stride s.
  struct Stage {
    std::int64_t expansion, channels;
    int units;
    std::int64_t stride;
  };
  const Stage stages[] = {{1, 16, 1, 1}, {6, 24, 2, 2},  {6, 32, 3, 2}, {6, 64, 4, 2},
                          {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
  std::int64_t channels = 32;
  int stage_number = 0;
  for (const Stage& stage : stages) {
    ++stage_number;
    for (int unit = 1; unit <= stage.units; ++unit) {
      const std::string prefix = unit_name(stage_number, unit);
      const std::int64_t hidden = channels * stage.expansion;
      if (stage.expansion != 1) net.conv(prefix + "conv1", channels, hidden, 1, 1);
      net.conv(prefix + "conv2", hidden, hidden, 3, unit == 1 ? stage.stride : 1, hidden);  // depthwise
      net.conv(prefix + "conv3", hidden, stage.channels, 1, 1);
      channels = stage.channels;
    }
  }
  net.conv("final_block.conv", channels, 1280, 1, 1);
  net.fully_connected("output", 1280, 1000);
  return net.take();
}

std::vector<ArchitectureLayer> architecture_layers(const std::string& model) {
  if (model == "resnet18") return resnet18_layers();
  if (model == "resnet50") return resnet50_layers();
  if (model == "mobilenetv2") return mobilenetv2_layers();
  throw InputError("unknown architecture '" + model + "' (known: resnet18, resnet50, mobilenetv2)",
                   Location::of_field("--model"));
}

}  // namespace paretokit::quantization
