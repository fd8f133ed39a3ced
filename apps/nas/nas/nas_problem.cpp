#include "nas/nas_problem.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "nas/network_graph.hpp"
#include "paretokit/core/error.hpp"

namespace paretokit::nas {

const char* to_string(NasObjective objective) {
  switch (objective) {
    case NasObjective::latency:
      return "latency";
    case NasObjective::flops:
      return "flops";
    case NasObjective::params:
      return "params";
    case NasObjective::accuracy:
      return "accuracy";
  }
  return "?";
}

std::vector<NasObjective> parse_objectives(const std::string& text) {
  std::vector<NasObjective> objectives;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string name = text.substr(start, comma - start);
    NasObjective objective{};
    if (name == "latency") {
      objective = NasObjective::latency;
    } else if (name == "flops") {
      objective = NasObjective::flops;
    } else if (name == "params") {
      objective = NasObjective::params;
    } else if (name == "accuracy") {
      objective = NasObjective::accuracy;
    } else {
      throw UsageError("unknown objective '" + name + "' (known: latency, flops, params, accuracy)",
                       Location::of_field("--objectives"));
    }
    if (std::find(objectives.begin(), objectives.end(), objective) != objectives.end()) {
      throw UsageError("'" + name + "' given twice", Location::of_field("--objectives"));
    }
    objectives.push_back(objective);
    start = comma + 1;
  }
  if (objectives.size() < 2) {
    throw UsageError("at least two objectives for a front", Location::of_field("--objectives"));
  }
  return objectives;
}

NasProblem::NasProblem(ProxylessSpace space, std::vector<NasObjective> objectives,
                       std::shared_ptr<const LatencyModel> latency, std::optional<AccuracySurrogate> accuracy)
    : space_(std::move(space)),
      search_space_(space_.search_space()),
      objectives_(std::move(objectives)),
      latency_(std::move(latency)),
      accuracy_(std::move(accuracy)) {
  const bool wants_latency =
      std::find(objectives_.begin(), objectives_.end(), NasObjective::latency) != objectives_.end();
  if (wants_latency && !latency_) {
    throw UsageError("the latency objective needs --device FILE or --latency-table FILE",
                     Location::of_field("--objectives"));
  }
  if (latency_) latency_->check_covers(space_);
}

nlohmann::json NasProblem::params() const {
  nlohmann::json names = nlohmann::json::array();
  for (NasObjective objective : objectives_) names.push_back(to_string(objective));
  nlohmann::json json = {{"space", space_.to_json()},
                         {"objectives", names},
                         {"latency", latency_ ? latency_->describe() : nlohmann::json()}};
  if (accuracy_) {
    json["accuracy"] = {{"model", "ridge regression on one-hot block choices"},
                        {"records", accuracy_->records()},
                        {"lambda", accuracy_->lambda()},
                        {"training_rmse", accuracy_->training_rmse()}};
  } else {
    json["accuracy"] = {{"model", "capacity proxy (not an accuracy): sum of log2(expand * k^2) over blocks"}};
  }
  return json;
}

ArchitectureCosts NasProblem::costs(const std::vector<BlockOp>& ops) const {
  const NetworkSpec network = space_.network(ops);
  const NetworkCosts counted = network_costs(network);
  ArchitectureCosts costs;
  costs.mflops = static_cast<double>(counted.macs) / 1e6;
  costs.mparams = static_cast<double>(counted.params) / 1e6;
  costs.latency_ms =
      latency_ ? latency_->milliseconds(network, counted) : std::numeric_limits<double>::quiet_NaN();
  costs.accuracy = accuracy_ ? accuracy_->predict(ops) : capacity_proxy(ops);
  return costs;
}

RowVector NasProblem::objective_row(const ArchitectureCosts& costs) const {
  RowVector row(n_obj());
  for (std::size_t j = 0; j < objectives_.size(); ++j) {
    double value = 0;
    switch (objectives_[j]) {
      case NasObjective::latency:
        value = costs.latency_ms;
        break;
      case NasObjective::flops:
        value = costs.mflops;
        break;
      case NasObjective::params:
        value = costs.mparams;
        break;
      case NasObjective::accuracy:
        value = -costs.accuracy;
        break;
    }
    row(static_cast<Index>(j)) = value;
  }
  return row;
}

void NasProblem::evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut /*G*/) const {
  for (Index r = 0; r < X.rows(); ++r) F.row(r) = objective_row(costs(space_.ops_from_row(X.row(r))));
}

}  // namespace paretokit::nas
