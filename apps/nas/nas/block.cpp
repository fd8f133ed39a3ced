#include "nas/block.hpp"

#include <charconv>

namespace paretokit::nas {

namespace {

// Reads a positive integer filling `text` exactly.
bool read_positive(std::string_view text, int& value) {
  if (text.empty()) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && value > 0;
}

// "KxK" with both sides equal.
bool read_kernel(std::string_view text, int& kernel) {
  const auto x = text.find('x');
  if (x == std::string_view::npos) return false;
  int other = 0;
  return read_positive(text.substr(0, x), kernel) && read_positive(text.substr(x + 1), other) &&
         other == kernel;
}

}  // namespace

std::string to_notation(const BlockOp& op) {
  if (op.is_zero()) return "zero";
  return std::to_string(op.kernel) + "x" + std::to_string(op.kernel) + "_MBConv" + std::to_string(op.expand);
}

BlockOp parse_block_op(std::string_view text, const Location& where) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text == "zero" || text == "Zero") return BlockOp::zero();
  const auto underscore = text.find('_');
  if (underscore != std::string_view::npos) {
    std::string_view first = text.substr(0, underscore);
    std::string_view second = text.substr(underscore + 1);
    if (first.starts_with("MBConv")) std::swap(first, second);  // "MBConv6_3x3"
    BlockOp op;
    if (second.starts_with("MBConv") && read_kernel(first, op.kernel) &&
        read_positive(second.substr(6), op.expand)) {
      return op;
    }
  }
  throw InputError("'" + std::string(text) +
                       "' is not a block: expected KxK_MBConvE (e.g. 3x3_MBConv6), MBConvE_KxK or zero",
                   where);
}

}  // namespace paretokit::nas
