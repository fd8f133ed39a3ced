// PopulationAlgorithm: what every population-based algorithm of this module
// shares, so that each algorithm file holds only its own selection and
// survival.
//
// - setup() binds the problem, seeds the Rng and clears the population.
// - ask() returns the initial sample (pop_size rows; `sampling` uniform,
//   lhs or sobol) while the population is empty, offspring afterwards.
// - tell() takes the evaluated batch: the first one becomes the population,
//   later ones go through the algorithm's survival.
// - Optional mixed search spaces: with set_search_space() (before setup())
//   and a space that is not plain real, the algorithm searches the encoded
//   unit cube (SearchSpace::encode) and ask() returns decoded rows;
//   categorical variables cross and mutate as categories, the others by SBX
//   and PM on the encoding (algorithms/variation.hpp); offspring are
//   canonicalized (encode(decode(z))) so that duplicates are detected on the
//   values the problem sees. Without one (or with a plain real space) the
//   algorithm works on the problem's box directly, at no extra cost.
//   The encoding is a SpaceEncoding (algorithms/space_encoding.hpp), the
//   adaptor SurrogateAlgorithm shares. Conditions and forbiddens of the
//   space: decode/encode give inactive
//   variables their canonical value, and ask() repairs every forbidden
//   candidate (SearchSpace::repair, from the algorithm's Rng), so no
//   algorithm ever asks for a forbidden configuration.
//
// Partial batches (algorithm.hpp; population_algorithm_partial.cpp), for
// the algorithms that opt in with takes_partial_batches():
// - ask_partial(n) hands out the initial sample a few rows at a time, then
//   offspring made by make_partial_offspring() (default: make_offspring())
//   from the population as it stands; rows made and not yet asked for wait
//   in a queue, so nothing is drawn twice.
// - tell_partial() keeps the initial sample's results until all are back,
//   then tells them as one batch in ticket order (the initial population
//   does not depend on arrival order); each later result is told alone, as
//   a batch of one row (survival of mu + 1).
//
// save_state() may be called between tell() and the next ask(); it holds the
// population, the counters, the Rng and each algorithm's own state. To resume:
// setup(problem, any_seed) then load_state(state); the run then continues
// bit for bit as the uninterrupted one.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "paretokit/algorithms/algorithm.hpp"
#include "paretokit/algorithms/space_encoding.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/core/search_space.hpp"
#include "paretokit/operators/polynomial_mutation.hpp"
#include "paretokit/operators/sbx.hpp"

namespace paretokit {

// How the initial population is drawn.
enum class Sampling { uniform, latin_hypercube, sobol };
Sampling sampling_from_string(const std::string& name);  // "uniform", "lhs", "sobol"
const char* to_string(Sampling sampling);

class PopulationAlgorithm : public Algorithm {
 public:
  void setup(const Problem& problem, std::uint64_t seed) final;
  Matrix ask() final;
  void tell(const MatrixRef& X, const Evaluation& evaluation) final;

  const Matrix& population_x() const final { return coding_.encoded() ? X_values_ : X_; }
  const Matrix& population_f() const final { return F_; }
  const Matrix& population_g() const final { return G_; }

  Matrix ask_partial(Index n) final;
  void tell_partial(std::int64_t ticket, const MatrixRef& x, const Evaluation& evaluation) final;
  Index pending() const final { return static_cast<Index>(pending_.size()); }

  nlohmann::json save_state() const final;
  void load_state(const nlohmann::json& state) final;
  // After setup(): "pop_size" is the size of the initial batch.
  nlohmann::json resolved_options() const override;

  // Searches a mixed space (see above); call before setup().
  // Overrides the problem's own search_space() (if any) from the next setup().
  void set_search_space(SearchSpace space) { explicit_space_ = std::move(space); }

  Index generation() const { return generation_; }    // tells so far (1 after the initial batch)
  Index evaluations() const { return evaluations_; }  // rows told so far

