// Shared machinery of population-based algorithms; see
// algorithms/population_algorithm.hpp.
#include "paretokit/algorithms/population_algorithm.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "paretokit/algorithms/constrained_dominance.hpp"
#include "paretokit/algorithms/variation.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/operators/duplicates.hpp"
#include "paretokit/operators/sampling.hpp"
#include "state_json.hpp"

namespace paretokit {

Sampling sampling_from_string(const std::string& name) {
  if (name == "uniform" || name == "random") return Sampling::uniform;
  if (name == "lhs" || name == "latin_hypercube") return Sampling::latin_hypercube;
  if (name == "sobol") return Sampling::sobol;
  throw InputError("unknown sampling '" + name + "' (valid: uniform, lhs, sobol)",
                   Location::of_field("sampling"));
}

const char* to_string(Sampling sampling) {
  switch (sampling) {
    case Sampling::uniform:
      return "uniform";
    case Sampling::latin_hypercube:
      return "lhs";
    case Sampling::sobol:
      return "sobol";
  }
  return "?";
}

void PopulationAlgorithm::setup(const Problem& problem, std::uint64_t seed) {
  problem_ = &problem;
  seed_ = seed;
  rng_ = Rng(seed);
  n_var_ = problem.n_var();
  n_obj_ = problem.n_obj();
  n_constr_ = problem.n_constr();
  if (n_var_ <= 0 || n_obj_ <= 0)
    throw InputError("the problem needs at least one variable and one objective",
                     Location::of_field("problem"));
  coding_ = SpaceEncoding::of(problem, explicit_space_, SpaceEncoding::Mode::native_when_plain);
  lower_ = coding_.lower();
  upper_ = coding_.upper();
  X_.resize(0, n_var_);
  F_.resize(0, n_obj_);
  G_.resize(0, n_constr_);
  cv_.resize(0);
  X_values_.resize(0, n_var_);
  generation_ = 0;
  evaluations_ = 0;
  queued_.resize(0, n_var_);
  queued_tags_.clear();
  pending_.clear();
  held_.clear();
  next_ticket_ = 0;
  initial_drawn_ = false;
  on_setup();
}

bool PopulationAlgorithm::has_categorical_variables() const { return coding_.has_categorical_variables(); }

Matrix PopulationAlgorithm::canonical(const MatrixRef& Z) const { return coding_.canonical(Z); }

Matrix PopulationAlgorithm::draw_sample(Index n, Sampling kind) {
  Matrix Z;
  switch (kind) {
    case Sampling::uniform:
      Z = sample_uniform(n, lower_, upper_, rng_);
      break;
    case Sampling::latin_hypercube:
      Z = sample_latin_hypercube(n, lower_, upper_, rng_);
      break;
    case Sampling::sobol: {
      // The shift comes from the seed, not rng_, and the sequence skips the
      // points drawn so far: later batches (random search) continue it
      // (with partial batches, rows asked and not yet told are drawn too).
      Rng shift = Rng::stream(seed_, sobol_stream);
      const auto drawn =
          static_cast<std::uint64_t>(evaluations_ + static_cast<Index>(pending_.size()) + queued_.rows());
      Z = sample_sobol(n, lower_, upper_, shift, SobolOptions{1 + drawn, true});
      break;
    }
  }
  return canonical(Z);
}

Matrix PopulationAlgorithm::ask() {
  if (problem_ == nullptr) throw UsageError("ask() before setup()", Location::of_field("algorithm"));
  // Nothing told yet (or only empty batches): the initial sample.
  Matrix Z = X_.rows() == 0 ? draw_sample(initial_size(), sampling()) : make_offspring();
  // Every candidate of every algorithm passes here: forbidden rows are
  // repaired (a no-op drawing nothing for spaces without forbiddens).
  coding_.repair(Z, rng_);
  return coding_.decode(Z);
}

void PopulationAlgorithm::tell(const MatrixRef& X, const Evaluation& evaluation) {
  if (problem_ == nullptr) throw UsageError("tell() before setup()", Location::of_field("algorithm"));
  const Index n = X.rows();
  const Matrix& F = evaluation.objectives;
  Matrix G = evaluation.constraints;
  if (X.cols() != n_var_ || F.rows() != n || F.cols() != n_obj_)
    throw InputError("tell(): expected " + std::to_string(n) + " x " + std::to_string(n_obj_) +
                         " objectives for " + std::to_string(n) + " x " + std::to_string(n_var_) +
                         " decision vectors",
                     Location::of_field("objectives"));
  if (G.rows() == n && G.cols() == 0 && n_constr_ > 0) G = Matrix::Zero(n, n_constr_);
  if (G.rows() != n || G.cols() != n_constr_)
    throw InputError("tell(): expected " + std::to_string(n_constr_) + " constraint columns",
                     Location::of_field("constraints"));
  if (F.hasNaN()) throw InputError("tell(): an objective value is NaN", Location::of_field("objectives"));
  if (!evaluation.status.empty() && static_cast<Index>(evaluation.status.size()) != n)
    throw InputError("tell(): expected one status per row", Location::of_field("status"));
  ++generation_;
  evaluations_ += n;
  if (evaluation.all_succeeded()) {
    absorb(coding_.encode(X), F, std::move(G));
  } else {
    absorb_with_failures(X, evaluation, std::move(G));
  }
  if (coding_.encoded()) X_values_ = coding_.decode(X_);
}

void PopulationAlgorithm::absorb(Matrix Z, const Matrix& F, Matrix G) {
  if (X_.rows() == 0) {
    if (Z.rows() == 0) return;  // nothing succeeded yet: the next ask() samples again
    X_ = std::move(Z);
    F_ = F;
    G_ = std::move(G);
    cv_ = total_violation(F_, G_);
    on_initial_population();
  } else if (Z.rows() > 0) {
    survive(Z, F, G);
  }
}

// The rule of core/evaluation.hpp: failed rows read +inf (violation +inf);
// they are dropped unless the algorithm keeps every row in its slot.
void PopulationAlgorithm::absorb_with_failures(const MatrixRef& X, const Evaluation& evaluation, Matrix G) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  Matrix F = evaluation.objectives;
  std::vector<Index> kept;
  for (Index i = 0; i < X.rows(); ++i) {
    if (evaluation.failed(i)) {
      F.row(i).setConstant(inf);
      if (n_constr_ > 0) G.row(i).setConstant(inf);
      if (!keeps_failed_rows()) continue;
    }
    kept.push_back(i);
  }
  absorb(coding_.encode(X(kept, Eigen::all)), F(kept, Eigen::all), G(kept, Eigen::all));
}

