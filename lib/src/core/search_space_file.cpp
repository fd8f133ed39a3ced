// Reading a search-space file in either JSON form (see
// core/search_space_file.hpp): the file's name goes into every error.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "paretokit/core/error.hpp"
#include "paretokit/core/search_space_file.hpp"

namespace paretokit {

SearchSpaceFile read_search_space_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError("cannot read the file", Location(path));
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& error) {
    // error.byte is 1-based; count the lines before it.
    const std::string all = text.str();
    const auto upto = std::min<std::size_t>(error.byte, all.size());
    const auto line = 1 + static_cast<std::size_t>(
                              std::count(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(upto), '\n'));
    throw InputError("not valid JSON", Location(path, line));
  }
  try {
    SearchSpaceFile file;
    if (is_configspace_json(json)) {
      file.format = SpaceFormat::configspace;
      file.space = search_space_from_configspace_json(json);
    } else {
      file.space = SearchSpace::from_json(json);
    }
    return file;
  } catch (const InputError& error) {
    throw InputError(error.reason(), Location(path, 0, error.where().field));
  } catch (const nlohmann::json::exception& error) {
    throw InputError(std::string("unexpected JSON: ") + error.what(), Location(path));
  }
}

}  // namespace paretokit
