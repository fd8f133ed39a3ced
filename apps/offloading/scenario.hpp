// A mobile-edge-computing scenario: users that generate tasks, edge servers,
// a cloud, and the wireless uplink between them (issue 16).
//
// The default scenario (data/mec/mec-10u-1e.json) takes its parameters from
// GMORL's simulator (gracefulning/mec_morl_multipolicy, env/config1.json and
// env/MEC_env.py; see data/mec/README.md). JSON form, every field required
// unless marked optional, units in the names:
//
//   {"name": "mec-10u-1e",
//    "notes": "free text (optional)",
//    "time":  {"step_s": 1, "steps": 100},
//    "users": {"count": 10, "arrival_rate_per_s": 0.1,
//              "cpu_hz": 1e9, "cycles_per_bit": 1000, "kappa": 1e-27},
//    "tasks": {"size_mean_bits": 6e6, "size_min_bits": 1e5, "size_max_bits": 1e8,
//              "deadline_s": 10 (optional, 0: none)},
//    "edges": [{"cpu_hz": 2e9, "cycles_per_bit": 1000, "kappa": 5e-31}, ...],
//    "cloud": {"cpu_hz": 4e9, "cycles_per_bit": 1000, "kappa": 5e-31},
//    "radio": {"edge":  {"bandwidth_hz": 16.6e6, "transmit_power_w": 0.01, "distance_m": [50, 500]},
//              "cloud": {"bandwidth_hz": 16.6e6, "transmit_power_w": 0.01, "distance_m": [1000, 2000]},
//              "noise_density_dbm_per_hz": -174,
//              "path_loss": {"db_at_1km": 133.6, "db_per_decade": 35},
//              "shadowing": {"mean_db": 8, "std_db": 0},
//              "rayleigh_fading": true,
//              "fading_redraw": "episode" | "task",
//              "rate_formula": "shannon" | "original"},
//    "energy": {"count_server_execution": false} (optional)}
//
// read_scenario() rejects unknown fields, wrong types and values out of
// range with an InputError naming the file and the JSON path of the field.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace paretokit::offloading {

struct Processor {
  double cpu_hz = 1e9;          // CPU frequency f
  double cycles_per_bit = 1e3;  // C: cycles to process one bit of the task
  double kappa = 1e-27;         // effective switched capacitance: energy kappa f^2 per cycle
};

struct Link {
  double bandwidth_hz = 16.6e6;
  double transmit_power_w = 0.01;
  double distance_min_m = 50, distance_max_m = 500;  // uniform per user and server
};

enum class RateFormula {
  shannon,   // r = B log2(1 + P g / (N0 B))
  original,  // GMORL's code: r = B log2(1 + P (g / (N0 B))^2 / (N0 B))
};
enum class FadingRedraw { episode, task };

struct Radio {
  Link edge, cloud;
  double noise_density_dbm_per_hz = -174;
  double path_loss_db_at_1km = 133.6;  // PL(d) = a + b log10(d / 1 km)
  double path_loss_db_per_decade = 35;
  double shadowing_mean_db = 8;  // a fixed loss when std_db is 0 (as the original)
  double shadowing_std_db = 0;   // log-normal shadowing, drawn per user and server
  bool rayleigh_fading = true;   // power gain h ~ Exp(1)
  FadingRedraw fading_redraw = FadingRedraw::episode;
  RateFormula rate_formula = RateFormula::shannon;
};

struct Scenario {
  std::string name = "scenario";
  double step_s = 1;
  int steps = 100;  // episode length = steps * step_s

  int users = 10;
  double arrival_rate_per_s = 0.1;  // Poisson, per user
  Processor local;                  // every user's device

  double size_mean_bits = 6e6;  // exponential, clipped to [min, max]
  double size_min_bits = 1e5;
  double size_max_bits = 1e8;
  double deadline_s = 0;  // 0: no deadline

  std::vector<Processor> edges;
  Processor cloud;
  Radio radio;
  bool count_server_execution_energy = false;  // the original counts kappa f^2 C s on the server

  int n_servers() const { return static_cast<int>(edges.size()) + 1; }  // edges, then the cloud
  int n_options() const { return n_servers() + 1; }                     // local, edges, cloud
  double episode_seconds() const { return step_s * steps; }
  const Processor& server(int s) const { return s < static_cast<int>(edges.size()) ? edges[s] : cloud; }
  const Link& link(int s) const { return s < static_cast<int>(edges.size()) ? radio.edge : radio.cloud; }
};

// `file` names the source in error messages.
Scenario scenario_from_json(const nlohmann::json& json, const std::string& file);
Scenario read_scenario(const std::filesystem::path& path);
nlohmann::json to_json(const Scenario& scenario);

// The option names: "local", "edge1".."edgeE", "cloud".
std::vector<std::string> option_names(const Scenario& scenario);

}  // namespace paretokit::offloading
