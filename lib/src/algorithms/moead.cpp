// MOEA/D (Zhang and Li 2007), classic and tensor updates; see algorithms/moead.hpp.
#include "paretokit/algorithms/moead.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "params.hpp"
#include "paretokit/algorithms/constrained_dominance.hpp"
#include "paretokit/algorithms/directions.hpp"
#include "paretokit/algorithms/neighbors.hpp"
#include "paretokit/core/error.hpp"
#include "state_json.hpp"

namespace paretokit {

MOEAD::MOEAD(Options options) : options_(std::move(options)) {
  if (options_.pop_size < 0) throw InputError("pop_size must be >= 0", Location::of_field("pop_size"));
  if (options_.n_neighbors < 2)
    throw InputError("n_neighbors must be >= 2", Location::of_field("n_neighbors"));
  if (!(options_.prob_neighbor_mating >= 0.0 && options_.prob_neighbor_mating <= 1.0))
    throw InputError("must be a probability in [0, 1]", Location::of_field("prob_neighbor_mating"));
  if (options_.n_replace < 0) throw InputError("n_replace must be >= 0", Location::of_field("n_replace"));
  if (options_.batch_size < 0) throw InputError("batch_size must be >= 0", Location::of_field("batch_size"));
  if (!(options_.theta >= 0.0)) throw InputError("theta must be >= 0", Location::of_field("theta"));
  validate(options_.variation.crossover);
  validate(options_.variation.mutation);
}

MOEAD::Options MOEAD::options_from_json(const nlohmann::json& json) {
  const detail::Params params(
      json, "moead",
      detail::with_variation({"pop_size", "n_partitions", "n_neighbors", "prob_neighbor_mating", "n_replace",
                              "decomposition", "theta", "mode", "batch_size"}));
  Options o;
  o.pop_size = params.integer("pop_size", o.pop_size, 0);
  if (params.has("n_partitions")) {
    const auto& v = params.raw("n_partitions");
    if (v.is_number_integer())
      o.n_partitions = {v.get<Index>()};
    else if (v.is_array() && (v.size() == 1 || v.size() == 2) &&
             std::all_of(v.begin(), v.end(), [](const nlohmann::json& x) { return x.is_number_integer(); }))
      o.n_partitions = v.get<std::vector<Index>>();
    else
      params.fail("n_partitions", "must be an integer or [outer, inner], got " + v.dump());
  }
  o.n_neighbors = params.integer("n_neighbors", o.n_neighbors, 2);
  o.prob_neighbor_mating = params.number("prob_neighbor_mating", o.prob_neighbor_mating, 0.0, 1.0);
  o.n_replace = params.integer("n_replace", o.n_replace, 0);
  o.batch_size = params.integer("batch_size", o.batch_size, 0);
  if (params.has("decomposition"))
    o.decomposition =
        decomposition_from_string(params.choice("decomposition", "pbi", {"tchebycheff", "pbi"}));
  o.theta = params.number("theta", o.theta, 0.0, 1e6);
  o.mode = params.choice("mode", "classic", {"classic", "tensor"}) == "tensor" ? MoeadMode::tensor
                                                                               : MoeadMode::classic;
  o.variation = detail::read_variation(params, o.variation);
  return o;
}

nlohmann::json MOEAD::options() const {
  nlohmann::json json{{"pop_size", options_.pop_size},
                      {"n_neighbors", options_.n_neighbors},
                      {"prob_neighbor_mating", options_.prob_neighbor_mating},
                      {"n_replace", options_.n_replace},
                      {"theta", options_.theta},
                      {"mode", options_.mode == MoeadMode::tensor ? "tensor" : "classic"},
                      {"batch_size", options_.batch_size}};
  if (options_.n_partitions.size() == 1) json["n_partitions"] = options_.n_partitions[0];
  if (options_.n_partitions.size() == 2) json["n_partitions"] = options_.n_partitions;
  if (options_.decomposition) json["decomposition"] = to_string(*options_.decomposition);
  detail::write_variation(json, options_.variation);
  return json;
}

void MOEAD::on_setup() {
  directions_ = choose_directions(n_obj_, options_.n_partitions, options_.pop_size);
  if (directions_.rows() < 2)
    throw InputError("MOEA/D needs at least 2 directions", Location::of_field("n_partitions"));
  decomposition_ =
      options_.decomposition.value_or(n_obj_ >= 3 ? Decomposition::pbi : Decomposition::tchebycheff);
  neighbors_ = nearest_neighbors(directions_, std::min<Index>(options_.n_neighbors, directions_.rows()));
  tchebycheff_weights_ = tchebycheff_weights(directions_);  // the same values tchebycheff() uses
  ideal_ = Vector::Constant(n_obj_, std::numeric_limits<double>::infinity());
  order_.clear();
  permutation_.clear();
  cursor_ = 0;
}

void MOEAD::on_initial_population() { update_ideal(F_, cv_); }

void MOEAD::update_ideal(const Matrix& F, const Vector& cv) {
  // From feasible rows; from all rows while none has been feasible yet.
  const bool have_feasible = (cv.array() <= 0.0).any();
  for (Index i = 0; i < F.rows(); ++i)
    if (cv[i] <= 0.0 || (!have_feasible && !ideal_.allFinite()))
      ideal_ = ideal_.cwiseMin(F.row(i).transpose());
}

Matrix MOEAD::make_offspring() {
  return make_offspring_of(options_.batch_size > 0 ? options_.batch_size : directions_.rows());
}

Matrix MOEAD::make_partial_offspring(Index n) {
  return options_.mode == MoeadMode::classic ? make_offspring_of(n) : make_offspring();
}

Matrix MOEAD::make_offspring_of(Index limit) {
  const Index n_sub = directions_.rows();
  if (options_.mode == MoeadMode::classic) {
    // A pass visits every subproblem once, in a random order, batch by batch.
    if (cursor_ >= static_cast<Index>(permutation_.size())) {
      permutation_.resize(static_cast<std::size_t>(n_sub));
      std::iota(permutation_.begin(), permutation_.end(), Index{0});
      std::shuffle(permutation_.begin(), permutation_.end(), rng_);
      cursor_ = 0;
    }
    const Index left = n_sub - cursor_;
    const Index b = std::min(limit, left);
    order_.assign(permutation_.begin() + static_cast<std::ptrdiff_t>(cursor_),
                  permutation_.begin() + static_cast<std::ptrdiff_t>(cursor_ + b));
    cursor_ += b;
  } else {
    order_.resize(static_cast<std::size_t>(n_sub));
    std::iota(order_.begin(), order_.end(), Index{0});
  }
  const auto n = static_cast<Index>(order_.size());
  Matrix first(n, n_var_), second(n, n_var_);
  for (Index r = 0; r < n; ++r) {
    const auto& hood = neighbors_[static_cast<std::size_t>(order_[static_cast<std::size_t>(r)])];
    Index a, b;
    if (rng_.uniform() < options_.prob_neighbor_mating) {
      const auto size = static_cast<std::uint64_t>(hood.size());
      const auto i = rng_.below(size);
      auto j = rng_.below(size - 1);
      if (j >= i) ++j;
      a = hood[i];
      b = hood[j];
    } else {
      const auto size = static_cast<std::uint64_t>(X_.rows());
      a = static_cast<Index>(rng_.below(size));
      b = static_cast<Index>(rng_.below(size - 1));
      if (b >= a) ++b;
    }
    first.row(r) = X_.row(a);
    second.row(r) = X_.row(b);
  }
  if (has_categorical_variables()) {
    // vary() both children (categoricals by uniform crossover and random
    // reset, not SBX/PM on their encoding), then keep one at random.
    const Matrix children = vary(first, second, options_.variation.crossover, options_.variation.mutation);
    Matrix offspring(n, n_var_);
    for (Index i = 0; i < n; ++i) offspring.row(i) = children.row(rng_.bernoulli(0.5) ? i : n + i);
    return offspring;
  }
  // SBX keeping one of the two children at random (computes only that one).
  Matrix offspring = sbx_one_child(first, second, lower_, upper_, options_.variation.crossover, rng_);
  polynomial_mutation(offspring, lower_, upper_, options_.variation.mutation, rng_);
  return canonical(offspring);
}

inline bool MOEAD::improves(double g_off, double cv_off, double g_j, double cv_j) const {
  if (cv_off > 0.0 || cv_j > 0.0) return cv_off < cv_j;
  return g_off < g_j;
}

void MOEAD::survive(const Matrix& X, const Matrix& F, const Matrix& G) {
  if (X.rows() != static_cast<Index>(order_.size()))
    throw InputError(
        "MOEA/D tell() needs the " + std::to_string(order_.size()) + " offspring of the last ask()",
        Location::of_field("X"));
  const Vector cv = total_violation(F, G);
  if (options_.mode == MoeadMode::classic)
    survive_classic(X, F, G, cv);
  else
    survive_tensor(X, F, G, cv);
}

void MOEAD::survive_classic(const Matrix& X, const Matrix& F, const Matrix& G, const Vector& cv) {
  const Index cap = options_.n_replace > 0 ? options_.n_replace : std::numeric_limits<Index>::max();
  const bool tchebycheff = decomposition_ == Decomposition::tchebycheff;
  // Tchebycheff: an incumbent's value is kept until its row or the ideal
  // point changes (each subproblem is a neighbour of ~T offspring a
  // generation). Valid within this call only.
  const auto n_sub = static_cast<std::size_t>(directions_.rows());
  incumbent_g_.assign(n_sub, 0.0);
  incumbent_known_.assign(n_sub, 0);
  // tchebycheff() element by element: max_o |f_o - z_o| w_o; a maximum does
  // not depend on the order, so the values are the same bits. The
  // distances |f_o - z_o| of the offspring are taken once per row.
  auto weighted_max = [&](const double* distance, Index j) {
    double g = 0.0;
    for (Index o = 0; o < n_obj_; ++o) g = std::max(g, distance[o] * tchebycheff_weights_(j, o));
    return g;
  };
  auto tchebycheff_of = [&](const auto& f, Index j) {
    double g = 0.0;
    for (Index o = 0; o < n_obj_; ++o)
      g = std::max(g, std::abs(f(o) - ideal_[o]) * tchebycheff_weights_(j, o));
    return g;
  };
  offspring_distance_.resize(n_obj_);
  for (Index r = 0; r < X.rows(); ++r) {
    // update_ideal() of this one row (cwiseMin is std::min(ideal, f) per
    // objective), without the temporaries.
    if (cv[r] <= 0.0 || !ideal_.allFinite()) {
      bool moved = false;
      for (Index o = 0; o < n_obj_; ++o) {
        if (F(r, o) < ideal_[o]) {
          ideal_[o] = F(r, o);
          moved = true;
        }
      }
      if (moved && tchebycheff) incumbent_known_.assign(n_sub, 0);
    }
    const auto& hood = neighbors_[static_cast<std::size_t>(order_[static_cast<std::size_t>(r)])];
    const auto t = static_cast<Index>(hood.size());
    if (tchebycheff) {
      // One pass: the neighbours are distinct, so replacing one changes no
      // other's value within this row; values past the cap are never used.
      for (Index o = 0; o < n_obj_; ++o) offspring_distance_[o] = std::abs(F(r, o) - ideal_[o]);
      Index replaced = 0;
      for (Index k = 0; k < t && replaced < cap; ++k) {
        const Index j = hood[static_cast<std::size_t>(k)];
        const auto slot = static_cast<std::size_t>(j);
        if (!incumbent_known_[slot]) {
          incumbent_g_[slot] = tchebycheff_of(F_.row(j), j);
          incumbent_known_[slot] = 1;
        }
        const double g_offspring = weighted_max(offspring_distance_.data(), j);
        if (!improves(g_offspring, cv[r], incumbent_g_[slot], cv_[j])) continue;
        X_.row(j) = X.row(r);
        F_.row(j) = F.row(r);
        if (n_constr_ > 0) G_.row(j) = G.row(r);
        cv_[j] = cv[r];
        // Its new value is the offspring's, computed with the same ideal point.
        incumbent_g_[slot] = g_offspring;
        ++replaced;
      }
      continue;
    }
    const Matrix Fn = F_(hood, Eigen::all), Wn = directions_(hood, Eigen::all);
    g_incumbent_ = decompose(decomposition_, Fn, Wn, ideal_, options_.theta);
    g_offspring_ = decompose(decomposition_, F.row(r).replicate(t, 1), Wn, ideal_, options_.theta);
    Index replaced = 0;
    for (Index k = 0; k < t && replaced < cap; ++k) {
      const Index j = hood[static_cast<std::size_t>(k)];
      if (!improves(g_offspring_[k], cv[r], g_incumbent_[k], cv_[j])) continue;
      X_.row(j) = X.row(r);
      F_.row(j) = F.row(r);
      if (n_constr_ > 0) G_.row(j) = G.row(r);
      cv_[j] = cv[r];
      ++replaced;
    }
  }
}

void MOEAD::survive_tensor(const Matrix& X, const Matrix& F, const Matrix& G, const Vector& cv) {
  update_ideal(F, cv);
  const Index n = X.rows();
  const auto t = static_cast<Index>(neighbors_.front().size());
  const Index cap = options_.n_replace > 0 ? std::min(options_.n_replace, t) : t;
  // All (offspring, neighbour) pairs as one batch of rows.
  Matrix Fp(n * t, n_obj_), Wp(n * t, n_obj_);
  for (Index r = 0; r < n; ++r) {
    const auto& hood = neighbors_[static_cast<std::size_t>(order_[static_cast<std::size_t>(r)])];
    for (Index k = 0; k < t; ++k) {
      Fp.row(r * t + k) = F.row(r);
      Wp.row(r * t + k) = directions_.row(hood[static_cast<std::size_t>(k)]);
    }
  }
  const Vector g_pairs = decompose(decomposition_, Fp, Wp, ideal_, options_.theta);
  const Vector g_incumbent = decompose(decomposition_, F_, directions_, ideal_, options_.theta);
  // Best improving offspring of every subproblem.
  std::vector<Index> best(static_cast<std::size_t>(directions_.rows()), -1);
  Vector best_g = g_incumbent, best_cv = cv_;
  for (Index r = 0; r < n; ++r) {
    const auto& hood = neighbors_[static_cast<std::size_t>(order_[static_cast<std::size_t>(r)])];
    Index counted = 0;
    for (Index k = 0; k < t && counted < cap; ++k) {
      const Index j = hood[static_cast<std::size_t>(k)];
      const double g = g_pairs[r * t + k];
      if (!improves(g, cv[r], g_incumbent[j], cv_[j])) continue;
      ++counted;
      if (best[static_cast<std::size_t>(j)] < 0 || improves(g, cv[r], best_g[j], best_cv[j])) {
        best[static_cast<std::size_t>(j)] = r;
        best_g[j] = g;
        best_cv[j] = cv[r];
      }
    }
  }
  for (Index j = 0; j < directions_.rows(); ++j) {
    const Index r = best[static_cast<std::size_t>(j)];
    if (r < 0) continue;
    X_.row(j) = X.row(r);
    F_.row(j) = F.row(r);
    if (n_constr_ > 0) G_.row(j) = G.row(r);
    cv_[j] = cv[r];
  }
}

void MOEAD::save_extra(nlohmann::json& state) const {
  state["ideal"] = detail::vector_to_json(ideal_);
  state["permutation"] = detail::indices_to_json(permutation_);
  state["cursor"] = cursor_;
}

void MOEAD::load_extra(const nlohmann::json& state) {
  ideal_ = detail::vector_from_json(detail::member(state, "ideal"), "ideal");
  if (ideal_.size() != n_obj_) throw InputError("ideal point of the wrong size", Location::of_field("ideal"));
  permutation_ = detail::indices_from_json(detail::member(state, "permutation"), "permutation");
  cursor_ = detail::member(state, "cursor").get<Index>();
  if (cursor_ < 0 || cursor_ > static_cast<Index>(permutation_.size()))
    throw InputError("cursor outside the permutation", Location::of_field("cursor"));
}

}  // namespace paretokit
