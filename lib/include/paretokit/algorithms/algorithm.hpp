// The ask/tell interface every optimizer implements (DESIGN.md section 3).
//
//   auto algorithm = make_algorithm("nsga3", params);   // registry (algorithms module)
//   algorithm->setup(problem, seed);
//   while (...) { Matrix X = algorithm->ask(); Evaluation e = problem.evaluate(X);
//                 algorithm->tell(X, e); }
//
// save_state()/load_state() capture everything, the random generator
// included, so that a resumed run continues exactly as an uninterrupted one.
//
// Partial batches (steady state). An algorithm whose takes_partial_batches()
// is true can also be driven a few candidates at a time, with results told
// one by one in any order (SMS-EMOA, MOEA/D, random search):
//
//   Matrix X = algorithm->ask_partial(free_workers);   // row k: ticket next++
//   ... algorithm->tell_partial(ticket, x, one_row_evaluation);  // any order
//
// run() does so when the evaluator runs several trials at once
// (run/steady_state.hpp), so that no worker waits for the slowest trial of
// a generation. A run uses one style from setup() on, never both. Given
// the same sequence of ask_partial()/tell_partial() calls the algorithm is
// as deterministic as with ask()/tell(); with real asynchrony that sequence
// (the order results arrive in) depends on timing.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "paretokit/core/error.hpp"
#include "paretokit/core/matrix.hpp"
#include "paretokit/core/problem.hpp"

namespace paretokit {

class Algorithm {
 public:
  virtual ~Algorithm() = default;

  virtual std::string name() const = 0;
  // The options as JSON (pymoo names), as the registry accepts them.
  virtual nlohmann::json options() const = 0;
  // options() with what setup() chose filled in (NSGA-III's and MOEA/D's
  // "pop_size": 0, "from the directions", becomes the size they give), for
  // config.json and summary.json. options() keeps what was asked: it is what
  // a checkpoint compares.
  virtual nlohmann::json resolved_options() const { return options(); }

  // Binds the algorithm to a problem and seeds it; forgets any earlier run.
  virtual void setup(const Problem& problem, std::uint64_t seed) = 0;
  // The next batch of decision vectors to evaluate (rows).
  virtual Matrix ask() = 0;
  // The evaluated batch that ask() returned.
  virtual void tell(const MatrixRef& X, const Evaluation& evaluation) = 0;

  // Current population: decision vectors, objectives, constraints.
  virtual const Matrix& population_x() const = 0;
  virtual const Matrix& population_f() const = 0;
  virtual const Matrix& population_g() const = 0;

  // --- partial batches (see the top of this file) ---------------------------
  virtual bool takes_partial_batches() const { return false; }
  // Up to n (>= 1) new candidates, each pending until told. Tickets number
  // the rows ask_partial() returns, 0, 1, 2, ... from setup(). Fewer rows
  // (or none) while the algorithm needs pending results first (e.g. the rest
  // of its initial population); none while nothing is pending means it has
  // nothing more to propose.
  virtual Matrix ask_partial(Index /*n*/) {
    throw UsageError(name() + " takes whole batches only (ask/tell)", Location::of_field("algorithm"));
  }
  // The result of pending candidate `ticket`: x is its row as asked, the
  // evaluation has one row.
  virtual void tell_partial(std::int64_t /*ticket*/, const MatrixRef& /*x*/,
                            const Evaluation& /*evaluation*/) {
    throw UsageError(name() + " takes whole batches only (ask/tell)", Location::of_field("algorithm"));
  }
  // Candidates asked and not yet told.
  virtual Index pending() const { return 0; }

  // With partial batches the state also holds the pending candidates, so
  // that a resumed run can tell them.
  virtual nlohmann::json save_state() const = 0;
  virtual void load_state(const nlohmann::json& state) = 0;
};

}  // namespace paretokit
