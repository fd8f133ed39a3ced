// NSGA-III (Deb and Jain 2014) with pymoo's conventions; see algorithms/nsga3.hpp.
#include "paretokit/algorithms/nsga3.hpp"

#include <algorithm>
#include <numeric>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "niching.hpp"
#include "params.hpp"
#include "paretokit/algorithms/association.hpp"
#include "paretokit/algorithms/constrained_dominance.hpp"
#include "paretokit/algorithms/directions.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/operators/selection.hpp"
#include "paretokit/pareto/normalization.hpp"
#include "state_json.hpp"

namespace paretokit {

namespace {

std::vector<Index> partitions_from_json(const detail::Params& params) {
  if (!params.has("n_partitions")) return {};
  const auto& v = params.raw("n_partitions");
  if (v.is_number_integer()) return {v.get<Index>()};
  if (v.is_array() && (v.size() == 1 || v.size() == 2) &&
      std::all_of(v.begin(), v.end(), [](const nlohmann::json& x) { return x.is_number_integer(); }))
    return v.get<std::vector<Index>>();
  params.fail("n_partitions", "must be an integer or [outer, inner], got " + v.dump());
}

}  // namespace

NSGA3::NSGA3(Options options) : options_(std::move(options)) {
  if (options_.pop_size < 0) throw InputError("pop_size must be >= 0", Location::of_field("pop_size"));
  validate(options_.variation.crossover);
  validate(options_.variation.mutation);
}

NSGA3::Options NSGA3::options_from_json(const nlohmann::json& json) {
  const detail::Params params(json, "nsga3", detail::with_variation({"pop_size", "n_partitions"}));
  Options o;
  o.pop_size = params.integer("pop_size", o.pop_size, 0);
  o.n_partitions = partitions_from_json(params);
  o.variation = detail::read_variation(params, o.variation);
  return o;
}

nlohmann::json NSGA3::options() const {
  nlohmann::json json{{"pop_size", options_.pop_size}};
  if (options_.n_partitions.size() == 1) json["n_partitions"] = options_.n_partitions[0];
  if (options_.n_partitions.size() == 2) json["n_partitions"] = options_.n_partitions;
  detail::write_variation(json, options_.variation);
  return json;
}

void NSGA3::on_setup() {
  directions_ = choose_directions(n_obj_, options_.n_partitions, options_.pop_size);
  index_.emplace(directions_);
  pop_size_ = options_.pop_size > 0 ? options_.pop_size : population_for_directions(directions_.rows());
  ideal_ = Vector::Constant(n_obj_, std::numeric_limits<double>::infinity());
  worst_ = Vector::Constant(n_obj_, -std::numeric_limits<double>::infinity());
  nadir_ = Vector::Zero(n_obj_);
  extreme_.resize(0, n_obj_);
}

void NSGA3::on_initial_population() {
  const Matrix X = X_, F = F_, G = G_;
  const Vector cv = cv_;
  select(X, F, G, cv, X.rows());
}

Matrix NSGA3::make_offspring() {
  auto winner = [this](Index a, Index b, Rng& rng) -> Index {
    if ((cv_[a] > 0.0 || cv_[b] > 0.0) && cv_[a] != cv_[b]) return cv_[a] < cv_[b] ? a : b;
    return rng.bernoulli(0.5) ? a : b;
  };
  auto select_parents = [&](Index k) { return binary_tournament(k, X_.rows(), winner, rng_); };
  return mate(pop_size_, select_parents, options_.variation.crossover, options_.variation.mutation,
              options_.variation.eliminate_duplicates);
}

void NSGA3::survive(const Matrix& Xo, const Matrix& Fo, const Matrix& Go) {
  const auto [X, F, G, cv] = combine_with(Xo, Fo, Go);
  select(X, F, G, cv, std::min<Index>(pop_size_, X.rows()));
}

void NSGA3::update_normalization(const Matrix& F, const std::vector<Index>& rows,
                                 const std::vector<Index>& first_front) {
  // Every row feasible (the common case): F itself, not a copy.
  const bool all_rows = static_cast<Index>(rows.size()) == F.rows();
  Matrix copy;
  if (!all_rows) {
    copy.resize(static_cast<Index>(rows.size()), n_obj_);
    for (std::size_t k = 0; k < rows.size(); ++k) copy.row(static_cast<Index>(k)) = F.row(rows[k]);
  }
  const Matrix& Fs = all_rows ? F : copy;
  Vector front_worst = Vector::Constant(n_obj_, -std::numeric_limits<double>::infinity());
  for (Index i : first_front) front_worst = front_worst.cwiseMax(F.row(i).transpose());
  ideal_ = ideal_.cwiseMin(Fs.colwise().minCoeff().transpose());
  worst_ = worst_.cwiseMax(Fs.colwise().maxCoeff().transpose());
  extreme_ = extreme_points(Fs, ideal_, extreme_.rows() == n_obj_ ? &extreme_ : nullptr);
  nadir_ = hyperplane_nadir(extreme_, ideal_, worst_, front_worst, Fs.colwise().maxCoeff().transpose());
}

void NSGA3::select(const Matrix& X, const Matrix& F, const Matrix& G, const Vector& cv, Index n_survive) {
  std::vector<Index> feasible, infeasible;
  for (Index i = 0; i < X.rows(); ++i) (cv[i] > 0.0 ? infeasible : feasible).push_back(i);
  if (static_cast<Index>(feasible.size()) < n_survive) {
    // Every feasible row survives, then the least violating ones (pymoo).
    if (!feasible.empty()) update_normalization(F, feasible, constrained_fronts(F, cv, 1).front());
    std::stable_sort(infeasible.begin(), infeasible.end(), [&](Index a, Index b) { return cv[a] < cv[b]; });
    std::vector<Index> survivors = feasible;
    survivors.insert(
        survivors.end(), infeasible.begin(),
        infeasible.begin() + static_cast<std::ptrdiff_t>(n_survive - static_cast<Index>(feasible.size())));
    keep_rows(X, F, G, cv, survivors);
    return;
  }
  // Enough feasible rows: the fronts below all lie in the feasible set.
  const auto fronts = constrained_fronts(F, cv, n_survive);
  update_normalization(F, feasible, fronts.front());

  std::vector<Index> considered;
  for (const auto& front : fronts) considered.insert(considered.end(), front.begin(), front.end());
  const auto n_last = static_cast<Index>(fronts.back().size());
  const Index n_before = static_cast<Index>(considered.size()) - n_last;
  if (static_cast<Index>(considered.size()) == n_survive) {
    keep_rows(X, F, G, cv, considered);
    return;
  }
  // Normalize (pymoo: a zero range divides by 1e-12) and associate.
  Matrix N(static_cast<Index>(considered.size()), n_obj_);
  RowVector denominator = (nadir_ - ideal_).transpose();
  for (Index j = 0; j < n_obj_; ++j)
    if (denominator[j] == 0.0) denominator[j] = 1e-12;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, considered.size(), 8192),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t k = range.begin(); k < range.end(); ++k)
                        N.row(static_cast<Index>(k)) =
                            (F.row(considered[k]) - ideal_.transpose()).cwiseQuotient(denominator);
                    });
  const Association assoc = index_->associate(N);

  std::vector<Index> niche_count(static_cast<std::size_t>(directions_.rows()), 0);
  for (Index k = 0; k < n_before; ++k)
    ++niche_count[static_cast<std::size_t>(assoc.niche[static_cast<std::size_t>(k)])];
  std::vector<Index> last_niche(static_cast<std::size_t>(n_last));
  std::vector<double> last_distance(static_cast<std::size_t>(n_last));
  for (Index k = 0; k < n_last; ++k) {
    last_niche[static_cast<std::size_t>(k)] = assoc.niche[static_cast<std::size_t>(n_before + k)];
    last_distance[static_cast<std::size_t>(k)] = assoc.distance[n_before + k];
  }
  const auto chosen = detail::niching(last_niche, last_distance, niche_count, n_survive - n_before, rng_);
  std::vector<Index> survivors(considered.begin(),
                               considered.begin() + static_cast<std::ptrdiff_t>(n_before));
  for (Index k : chosen) survivors.push_back(considered[static_cast<std::size_t>(n_before + k)]);
  keep_rows(X, F, G, cv, survivors);
}

void NSGA3::save_extra(nlohmann::json& state) const {
  state["ideal"] = detail::vector_to_json(ideal_);
  state["worst"] = detail::vector_to_json(worst_);
  state["nadir"] = detail::vector_to_json(nadir_);
  state["extreme_points"] = detail::matrix_to_json(extreme_);
}

void NSGA3::load_extra(const nlohmann::json& state) {
  ideal_ = detail::vector_from_json(detail::member(state, "ideal"), "ideal");
  worst_ = detail::vector_from_json(detail::member(state, "worst"), "worst");
  nadir_ = detail::vector_from_json(detail::member(state, "nadir"), "nadir");
  extreme_ = detail::matrix_from_json(detail::member(state, "extreme_points"), "extreme_points");
  if (ideal_.size() != n_obj_ || worst_.size() != n_obj_ || nadir_.size() != n_obj_ ||
      (extreme_.rows() != 0 && (extreme_.rows() != n_obj_ || extreme_.cols() != n_obj_)))
    throw InputError("normalization state does not match the number of objectives",
                     Location::of_field("ideal"));
  if (extreme_.rows() == 0) extreme_.resize(0, n_obj_);
}

}  // namespace paretokit
