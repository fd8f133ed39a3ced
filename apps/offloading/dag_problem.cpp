#include "offloading/dag_problem.hpp"

#include <cmath>
#include <fstream>
#include <limits>

#include <boost/graph/topological_sort.hpp>

#include "offloading/channel.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/rng.hpp"

namespace paretokit::offloading {

namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& file, const std::string& field, const std::string& reason) {
  throw InputError(reason, Location(file, 0, field));
}

double number_at(const json& object, const std::string& key, const std::string& path, const std::string& file,
                 bool required, double fallback) {
  if (!object.contains(key)) {
    if (required) fail(file, path + key, "missing");
    return fallback;
  }
  const json& value = object.at(key);
  if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0) {
    fail(file, path + key, "must be a number >= 0");
  }
  return value.get<double>();
}

void only_keys(const json& object, std::initializer_list<const char*> keys, const std::string& path,
               const std::string& file) {
  for (const auto& item : object.items()) {
    bool known = false;
    for (const char* key : keys) known = known || item.key() == key;
    if (!known) fail(file, path + item.key(), "unknown field");
  }
}

}  // namespace

Application application_from_json(const json& document, const std::string& file) {
  if (!document.is_object()) fail(file, "(top level)", "must be an object");
  only_keys(document, {"name", "notes", "backhaul_bps", "subtasks", "dependencies"}, "", file);
  Application app;
  if (!document.contains("name") || !document["name"].is_string()) fail(file, "name", "must be a string");
  app.name = document["name"].get<std::string>();
  app.backhaul_bps = number_at(document, "backhaul_bps", "", file, true, 0);
  if (!(app.backhaul_bps > 0)) fail(file, "backhaul_bps", "must be > 0");
  const json& subtasks = document.contains("subtasks") ? document["subtasks"] : json();
  if (!subtasks.is_array() || subtasks.empty() || subtasks.size() > 10000) {
    fail(file, "subtasks", "must be an array of 1 to 10000 subtasks");
  }
  app.graph = ApplicationGraph(subtasks.size());
  for (std::size_t v = 0; v < subtasks.size(); ++v) {
    const std::string path = "subtasks[" + std::to_string(v) + "].";
    if (!subtasks[v].is_object()) fail(file, path.substr(0, path.size() - 1), "must be an object");
    only_keys(subtasks[v], {"name", "cycles", "input_bits"}, path, file);
    app.graph[v].cycles = number_at(subtasks[v], "cycles", path, file, true, 0);
    app.graph[v].input_bits = number_at(subtasks[v], "input_bits", path, file, false, 0);
  }
  const json& dependencies = document.contains("dependencies") ? document["dependencies"] : json::array();
  if (!dependencies.is_array()) fail(file, "dependencies", "must be an array");
  for (std::size_t e = 0; e < dependencies.size(); ++e) {
    const std::string path = "dependencies[" + std::to_string(e) + "].";
    const json& d = dependencies[e];
    if (!d.is_object()) fail(file, path.substr(0, path.size() - 1), "must be an object");
    only_keys(d, {"from", "to", "data_bits"}, path, file);
    for (const char* key : {"from", "to"}) {
      if (!d.contains(key) || !d[key].is_number_integer() || d[key].get<long long>() < 0 ||
          d[key].get<std::size_t>() >= subtasks.size()) {
        fail(file, path + key, "must be a subtask index in [0, " + std::to_string(subtasks.size() - 1) + "]");
      }
    }
    boost::add_edge(d["from"].get<std::size_t>(), d["to"].get<std::size_t>(),
                    Dependency{number_at(d, "data_bits", path, file, false, 0)}, app.graph);
  }
  std::vector<std::size_t> order;
  try {
    boost::topological_sort(app.graph, std::back_inserter(order));
  } catch (const boost::not_a_dag&) {
    fail(file, "dependencies", "the dependencies form a cycle");
  }
  return app;
}

Application read_application(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw InputError("cannot open the application file", Location(path.string()));
  try {
    return application_from_json(json::parse(in), path.string());
  } catch (const json::parse_error& error) {
    throw InputError(std::string("not valid JSON: ") + error.what(), Location(path.string()));
  }
}

