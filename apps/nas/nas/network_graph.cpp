#include "nas/network_graph.hpp"

#include <boost/graph/topological_sort.hpp>

namespace paretokit::nas {

namespace {

using Vertex = NetworkGraph::vertex_descriptor;

std::int64_t square(int size) { return std::int64_t{size} * size; }

// Adds `layer` fed by `inputs`, fills its counts and returns its vertex.
Vertex add_layer(NetworkGraph& graph, Layer layer, std::initializer_list<Vertex> inputs) {
  const std::int64_t k2 = square(layer.kernel);
  const std::int64_t out_area = square(layer.out_size);
  switch (layer.kind) {
    case LayerKind::conv:
      layer.weight_elements = k2 * layer.in_channels * layer.out_channels;
      layer.macs = out_area * layer.weight_elements;
      break;
    case LayerKind::depthwise_conv:
      layer.weight_elements = k2 * layer.out_channels;
      layer.macs = out_area * layer.weight_elements;
      break;
    case LayerKind::linear:
      layer.weight_elements = std::int64_t{layer.in_channels} * layer.out_channels + layer.out_channels;
      layer.macs = std::int64_t{layer.in_channels} * layer.out_channels;
      break;
    case LayerKind::input:
    case LayerKind::add:
    case LayerKind::global_pool:
      break;
  }
  layer.params = layer.weight_elements + (layer.batch_norm ? 2 * std::int64_t{layer.out_channels} : 0);
  layer.output_elements = out_area * layer.out_channels;
  const Vertex vertex = boost::add_vertex(layer, graph);
  for (Vertex input : inputs) {
    boost::add_edge(input, vertex, graph);
    graph[vertex].input_elements += graph[input].output_elements;
  }
  return vertex;
}

Layer conv_layer(std::string name, LayerKind kind, int block, int kernel, int stride, int in_channels,
                 int out_channels, int in_size) {
  Layer layer;
  layer.name = std::move(name);
  layer.kind = kind;
  layer.block = block;
  layer.kernel = kernel;
  layer.stride = stride;
  layer.in_channels = in_channels;
  layer.out_channels = out_channels;
  layer.in_size = in_size;
  layer.out_size = output_size(in_size, stride);
  layer.batch_norm = true;
  return layer;
}

}  // namespace

const char* to_string(LayerKind kind) {
  switch (kind) {
    case LayerKind::input:
      return "input";
    case LayerKind::conv:
      return "conv";
    case LayerKind::depthwise_conv:
      return "depthwise";
    case LayerKind::add:
      return "add";
    case LayerKind::global_pool:
      return "pool";
    case LayerKind::linear:
      return "linear";
  }
  return "?";
}

NetworkGraph build_network_graph(const NetworkSpec& network) {
  validate_network(network);
  NetworkGraph graph;
  Layer input;
  input.name = "input";
  input.out_channels = network.input_channels;
  input.out_size = network.resolution;
  input.output_elements = square(network.resolution) * network.input_channels;
  Vertex last = boost::add_vertex(input, graph);
  int size = network.resolution;

  last = add_layer(graph,
                   conv_layer("first_conv", LayerKind::conv, -1, 3, 2, network.input_channels,
                              network.first_conv_channels, size),
                   {last});
  size = graph[last].out_size;

  for (std::size_t i = 0; i < network.blocks.size(); ++i) {
    const BlockSpec& block = network.blocks[i];
    if (block.op.is_zero()) continue;  // identity: the tensor passes unchanged
    const int b = static_cast<int>(i);
    const std::string prefix = "blocks." + std::to_string(i) + ".";
    const Vertex block_input = last;
    const int hidden = block.in_channels * block.op.expand;
    // MBConv1 has no expansion conv (ProxylessNAS and MobileNetV2 alike).
    if (block.op.expand != 1) {
      last = add_layer(
          graph, conv_layer(prefix + "expand", LayerKind::conv, b, 1, 1, block.in_channels, hidden, size),
          {last});
    }
    last = add_layer(graph,
                     conv_layer(prefix + "depthwise", LayerKind::depthwise_conv, b, block.op.kernel,
                                block.stride, hidden, hidden, size),
                     {last});
    size = graph[last].out_size;
    last = add_layer(
        graph, conv_layer(prefix + "project", LayerKind::conv, b, 1, 1, hidden, block.out_channels, size),
        {last});
    if (block.identity_shortcut) {
      Layer add;
      add.name = prefix + "add";
      add.kind = LayerKind::add;
      add.block = b;
      add.in_channels = add.out_channels = block.out_channels;
      add.in_size = add.out_size = size;
      last = add_layer(graph, add, {last, block_input});
    }
  }

  const int channels = network.blocks.back().out_channels;
  last = add_layer(
      graph,
      conv_layer("feature_mix", LayerKind::conv, -1, 1, 1, channels, network.feature_mix_channels, size),
      {last});
  Layer pool;
  pool.name = "pool";
  pool.kind = LayerKind::global_pool;
  pool.in_channels = pool.out_channels = network.feature_mix_channels;
  pool.in_size = size;
  pool.out_size = 1;
  last = add_layer(graph, pool, {last});
  Layer classifier;
  classifier.name = "classifier";
  classifier.kind = LayerKind::linear;
  classifier.in_channels = network.feature_mix_channels;
  classifier.out_channels = network.classes;
  classifier.in_size = classifier.out_size = 1;
  add_layer(graph, classifier, {last});
  return graph;
}

std::vector<Layer> layers_in_order(const NetworkGraph& graph) {
  std::vector<Vertex> reversed;
  boost::topological_sort(graph, std::back_inserter(reversed));
  std::vector<Layer> layers;
  layers.reserve(reversed.size());
  for (auto it = reversed.rbegin(); it != reversed.rend(); ++it) {
    if (graph[*it].kind != LayerKind::input) layers.push_back(graph[*it]);
  }
  return layers;
}

NetworkCosts network_costs(const NetworkSpec& network) {
  NetworkCosts costs;
  costs.layers = layers_in_order(build_network_graph(network));
  for (const Layer& layer : costs.layers) {
    costs.macs += layer.macs;
    costs.params += layer.params;
  }
  return costs;
}

}  // namespace paretokit::nas
