#include "paretokit/core/error.hpp"

namespace paretokit {

std::string Location::to_string() const {
  std::string text = file;
  if (line > 0) text += (text.empty() ? "line " : ":") + std::to_string(line);
  if (!field.empty()) text += (text.empty() ? "" : ": ") + field;
  return text;
}

namespace {
std::string compose(const std::string& reason, const Location& where) {
  const std::string place = where.to_string();
  return place.empty() ? reason : place + ": " + reason;
}
}  // namespace

Error::Error(const std::string& reason, Location where)
    : std::runtime_error(compose(reason, where)), reason_(reason), where_(std::move(where)) {}

}  // namespace paretokit
