// The ask/tell interface every optimizer implements (DESIGN.md section 3).
//
//   auto algorithm = make_algorithm("nsga3", params);   // registry (algorithms module)
//   algorithm->setup(problem, seed);
//   while (...) { Matrix X = algorithm->ask(); Evaluation e = problem.evaluate(X);
//                 algorithm->tell(X, e); }
//
// save_state()/load_state() capture everything, the random generator
// included, so that a resumed run continues exactly as an uninterrupted one.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

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

  virtual nlohmann::json save_state() const = 0;
  virtual void load_state(const nlohmann::json& state) = 0;
};

}  // namespace paretokit
