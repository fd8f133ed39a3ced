// Internal plumbing of the registry: each family of problems adds its entries
// (description, parameters, factory) to the catalog, which
// register_builtin_problems() hands to the library's problem registry; Params
// validates the JSON parameters against an entry's list before the factory
// reads them.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/json_params.hpp"
#include "paretokit/problems/registry.hpp"

namespace paretokit::problems::detail {

// The registry's one parameter reader (core/json_params.hpp), with the
// valid keys taken from the entry's parameter list.
class Params : public JsonParams {
 public:
  Params(const nlohmann::json& json, const ProblemInfo& info);
};

using Factory = std::function<std::unique_ptr<Problem>(const Params&)>;

struct Entry {
  ProblemInfo info;
  Factory make;
};

using Catalog = std::vector<Entry>;

void add_zdt(Catalog& catalog);
void add_dtlz(Catalog& catalog);
void add_constrained_dtlz(Catalog& catalog);
void add_wfg(Catalog& catalog);
void add_classic(Catalog& catalog);
void add_re(Catalog& catalog);

}  // namespace paretokit::problems::detail
