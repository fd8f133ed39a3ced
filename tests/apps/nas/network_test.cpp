#include <catch2/catch.hpp>

#include <boost/graph/adjacency_list.hpp>

#include "nas/network_graph.hpp"
#include "nas/proxyless_space.hpp"
#include "nas_test_data.hpp"
#include "paretokit/io/atomic_file.hpp"

using namespace paretokit;
using namespace paretokit::nas;
using paretokit::nas::test::data_path;
using paretokit::nas::test::error_of;

namespace {

// The searchable blocks' ops of a published config (its fixed first block left out).
std::vector<BlockOp> published_ops(const std::string& model) {
  const NetworkSpec network = load_network_config(data_path("proxylessnas/" + model + ".json"));
  std::vector<BlockOp> ops;
  for (std::size_t i = 1; i < network.blocks.size(); ++i) ops.push_back(network.blocks[i].op);
  return ops;
}

}  // namespace

TEST_CASE("network: the published ProxylessNAS architectures have their published FLOPs and params") {
  // Totals of the eval logs (mit-han-lab/proxylessnas logs/imagenet_*_log.txt):
  // 320.4 M / 4,080,512, 465.3 M / 7,119,848 and 439.2 M / 4,361,648.
  struct Expected {
    const char* model;
    std::int64_t macs, params;
    double published_mflops;
  };
  for (const Expected& expected :
       {Expected{"mobile", 320427584, 4080512, 320.4}, Expected{"gpu", 465260160, 7119848, 465.3},
        Expected{"cpu", 439243864, 4361648, 439.2}}) {
    INFO(expected.model);
    const NetworkCosts costs = network_costs(
        load_network_config(data_path("proxylessnas/" + std::string(expected.model) + ".json")));
    CHECK(costs.params == expected.params);
    CHECK(costs.macs == expected.macs);
    CHECK(std::round(static_cast<double>(costs.macs) / 1e5) / 10 == expected.published_mflops);
  }
}

TEST_CASE("network: per-block counts match those computed from the configs") {
  // data/proxylessnas/*.json carry params_computed and macs_computed per block,
  // counted by an independent script from the same configs.
  for (const char* model : {"mobile", "gpu", "cpu"}) {
    const std::string path = data_path(std::string("proxylessnas/") + model + ".json");
    const auto config = read_json_file(path);
    const NetworkCosts costs = network_costs(load_network_config(path));
    for (std::size_t i = 0; i < config["blocks"].size(); ++i) {
      const auto& block = config["blocks"][i];
      if (!block.contains("params_computed")) continue;  // zero blocks
      std::int64_t params = 0, macs = 0;
      for (const Layer& layer : costs.layers) {
        if (layer.block == static_cast<int>(i)) {
          params += layer.params;
          macs += layer.macs;
        }
      }
      INFO(model << " block " << i);
      CHECK(params == block["params_computed"].get<std::int64_t>());
      CHECK(macs == block["macs_computed"].get<std::int64_t>());
    }
  }
}

TEST_CASE("network: the first block by hand") {
  // MBConv1 3x3, 32 -> 16 at 112x112: depthwise 3*3*32 weights + BN 2*32,
  // project 32*16 + BN 2*16; MACs 112^2 * (9*32 + 32*16).
  const NetworkCosts costs = network_costs(load_network_config(data_path("proxylessnas/mobile.json")));
  std::int64_t params = 0, macs = 0;
  for (const Layer& layer : costs.layers) {
    if (layer.block == 0) {
      params += layer.params;
      macs += layer.macs;
    }
  }
  CHECK(params == 9 * 32 + 64 + 32 * 16 + 32);
  CHECK(macs == 112 * 112 * (9 * 32 + 32 * 16));
  CHECK(costs.layers.front().name == "first_conv");
  CHECK(costs.layers.front().params == 27 * 32 + 64);
  CHECK(costs.layers.back().name == "classifier");
  CHECK(costs.layers.back().params == 1280 * 1000 + 1000);
}

