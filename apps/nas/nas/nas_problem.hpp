// Hardware-aware NAS as a Problem: a decision vector picks one choice per
// searchable block of a ProxylessSpace (categorical indices); the objectives,
// all minimized, are any of
//
//   latency   milliseconds on the device (lookup table or roofline)
//   flops     millions of multiply-adds
//   params    millions of parameters
//   accuracy  minus the accuracy (surrogate), or minus capacity_proxy()
//             when no accuracy table is given (then it is NOT an accuracy)
//
// Each row builds the network's graph and counts it (a few microseconds).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "nas/accuracy.hpp"
#include "nas/latency_model.hpp"
#include "nas/proxyless_space.hpp"
#include "paretokit/core/problem.hpp"

namespace paretokit::nas {

enum class NasObjective { latency, flops, params, accuracy };
const char* to_string(NasObjective objective);
// "latency,flops,params[,accuracy]" in any order, each at most once;
// UsageError naming --objectives otherwise.
std::vector<NasObjective> parse_objectives(const std::string& text);

struct ArchitectureCosts {
  double latency_ms = 0;  // NaN without a latency model
  double mflops = 0;      // millions of MACs
  double mparams = 0;     // millions of parameters
  double accuracy = 0;    // surrogate prediction, or the capacity proxy
};

class NasProblem : public Problem {
 public:
  // `latency` is needed when the objectives include latency; `accuracy`
  // (optional) replaces the capacity proxy. The latency model is checked to
  // cover every architecture of the space (InputError otherwise).
  NasProblem(ProxylessSpace space, std::vector<NasObjective> objectives,
             std::shared_ptr<const LatencyModel> latency, std::optional<AccuracySurrogate> accuracy);

  std::string name() const override { return "nas-proxyless"; }
  Index n_var() const override { return space_.n_blocks(); }
  Index n_obj() const override { return static_cast<Index>(objectives_.size()); }
  Vector lower_bounds() const override { return search_space_.lower_bounds(); }
  Vector upper_bounds() const override { return search_space_.upper_bounds(); }
  std::optional<SearchSpace> search_space() const override { return search_space_; }
  nlohmann::json params() const override;
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const override;

  ArchitectureCosts costs(const std::vector<BlockOp>& ops) const;
  // The objective vector of `costs` in the order of objectives().
  RowVector objective_row(const ArchitectureCosts& costs) const;

  const ProxylessSpace& space() const { return space_; }
  const std::vector<NasObjective>& objectives() const { return objectives_; }
  bool accuracy_is_proxy() const { return !accuracy_.has_value(); }
  const LatencyModel* latency_model() const { return latency_.get(); }

 private:
  ProxylessSpace space_;
  SearchSpace search_space_;
  std::vector<NasObjective> objectives_;
  std::shared_ptr<const LatencyModel> latency_;
  std::optional<AccuracySurrogate> accuracy_;
};

}  // namespace paretokit::nas
