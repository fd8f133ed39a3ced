// The ProxylessNAS search space (Cai, Zhu and Han, ICLR 2019; the defaults of
// its search/imagenet_arch_search.py): after a fixed 3x3 stride-2 conv of 32
// channels and a fixed MBConv1 3x3 block of 16, six stages of widths
// 24, 40, 80, 96, 192, 320 with 4, 4, 4, 4, 4, 1 blocks and first strides
// 2, 2, 2, 1, 2, 1 (21 searchable blocks). Each block chooses MBConv with
// kernel {3, 5, 7} x expansion {3, 6}, or zero where it may be skipped
// (stride 1 and in == out: every block of a stage but the first). A 1x1 conv
// to 1280, pooling and a 1000-way classifier close the network.
//
// The width multiplier scales every width as ProxylessNAS does
// (make_divisible(w * m, 8); the feature mix only when m > 1); the input
// resolution is free. The stages, kernels and expansions can be reduced (a
// small space for tests and quick studies).
//
// As a SearchSpace: one categorical variable per searchable block, named
// "block1".."block21", whose choices are the notations ("3x3_MBConv3", ...,
// "zero"), so that a decision vector holds choice indices.
#pragma once

#include <string>
#include <vector>

#include "nas/network.hpp"
#include "paretokit/core/matrix.hpp"
#include "paretokit/core/search_space.hpp"

namespace paretokit::nas {

struct ProxylessSpaceOptions {
  double width_multiplier = 1.0;
  int resolution = 224;
  std::vector<int> stage_widths{24, 40, 80, 96, 192, 320};
  std::vector<int> stage_blocks{4, 4, 4, 4, 4, 1};
  std::vector<int> stage_strides{2, 2, 2, 1, 2, 1};
  std::vector<int> kernels{3, 5, 7};
  std::vector<int> expansions{3, 6};
  bool allow_zero = true;  // zero where a block may be skipped
  int first_conv_channels = 32;
  int first_block_channels = 16;
  int feature_mix_channels = 1280;
  int classes = 1000;
};

// ProxylessNAS's (and TensorFlow's) rounding of scaled widths: to the nearest
// multiple of `divisor`, at least `divisor`, never below 90 % of `value`.
int make_divisible(double value, int divisor = 8);

class ProxylessSpace {
 public:
  // UsageError naming the option on inconsistent options.
  explicit ProxylessSpace(ProxylessSpaceOptions options = {});

  const ProxylessSpaceOptions& options() const { return options_; }
  Index n_blocks() const { return static_cast<Index>(slots_.size()); }
  // The choices of searchable block i, zero last where allowed.
  const std::vector<BlockOp>& choices(Index i) const { return slots_[static_cast<std::size_t>(i)].choices; }
  // Number of architectures in the space.
  double size() const;

  SearchSpace search_space() const;

  // The network of one choice per searchable block (InputError if a choice
  // is not allowed at its block).
  NetworkSpec network(const std::vector<BlockOp>& ops) const;
  // From a value-form row of search_space() (choice indices).
  std::vector<BlockOp> ops_from_row(const Eigen::Ref<const RowVector>& x) const;
  RowVector row_from_ops(const std::vector<BlockOp>& ops) const;

  // "op,op,...": one op per searchable block (the fixed first block left
  // out), e.g. the mobile architecture of the paper.
  std::vector<BlockOp> parse_architecture(const std::string& text, const Location& where = {}) const;
  static std::string to_notation(const std::vector<BlockOp>& ops);

  nlohmann::json to_json() const;

 private:
  struct Slot {
    int stride = 1, in_channels = 0, out_channels = 0;
    bool may_skip = false;
    std::vector<BlockOp> choices;
  };
  ProxylessSpaceOptions options_;
  int first_conv_ = 0, first_block_ = 0, feature_mix_ = 0;
  std::vector<Slot> slots_;
};

}  // namespace paretokit::nas
