// The constrained DTLZ problems of Jain and Deb (2014, "An evolutionary
// many-objective optimization algorithm using reference-point based
// nondominated sorting approach, part II", IEEE TEVC 18(4)), as pymoo
// defines them (pymoo/problems/many/cdtlz.py); G <= 0 is feasible.
//
//   c1dtlz1: DTLZ1,  g = f_M/0.6 + sum_{i<M} f_i/0.5 - 1
//   c1dtlz3: DTLZ3,  g = -(R - 16)(R - r^2), R = sum f_i^2,
//            r = 9 (M < 5), 12.5 (5 <= M <= 12), 15 otherwise
//   c2dtlz2: DTLZ2,  g = min(min_i [(f_i - 1)^2 + sum_{j!=i} f_j^2 - r^2],
//                            sum_i (f_i - 1/sqrt(M))^2 - r^2),
//            r = 0.2 (M = 2), 0.4 (M = 3), 0.5 otherwise
//   c3dtlz1: DTLZ1,  g_i = 1 - f_i/0.5 - sum_{j!=i} f_j        (M constraints)
//   c3dtlz4: DTLZ4,  g_i = 1 - f_i^2/4 - sum_{j!=i} f_j^2      (M constraints)
//
// Default sizes as pymoo: M = 3 and n_var = 12 (k = 10), except c3dtlz4 with
// n_var = 7 (k = 5); n_var = M + k - 1 when M changes.
//
// Fronts: the DTLZ1 plane (C1-DTLZ1), the unit sphere (C1-DTLZ3), the
// feasible part of the sphere (C2-DTLZ2), and for C3 the reference
// directions w pushed out radially onto the constraint surfaces: f = t w with
// t = max_i 1/(1 + w_i) for C3-DTLZ1 (rows of w sum to 1) and
// t = max_i 1/sqrt(1 - 3/4 u_i^2) for C3-DTLZ4 (u = w/|w|), as pymoo does.
#include <cmath>
#include <memory>

#include "catalog.hpp"
#include "dtlz_core.hpp"
#include "front_sampling.hpp"

namespace paretokit::problems {
namespace {

enum class Kind { c1dtlz1, c1dtlz3, c2dtlz2, c3dtlz1, c3dtlz4 };

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::c1dtlz1:
      return "c1dtlz1";
    case Kind::c1dtlz3:
      return "c1dtlz3";
    case Kind::c2dtlz2:
      return "c2dtlz2";
    case Kind::c3dtlz1:
      return "c3dtlz1";
    default:
      return "c3dtlz4";
  }
}

class ConstrainedDtlz final : public BatchProblem {
 public:
  ConstrainedDtlz(Kind kind, Index n_obj, Index n_var, double r)
      : BatchProblem(shape(kind, n_obj, n_var, r)), kind_(kind), r_(r) {}

  std::optional<Matrix> pareto_front(Index n) const override {
    detail::check_front_size(n);
    const Index m = n_obj();
    switch (kind_) {
      case Kind::c1dtlz1:
        return detail::dtlz_linear_front(m, n);
      case Kind::c1dtlz3:
        return detail::dtlz_spherical_front(m, n);
      case Kind::c2dtlz2: {
        // The feasible regions are small caps: sample more and keep the feasible points.
        const Matrix S = detail::dtlz_spherical_front(m, 20 * n);
        Block f = S.array(), g(S.rows(), 1);
        constraints(f, g);
        Matrix kept(S.rows(), m);
        Index count = 0;
        for (Index r = 0; r < S.rows(); ++r) {
          if (g(r, 0) <= 0) kept.row(count++) = S.row(r);
        }
        return detail::thin_rows(kept.topRows(count), n);
      }
      case Kind::c3dtlz1: {
        Matrix W = detail::simplex_points(m, n);
        for (Index r = 0; r < W.rows(); ++r) W.row(r) *= 1.0 / (1.0 + W.row(r).minCoeff());
        return detail::nondominated_rows(W);
      }
      default: {
        Matrix U = detail::dtlz_spherical_front(m, n);
        for (Index r = 0; r < U.rows(); ++r) {
          U.row(r) /= std::sqrt(U.row(r).squaredNorm() - 0.75 * U.row(r).array().square().maxCoeff());
        }
        return detail::nondominated_rows(U);
      }
    }
  }

  std::optional<Vector> ideal_point() const override { return Vector::Zero(n_obj()); }

 protected:
  void evaluate_block(const Block& x, Block& f, Block& g) const override {
    const Index first = n_obj() - 1;
    switch (kind_) {
      case Kind::c1dtlz1:
      case Kind::c3dtlz1:
        detail::dtlz_linear_objectives(x, detail::dtlz_g_rastrigin(x, first), f);
        break;
      case Kind::c1dtlz3:
        detail::dtlz_spherical_objectives(x, detail::dtlz_g_rastrigin(x, first), f);
        break;
      case Kind::c2dtlz2:
        detail::dtlz_spherical_objectives(x, detail::dtlz_g_sphere(x, first), f);
        break;
      default: {
        Block theta(x.rows(), first);
        for (Index j = 0; j < first; ++j) {
          theta.col(j) = x.col(j).unaryExpr([](double v) { return std::pow(v, 100.0); });
        }
        detail::dtlz_spherical_objectives(theta, detail::dtlz_g_sphere(x, first), f);
        break;
      }
    }
    constraints(f, g);
  }

