#include "paretokit/core/error.hpp"

namespace paretokit {

std::string Location::to_string() const {
  std::string text = file;
  if (line > 0) text.append(text.empty() ? "line " : ":").append(std::to_string(line));
  if (!field.empty()) text.append(text.empty() ? "" : ": ").append(field);
  return text;
}

namespace {
std::string compose(const std::string& reason, const Location& where) {
  // append() rather than operator+: g++ 12 reports a false -Wrestrict on the latter.
  std::string text = where.to_string();
  if (text.empty()) return reason;
  text.append(": ").append(reason);
  return text;
}
}  // namespace

Error::Error(const std::string& reason, Location where)
    : std::runtime_error(compose(reason, where)), reason_(reason), where_(std::move(where)) {}

}  // namespace paretokit
