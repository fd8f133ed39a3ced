// Polynomial mutation (Deb and Goyal 1996), bounded form as in pymoo's PM
// (see operators/polynomial_mutation.hpp). O(n d).
#include "paretokit/operators/polynomial_mutation.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "paretokit/core/error.hpp"

namespace paretokit {

namespace {
// From this many rows on, the mutation runs in parallel.
constexpr Index parallel_rows = 4096;
}  // namespace

void validate(const PolynomialMutationOptions& options) {
  if (!(options.eta >= 0.0) || !std::isfinite(options.eta))
    throw InputError("mutation distribution index must be finite and >= 0", Location::of_field("eta_m"));
  if (!(options.prob >= 0.0 && options.prob <= 1.0))
    throw InputError("must be a probability in [0, 1]", Location::of_field("prob"));
  if (!(options.prob_var <= 1.0) || std::isnan(options.prob_var))
    throw InputError("must be a probability in [0, 1] (or negative for 1/n_var)",
                     Location::of_field("prob_m"));
}

void polynomial_mutation(MatrixMut X, const VectorRef& lower, const VectorRef& upper,
                         const PolynomialMutationOptions& options, Rng& rng) {
  validate(options);
  if (X.cols() != lower.size() || lower.size() != upper.size())
    throw InputError("mutation bounds do not match the number of variables", Location::of_field("bounds"));
  const Index d = X.cols();
  if (d == 0) return;
  const double prob_var =
      options.prob_var < 0.0 ? std::min(0.5, 1.0 / static_cast<double>(d)) : options.prob_var;
  const double power = 1.0 / (options.eta + 1.0);
  auto mutate = [&](Index i, Index j, double u) {
    const double xl = lower[j];
    const double xu = upper[j];
    const double x = X(i, j);
    const double width = xu - xl;
    double delta_q;
    if (u <= 0.5) {
      const double delta1 = (x - xl) / width;
      const double val = 2.0 * u + (1.0 - 2.0 * u) * std::pow(1.0 - delta1, options.eta + 1.0);
      delta_q = std::pow(val, power) - 1.0;
    } else {
      const double delta2 = (xu - x) / width;
      const double val = 2.0 * (1.0 - u) + 2.0 * (u - 0.5) * std::pow(1.0 - delta2, options.eta + 1.0);
      delta_q = 1.0 - std::pow(val, power);
    }
    X(i, j) = std::clamp(x + delta_q * width, xl, xu);
  };
  // Two draws per variable of a selected row, whether it mutates or not.
  auto mutate_row = [&](Index i, Rng& stream) {
    for (Index j = 0; j < d; ++j) {
      const double mutate_draw = stream.uniform();
      const double u = stream.uniform();
      if (!(mutate_draw < prob_var) || lower[j] == upper[j]) continue;
      mutate(i, j, u);
    }
  };
  if (X.rows() < parallel_rows) {
    for (Index i = 0; i < X.rows(); ++i)
      if (rng.uniform() < options.prob) mutate_row(i, rng);
    return;
  }
  // Large batches: the selected rows and the generator's state at their
  // first draw in one sequential pass (the stream advances as above), then
  // the rows in parallel, each replaying its draws: the same result
  // whatever the thread count.
  struct Start {
    Index i;
    Rng::State state;
  };
  std::vector<Start> starts;
  for (Index i = 0; i < X.rows(); ++i) {
    if (!(rng.uniform() < options.prob)) continue;
    starts.push_back({i, rng.state()});
    for (Index t = 0; t < 2 * d; ++t) rng.next();
  }
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, starts.size(), 1024),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      Rng local;
                      for (std::size_t s = range.begin(); s < range.end(); ++s) {
                        local.set_state(starts[s].state);
                        mutate_row(starts[s].i, local);
                      }
                    });
}

}  // namespace paretokit
