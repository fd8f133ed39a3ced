// Random search; see algorithms/random_search.hpp.
#include "paretokit/algorithms/random_search.hpp"

#include "params.hpp"
#include "paretokit/algorithms/constrained_dominance.hpp"
#include "paretokit/core/error.hpp"

namespace paretokit {

RandomSearch::RandomSearch(Options options) : options_(options) {
  if (options_.pop_size < 1) throw InputError("pop_size must be >= 1", Location::of_field("pop_size"));
}

RandomSearch::Options RandomSearch::options_from_json(const nlohmann::json& json) {
  const detail::Params params(json, "random", {"pop_size", "sampling"});
  Options o;
  o.pop_size = params.integer("pop_size", o.pop_size, 1);
  o.sampling =
      sampling_from_string(params.choice("sampling", to_string(o.sampling), {"uniform", "lhs", "sobol"}));
  return o;
}

nlohmann::json RandomSearch::options() const {
  return {{"pop_size", options_.pop_size}, {"sampling", to_string(options_.sampling)}};
}

void RandomSearch::on_initial_population() {
  const Matrix X = X_, F = F_, G = G_;
  keep_nondominated(X, F, G);
}

Matrix RandomSearch::make_offspring() { return draw_sample(options_.pop_size, options_.sampling); }

void RandomSearch::survive(const Matrix& Xo, const Matrix& Fo, const Matrix& Go) {
  Matrix X(X_.rows() + Xo.rows(), n_var_), F(F_.rows() + Fo.rows(), n_obj_),
      G(G_.rows() + Go.rows(), n_constr_);
  X << X_, Xo;
  F << F_, Fo;
  if (n_constr_ > 0) G << G_, Go;
  keep_nondominated(X, F, G);
}

void RandomSearch::keep_nondominated(const Matrix& X, const Matrix& F, const Matrix& G) {
  const Vector cv = total_violation(F, G);
  const auto fronts = constrained_fronts(F, cv, 1);
  keep_rows(X, F, G, cv, fronts.empty() ? std::vector<Index>{} : fronts.front());
}

}  // namespace paretokit
