// Shared machinery of the surrogate algorithms; see
// learning/surrogate_algorithm.hpp.
#include "paretokit/learning/surrogate_algorithm.hpp"

#include <cmath>

#include <tbb/parallel_for.h>

#include "../algorithms/state_json.hpp"
#include "paretokit/algorithms/constrained_dominance.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/operators/sampling.hpp"

namespace paretokit {

SurrogateAlgorithm::SurrogateAlgorithm(SurrogateOptions options) : base_options_(options) {
  if (options.n_init < 2) throw InputError("n_init must be >= 2", Location::of_field("n_init"));
  if (options.batch_size < 1) throw InputError("batch_size must be >= 1", Location::of_field("batch_size"));
}

nlohmann::json SurrogateAlgorithm::surrogate_options_json() const {
  return {{"n_init", base_options_.n_init},
          {"batch_size", base_options_.batch_size},
          {"max_variables", base_options_.max_variables},
          {"gp_starts", base_options_.gp.n_starts},
          {"gp_length_scale_prior", base_options_.gp.length_scale_prior_shape > 0},
          {"gp_max_length_scale", base_options_.gp.max_length_scale},
          {"gp_zero_mean", !base_options_.gp.center_outputs},
          {"standardize", base_options_.standardize}};
}

void SurrogateAlgorithm::setup(const Problem& problem, std::uint64_t seed) {
  problem_ = &problem;
  rng_ = Rng(seed);
  n_var_ = problem.n_var();
  n_obj_ = problem.n_obj();
  n_constr_ = problem.n_constr();
  if (n_var_ <= 0 || n_obj_ < 2)
    throw InputError(name() + " needs at least one variable and two objectives",
                     Location::of_field("problem"));
  if (n_var_ > base_options_.max_variables)
    throw InputError(
        name() + ": the problem has " + std::to_string(n_var_) +
            " variables, more than the Gaussian process is set to model (max_variables = " +
            std::to_string(base_options_.max_variables) +
            "); with a budget of ~100-200 evaluations a GP cannot learn more. Reduce the problem "
            "(e.g. --problem-params '{\"n_var\": 20}'), use an evolutionary algorithm (nsga2), "
            "or raise --algorithm-params '{\"max_variables\": N}' (slower, less reliable fits)",
        Location::of_field("max_variables"));
  coding_ = SpaceEncoding::of(problem, std::nullopt, SpaceEncoding::Mode::unit_cube);
  Z_.resize(0, n_var_);
  F_.resize(0, n_obj_);
  G_.resize(0, n_constr_);
  iteration_ = 0;
  hyper_.assign(static_cast<std::size_t>(n_obj_), std::nullopt);
  gps_.clear();
  gps_.resize(static_cast<std::size_t>(n_obj_));
  update_population();
  on_setup();
}

Matrix SurrogateAlgorithm::canonical(const MatrixRef& Z) const { return coding_.canonical(Z); }

Matrix SurrogateAlgorithm::ask() {
  if (problem_ == nullptr) throw UsageError("ask() before setup()", Location::of_field("algorithm"));
  Matrix Z;
  if (Z_.rows() == 0) {
    Z = sample_latin_hypercube(base_options_.n_init, Vector::Zero(n_var_), Vector::Ones(n_var_), rng_);
  } else {
    Z = propose(base_options_.batch_size);
  }
  // Into the cube, canonical, and never a forbidden configuration (repair
  // draws from rng_ only when a row is forbidden).
  Z = coding_.canonical(coding_.clip(Z));
  coding_.repair(Z, rng_);
  return coding_.decode(Z);
}

void SurrogateAlgorithm::tell(const MatrixRef& X, const Evaluation& evaluation) {
  if (problem_ == nullptr) throw UsageError("tell() before setup()", Location::of_field("algorithm"));
  const Index n = X.rows();
  const Matrix& F = evaluation.objectives;
  Matrix G = evaluation.constraints;
  if (X.cols() != n_var_ || F.rows() != n || F.cols() != n_obj_)
    throw InputError("tell(): expected " + std::to_string(n) + " x " + std::to_string(n_obj_) + " objectives",
                     Location::of_field("objectives"));
  if (G.rows() == n && G.cols() == 0 && n_constr_ > 0) G = Matrix::Zero(n, n_constr_);
  if (G.rows() != n || G.cols() != n_constr_)
    throw InputError("tell(): expected " + std::to_string(n_constr_) + " constraint columns",
                     Location::of_field("constraints"));
  if (n == 0) return;
  const bool initial = Z_.rows() == 0;
  const Matrix Z = coding_.encode(X);
  Matrix Zs(Z_.rows() + n, n_var_), Fs(F_.rows() + n, n_obj_), Gs(G_.rows() + n, n_constr_);
  Zs << Z_, Z;
  Fs << F_, F;
  if (n_constr_ > 0) Gs << G_, G;
  Z_ = std::move(Zs);
  F_ = std::move(Fs);
  G_ = std::move(Gs);
  if (!initial) ++iteration_;
  update_population();
}

void SurrogateAlgorithm::update_population() {
  finite_rows_.clear();
  for (Index i = 0; i < F_.rows(); ++i)
    if (F_.row(i).allFinite()) finite_rows_.push_back(i);
  const Matrix F = F_(finite_rows_, Eigen::all);
  const Matrix G = G_(finite_rows_, Eigen::all);
  const Vector cv = constraint_violation(G);
  std::vector<Index> keep;
  if (!finite_rows_.empty()) {
    const auto fronts = constrained_fronts(F, cv, 1);
    if (!fronts.empty()) keep = fronts.front();
  }
  const Matrix Zf = Z_(finite_rows_, Eigen::all);
  population_x_ = coding_.decode(Zf(keep, Eigen::all));
  population_f_ = F(keep, Eigen::all);
  population_g_ = G(keep, Eigen::all);
}

Matrix SurrogateAlgorithm::finite_z() const { return Z_(finite_rows_, Eigen::all); }

Matrix SurrogateAlgorithm::standardized_finite_f() const {
  const Matrix F = F_(finite_rows_, Eigen::all);
  return (F.rowwise() - f_mean_.transpose()).array().rowwise() / f_scale_.transpose().array();
}

void SurrogateAlgorithm::fit_surrogates() {
  if (finite_rows_.size() < 2)
    throw Error(name() + ": fewer than two evaluations with finite objectives; nothing to model",
                Location::of_field("objectives"));
  const Matrix F = F_(finite_rows_, Eigen::all);
  f_mean_ = F.colwise().mean().transpose();
  f_scale_.resize(n_obj_);
  if (!base_options_.standardize) {
    f_mean_.setZero();
    f_scale_.setOnes();
  }
  for (Index j = 0; j < n_obj_ && base_options_.standardize; ++j) {
    const double sd = std::sqrt((F.col(j).array() - f_mean_(j)).square().mean());
    f_scale_(j) = sd > 1e-12 * std::max(1.0, std::abs(f_mean_(j))) ? sd : 1.0;
  }
  const Matrix Fs = standardized_finite_f();
  const Matrix Z = finite_z();
  // One stream per objective, drawn in order: the fits may run in any order.
  std::vector<Rng> streams;
  for (Index j = 0; j < n_obj_; ++j) streams.push_back(rng_.split());
  tbb::parallel_for(Index{0}, n_obj_, [&](Index j) {
    const auto k = static_cast<std::size_t>(j);
    gps_[k].fit(Z, Fs.col(j), streams[k], base_options_.gp, hyper_[k]);
    hyper_[k] = gps_[k].hyperparameters();
  });
}

nlohmann::json SurrogateAlgorithm::save_state() const {
  nlohmann::json hyper = nlohmann::json::array();
  for (const auto& h : hyper_) hyper.push_back(h ? to_json(*h) : nlohmann::json());
  nlohmann::json state{{"algorithm", name()},
                       {"z", detail::matrix_to_json(Z_)},
                       {"f", detail::matrix_to_json(F_)},
                       {"g", detail::matrix_to_json(G_)},
                       {"iteration", iteration_},
                       {"rng", detail::rng_to_json(rng_)},
                       {"gp_hyperparameters", std::move(hyper)}};
  save_extra(state);
  return state;
}

void SurrogateAlgorithm::load_state(const nlohmann::json& state) {
  if (problem_ == nullptr) throw UsageError("load_state() before setup()", Location::of_field("algorithm"));
  const auto& algorithm = detail::member(state, "algorithm");
  if (!algorithm.is_string() || algorithm.get<std::string>() != name())
    throw InputError("the state is not " + name() + "'s", Location::of_field("algorithm"));
  Matrix Z = detail::matrix_from_json(detail::member(state, "z"), "z");
  Matrix F = detail::matrix_from_json(detail::member(state, "f"), "f");
  Matrix G = detail::matrix_from_json(detail::member(state, "g"), "g");
  if (Z.cols() != n_var_ || F.cols() != n_obj_ || F.rows() != Z.rows() || G.rows() != Z.rows() ||
      (G.cols() != n_constr_ && G.rows() > 0))
    throw InputError("the state's data do not fit the problem", Location::of_field("z"));
  Z_ = std::move(Z);
  F_ = std::move(F);
  G_ = G.cols() == n_constr_ ? std::move(G) : Matrix(0, n_constr_);
  const auto& iteration = detail::member(state, "iteration");
  if (!iteration.is_number_integer())
    throw InputError("expected an integer", Location::of_field("iteration"));
  iteration_ = iteration.get<Index>();
  rng_ = detail::rng_from_json(detail::member(state, "rng"), "rng");
  const auto& hyper = detail::member(state, "gp_hyperparameters");
  if (!hyper.is_array() || static_cast<Index>(hyper.size()) != n_obj_)
    throw InputError("expected one entry per objective", Location::of_field("gp_hyperparameters"));
  for (std::size_t k = 0; k < hyper.size(); ++k)
    hyper_[k] = hyper[k].is_null() ? std::nullopt
                                   : std::optional(hyperparameters_from_json(
                                         hyper[k], "gp_hyperparameters[" + std::to_string(k) + "]"));
  update_population();
  load_extra(state);
}

}  // namespace paretokit
