// The library side of the problem registry; see core/problem_registry.hpp.
#include "paretokit/core/problem_registry.hpp"

#include <algorithm>

#include "paretokit/core/error.hpp"
#include "paretokit/core/json_params.hpp"

namespace paretokit {

namespace {

struct Entry {
  ProblemInfo info;
  ProblemFactory make;
};

struct Registry {
  std::vector<Entry> entries;      // sorted by name
  std::vector<ProblemInfo> infos;  // the same order
};

Registry& registry() {
  static Registry instance;
  return instance;
}

}  // namespace

void register_problem(ProblemInfo info, ProblemFactory factory) {
  if (info.name.empty() || !factory)
    throw InputError("register_problem: a name and a factory are needed", Location::of_field("problem"));
  info.name = lower_case(info.name);
  for (auto& alias : info.aliases) alias = lower_case(alias);
  auto& r = registry();
  const auto at =
      std::lower_bound(r.entries.begin(), r.entries.end(), info.name,
                       [](const Entry& e, const std::string& name) { return e.info.name < name; });
  // infos mirrors entries: one copy of the new info at the same position
  // (copying them all again at every registration was quadratic in the
  // number of problems, a noticeable part of the command line's start-up).
  const auto position = at - r.entries.begin();
  if (at != r.entries.end() && at->info.name == info.name) {
    r.infos[static_cast<std::size_t>(position)] = info;
    *at = {std::move(info), std::move(factory)};
  } else {
    r.infos.insert(r.infos.begin() + position, info);
    r.entries.insert(at, {std::move(info), std::move(factory)});
  }
}

std::unique_ptr<Problem> make_registered_problem(const std::string& name, const nlohmann::json& params) {
  const std::string key = lower_case(name);
  const nlohmann::json object = params.is_null() ? nlohmann::json::object() : params;
  for (const auto& entry : registry().entries) {
    const auto& aliases = entry.info.aliases;
    if (entry.info.name == key || std::find(aliases.begin(), aliases.end(), key) != aliases.end())
      return entry.make(object);
  }
  std::vector<std::string> valid;
  for (const auto& entry : registry().entries) valid.push_back(entry.info.name);
  throw InputError("unknown problem '" + name +
                       "' (valid: " + (valid.empty() ? "none registered" : join_names(valid)) + ")",
                   Location::of_field("problem"));
}

const std::vector<ProblemInfo>& registered_problems() { return registry().infos; }

}  // namespace paretokit
