// One block choice of the ProxylessNAS space and its notation.
//
// ProxylessNAS (Cai, Zhu and Han, "ProxylessNAS: Direct Neural Architecture
// Search on Target Task and Hardware", ICLR 2019) names its candidate
// operations "3x3_MBConv6" (kernel 3, expansion 6) and "Zero" (the block is
// skipped; where the block has an identity shortcut its output is its input).
// The released configs spell the same operation "MBConv6_3x3"; both spellings
// are read, the first is written.
#pragma once

#include <string>
#include <string_view>

#include "paretokit/core/error.hpp"

namespace paretokit::nas {

struct BlockOp {
  int kernel = 0;  // 0: zero (skipped block)
  int expand = 0;  // expansion ratio of the inverted bottleneck

  bool is_zero() const { return kernel == 0; }
  static BlockOp zero() { return {}; }
  friend bool operator==(const BlockOp&, const BlockOp&) = default;
};

// "3x3_MBConv6", or "zero".
std::string to_notation(const BlockOp& op);

// Reads "3x3_MBConv6", "MBConv6_3x3", "zero" or "Zero" (surrounding blanks
// ignored). InputError at `where` naming the text otherwise.
BlockOp parse_block_op(std::string_view text, const Location& where = {});

}  // namespace paretokit::nas
