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

// The catalog's defaults are read from each algorithm's Options{} (here and
// below), so that what `paretokit algorithms` says is what the code does.
nlohmann::json optional_number(double value) {
  return value < 0.0 ? nlohmann::json(nullptr) : nlohmann::json(value);
}

std::vector<AlgorithmParameter> variation_parameters(const VariationOptions& v) {
  return {
      {"eta_c", v.crossover.eta, "SBX distribution index"},
      {"prob_c", v.crossover.prob, "probability that a pair of parents crosses"},
      {"prob_var", v.crossover.prob_var, "per-variable crossover probability inside a crossing pair"},
      {"eta_m", v.mutation.eta, "polynomial mutation distribution index"},
      {"prob_m", optional_number(v.mutation.prob_var),
       "per-variable mutation probability (default min(0.5, 1/n_var))"},
      {"prob_mutation", v.mutation.prob,
       "share of children mutated at all (pymoo's PM prob; 1 as in Deb's code)"},
      {"eliminate_duplicates", v.eliminate_duplicates,
       "redraw offspring equal to another or to a member of the population"},
      {"sampling", to_string(v.sampling), "initial population: uniform, lhs or sobol"},
  };
}

nlohmann::json partitions_default(const std::vector<Index>& partitions) {
  return partitions.empty() ? nlohmann::json(nullptr) : nlohmann::json(partitions);
}

std::vector<AlgorithmParameter> join(std::vector<AlgorithmParameter> a,
                                     const std::vector<AlgorithmParameter>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::vector<Entry>& entries() {
  static std::vector<Entry> table = [] {
    std::vector<Entry> t;
    const NSGA2::Options nsga2;
    const NSGA3::Options nsga3;
    const MOEAD::Options moead;
    const HypE::Options hype;
    const SMSEMOA::Options smsemoa;
    const RandomSearch::Options random;
    t.push_back(
        {{"nsga2", "NSGA-II (Deb et al. 2002)",
          "rank and crowding distance survival, binary tournaments, SBX + polynomial mutation",
          join({{"pop_size", nsga2.pop_size, "population size"},
                {"n_offsprings", nsga2.n_offsprings, "offspring per generation (0: pop_size)"}},
               variation_parameters(nsga2.variation))},
         [](const nlohmann::json& p) { return std::make_unique<NSGA2>(NSGA2::options_from_json(p)); }});
    t.push_back(
        {{"nsga3", "NSGA-III (Deb and Jain 2014)",
          "reference-direction niching with hyperplane normalization; random mating, SBX + PM",
          join({{"pop_size", nsga3.pop_size,
                 "population size (0: number of directions rounded up to a multiple of 4)"},
                {"n_partitions", partitions_default(nsga3.n_partitions),
                 "Das-Dennis partitions p, or [outer, inner] for two layers (default: largest set "
                 "that fits pop_size, else the paper's set for n_obj)"}},
               variation_parameters(nsga3.variation))},
         [](const nlohmann::json& p) { return std::make_unique<NSGA3>(NSGA3::options_from_json(p)); }});
    t.push_back(
        {{"moead", "MOEA/D (Zhang and Li 2007)",
          "decomposition into scalar subproblems with neighbourhood mating and replacement",
          join({{"pop_size", moead.pop_size, "number of subproblems (0: number of directions)"},
                {"n_partitions", partitions_default(moead.n_partitions),
                 "Das-Dennis partitions p, or [outer, inner] (default as nsga3)"},
                {"n_neighbors", moead.n_neighbors, "neighbourhood size T"},
                {"prob_neighbor_mating", moead.prob_neighbor_mating,
                 "probability delta of mating inside the neighbourhood"},
                {"n_replace", moead.n_replace,
                 "at most this many replacements per offspring, n_r (0: no cap)"},
                {"decomposition",
                 moead.decomposition ? nlohmann::json(to_string(*moead.decomposition)) : nullptr,
                 "tchebycheff or pbi (default: pbi for n_obj >= 3)"},
                {"theta", moead.theta, "PBI penalty"},
                {"mode", moead.mode == MoeadMode::classic ? "classic" : "tensor",
                 "classic (sequential updates) or tensor (one matrix step per batch)"},
                {"batch_size", moead.batch_size,
                 "classic mode: offspring per ask (0: one generation; 1: fully sequential)"}},
               variation_parameters(moead.variation))},
         [](const nlohmann::json& p) { return std::make_unique<MOEAD>(MOEAD::options_from_json(p)); }});
    t.push_back(
        {{"hype", "HypE (Bader and Zitzler 2011)",
          "hypervolume-based fitness (exact up to 3 objectives, Monte Carlo above) for mating and selection",
          join({{"pop_size", hype.pop_size, "population size"},
                {"n_samples", hype.n_samples, "Monte Carlo samples per fitness computation"},
                {"exact_max_objectives", hype.exact_max_objectives,
                 "exact fitness up to this many objectives"},
                {"exact_max_points", hype.exact_max_points,
                 "exact fitness up to this many points (Monte Carlo above)"},
                {"one_shot", hype.one_shot, "remove the k least fit at once instead of one at a time"},
                {"incremental", hype.incremental,
                 "where 2 * pop_size > exact_max_points (or more objectives than exact_max_objectives): "
                 "truncate on one Monte Carlo sample set per truncation, updated after each removal "
                 "(false: fresh samples for every removal, exact fitness for small fronts)"},
                {"reference_offset", hype.reference_offset, "reference point = worst + offset * range"}},
               variation_parameters(hype.variation))},
         [](const nlohmann::json& p) { return std::make_unique<HypE>(HypE::options_from_json(p)); }});
    t.push_back(
        {{"smsemoa", "SMS-EMOA (Beume et al. 2007)",
          "steady-state selection by least exclusive hypervolume contribution in the last front; one "
          "generation is one offspring (n_offsprings), so --generations G evaluates G candidates",
          join({{"pop_size", smsemoa.pop_size, "population size"},
                {"n_offsprings", smsemoa.n_offsprings, "offspring per generation (steady state: 1)"},
                {"reference_offset", smsemoa.reference_offset,
                 "reference point = worst of the last front + offset * range"}},
               variation_parameters(smsemoa.variation))},
         [](const nlohmann::json& p) { return std::make_unique<SMSEMOA>(SMSEMOA::options_from_json(p)); }});
    t.push_back({{"random",
                  "Random search",
                  "uniform batches over the box; what it keeps is an archive (not a population): the "
                  "non-dominated set of every point evaluated",
                  {{"pop_size", random.pop_size, "points per batch"},
                   {"sampling", to_string(random.sampling), "uniform, lhs or sobol"}}},
                 [](const nlohmann::json& p) {
                   return std::make_unique<RandomSearch>(RandomSearch::options_from_json(p));
                 }});
    return t;
  }();
  return table;
}

}  // namespace

std::unique_ptr<Algorithm> make_algorithm(const std::string& name, const nlohmann::json& params) {
  // Case-insensitive, as problem names are (core/json_params.hpp).
  const std::string key = lower_case(name);
  for (const auto& entry : entries())
    if (lower_case(entry.info.name) == key) return entry.make(params);
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
  const auto same =
      std::find_if(table.begin(), table.end(), [&](const Entry& e) { return e.info.name == info.name; });
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
