// A network as a Boost.Graph graph: one vertex per layer, one edge per
// tensor passed from a layer to the next (the shortcut of a residual block
// is an edge from the block's input to its add). FLOPs and parameters are
// counted per layer, exactly, from the vertices.
//
// Conventions (those of the ProxylessNAS eval logs, whose totals they
// reproduce: mobile 320.4 M / 4,080,512, GPU 465.3 M / 7,119,848, CPU
// 439.2 M / 4,361,648):
//   - FLOPs are multiply-adds (MACs) of the convolutions and the classifier;
//     batch norm, ReLU6, additions and pooling count none.
//   - Parameters are the trainable ones: conv weights (no bias), batch norm's
//     scale and shift (2 per channel; running statistics are buffers), and the
//     classifier's weights and bias.
//   - Convolutions pad by k / 2, so the output is ceil(input / stride).
// Memory traffic (for the roofline model) counts each layer's input and
// output activations and its weights, in elements, batch 1.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "nas/network.hpp"

namespace paretokit::nas {

enum class LayerKind { input, conv, depthwise_conv, add, global_pool, linear };
const char* to_string(LayerKind kind);

struct Layer {
  std::string name;  // e.g. "blocks.5.depthwise"
  LayerKind kind = LayerKind::input;
  int block = -1;  // index into NetworkSpec::blocks, -1 outside the blocks
  int kernel = 0, stride = 1;
  int in_channels = 0, out_channels = 0;
  int in_size = 0, out_size = 0;  // spatial, H = W
  bool batch_norm = false;

  // Filled by build_network_graph from the fields above.
  std::int64_t macs = 0;
  std::int64_t params = 0;
  std::int64_t input_elements = 0;  // all inputs together (an add reads two)
  std::int64_t output_elements = 0;
  std::int64_t weight_elements = 0;  // parameters read at run time (conv/fc weights, BN folded)
};

using NetworkGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Layer>;

// Validates `network` (validate_network) and builds its graph.
NetworkGraph build_network_graph(const NetworkSpec& network);

// The layers in a topological order (inputs before their users), input
// vertex excluded.
std::vector<Layer> layers_in_order(const NetworkGraph& graph);

struct NetworkCosts {
  std::int64_t macs = 0;
  std::int64_t params = 0;
  std::vector<Layer> layers;  // topological order
};

NetworkCosts network_costs(const NetworkSpec& network);

}  // namespace paretokit::nas