TEST_CASE("network: the graph has a shortcut edge per residual block, in topological order") {
  const NetworkSpec network = load_network_config(data_path("proxylessnas/mobile.json"));
  const NetworkGraph graph = build_network_graph(network);
  std::size_t mbconv = 0, residual = 0, expanding = 0;
  for (const BlockSpec& block : network.blocks) {
    if (block.op.is_zero()) continue;
    ++mbconv;
    if (block.identity_shortcut) ++residual;
    if (block.op.expand != 1) ++expanding;
  }
  // input, first conv, (expand) depthwise project (add) per block, feature mix, pool, classifier
  const std::size_t vertices = 1 + 1 + 2 * mbconv + expanding + residual + 3;
  CHECK(boost::num_vertices(graph) == vertices);
  CHECK(boost::num_edges(graph) == vertices - 1 + residual);
  std::size_t adds = 0;
  for (auto [v, end] = boost::vertices(graph); v != end; ++v) {
    if (graph[*v].kind == LayerKind::add) {
      ++adds;
      CHECK(boost::in_degree(*v, graph) == 2);
      CHECK(graph[*v].input_elements == 2 * graph[*v].output_elements);
    }
  }
  CHECK(adds == residual);
  const auto layers = layers_in_order(graph);
  std::vector<int> blocks;
  for (const Layer& layer : layers) {
    if (layer.block >= 0) blocks.push_back(layer.block);
  }
  CHECK(std::is_sorted(blocks.begin(), blocks.end()));
  CHECK(layers.size() == vertices - 1);
}

TEST_CASE("network: the search space rebuilds the published mobile and GPU networks") {
  // The published mobile net widens stage 1 to 32 (the search space has 24);
  // with its widths the space's network is the published one exactly.
  ProxylessSpaceOptions mobile;
  mobile.stage_widths = {32, 40, 80, 96, 192, 320};
  const ProxylessSpace mobile_space(mobile);
  const NetworkCosts mobile_costs = network_costs(mobile_space.network(published_ops("mobile")));
  CHECK(mobile_costs.macs == 320427584);
  CHECK(mobile_costs.params == 4080512);

  ProxylessSpaceOptions gpu;
  gpu.first_conv_channels = 40;
  gpu.first_block_channels = 24;
  gpu.stage_widths = {32, 56, 112, 128, 256, 432};
  gpu.feature_mix_channels = 1728;
  const NetworkCosts gpu_costs = network_costs(ProxylessSpace(gpu).network(published_ops("gpu")));
  CHECK(gpu_costs.macs == 465260160);
  CHECK(gpu_costs.params == 7119848);
}

TEST_CASE("network: block notation reads both spellings and rejects the rest") {
  CHECK(parse_block_op("3x3_MBConv6") == BlockOp{3, 6});
  CHECK(parse_block_op(" MBConv3_7x7 ") == BlockOp{7, 3});
  CHECK(parse_block_op("Zero").is_zero());
  CHECK(to_notation(BlockOp{5, 3}) == "5x5_MBConv3");
  CHECK(to_notation(BlockOp::zero()) == "zero");
  for (const char* bad :
       {"", "3x5_MBConv6", "3x3_MBConv", "3x3-MBConv6", "MBConv6", "0x0_MBConv6", "3x3_MBConv-1"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_block_op(bad), InputError);
  }
}

TEST_CASE("network: a malformed config names its file and field") {
  auto config = read_json_file(data_path("proxylessnas/mobile.json"));
  config["blocks"][3]["in_channels"] = 48;
  CHECK(error_of([&] { network_from_config(config, "net.json"); }) ==
        "net.json: blocks[3].in_channels: 48 does not match the 32 channels before it");
  config = read_json_file(data_path("proxylessnas/mobile.json"));
  config["blocks"][5]["op"] = "zero";  // stride 2: cannot be skipped
  CHECK(error_of([&] { network_from_config(config, "net.json"); }) ==
        "net.json: blocks[5].op: a zero block needs an identity shortcut (stride 1, in_channels == "
        "out_channels)");
  config = read_json_file(data_path("proxylessnas/mobile.json"));
  config["blocks"][2]["op"] = "9x9_MBConvX";
  CHECK(error_of([&] {
          network_from_config(config, "net.json");
        }).starts_with("net.json: blocks[2].op: '9x9_MBConvX'"));
  config.erase("first_conv");
  CHECK(error_of([&] { network_from_config(config, "net.json"); }) == "net.json: first_conv: missing");
}

