#include "nas/proxyless_space.hpp"

#include <algorithm>
#include <cmath>

#include "paretokit/core/error.hpp"

namespace paretokit::nas {

int make_divisible(double value, int divisor) {
  int rounded = std::max(divisor, static_cast<int>(value + divisor / 2.0) / divisor * divisor);
  if (rounded < 0.9 * value) rounded += divisor;
  return rounded;
}

ProxylessSpace::ProxylessSpace(ProxylessSpaceOptions options) : options_(std::move(options)) {
  const auto& o = options_;
  auto fail = [](const char* option, const std::string& reason) {
    throw UsageError(reason, Location::of_field(option));
  };
  if (!(o.width_multiplier > 0) || !std::isfinite(o.width_multiplier))
    fail("--width-multiplier", "must be > 0");
  if (o.resolution < 32) fail("--resolution", "must be at least 32");
  if (o.stage_widths.empty() || o.stage_blocks.size() != o.stage_widths.size() ||
      o.stage_strides.size() != o.stage_widths.size()) {
    fail("--stage-blocks",
         "one block count and stride per stage (" + std::to_string(o.stage_widths.size()) + " stages)");
  }
  for (std::size_t s = 0; s < o.stage_widths.size(); ++s) {
    if (o.stage_widths[s] <= 0) fail("--stage-widths", "widths must be positive");
    if (o.stage_blocks[s] < 1) fail("--stage-blocks", "every stage needs at least one block");
    if (o.stage_strides[s] != 1 && o.stage_strides[s] != 2) fail("--stage-strides", "strides must be 1 or 2");
  }
  if (o.kernels.empty() || o.expansions.empty()) fail("--kernels", "at least one kernel and one expansion");
  for (int k : o.kernels) {
    if (k < 1 || k % 2 == 0) fail("--kernels", "kernels must be odd and positive");
  }
  for (int e : o.expansions) {
    if (e < 1) fail("--expansions", "expansions must be positive");
  }

  const double m = o.width_multiplier;
  first_conv_ = make_divisible(o.first_conv_channels * m);
  first_block_ = make_divisible(o.first_block_channels * m);
  feature_mix_ = m > 1.0 ? make_divisible(o.feature_mix_channels * m) : o.feature_mix_channels;
  int channels = first_block_;
  for (std::size_t s = 0; s < o.stage_widths.size(); ++s) {
    const int width = make_divisible(o.stage_widths[s] * m);
    for (int b = 0; b < o.stage_blocks[s]; ++b) {
      Slot slot;
      slot.stride = b == 0 ? o.stage_strides[s] : 1;
      slot.in_channels = channels;
      slot.out_channels = width;
      slot.may_skip = o.allow_zero && slot.stride == 1 && channels == width;
      for (int k : o.kernels) {
        for (int e : o.expansions) slot.choices.push_back({k, e});
      }
      if (slot.may_skip) slot.choices.push_back(BlockOp::zero());
      slots_.push_back(std::move(slot));
      channels = width;
    }
  }
}

double ProxylessSpace::size() const {
  double count = 1;
  for (const Slot& slot : slots_) count *= static_cast<double>(slot.choices.size());
  return count;
}

SearchSpace ProxylessSpace::search_space() const {
  SearchSpace space;
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    std::vector<nlohmann::json> names;
    for (const BlockOp& op : slots_[i].choices) names.emplace_back(nas::to_notation(op));
    space.add_categorical("block" + std::to_string(i + 1), std::move(names));
  }
  return space;
}

NetworkSpec ProxylessSpace::network(const std::vector<BlockOp>& ops) const {
  if (ops.size() != slots_.size()) {
    throw InputError("an architecture of this space has " + std::to_string(slots_.size()) + " blocks, not " +
                     std::to_string(ops.size()));
  }
  NetworkSpec network;
  network.resolution = options_.resolution;
  network.first_conv_channels = first_conv_;
  network.blocks.push_back({BlockOp{3, 1}, 1, first_conv_, first_block_, false});
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    const Slot& slot = slots_[i];
    if (std::find(slot.choices.begin(), slot.choices.end(), ops[i]) == slot.choices.end()) {
      throw InputError("'" + nas::to_notation(ops[i]) + "' is not a choice of this block" +
                           (ops[i].is_zero() ? " (it cannot be skipped)" : ""),
                       Location::of_field("block" + std::to_string(i + 1)));
    }
    const bool shortcut = slot.stride == 1 && slot.in_channels == slot.out_channels;
    network.blocks.push_back({ops[i], slot.stride, slot.in_channels, slot.out_channels, shortcut});
  }
  network.feature_mix_channels = feature_mix_;
  network.classes = options_.classes;
  return network;
}

std::vector<BlockOp> ProxylessSpace::ops_from_row(const Eigen::Ref<const RowVector>& x) const {
  std::vector<BlockOp> ops(slots_.size());
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    const double value = x(static_cast<Index>(i));
    const auto& choices = slots_[i].choices;
    if (!(value >= 0) || value > static_cast<double>(choices.size() - 1) || value != std::floor(value)) {
      throw InputError("choice index " + std::to_string(value) + " out of range",
                       Location::of_field("block" + std::to_string(i + 1)));
    }
    ops[i] = choices[static_cast<std::size_t>(value)];
  }
  return ops;
}

RowVector ProxylessSpace::row_from_ops(const std::vector<BlockOp>& ops) const {
  network(ops);  // validates
  RowVector row(n_blocks());
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    const auto& choices = slots_[i].choices;
    row(static_cast<Index>(i)) =
        static_cast<double>(std::find(choices.begin(), choices.end(), ops[i]) - choices.begin());
  }
  return row;
}

std::vector<BlockOp> ProxylessSpace::parse_architecture(const std::string& text,
                                                        const Location& where) const {
  std::vector<BlockOp> ops;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    Location at = where;
    if (at.field.empty()) at.field = "block" + std::to_string(ops.size() + 1);
    ops.push_back(parse_block_op(std::string_view(text).substr(start, comma - start), at));
    start = comma + 1;
  }
  if (ops.size() != slots_.size()) {
    throw InputError("the architecture lists " + std::to_string(ops.size()) + " blocks; this space has " +
                         std::to_string(slots_.size()) +
                         " searchable blocks (the fixed first block left out)",
                     where);
  }
  network(ops);  // every choice allowed where it stands
  return ops;
}

std::string ProxylessSpace::to_notation(const std::vector<BlockOp>& ops) {
  std::string text;
  for (const BlockOp& op : ops) {
    if (!text.empty()) text += ",";
    text += nas::to_notation(op);
  }
  return text;
}

nlohmann::json ProxylessSpace::to_json() const {
  const auto& o = options_;
  return {{"space", "proxyless"},           {"width_multiplier", o.width_multiplier},
          {"resolution", o.resolution},     {"stage_widths", o.stage_widths},
          {"stage_blocks", o.stage_blocks}, {"stage_strides", o.stage_strides},
          {"kernels", o.kernels},           {"expansions", o.expansions},
          {"allow_zero", o.allow_zero},     {"architectures", size()}};
}

}  // namespace paretokit::nas
