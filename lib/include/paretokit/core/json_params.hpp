// One reader of JSON parameters for every registry (problems, algorithms,
// users' own): `{"n_obj": 3, "eta_c": 20}` read into an Options struct, with
// one set of rules and errors that name the owner, the parameter and why.
//
//   JsonParams p(json, "nsga2", {"pop_size", "eta_c"});
//   options.pop_size = p.integer("pop_size", options.pop_size, 2);
//
// Rules: `json` is an object, or null for "all defaults"; a key outside the
// valid list is an error listing the valid ones; a key whose value is null
// means the default (so that a catalog's `"default": null` reads back);
// numbers must be finite; an integer may be written 4 or 4.0, not 4.5.
// Parameter names are matched exactly (lower case by convention); registry
// names (of problems and algorithms) are matched case-insensitively.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/core/matrix.hpp"

namespace paretokit {

class JsonParams {
 public:
  // Throws InputError when `json` is neither null nor an object, or has a
  // key outside `valid`. `owner` names the problem or algorithm in errors.
  JsonParams(const nlohmann::json& json, std::string owner, std::vector<std::string> valid);

  // Present and not null.
  bool has(const std::string& key) const { return json_.contains(key) && !json_.at(key).is_null(); }
  const nlohmann::json& raw(const std::string& key) const { return json_.at(key); }
  const std::string& owner() const { return owner_; }

  // A finite number in [low, high].
  double number(const std::string& key, double fallback,
                double low = -std::numeric_limits<double>::infinity(),
                double high = std::numeric_limits<double>::infinity()) const;
  // An integer >= low.
  Index integer(const std::string& key, Index fallback, Index low = std::numeric_limits<Index>::min()) const;
  bool boolean(const std::string& key, bool fallback) const;
  // One of `choices`.
  std::string choice(const std::string& key, const std::string& fallback,
                     const std::vector<std::string>& choices) const;

  // Throws InputError "<owner>: parameter <key>: <reason>", located at the key.
  [[noreturn]] void fail(const std::string& key, const std::string& reason) const;

 private:
  nlohmann::json json_;
  std::string owner_;
};

// "a, b, c"
std::string join_names(const std::vector<std::string>& names);

// Lower case (ASCII), for case-insensitive registry names.
std::string lower_case(std::string text);

}  // namespace paretokit
