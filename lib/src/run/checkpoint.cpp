#include "checkpoint.hpp"

#include <string>

#include "paretokit/core/error.hpp"

namespace paretokit::detail {

namespace {
constexpr const char* kFormat = "paretokit-checkpoint";
// 2: polynomial mutation's default share of mutated children became 0.9
// (was 1) while algorithms are rebuilt from the user's parameters on resume:
// a version 1 checkpoint would continue with other operators.
constexpr int kVersion = 2;
}  // namespace

nlohmann::json make_checkpoint(const Problem& problem, const Algorithm& algorithm, std::uint64_t seed,
                               const Counters& counters) {
  nlohmann::json checkpoint = {{"format", kFormat},
          {"version", kVersion},
          {"problem", problem.name()},
          {"n_var", problem.n_var()},
          {"n_obj", problem.n_obj()},
          {"algorithm", algorithm.name()},
          {"seed", seed},
          {"generation", counters.generation},
          {"evaluations", counters.evaluations},
          // Every evaluation is one trial line, so the two counts agree; kept
          // apart so that the log's meaning is explicit.
          {"trials", counters.evaluations},
          {"seconds", counters.seconds},
          {"state", algorithm.save_state()}};
  if (counters.failed_trials > 0) checkpoint["failed_trials"] = counters.failed_trials;
  return checkpoint;
}

Counters check_checkpoint(const nlohmann::json& checkpoint, const Problem& problem, const Algorithm& algorithm,
                          std::uint64_t seed, const std::string& path) {
  auto field = [&](const char* name) -> const nlohmann::json& {
    if (!checkpoint.is_object() || !checkpoint.contains(name)) {
      throw InputError("checkpoint lacks the field", {path, 0, name});
    }
    return checkpoint[name];
  };
  if (field("format") != kFormat) throw InputError("not a paretokit checkpoint", {path, 0, "format"});
  if (field("version") != kVersion)
    throw InputError("checkpoint version " + field("version").dump() + " is not this paretokit's (" +
                         std::to_string(kVersion) + "): it cannot continue that run exactly; start it again",
                     {path, 0, "version"});
  auto expect = [&](const char* name, const nlohmann::json& value) {
    if (field(name) != value) {
      throw InputError("checkpoint is of " + field(name).dump() + ", this run of " + value.dump(), {path, 0, name});
    }
  };
  expect("problem", problem.name());
  expect("n_var", problem.n_var());
  expect("n_obj", problem.n_obj());
  expect("algorithm", algorithm.name());
  expect("seed", seed);
  try {
    Counters counters;
    counters.generation = field("generation").get<std::int64_t>();
    counters.evaluations = field("evaluations").get<std::int64_t>();
    counters.seconds = field("seconds").get<double>();
    counters.failed_trials = checkpoint.value("failed_trials", std::int64_t{0});
    if (counters.generation < 0 || counters.evaluations < 0 || field("trials") != counters.evaluations) {
      throw InputError("inconsistent counters", {path, 0, "generation"});
    }
    field("state");
    return counters;
  } catch (const nlohmann::json::exception& error) {
    throw InputError(std::string("bad counter: ") + error.what(), {path});
  }
}

}  // namespace paretokit::detail
