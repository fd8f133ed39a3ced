// SMS-EMOA (Beume et al. 2007); see algorithms/smsemoa.hpp.
#include "paretokit/algorithms/smsemoa.hpp"

#include <algorithm>

#include "front_truncation.hpp"
#include "params.hpp"
#include "paretokit/algorithms/constrained_dominance.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/indicators/hypervolume.hpp"
#include "paretokit/operators/selection.hpp"
#include "paretokit/pareto/dominance.hpp"

namespace paretokit {

SMSEMOA::SMSEMOA(Options options) : options_(std::move(options)) {
  if (options_.pop_size < 2) throw InputError("pop_size must be >= 2", Location::of_field("pop_size"));
  if (options_.n_offsprings < 1)
    throw InputError("n_offsprings must be >= 1", Location::of_field("n_offsprings"));
  if (!(options_.reference_offset > 0.0))
    throw InputError("reference_offset must be > 0", Location::of_field("reference_offset"));
  validate(options_.variation.crossover);
  validate(options_.variation.mutation);
}

SMSEMOA::Options SMSEMOA::options_from_json(const nlohmann::json& json) {
  const detail::Params params(json, "smsemoa",
                              detail::with_variation({"pop_size", "n_offsprings", "reference_offset"}));
  Options o;
  o.pop_size = params.integer("pop_size", o.pop_size, 2);
  o.n_offsprings = params.integer("n_offsprings", o.n_offsprings, 1);
  o.reference_offset = params.number("reference_offset", o.reference_offset, 1e-9, 1e9);
  o.variation = detail::read_variation(params, o.variation);
  return o;
}

nlohmann::json SMSEMOA::options() const {
  nlohmann::json json{{"pop_size", options_.pop_size},
                      {"n_offsprings", options_.n_offsprings},
                      {"reference_offset", options_.reference_offset}};
  detail::write_variation(json, options_.variation);
  return json;
}

Matrix SMSEMOA::make_offspring() {
  auto winner = [this](Index a, Index b, Rng& rng) -> Index {
    if ((cv_[a] > 0.0 || cv_[b] > 0.0) && cv_[a] != cv_[b]) return cv_[a] < cv_[b] ? a : b;
    if (cv_[a] <= 0.0 && cv_[b] <= 0.0) {
      if (dominates(F_.row(a), F_.row(b))) return a;
      if (dominates(F_.row(b), F_.row(a))) return b;
    }
    return rng.bernoulli(0.5) ? a : b;
  };
  auto select_parents = [&](Index k) { return binary_tournament(k, X_.rows(), winner, rng_); };
  return mate(options_.n_offsprings, select_parents, options_.variation.crossover,
              options_.variation.mutation, options_.variation.eliminate_duplicates);
}

void SMSEMOA::survive(const Matrix& Xo, const Matrix& Fo, const Matrix& Go) {
  const auto [X, F, G, cv] = combine_with(Xo, Fo, Go);
  auto truncate = [&](const std::vector<Index>& front, Index n_keep) {
    std::vector<Index> kept = front;
    while (static_cast<Index>(kept.size()) > n_keep) {
      Matrix Ff(static_cast<Index>(kept.size()), n_obj_);
      for (std::size_t i = 0; i < kept.size(); ++i) Ff.row(static_cast<Index>(i)) = F.row(kept[i]);
      const Vector contribution =
          hypervolume_contributions(Ff, detail::offset_reference(Ff, options_.reference_offset));
      Index worst = 0;
      for (Index i = 1; i < contribution.size(); ++i)
        if (contribution[i] < contribution[worst]) worst = i;
      kept.erase(kept.begin() + worst);
    }
    return kept;
  };
  keep_rows(X, F, G, cv, detail::survive_by_fronts(F, cv, options_.pop_size, truncate));
}

}  // namespace paretokit
