// The layer tables shipped with paretokit, by model name:
//
//   resnet18, resnet50  HAWQ's sensitivity and latency data (data/hawq/, MIT,
//                       Zhen-Dong/HAWQ) with weights and MACs, the first conv
//                       and the fc fixed at 8 bit;
//   mobilenetv2         weights and MACs only (architectures.hpp): size and
//                       BOPs can be searched, Omega and latency need --table.
//
// And the configurations HAWQ published (bit_config.py with model_zoo.md).
#pragma once

#include <string>
#include <vector>

#include "paretokit/quantization/layer_table.hpp"

namespace paretokit::quantization {

std::vector<std::string> builtin_model_names();
// InputError for an unknown name (listing the known ones).
LayerTable builtin_layer_table(const std::string& model);

struct PublishedConfiguration {
  std::string name;                      // e.g. "bops_0.5" (HAWQ's bit_config suffix)
  std::vector<int> bits;                 // per searched layer, in table order
  double model_size_mb = 0, bops_g = 0;  // published figures (0 where none)
};
// Empty for a model without published configurations.
std::vector<PublishedConfiguration> published_configurations(const std::string& model);

namespace detail {
extern const char* const kResnet18TableJson;
extern const char* const kResnet50TableJson;
extern const char* const kPublishedConfigurationsJson;
}  // namespace detail

}  // namespace paretokit::quantization
