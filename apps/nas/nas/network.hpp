// The macro-architecture of a ProxylessNAS network (a MobileNetV2-style
// chain): a 3x3 stride-2 first conv, a list of inverted-bottleneck blocks
// (the first one fixed, MBConv1 3x3), a 1x1 feature-mix conv, global average
// pooling and a fully connected classifier.
//
// Read from a ProxylessNAS config as converted in data/proxylessnas/*.json
// (first_conv, blocks[] with op, stride, in/out channels and
// residual_identity, feature_mix_layer, classifier), or built by the search
// space (nas/proxyless_space.hpp).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "nas/block.hpp"

namespace paretokit::nas {

struct BlockSpec {
  BlockOp op;
  int stride = 1;
  int in_channels = 0;
  int out_channels = 0;
  // The block adds its input to its output (stride 1, in == out). A zero
  // block with a shortcut is the identity; without one it has no meaning
  // (it would cut the network) and is rejected.
  bool identity_shortcut = false;
};

struct NetworkSpec {
  int resolution = 224;  // square input, H = W
  int input_channels = 3;
  int first_conv_channels = 32;  // 3x3, stride 2, BN, ReLU6
  std::vector<BlockSpec> blocks;
  int feature_mix_channels = 1280;  // 1x1, BN, ReLU6
  int classes = 1000;               // fully connected, with bias
};

// Spatial size after a convolution with "same" padding (k / 2): ceil(in / s).
inline int output_size(int in, int stride) { return (in + stride - 1) / stride; }

// The blocks' operations in ProxylessNAS notation, comma separated.
std::string block_notation(const NetworkSpec& network);

// Checks channel continuity, strides, shortcuts and sizes; InputError naming
// `file` and the field (e.g. "blocks[3].in_channels") otherwise.
void validate_network(const NetworkSpec& network, const std::string& file = {});

// From a config in the data/proxylessnas/*.json form. InputError with file
// and JSON field on anything missing or inconsistent.
NetworkSpec network_from_config(const nlohmann::json& config, const std::string& file);
NetworkSpec load_network_config(const std::string& path);

}  // namespace paretokit::nas
