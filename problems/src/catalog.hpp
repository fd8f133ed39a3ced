// Internal plumbing of the registry: each family of problems adds its entries
// (description, parameters, factory) to the catalog; Params validates the
// JSON parameters against an entry's list before the factory reads them.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/problems/registry.hpp"

namespace paretokit::problems::detail {

class Params {
 public:
  // Throws InputError for a non-object or an unknown key (listing the valid ones).
  Params(const nlohmann::json& json, const ProblemInfo& info);

  bool has(const std::string& key) const { return json_.contains(key); }
  // An integer parameter >= minimum (a JSON integer, or a float with an integral value).
  Index integer(const std::string& key, Index fallback, Index minimum) const;
  // A finite number parameter.
  double number(const std::string& key, double fallback) const;
  // Throws InputError about key with this reason.
  [[noreturn]] void fail(const std::string& key, const std::string& reason) const;

 private:
  nlohmann::json json_;
  std::string problem_;
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
