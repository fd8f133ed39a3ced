// The shipped layer tables and published configurations (builtin_tables.hpp).
#include "paretokit/quantization/builtin_tables.hpp"

#include "paretokit/core/error.hpp"
#include "paretokit/quantization/architectures.hpp"

namespace paretokit::quantization {

std::vector<std::string> builtin_model_names() { return {"resnet18", "resnet50", "mobilenetv2"}; }

LayerTable builtin_layer_table(const std::string& model) {
  if (model == "resnet18") {
    return parse_layer_table(nlohmann::json::parse(detail::kResnet18TableJson),
                             "data/hawq/resnet18.layers.json");
  }
  if (model == "resnet50") {
    return parse_layer_table(nlohmann::json::parse(detail::kResnet50TableJson),
                             "data/hawq/resnet50.layers.json");
  }
  if (model == "mobilenetv2") {
    LayerTable table;
    table.model = model;
    table.file = "<mobilenetv2 architecture>";
    for (const ArchitectureLayer& layer : mobilenetv2_layers()) {
      Layer entry;
      entry.name = layer.name;
      entry.weights = layer.weights;
      entry.macs = layer.macs;
      // As HAWQ does for ResNets: the first conv and the classifier stay at 8 bit.
      if (layer.name == "init_block.conv" || layer.name == "output") entry.fixed_bits = 8;
      table.layers.push_back(std::move(entry));
    }
    return table;
  }
  throw InputError(
      "unknown model '" + model + "' (known: resnet18, resnet50, mobilenetv2; or give --table FILE)",
      Location::of_field("--model"));
}

std::vector<PublishedConfiguration> published_configurations(const std::string& model) {
  static const nlohmann::json published = nlohmann::json::parse(detail::kPublishedConfigurationsJson);
  std::vector<PublishedConfiguration> result;
  const auto& all = published.at("configurations");
  if (!all.contains(model)) return result;
  for (const auto& entry : all.at(model)) {
    PublishedConfiguration configuration;
    configuration.name = entry.at("name").get<std::string>();
    configuration.bits = entry.at("bits").get<std::vector<int>>();
    if (entry.at("model_size_MB").is_number())
      configuration.model_size_mb = entry.at("model_size_MB").get<double>();
    if (entry.at("bops_G").is_number()) configuration.bops_g = entry.at("bops_G").get<double>();
    result.push_back(std::move(configuration));
  }
  return result;
}

}  // namespace paretokit::quantization
