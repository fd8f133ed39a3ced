// HypE (Bader and Zitzler 2011); see algorithms/hype.hpp.
#include "paretokit/algorithms/hype.hpp"

#include <algorithm>
#include <numeric>

#include "front_truncation.hpp"
#include "params.hpp"
#include "paretokit/algorithms/constrained_dominance.hpp"
#include "paretokit/algorithms/hype_fitness.hpp"
#include "paretokit/algorithms/hype_truncation.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/operators/selection.hpp"

namespace paretokit {

HypE::HypE(Options options) : options_(std::move(options)) {
  if (options_.pop_size < 2) throw InputError("pop_size must be >= 2", Location::of_field("pop_size"));
  if (options_.n_samples < 1) throw InputError("n_samples must be >= 1", Location::of_field("n_samples"));
  if (!(options_.reference_offset > 0.0))
    throw InputError("reference_offset must be > 0", Location::of_field("reference_offset"));
  validate(options_.variation.crossover);
  validate(options_.variation.mutation);
}

HypE::Options HypE::options_from_json(const nlohmann::json& json) {
  const detail::Params params(
      json, "hype",
      detail::with_variation({"pop_size", "n_samples", "exact_max_objectives", "exact_max_points", "one_shot",
                              "incremental", "reference_offset"}));
  Options o;
  o.pop_size = params.integer("pop_size", o.pop_size, 2);
  o.n_samples = params.integer("n_samples", o.n_samples, 1);
  o.exact_max_objectives = params.integer("exact_max_objectives", o.exact_max_objectives, 0);
  o.exact_max_points = params.integer("exact_max_points", o.exact_max_points, 0);
  o.one_shot = params.boolean("one_shot", o.one_shot);
  o.incremental = params.boolean("incremental", o.incremental);
  o.reference_offset = params.number("reference_offset", o.reference_offset, 1e-9, 1e9);
  o.variation = detail::read_variation(params, o.variation);
  return o;
}

nlohmann::json HypE::options() const {
  nlohmann::json json{{"pop_size", options_.pop_size},
                      {"n_samples", options_.n_samples},
                      {"exact_max_objectives", options_.exact_max_objectives},
                      {"exact_max_points", options_.exact_max_points},
                      {"one_shot", options_.one_shot},
                      {"incremental", options_.incremental},
                      {"reference_offset", options_.reference_offset}};
  detail::write_variation(json, options_.variation);
  return json;
}

bool HypE::uses_exact(Index n_points) const {
  return n_obj_ <= options_.exact_max_objectives && n_points <= options_.exact_max_points;
}

Vector HypE::fitness(const MatrixRef& F, Index k) {
  const Vector reference = detail::offset_reference(F, options_.reference_offset);
  if (uses_exact(F.rows())) return hype_fitness_exact(F, reference, k);
  return hype_fitness_monte_carlo(F, reference, k, options_.n_samples, rng_);
}

Matrix HypE::make_offspring() {
  const Vector fit = fitness(F_, X_.rows());
  auto winner = [&](Index a, Index b, Rng& rng) -> Index {
    if ((cv_[a] > 0.0 || cv_[b] > 0.0) && cv_[a] != cv_[b]) return cv_[a] < cv_[b] ? a : b;
    if (fit[a] != fit[b]) return fit[a] > fit[b] ? a : b;
    return rng.bernoulli(0.5) ? a : b;
  };
  auto select_parents = [&](Index k) { return binary_tournament(k, X_.rows(), winner, rng_); };
  return mate(options_.pop_size, select_parents, options_.variation.crossover, options_.variation.mutation,
              options_.variation.eliminate_duplicates);
}

void HypE::survive(const Matrix& Xo, const Matrix& Fo, const Matrix& Go) {
  const auto [X, F, G, cv] = combine_with(Xo, Fo, Go);
  auto truncate = [&](const std::vector<Index>& front, Index n_keep) {
    std::vector<Index> kept = front;
    auto rows_of_kept = [&] {
      Matrix Ff(static_cast<Index>(kept.size()), n_obj_);
      for (std::size_t i = 0; i < kept.size(); ++i) Ff.row(static_cast<Index>(i)) = F.row(kept[i]);
      return Ff;
    };
    // Exact truncations only where every front fits the exact fitness
    // (2 * pop_size <= exact_max_points): a larger population truncates on
    // one sample set (and reference) per truncation, all the way down.
    const bool exact_everywhere = uses_exact(2 * options_.pop_size);
    if (options_.incremental && !options_.one_shot && static_cast<Index>(kept.size()) > n_keep &&
        !exact_everywhere) {
      const Matrix Ff = rows_of_kept();
      const Vector reference = detail::offset_reference(Ff, options_.reference_offset);
      HypeSampledTruncation truncation(Ff, reference, static_cast<Index>(kept.size()) - n_keep,
                                       options_.n_samples, rng_);
      while (truncation.remaining() > n_keep) truncation.remove_least_fit();
      std::vector<Index> next;
      for (std::size_t i = 0; i < kept.size(); ++i)
        if (!truncation.removed(static_cast<Index>(i))) next.push_back(kept[i]);
      kept = std::move(next);
    }
    while (static_cast<Index>(kept.size()) > n_keep) {
      const Index k = static_cast<Index>(kept.size()) - n_keep;
      const Vector fit = fitness(rows_of_kept(), k);
      std::vector<Index> order(kept.size());
      std::iota(order.begin(), order.end(), Index{0});
      // Least fit first (ties: lower index, deterministic).
      std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return fit[a] < fit[b]; });
      const Index n_remove = options_.one_shot ? k : 1;
      std::vector<char> remove(kept.size(), 0);
      for (Index r = 0; r < n_remove; ++r)
        remove[static_cast<std::size_t>(order[static_cast<std::size_t>(r)])] = 1;
      std::vector<Index> next;
      for (std::size_t i = 0; i < kept.size(); ++i)
        if (!remove[i]) next.push_back(kept[i]);
      kept = std::move(next);
    }
    return kept;
  };
  keep_rows(X, F, G, cv, detail::survive_by_fronts(F, cv, options_.pop_size, truncate));
}

}  // namespace paretokit
