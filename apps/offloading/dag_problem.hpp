// Placing the subtasks of a DAG application (dag.hpp) on the devices of a
// scenario: one categorical per subtask (local, edge1..edgeE, cloud),
// objectives the application's finish time (s) and energy (J), averaged
// over episodes (each episode draws user 0's channel to every server).
// Devices run one subtask at a time (DeviceContention::sequential).
//
// Application files (JSON):
//   {"name": "chain-4",
//    "backhaul_bps": 1e9,
//    "subtasks": [{"cycles": 1e9, "input_bits": 2e6}, {"cycles": 3e9}, ...],
//    "dependencies": [{"from": 0, "to": 1, "data_bits": 1e6}, ...]}
// checked like scenarios (file, JSON path, reason; a cycle is an error).
#pragma once

#include <filesystem>
#include <string>

#include "offloading/dag.hpp"
#include "offloading/problems.hpp"

namespace paretokit::offloading {

struct Application {
  std::string name;
  ApplicationGraph graph;
  double backhaul_bps = 1e9;
};

Application application_from_json(const nlohmann::json& json, const std::string& file);
Application read_application(const std::filesystem::path& path);

// The scenario's devices as seen by `user` in the episode of `trace`.
DeviceNetwork device_network(const Scenario& scenario, const Trace& trace, int user, double backhaul_bps);

class DagPlacementProblem : public Problem {
 public:
  DagPlacementProblem(Episodes episodes, Application application);

  std::string name() const override { return "offload-dag"; }
  Index n_var() const override { return static_cast<Index>(boost::num_vertices(application_.graph)); }
  Index n_obj() const override { return 2; }
  Vector lower_bounds() const override { return space_.lower_bounds(); }
  Vector upper_bounds() const override { return space_.upper_bounds(); }
  std::optional<SearchSpace> search_space() const override { return space_; }
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const override;
  nlohmann::json params() const override;

  // Mean (finish time, energy) of one placement over the episodes.
  RowVector objectives(const std::vector<int>& placement) const;

 private:
  Episodes episodes_;
  Application application_;
  std::vector<DeviceNetwork> networks_;  // one per episode
  SearchSpace space_;
};

// All on one device (each device in turn), random placements (the mean of
// 10), and greedy: one pass over the subtasks in index order, each placed
// where the application's mean finish time (greedy-delay) or energy
// (greedy-energy) is lowest with the undecided subtasks local, ties to the
// other objective.
std::vector<BaselineResult> dag_baselines(const DagPlacementProblem& problem, const Scenario& scenario);

}  // namespace paretokit::offloading