Matrix PopulationAlgorithm::mate(Index n, const std::function<std::vector<Index>(Index)>& select,
                                 const SbxOptions& sbx_options, const PolynomialMutationOptions& pm_options,
                                 bool eliminate_duplicates) {
  Matrix offspring(0, n_var_);
  Matrix fallback(0, n_var_);
  for (int attempt = 0; attempt < 100 && offspring.rows() < n; ++attempt) {
    const Index remaining = n - offspring.rows();
    const Index n_matings = (remaining + 1) / 2;
    const std::vector<Index> parents = select(2 * n_matings);
    Matrix first(n_matings, n_var_), second(n_matings, n_var_);
    // Row copies in parallel (large populations): no draws, same result.
    tbb::parallel_for(tbb::blocked_range<Index>(0, n_matings, 4096),
                      [&](const tbb::blocked_range<Index>& range) {
                        for (Index k = range.begin(); k < range.end(); ++k) {
                          first.row(k) = X_.row(parents[static_cast<std::size_t>(2 * k)]);
                          second.row(k) = X_.row(parents[static_cast<std::size_t>(2 * k + 1)]);
                        }
                      });
    Matrix children = vary(first, second, sbx_options, pm_options);
    std::vector<Index> keep;
    if (eliminate_duplicates) {
      // New against the population and each other, then against the
      // offspring kept so far: the same rows as one pass against both,
      // without copying the population.
      keep = unique_rows(children, X_);
      if (offspring.rows() > 0) {
        std::vector<Index> second_pass = unique_rows(children(keep, Eigen::all), offspring);
        for (Index& k : second_pass) k = keep[static_cast<std::size_t>(k)];
        keep = std::move(second_pass);
      }
    } else {
      keep.resize(static_cast<std::size_t>(children.rows()));
      for (Index i = 0; i < children.rows(); ++i) keep[static_cast<std::size_t>(i)] = i;
    }
    const Index take = std::min<Index>(static_cast<Index>(keep.size()), remaining);
    Matrix grown(offspring.rows() + take, n_var_);
    grown.topRows(offspring.rows()) = offspring;
    tbb::parallel_for(tbb::blocked_range<Index>(0, take, 4096), [&](const tbb::blocked_range<Index>& range) {
      for (Index k = range.begin(); k < range.end(); ++k)
        grown.row(offspring.rows() + k) = children.row(keep[static_cast<std::size_t>(k)]);
    });
    offspring = std::move(grown);
    if (fallback.rows() == 0) fallback = std::move(children);  // not used below
  }
  // A space too small for n distinct offspring: fill up with duplicates.
  for (Index k = 0; offspring.rows() < n; ++k) {
    offspring.conservativeResize(offspring.rows() + 1, Eigen::NoChange);
    offspring.row(offspring.rows() - 1) = fallback.row(k % fallback.rows());
  }
  return offspring;
}