 private:
  static ProblemShape shape(Kind kind, Index n_obj, Index n_var, double r) {
    ProblemShape s;
    s.name = kind_name(kind);
    s.n_var = n_var;
    s.n_obj = n_obj;
    s.n_constr = (kind == Kind::c3dtlz1 || kind == Kind::c3dtlz4) ? n_obj : 1;
    s.lower = Vector::Zero(n_var);
    s.upper = Vector::Ones(n_var);
    s.params = {{"n_obj", n_obj}, {"n_var", n_var}};
    if (kind == Kind::c1dtlz3 || kind == Kind::c2dtlz2) s.params["r"] = r;
    return s;
  }

  void constraints(const Block& f, Block& g) const {
    const Index m = f.cols();
    switch (kind_) {
      case Kind::c1dtlz1: {
        Column sum = f.col(m - 1) / 0.6;
        for (Index i = 0; i < m - 1; ++i) sum += f.col(i) / 0.5;
        g.col(0) = sum - 1.0;
        break;
      }
      case Kind::c1dtlz3: {
        Column radius = Column::Zero(f.rows());
        for (Index i = 0; i < m; ++i) radius += f.col(i).square();
        g.col(0) = -(radius - 16.0) * (radius - r_ * r_);
        break;
      }
      case Kind::c2dtlz2: {
        Column squares = Column::Zero(f.rows());
        for (Index i = 0; i < m; ++i) squares += f.col(i).square();
        Column best = Column::Constant(f.rows(), std::numeric_limits<double>::infinity());
        for (Index i = 0; i < m; ++i) {
          best = best.min((f.col(i) - 1.0).square() + (squares - f.col(i).square()) - r_ * r_);
        }
        Column centre = Column::Zero(f.rows());
        const double a = 1.0 / std::sqrt(double(m));
        for (Index i = 0; i < m; ++i) centre += (f.col(i) - a).square();
        g.col(0) = best.min(centre - r_ * r_);
        break;
      }
      case Kind::c3dtlz1: {
        Column sum = Column::Zero(f.rows());
        for (Index i = 0; i < m; ++i) sum += f.col(i);
        for (Index i = 0; i < m; ++i) g.col(i) = 1.0 - f.col(i) / 0.5 - (sum - f.col(i));
        break;
      }
      default: {
        Column squares = Column::Zero(f.rows());
        for (Index i = 0; i < m; ++i) squares += f.col(i).square();
        for (Index i = 0; i < m; ++i)
          g.col(i) = 1.0 - f.col(i).square() / 4.0 - (squares - f.col(i).square());
        break;
      }
    }
  }

  Kind kind_;
  double r_;
};

double default_r(Kind kind, Index m) {
  if (kind == Kind::c1dtlz3) return m < 5 ? 9.0 : m <= 12 ? 12.5 : 15.0;
  if (kind == Kind::c2dtlz2) return m == 2 ? 0.2 : m == 3 ? 0.4 : 0.5;
  return 0.0;
}

}  // namespace

namespace detail {

void add_constrained_dtlz(Catalog& catalog) {
  for (Kind kind : {Kind::c1dtlz1, Kind::c1dtlz3, Kind::c2dtlz2, Kind::c3dtlz1, Kind::c3dtlz4}) {
    const Index k = kind == Kind::c3dtlz4 ? 5 : 10;
    std::vector<ParameterInfo> parameters{
        {"n_obj", 3, "number of objectives (>= 2)"},
        {"n_var", 3 + k - 1, "number of variables (>= n_obj); default n_obj + " + std::to_string(k - 1)}};
    if (kind == Kind::c1dtlz3) parameters.push_back({"r", 9.0, "radius: 9 (M < 5), 12.5 (M <= 12), 15"});
    if (kind == Kind::c2dtlz2) parameters.push_back({"r", 0.4, "radius: 0.2 (M = 2), 0.4 (M = 3), 0.5"});
    const std::string name = kind_name(kind);
    catalog.push_back({{name, {}, name + " (Jain and Deb 2014, constrained DTLZ as in pymoo)", parameters},
                       [kind, k](const Params& p) -> std::unique_ptr<Problem> {
                         const Index m = p.integer("n_obj", 3, 2);
                         const Index n_var = p.integer("n_var", m + k - 1, m);
                         const double r = p.number("r", default_r(kind, m));
                         if ((kind == Kind::c1dtlz3 || kind == Kind::c2dtlz2) && r <= 0)
                           p.fail("r", "must be positive");
                         return std::make_unique<ConstrainedDtlz>(kind, m, n_var, r);
                       }});
  }
}

}  // namespace detail
}  // namespace paretokit::problems
