// The algorithm registry and its catalog; see algorithms/registry.hpp.
#include "paretokit/algorithms/registry.hpp"

#include <algorithm>
#include <functional>

#include "params.hpp"
#include "paretokit/algorithms/hype.hpp"
#include "paretokit/algorithms/moead.hpp"
#include "paretokit/algorithms/nsga2.hpp"
#include "paretokit/algorithms/nsga3.hpp"
#include "paretokit/algorithms/random_search.hpp"
#include "paretokit/algorithms/smsemoa.hpp"
#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {

struct Entry {
  AlgorithmInfo info;
  AlgorithmFactory make;
};

std::vector<AlgorithmParameter> variation_parameters(double eta_c, double prob_c) {
  return {
      {"eta_c", eta_c, "SBX distribution index"},
      {"prob_c", prob_c, "probability that a pair of parents crosses"},
      {"prob_var", 0.5, "per-variable crossover probability inside a crossing pair"},
      {"eta_m", 20.0, "polynomial mutation distribution index"},
      {"prob_m", nullptr, "per-variable mutation probability (default min(0.5, 1/n_var))"},
      {"prob_mutation", 0.9, "share of children mutated at all (pymoo's PM prob; 1 as in Deb's code)"},
      {"eliminate_duplicates", true, "redraw offspring equal to another or to a member of the population"},
      {"sampling", "uniform", "initial population: uniform, lhs or sobol"},
  };
}

std::vector<AlgorithmParameter> join(std::vector<AlgorithmParameter> a,
                                     const std::vector<AlgorithmParameter>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::vector<Entry>& entries() {
  static std::vector<Entry> table = [] {
    std::vector<Entry> t;
    t.push_back(
        {{"nsga2", "NSGA-II (Deb et al. 2002)",
          "rank and crowding distance survival, binary tournaments, SBX + polynomial mutation",
          join({{"pop_size", 100, "population size"},
                {"n_offsprings", 0, "offspring per generation (0: pop_size)"}},
               variation_parameters(15.0, 0.9))},
         [](const nlohmann::json& p) { return std::make_unique<NSGA2>(NSGA2::options_from_json(p)); }});
    t.push_back(
        {{"nsga3", "NSGA-III (Deb and Jain 2014)",
          "reference-direction niching with hyperplane normalization; random mating, SBX + PM",
          join({{"pop_size", 0, "population size (0: number of directions rounded up to a multiple of 4)"},
                {"n_partitions", nullptr,
                 "Das-Dennis partitions p, or [outer, inner] for two layers (default: largest set "
                 "that fits pop_size, else the paper's set for n_obj)"}},
               variation_parameters(30.0, 1.0))},
         [](const nlohmann::json& p) { return std::make_unique<NSGA3>(NSGA3::options_from_json(p)); }});
    t.push_back(
        {{"moead", "MOEA/D (Zhang and Li 2007)",
          "decomposition into scalar subproblems with neighbourhood mating and replacement",
          join(
              {{"pop_size", 0, "number of subproblems (0: number of directions)"},
               {"n_partitions", nullptr, "Das-Dennis partitions p, or [outer, inner] (default as nsga3)"},
               {"n_neighbors", 20, "neighbourhood size T"},
               {"prob_neighbor_mating", 0.9, "probability delta of mating inside the neighbourhood"},
               {"n_replace", 0, "at most this many replacements per offspring, n_r (0: no cap)"},
               {"decomposition", nullptr, "tchebycheff or pbi (default: pbi for n_obj >= 3)"},
               {"theta", 5.0, "PBI penalty"},
               {"mode", "classic", "classic (sequential updates) or tensor (one matrix step per batch)"},
               {"batch_size", 0, "classic mode: offspring per ask (0: one generation; 1: fully sequential)"}},
              variation_parameters(20.0, 1.0))},
         [](const nlohmann::json& p) { return std::make_unique<MOEAD>(MOEAD::options_from_json(p)); }});
    t.push_back(
        {{"hype", "HypE (Bader and Zitzler 2011)",
          "hypervolume-based fitness (exact up to 3 objectives, Monte Carlo above) for mating and selection",
          join({{"pop_size", 100, "population size"},
                {"n_samples", 10000, "Monte Carlo samples per fitness computation"},
                {"exact_max_objectives", 3, "exact fitness up to this many objectives"},
                {"exact_max_points", 500, "exact fitness up to this many points (Monte Carlo above)"},
                {"one_shot", false, "remove the k least fit at once instead of one at a time"},
                {"reference_offset", 0.1, "reference point = worst + offset * range"}},
               variation_parameters(15.0, 0.9))},
         [](const nlohmann::json& p) { return std::make_unique<HypE>(HypE::options_from_json(p)); }});
    t.push_back(
        {{"smsemoa", "SMS-EMOA (Beume et al. 2007)",
          "steady-state selection by least exclusive hypervolume contribution in the last front; one "
          "generation is one offspring (n_offsprings), so --generations G evaluates G candidates",
          join({{"pop_size", 100, "population size"},
                {"n_offsprings", 1, "offspring per generation (steady state: 1)"},
                {"reference_offset", 1.0, "reference point = worst of the last front + offset * range"}},
               variation_parameters(15.0, 0.9))},
         [](const nlohmann::json& p) { return std::make_unique<SMSEMOA>(SMSEMOA::options_from_json(p)); }});
    t.push_back({{"random",
                  "Random search",
                  "uniform batches over the box; what it keeps is an archive (not a population): the "
                  "non-dominated set of every point evaluated",
                  {{"pop_size", 100, "points per batch"}, {"sampling", "uniform", "uniform, lhs or sobol"}}},
                 [](const nlohmann::json& p) {
                   return std::make_unique<RandomSearch>(RandomSearch::options_from_json(p));
                 }});
    return t;
  }();
  return table;
}

}  // namespace

std::unique_ptr<Algorithm> make_algorithm(const std::string& name, const nlohmann::json& params) {
  for (const auto& entry : entries())
    if (entry.info.name == name) return entry.make(params);
  throw InputError("unknown algorithm '" + name + "' (valid: " + detail::join(algorithm_names()) + ")",
                   Location::of_field("algorithm"));
}

namespace {

std::vector<AlgorithmInfo>& catalog_cache() {
  static std::vector<AlgorithmInfo> catalog;
  return catalog;
}

}  // namespace

void register_algorithm(AlgorithmInfo info, AlgorithmFactory factory) {
  if (info.name.empty() || !factory)
    throw InputError("register_algorithm: a name and a factory are needed", Location::of_field("algorithm"));
  auto& table = entries();
  const auto same = std::find_if(table.begin(), table.end(), [&](const Entry& e) { return e.info.name == info.name; });
  if (same != table.end()) {
    *same = {std::move(info), std::move(factory)};
  } else {
    table.push_back({std::move(info), std::move(factory)});
  }
  catalog_cache().clear();
}

const std::vector<AlgorithmInfo>& algorithm_catalog() {
  auto& catalog = catalog_cache();
  if (catalog.empty())
    for (const auto& entry : entries()) catalog.push_back(entry.info);
  return catalog;
}

std::vector<std::string> algorithm_names() {
  std::vector<std::string> names;
  for (const auto& entry : entries()) names.push_back(entry.info.name);
  return names;
}

}  // namespace paretokit