 protected:
  // --- what each algorithm provides -------------------------------------
  virtual Index initial_size() const = 0;  // size of the initial batch
  virtual Sampling sampling() const { return Sampling::uniform; }
  virtual void on_setup() {}               // e.g. reference directions, neighbourhoods
  virtual void on_initial_population() {}  // after the first tell: e.g. ranks, ideal point
  virtual Matrix make_offspring() = 0;     // internal coordinates
  // The evaluated offspring (internal coordinates); updates X_, F_, G_, cv_.
  virtual void survive(const Matrix& X, const Matrix& F, const Matrix& G) = 0;
  // Failed rows (core/evaluation.hpp) are dropped before survive() unless
  // this says true (MOEA/D: offspring i belongs to subproblem i); kept rows
  // read +inf, constraints included, and have violation +inf.
  virtual bool keeps_failed_rows() const { return false; }
  // Partial batches: offspring for at most n asks (more are queued), the
  // slot of offspring row r of the last make_offspring/make_partial_offspring
  // (MOEA/D: its subproblem; -1: none), and the slot of the one row about to
  // be told alone.
  virtual Matrix make_partial_offspring(Index /*n*/) { return make_offspring(); }
  virtual Index offspring_slot(Index /*row*/) const { return -1; }
  virtual void prepare_partial_tell(Index /*slot*/) {}
  virtual void save_extra(nlohmann::json& /*state*/) const {}
  virtual void load_extra(const nlohmann::json& /*state*/) {}

  // --- helpers -------------------------------------------------------------
  // pymoo's mating loop: select 2 ceil(k/2) parents, vary() them, drop
  // duplicates (of each other and of the population) when asked, and
  // repeat (at most 100 times) until n offspring exist.
  Matrix mate(Index n, const std::function<std::vector<Index>(Index)>& select, const SbxOptions& sbx_options,
              const PolynomialMutationOptions& pm_options, bool eliminate_duplicates);
  // SBX and PM of row pairs, per kind of variable of the space in use, the
  // children canonical (algorithms/variation.hpp's vary()).
  Matrix vary(const MatrixRef& first, const MatrixRef& second, const SbxOptions& sbx_options,
              const PolynomialMutationOptions& pm_options);
  // n points of the given kind within the bounds, canonical; Sobol' points
  // continue the sequence after the evaluations so far.
  Matrix draw_sample(Index n, Sampling kind);
  // True when the space in use has a categorical variable (vary() then
  // treats those apart from SBX/PM).
  bool has_categorical_variables() const;
  // Rows of internal coordinates mapped to canonical encodings (identity when
  // not encoded).
  Matrix canonical(const MatrixRef& Z) const;
  // The population stacked over the evaluated offspring (mu + lambda), with
  // the total constraint violation of every row: what survival selects from.
  struct Combined {
    Matrix X, F, G;
    Vector cv;
  };
  Combined combine_with(const Matrix& Xo, const Matrix& Fo, const Matrix& Go) const;
  // Keeps the given rows of the stacked [population; offspring].
  void keep_rows(const Matrix& X, const Matrix& F, const Matrix& G, const Vector& cv,
                 const std::vector<Index>& rows);

  // Rng stream (of the seed) that scrambles Sobol' samples.
  static constexpr std::uint64_t sobol_stream = 0x50b0;

  const Problem* problem_ = nullptr;
  Rng rng_;
  std::uint64_t seed_ = 0;
  Index n_var_ = 0, n_obj_ = 0, n_constr_ = 0;
  Vector lower_, upper_;  // bounds of the internal coordinates
  Matrix X_, F_, G_;      // population (X_ in internal coordinates)
  Vector cv_;             // total constraint violation of each member
  Index generation_ = 0;
  Index evaluations_ = 0;

 private:
  // tell()'s two paths: every row succeeded (the usual case), or some failed.
  void absorb(Matrix Z, const Matrix& F, Matrix G);
  void absorb_with_failures(const MatrixRef& X, const Evaluation& evaluation, Matrix G);

  // Partial batches (population_algorithm_partial.cpp).
  struct Pending {
    Index slot = -1;
    bool initial = false;  // a row of the initial sample
  };
  struct HeldResult {  // an initial row told before the rest of the sample
    RowVector x, f, g;
    TrialStatus status = TrialStatus::success;
    std::string message;
  };
  void queue_rows(const Matrix& Z, bool initial);
  void tell_initial_sample();
  nlohmann::json save_partial() const;
  void load_partial(const nlohmann::json& state);
  Matrix queued_;  // made, not yet asked for (internal coordinates)
  std::vector<Pending> queued_tags_;
  std::map<std::int64_t, Pending> pending_;  // asked, not yet told, by ticket
  std::map<std::int64_t, HeldResult> held_;  // initial sample told so far
  std::int64_t next_ticket_ = 0;
  bool initial_drawn_ = false;

  std::optional<SearchSpace> explicit_space_;  // set_search_space()
  SpaceEncoding coding_;  // of the space in use: explicit, else the problem's (native when plain)
  Matrix X_values_;       // decoded population when coding_.encoded()
};

}  // namespace paretokit
