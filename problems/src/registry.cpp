// The benchmark problems joining the library's problem registry; see
// problems/registry.hpp.
#include "paretokit/problems/registry.hpp"

#include <algorithm>

#include "catalog.hpp"

namespace paretokit::problems {

namespace detail {

namespace {

std::vector<std::string> parameter_names(const ProblemInfo& info) {
  std::vector<std::string> names;
  for (const auto& p : info.parameters) names.push_back(p.name);
  return names;
}

}  // namespace

Params::Params(const nlohmann::json& json, const ProblemInfo& info)
    : JsonParams(json, info.name, parameter_names(info)) {}

}  // namespace detail

void register_builtin_problems() {
  static const bool registered = [] {
    detail::Catalog c;
    detail::add_zdt(c);
    detail::add_dtlz(c);
    detail::add_constrained_dtlz(c);
    detail::add_wfg(c);
    detail::add_classic(c);
    detail::add_re(c);
    for (auto& entry : c) {
      auto info = entry.info;
      register_problem(std::move(entry.info),
                       [info, make = std::move(entry.make)](const nlohmann::json& json) {
                         return make(detail::Params(json, info));
                       });
    }
    return true;
  }();
  (void)registered;
}

const std::vector<ProblemInfo>& problem_catalog() {
  register_builtin_problems();
  return registered_problems();
}

std::vector<std::string> problem_names() {
  std::vector<std::string> names;
  for (const auto& info : problem_catalog()) names.push_back(info.name);
  return names;
}

std::unique_ptr<Problem> make_problem(const std::string& name, const nlohmann::json& params) {
  register_builtin_problems();
  return make_registered_problem(name, params);
}

}  // namespace paretokit::problems
