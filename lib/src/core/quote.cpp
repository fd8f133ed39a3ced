#include "paretokit/core/quote.hpp"

namespace paretokit {

std::string quote_for_message(std::string_view text, std::size_t max_bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string quoted = "'";
  for (std::size_t k = 0; k < text.size() && k < max_bytes; ++k) {
    const auto byte = static_cast<unsigned char>(text[k]);
    if (byte >= 0x20 && byte < 0x7f && byte != '\\') {
      quoted += static_cast<char>(byte);
    } else {
      quoted += "\\x";
      quoted += kHex[byte >> 4];
      quoted += kHex[byte & 0xf];
    }
  }
  if (text.size() > max_bytes) quoted += "...";
  return quoted + "'";
}

}  // namespace paretokit