TEST_CASE("search space: the ProxylessNAS space has 21 blocks, zero where a skip is allowed") {
  const ProxylessSpace space;
  REQUIRE(space.n_blocks() == 21);
  int skippable = 0;
  for (Index i = 0; i < space.n_blocks(); ++i) {
    const bool may_skip = space.choices(i).back().is_zero();
    skippable += may_skip;
    CHECK(space.choices(i).size() == (may_skip ? 7u : 6u));
  }
  // Every block of a stage but the first; the 96 and 320 stages start with a
  // stride-1 block that widens, so it cannot be skipped either.
  CHECK(skippable == 15);
  CHECK(space.size() == Approx(std::pow(7.0, 15) * std::pow(6.0, 6)));
  const SearchSpace variables = space.search_space();
  CHECK(variables.size() == 21);
  CHECK(variables[0].kind == VariableKind::categorical);
  CHECK(variables[1].choices.back() == "zero");

  const auto ops = published_ops("mobile");
  CHECK(space.ops_from_row(space.row_from_ops(ops)) == ops);
  CHECK(space.parse_architecture(ProxylessSpace::to_notation(ops)) == ops);
  CHECK(error_of([&] { space.parse_architecture("zero,3x3_MBConv3"); }).find("lists 2 blocks") !=
        std::string::npos);
  auto skip_first = ops;
  skip_first[0] = BlockOp::zero();
  CHECK(error_of([&] { space.network(skip_first); }) ==
        "block1: 'zero' is not a choice of this block (it cannot be skipped)");
}

TEST_CASE("search space: width multiplier and resolution") {
  CHECK(make_divisible(24 * 0.35) == 8);
  CHECK(make_divisible(32 * 1.4) == 48);
  CHECK(make_divisible(1280 * 1.4) == 1792);
  CHECK(make_divisible(96 * 1.4) == 136);  // 134.4 -> 136
  ProxylessSpaceOptions options;
  options.width_multiplier = 1.4;
  options.resolution = 192;
  const ProxylessSpace wide(options);
  const NetworkSpec network = wide.network(published_ops("mobile"));
  CHECK(network.first_conv_channels == 48);
  CHECK(network.blocks[1].out_channels == 32);  // 24 * 1.4 = 33.6 -> 32
  CHECK(network.feature_mix_channels == 1792);
  CHECK(network.resolution == 192);
  // The costs of the 1.4 mobile net (data/proxylessnas's mobile_14 has widths
  // 40 where the search space's 24 * 1.4 rounds to 32, so it is not this net):
  // only check that scaling grows every count.
  const NetworkCosts base = network_costs(ProxylessSpace().network(published_ops("mobile")));
  const NetworkCosts scaled = network_costs(network);
  CHECK(scaled.params > base.params);
  // Doubling the resolution (every size stays exact: 448 / 32 = 14) makes
  // every conv four times the work; the classifier after pooling is unchanged.
  ProxylessSpaceOptions doubled;
  doubled.resolution = 448;
  const NetworkCosts big = network_costs(ProxylessSpace(doubled).network(published_ops("mobile")));
  const std::int64_t classifier = 1280 * 1000;
  CHECK(big.macs - classifier == 4 * (base.macs - classifier));
  CHECK(big.params == base.params);
  options.width_multiplier = 0;
  CHECK_THROWS_AS(ProxylessSpace(options), UsageError);
}
