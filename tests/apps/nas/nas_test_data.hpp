// Paths of the shipped data the nas tests read.
#pragma once

#include <string>

namespace paretokit::nas::test {

inline std::string data_path(const std::string& relative) {
  return std::string(PARETOKIT_SOURCE_DIR) + "/data/" + relative;
}

}  // namespace paretokit::nas::test
