// One `paretokit quantize` study: the layer table, the exact frontier (and
// the exact choice under the budgets), optionally an evolutionary search of
// the same problem through run(), and the run folder:
//
//   config.json          the settings
//   exact_front.txt/.json  the exact frontier (objectives; bits per searched layer)
//   front.txt/.json      the study's frontier: the evolutionary front, or the exact one
//   trials.jsonl, checkpoint.json   from run(), with an evolutionary algorithm
//   published.json       HAWQ's published configurations evaluated, and whether
//                        each lies on the exact frontier (ResNet18/50 with 4 and 8 bits)
//   summary.json         sizes, the budget choice, the hypervolume of the front
//                        against the exact frontier's (same reference point)
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "paretokit/quantization/bit_width_search.hpp"
#include "paretokit/quantization/budget.hpp"
#include "paretokit/quantization/exact_frontier.hpp"

namespace paretokit::quantization {

struct StudySettings {
  std::string model;                 // a builtin model, or a label when table_file is set
  std::filesystem::path table_file;  // empty: builtin_layer_table(model)
  std::vector<int> bits = {4, 8};
  std::vector<Measure> objectives = {Measure::omega, Measure::size};
  std::vector<Budget> budgets;
  // "exact" (the dynamic program only) or a registered algorithm.
  std::string algorithm = "exact";
  nlohmann::json algorithm_params = nlohmann::json::object();
  std::int64_t generations = 200;
  std::uint64_t seed = 1;
  int threads = 0;  // 0: every core (results do not depend on it)
  Index max_states = ExactFrontierOptions{}.max_states;
  std::filesystem::path out;  // the run folder (empty: nothing written)
  bool progress = false;      // run()'s progress line on stderr
};

// A configuration with its reported objective values.
struct StudyPoint {
  std::vector<int> choice;  // per group
  RowVector objectives;     // reported units, in settings.objectives order
};

struct StudyResult {
  std::shared_ptr<const BitWidthSearch> search;
  Measure budget_objective = Measure::omega;  // what the budget choice minimizes
  // The exact frontier within the budgets (empty with exact_error set when
  // the dynamic program exceeded max_states).
  std::vector<StudyPoint> exact;
  std::string exact_error;
  std::optional<StudyPoint> exact_choice;  // best under the budgets (when budgets are given)
  std::vector<StudyPoint> front;           // the evolutionary front, or the exact frontier
  std::optional<StudyPoint> front_choice;  // best of `front` under the budgets
  nlohmann::json summary;                  // what summary.json holds
};

// InputError for bad settings or tables (naming file and field).
StudyResult run_study(const StudySettings& settings);

// {"bits": [per searched layer], "objectives": {"omega": ..., ...}}
nlohmann::json point_json(const BitWidthSearch& search, const std::vector<Measure>& objectives,
                          const StudyPoint& point);

}  // namespace paretokit::quantization
