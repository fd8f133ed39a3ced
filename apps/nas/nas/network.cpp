#include "nas/network.hpp"

#include "paretokit/io/atomic_file.hpp"

namespace paretokit::nas {

namespace {

int positive_int(const nlohmann::json& object, const char* key, const std::string& file,
                 const std::string& path) {
  const std::string field = path + "." + key;
  if (!object.is_object() || !object.contains(key)) throw InputError("missing", Location(file, 0, field));
  const auto& value = object[key];
  if (!value.is_number_integer() || value.get<long long>() <= 0) {
    throw InputError("must be a positive integer", Location(file, 0, field));
  }
  return value.get<int>();
}

}  // namespace

std::string block_notation(const NetworkSpec& network) {
  std::string text;
  for (const BlockSpec& block : network.blocks) {
    if (!text.empty()) text += ",";
    text += to_notation(block.op);
  }
  return text;
}

void validate_network(const NetworkSpec& network, const std::string& file) {
  auto fail = [&](const std::string& field, const std::string& reason) {
    throw InputError(reason, Location(file, 0, field));
  };
  if (network.resolution <= 0) fail("input_resolution", "must be positive");
  if (network.first_conv_channels <= 0) fail("first_conv.out_channels", "must be positive");
  if (network.blocks.empty()) fail("blocks", "no blocks");
  int channels = network.first_conv_channels;
  for (std::size_t i = 0; i < network.blocks.size(); ++i) {
    const BlockSpec& block = network.blocks[i];
    const std::string at = "blocks[" + std::to_string(i) + "]";
    if (block.in_channels != channels) {
      fail(at + ".in_channels", std::to_string(block.in_channels) + " does not match the " +
                                    std::to_string(channels) + " channels before it");
    }
    if (block.out_channels <= 0) fail(at + ".out_channels", "must be positive");
    if (block.stride != 1 && block.stride != 2) fail(at + ".stride", "must be 1 or 2");
    const bool can_shortcut = block.stride == 1 && block.in_channels == block.out_channels;
    if (block.identity_shortcut && !can_shortcut) {
      fail(at + ".residual_identity", "an identity shortcut needs stride 1 and in_channels == out_channels");
    }
    if (block.op.is_zero() && !block.identity_shortcut) {
      fail(at + ".op", "a zero block needs an identity shortcut (stride 1, in_channels == out_channels)");
    }
    if (!block.op.is_zero() && (block.op.kernel % 2 == 0 || block.op.expand <= 0)) {
      fail(at + ".op", "kernel must be odd and expansion positive");
    }
    channels = block.out_channels;
  }
  if (network.feature_mix_channels <= 0) fail("feature_mix_layer.out_channels", "must be positive");
  if (network.classes <= 0) fail("classifier.out_features", "must be positive");
}

NetworkSpec network_from_config(const nlohmann::json& config, const std::string& file) {
  if (!config.is_object()) throw InputError("a network config must be a JSON object", Location(file));
  NetworkSpec network;
  if (config.contains("input_resolution"))
    network.resolution = positive_int(config, "input_resolution", file, "");
  if (!config.contains("first_conv")) throw InputError("missing", Location(file, 0, "first_conv"));
  const auto& first = config["first_conv"];
  network.input_channels = positive_int(first, "in_channels", file, "first_conv");
  network.first_conv_channels = positive_int(first, "out_channels", file, "first_conv");
  if (!config.contains("blocks") || !config["blocks"].is_array()) {
    throw InputError("missing or not an array", Location(file, 0, "blocks"));
  }
  const auto& blocks = config["blocks"];
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const std::string at = "blocks[" + std::to_string(i) + "]";
    const auto& block = blocks[i];
    if (!block.is_object() || !block.contains("op") || !block["op"].is_string()) {
      throw InputError("missing or not a string", Location(file, 0, at + ".op"));
    }
    BlockSpec spec;
    std::string op = block["op"].get<std::string>();
    if (op.ends_with("_no_expansion")) op.resize(op.size() - std::string("_no_expansion").size());
    spec.op = parse_block_op(op, Location(file, 0, at + ".op"));
    spec.stride = positive_int(block, "stride", file, at);
    spec.in_channels = positive_int(block, "in_channels", file, at);
    spec.out_channels = positive_int(block, "out_channels", file, at);
    if (!block.contains("residual_identity") || !block["residual_identity"].is_boolean()) {
      throw InputError("missing or not true/false", Location(file, 0, at + ".residual_identity"));
    }
    spec.identity_shortcut = block["residual_identity"].get<bool>();
    network.blocks.push_back(spec);
  }
  if (!config.contains("feature_mix_layer"))
    throw InputError("missing", Location(file, 0, "feature_mix_layer"));
  network.feature_mix_channels =
      positive_int(config["feature_mix_layer"], "out_channels", file, "feature_mix_layer");
  if (!config.contains("classifier")) throw InputError("missing", Location(file, 0, "classifier"));
  network.classes = positive_int(config["classifier"], "out_features", file, "classifier");
  validate_network(network, file);
  return network;
}

NetworkSpec load_network_config(const std::string& path) {
  return network_from_config(read_json_file(path), path);
}

}  // namespace paretokit::nas
