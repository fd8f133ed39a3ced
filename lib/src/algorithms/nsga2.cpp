// NSGA-II (Deb et al. 2002) with pymoo's conventions; see algorithms/nsga2.hpp.
#include "paretokit/algorithms/nsga2.hpp"

#include <algorithm>
#include <numeric>

#include "params.hpp"
#include "paretokit/algorithms/constrained_dominance.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/operators/selection.hpp"
#include "paretokit/pareto/crowding_distance.hpp"
#include "paretokit/pareto/dominance.hpp"
#include "state_json.hpp"

namespace paretokit {

NSGA2::NSGA2(Options options) : options_(std::move(options)) {
  if (options_.pop_size < 2) throw InputError("pop_size must be >= 2", Location::of_field("pop_size"));
  if (options_.n_offsprings < 0)
    throw InputError("n_offsprings must be >= 0", Location::of_field("n_offsprings"));
  validate(options_.variation.crossover);
  validate(options_.variation.mutation);
}

NSGA2::Options NSGA2::options_from_json(const nlohmann::json& json) {
  const detail::Params params(json, "nsga2", detail::with_variation({"pop_size", "n_offsprings"}));
  Options o;
  o.pop_size = params.integer("pop_size", o.pop_size, 2);
  o.n_offsprings = params.integer("n_offsprings", o.n_offsprings, 0);
  o.variation = detail::read_variation(params, o.variation);
  return o;
}

nlohmann::json NSGA2::options() const {
  nlohmann::json json{{"pop_size", options_.pop_size}, {"n_offsprings", options_.n_offsprings}};
  detail::write_variation(json, options_.variation);
  return json;
}

void NSGA2::on_initial_population() {
  // pymoo runs the survival on the initial population too (it sets rank and
  // crowding; the population size does not change).
  const Matrix X = X_, F = F_, G = G_;
  const Vector cv = cv_;
  select(X, F, G, cv);
}

Matrix NSGA2::make_offspring() {
  const Index n = options_.n_offsprings > 0 ? options_.n_offsprings : options_.pop_size;
  auto winner = [this](Index a, Index b, Rng& rng) -> Index {
    if (cv_[a] > 0.0 || cv_[b] > 0.0) {
      if (cv_[a] != cv_[b]) return cv_[a] < cv_[b] ? a : b;
      return rng.bernoulli(0.5) ? a : b;
    }
    if (dominates(F_.row(a), F_.row(b))) return a;
    if (dominates(F_.row(b), F_.row(a))) return b;
    if (crowding_[a] != crowding_[b]) return crowding_[a] > crowding_[b] ? a : b;
    return rng.bernoulli(0.5) ? a : b;
  };
  auto select_parents = [&](Index k) { return binary_tournament(k, X_.rows(), winner, rng_); };
  return mate(n, select_parents, options_.variation.crossover, options_.variation.mutation,
              options_.variation.eliminate_duplicates);
}

void NSGA2::survive(const Matrix& Xo, const Matrix& Fo, const Matrix& Go) {
  const auto [X, F, G, cv] = combine_with(Xo, Fo, Go);
  select(X, F, G, cv);
}

void NSGA2::select(const Matrix& X, const Matrix& F, const Matrix& G, const Vector& cv) {
  const Index n_survive = std::min<Index>(options_.pop_size, X.rows());
  const auto fronts = constrained_fronts(F, cv, n_survive);
  std::vector<Index> survivors, rank;
  std::vector<double> crowd;
  for (std::size_t r = 0; r < fronts.size() && static_cast<Index>(survivors.size()) < n_survive; ++r) {
    const auto& front = fronts[r];
    const Matrix front_f = F(front, Eigen::all);
    const Vector cd = crowding_distance(front_f);
    std::vector<Index> order(front.size());
    std::iota(order.begin(), order.end(), Index{0});
    const Index room = n_survive - static_cast<Index>(survivors.size());
    if (static_cast<Index>(front.size()) > room) {
      // Largest crowding first; equal distances in random order.
      std::shuffle(order.begin(), order.end(), rng_);
      std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return cd[a] > cd[b]; });
      order.resize(static_cast<std::size_t>(room));
    }
    for (Index k : order) {
      survivors.push_back(front[static_cast<std::size_t>(k)]);
      rank.push_back(static_cast<Index>(r));
      crowd.push_back(cd[k]);
    }
  }
  keep_rows(X, F, G, cv, survivors);
  rank_ = std::move(rank);
  crowding_ = Eigen::Map<const Vector>(crowd.data(), static_cast<Index>(crowd.size()));
}

void NSGA2::save_extra(nlohmann::json& state) const {
  state["rank"] = detail::indices_to_json(rank_);
  state["crowding"] = detail::vector_to_json(crowding_);
}

void NSGA2::load_extra(const nlohmann::json& state) {
  rank_ = detail::indices_from_json(detail::member(state, "rank"), "rank");
  crowding_ = detail::vector_from_json(detail::member(state, "crowding"), "crowding");
  if (static_cast<Index>(rank_.size()) != X_.rows() || crowding_.size() != X_.rows())
    throw InputError("rank and crowding do not match the population", Location::of_field("rank"));
}

}  // namespace paretokit