DeviceNetwork device_network(const Scenario& s, const Trace& trace, int user, double backhaul_bps) {
  DeviceNetwork net;
  net.cycles_per_second.push_back(s.local.cpu_hz);
  net.uplink_bps.push_back(0);
  for (int k = 0; k < s.n_servers(); ++k) {
    net.cycles_per_second.push_back(s.server(k).cpu_hz);
    const double gain =
        trace.user_gain[static_cast<std::size_t>(user) * static_cast<std::size_t>(trace.n_servers) +
                        static_cast<std::size_t>(k)];
    net.uplink_bps.push_back(uplink_rate(s.radio, s.link(k), gain));
  }
  net.backhaul_bps = backhaul_bps;
  net.transmit_power_w = s.radio.edge.transmit_power_w;
  net.local_joules_per_cycle = s.local.kappa * s.local.cpu_hz * s.local.cpu_hz;
  return net;
}

DagPlacementProblem::DagPlacementProblem(Episodes episodes, Application application)
    : episodes_(std::move(episodes)), application_(std::move(application)) {
  for (const Trace& trace : episodes_.traces) {
    networks_.push_back(device_network(episodes_.scenario, trace, 0, application_.backhaul_bps));
  }
  std::vector<nlohmann::json> choices;
  for (const auto& name : option_names(episodes_.scenario)) choices.emplace_back(name);
  for (Index v = 0; v < n_var(); ++v) space_.add_categorical("subtask" + std::to_string(v), choices);
}

RowVector DagPlacementProblem::objectives(const std::vector<int>& placement) const {
  RowVector f = RowVector::Zero(2);
  for (const DeviceNetwork& net : networks_) {
    const DagSchedule schedule =
        schedule_dag(application_.graph, placement, net, DeviceContention::sequential);
    f(0) += schedule.makespan_s;
    f(1) += schedule.energy_j;
  }
  return f / static_cast<double>(networks_.size());
}

void DagPlacementProblem::evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut /*G*/) const {
  std::vector<int> placement(static_cast<std::size_t>(X.cols()));
  for (Index i = 0; i < X.rows(); ++i) {
    for (Index j = 0; j < X.cols(); ++j)
      placement[static_cast<std::size_t>(j)] = static_cast<int>(std::lround(X(i, j)));
    F.row(i) = objectives(placement);
  }
}

nlohmann::json DagPlacementProblem::params() const {
  return {{"policy", "dag"},
          {"application", application_.name},
          {"scenario", episodes_.scenario.name},
          {"episode_seeds", episodes_.seeds}};
}

std::vector<BaselineResult> dag_baselines(const DagPlacementProblem& problem, const Scenario& scenario) {
  const auto n = static_cast<std::size_t>(problem.n_var());
  const int devices = scenario.n_options();
  const std::vector<std::string> names = option_names(scenario);
  std::vector<BaselineResult> results;
  for (int d = 0; d < devices; ++d) {
    results.push_back({"all-" + names[static_cast<std::size_t>(d)],
                       "all-" + names[static_cast<std::size_t>(d)],
                       problem.objectives(std::vector<int>(n, d)),
                       {}});
  }
  RowVector random = RowVector::Zero(2);
  Rng rng(1);
  std::vector<int> placement(n);
  for (int r = 0; r < 10; ++r) {
    for (int& d : placement) d = static_cast<int>(rng.below(static_cast<std::uint64_t>(devices)));
    random += problem.objectives(placement) / 10.0;
  }
  results.push_back({"random", "random", random, {}});

  // Greedy: one pass over the subtasks in index order, each put where the
  // application's mean finish time (or energy) is lowest, undecided ones local.
  for (const bool by_delay : {true, false}) {
    std::vector<int> greedy(n, 0);
    for (std::size_t v = 0; v < n; ++v) {
      int best = 0;
      RowVector best_f = RowVector::Constant(2, std::numeric_limits<double>::infinity());
      for (int d = 0; d < devices; ++d) {
        greedy[v] = d;
        const RowVector f = problem.objectives(greedy);
        const bool better = by_delay ? (f(0) < best_f(0) || (f(0) == best_f(0) && f(1) < best_f(1)))
                                     : (f(1) < best_f(1) || (f(1) == best_f(1) && f(0) < best_f(0)));
        if (better) {
          best = d;
          best_f = f;
        }
      }
      greedy[v] = best;
    }
    const std::string name = by_delay ? "greedy-delay" : "greedy-energy";
    results.push_back({name, name, problem.objectives(greedy), {}});
  }
  return results;
}

}  // namespace paretokit::offloading
