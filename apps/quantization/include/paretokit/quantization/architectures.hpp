// Weights and MACs of ResNet18, ResNet50 and MobileNetV2, computed from the
// architecture for one 224 x 224 ImageNet input.
//
// Conventions: every convolution and the final fully connected layer are
// counted; biases, batch norm, pooling, additions and activations are not.
// A convolution with c_in inputs, c_out outputs, a k x k kernel, `groups`
// groups and an h x w output has c_out (c_in / groups) k^2 weights and
// that many MACs per output position; the fc has as many MACs as weights.
// BOPs (bit operations) are MACs x b_w x b_a (HAWQ-V3), b_a the input's bits.
//
//   ResNet18 (He et al. 2016, pytorchcv names): 11,678,912 weights, 1.814 G MACs,
//            so FP32 1858 GBOPs, W8A8 116 GBOPs.
//   ResNet50 (pytorchcv: the stride on the bottleneck's first 1x1 conv, as the
//            HAWQ MACs show): 25,502,912 weights, 3.858 G MACs, FP32 3951 GBOPs,
//            W8A8 247 GBOPs, W4A4 (first conv and fc at 8 bit) 67 GBOPs.
//   MobileNetV2 (Sandler et al. 2018, width 1.0): 3,469,760 weights, 300.8 M MACs.
//
// Layer order and names follow pytorchcv and HAWQ's ILP arrays: the first
// conv is "init_block.conv", then per unit conv1, conv2 (, conv3), and the
// downsampling "identity_conv" after them; the fc is "output".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace paretokit::quantization {

struct ArchitectureLayer {
  std::string name;
  std::int64_t weights = 0;
  std::int64_t macs = 0;
};

std::vector<ArchitectureLayer> resnet18_layers();
std::vector<ArchitectureLayer> resnet50_layers();
std::vector<ArchitectureLayer> mobilenetv2_layers();

// By name ("resnet18", "resnet50", "mobilenetv2"); InputError otherwise.
std::vector<ArchitectureLayer> architecture_layers(const std::string& model);

}  // namespace paretokit::quantization
