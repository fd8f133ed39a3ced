// Helpers the search-space sources share (internal to the core module).
#pragma once

#include <string>

#include "paretokit/core/error.hpp"
#include "paretokit/core/matrix.hpp"

namespace paretokit::detail {

// "variables[j].name" (or "variables[j]"), the JSON path of a variable's field.
inline Location variable_field(Index j, const std::string& name) {
  return Location::of_field("variables[" + std::to_string(j) + "]" + (name.empty() ? "" : "." + name));
}

// "x<j>", the name of an unnamed variable. (Built with insert: g++ 12 warns
// falsely (-Wrestrict) about "x" + std::to_string(j).)
inline std::string default_variable_name(Index j) {
  std::string name = std::to_string(j);
  name.insert(name.begin(), 'x');
  return name;
}

}  // namespace paretokit::detail