Matrix PopulationAlgorithm::vary(const MatrixRef& first, const MatrixRef& second,
                                 const SbxOptions& sbx_options, const PolynomialMutationOptions& pm_options) {
  return paretokit::vary(first, second, lower_, upper_, coding_.space(), sbx_options, pm_options, rng_);
}

PopulationAlgorithm::Combined PopulationAlgorithm::combine_with(const Matrix& Xo, const Matrix& Fo,
                                                                const Matrix& Go) const {
  Combined all{Matrix(X_.rows() + Xo.rows(), n_var_), Matrix(F_.rows() + Fo.rows(), n_obj_),
               Matrix(G_.rows() + Go.rows(), n_constr_), Vector(cv_.size() + Go.rows())};
  // The variables in parallel row blocks (large populations: most of the
  // bytes), the rest as it is.
  tbb::parallel_for(tbb::blocked_range<Index>(0, all.X.rows(), 8192),
                    [&](const tbb::blocked_range<Index>& range) {
                      for (Index i = range.begin(); i < range.end(); ++i)
                        all.X.row(i) = i < X_.rows() ? X_.row(i) : Xo.row(i - X_.rows());
                    });
  all.F << F_, Fo;
  if (n_constr_ > 0) all.G << G_, Go;
  all.cv << cv_, total_violation(Fo, Go);
  return all;
}
void PopulationAlgorithm::keep_rows(const Matrix& X, const Matrix& F, const Matrix& G, const Vector& cv,
                                    const std::vector<Index>& rows) {
  Matrix nx = X(rows, Eigen::all), nf = F(rows, Eigen::all), ng = G(rows, Eigen::all);
  Vector ncv = cv(rows);
  X_ = std::move(nx);
  F_ = std::move(nf);
  G_ = std::move(ng);
  cv_ = std::move(ncv);
}

nlohmann::json PopulationAlgorithm::resolved_options() const {
  nlohmann::json json = options();
  if (json.contains("pop_size") && n_obj_ > 0 && initial_size() > 0) json["pop_size"] = initial_size();
  return json;
}

nlohmann::json PopulationAlgorithm::save_state() const {
  nlohmann::json state{{"algorithm", name()},
                       {"options", options()},
                       {"seed", seed_},
                       {"n_var", n_var_},
                       {"n_obj", n_obj_},
                       {"n_constr", n_constr_},
                       {"generation", generation_},
                       {"evaluations", evaluations_},
                       {"rng", detail::rng_to_json(rng_)},
                       {"X", detail::matrix_to_json(X_)},
                       {"F", detail::matrix_to_json(F_)},
                       {"G", detail::matrix_to_json(G_)}};
  save_extra(state);
  if (next_ticket_ > 0) state["partial"] = save_partial();  // only when used: batch states keep their bytes
  return state;
}

void PopulationAlgorithm::load_state(const nlohmann::json& state) {
  using detail::member;
  if (problem_ == nullptr) throw UsageError("load_state() before setup()", Location::of_field("algorithm"));
  if (member(state, "algorithm") != name())
    throw InputError("the state belongs to '" + member(state, "algorithm").dump() + "', not '" + name() + "'",
                     Location::of_field("algorithm"));
  if (member(state, "n_var").get<Index>() != n_var_ || member(state, "n_obj").get<Index>() != n_obj_ ||
      member(state, "n_constr").get<Index>() != n_constr_)
    throw InputError("the state was saved for a problem of another shape", Location::of_field("n_var"));
  seed_ = member(state, "seed").get<std::uint64_t>();
  generation_ = member(state, "generation").get<Index>();
  evaluations_ = member(state, "evaluations").get<Index>();
  rng_ = detail::rng_from_json(member(state, "rng"), "rng");
  X_ = detail::matrix_from_json(member(state, "X"), "X");
  F_ = detail::matrix_from_json(member(state, "F"), "F");
  G_ = detail::matrix_from_json(member(state, "G"), "G");
  if (X_.rows() != F_.rows() || X_.rows() != G_.rows() ||
      (X_.rows() > 0 && (X_.cols() != n_var_ || F_.cols() != n_obj_ || G_.cols() != n_constr_)))
    throw InputError("population matrices of the state do not fit together", Location::of_field("X"));
  if (X_.rows() == 0) {
    X_.resize(0, n_var_);
    F_.resize(0, n_obj_);
    G_.resize(0, n_constr_);
  }
  cv_ = total_violation(F_, G_);
  if (coding_.encoded()) X_values_ = coding_.decode(X_);
  load_extra(state);
  load_partial(state);
}

}  // namespace paretokit
