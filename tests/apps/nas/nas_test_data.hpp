// What the nas tests share: paths of the shipped data, and the message of
// the paretokit::Error an action throws.
#pragma once

#include <functional>
#include <string>

#include "paretokit/core/error.hpp"

namespace paretokit::nas::test {

inline std::string data_path(const std::string& relative) {
  return std::string(PARETOKIT_SOURCE_DIR) + "/data/" + relative;
}

// The message of the paretokit::Error `action` throws, or "no error".
inline std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace paretokit::nas::test
