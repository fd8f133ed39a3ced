// Text from a user's file, made safe to put in an error message.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace paretokit {

// `text` quoted for an error message: bytes that are not printable ASCII
// (binary garbage, a NUL, an escape sequence) as \xNN, and cut after
// `max_bytes` bytes with "..." so that a megabyte token stays one line:
// 'ab\x00c'.
std::string quote_for_message(std::string_view text, std::size_t max_bytes = 40);

}  // namespace paretokit
