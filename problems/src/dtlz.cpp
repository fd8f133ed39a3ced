// DTLZ1-DTLZ7 (Deb, Thiele, Laumanns and Zitzler 2005) for any number of
// objectives m and distance variables k, plus pymoo's variants
// (pymoo/problems/many/dtlz.py): convex_dtlz2 and convex_dtlz4 (f_i^4 for
// i < m, f_m^2), the inverted DTLZ1 "dtlz1^-1" (Jain and Deb 2014:
// f_i = 0.5 (1 + g) - f_i^DTLZ1) and the scaled DTLZ1 "sdtlz1" (f_i * s^(i-1),
// s = scale_factor = 10 by default). x in [0,1]^n.
//
//   DTLZ1: linear, g = g1;   DTLZ2: spherical, g = g2;   DTLZ3: spherical, g = g1
//   DTLZ4: spherical with theta = x^alpha (alpha = 100), g = g2
//   DTLZ5, DTLZ6: theta_1 = x_1, theta_i = (1 + 2 g x_i) / (2 (1 + g)),
//                 g = g2 (DTLZ5) or sum x_M^0.1 (DTLZ6)
//   DTLZ7: f_i = x_i (i < m), g = 1 + 9/k sum x_M,
//          f_m = (1 + g) (m - sum_{i<m} f_i/(1+g) (1 + sin(3 pi f_i)))
//
// Default sizes are pymoo's, so that carps task names and published pymoo
// numbers carry over: m = 3 and n_var = 7 (DTLZ1) or 10 (DTLZ2-7), whatever m
// (at least m), so k = n_var - m + 1. Deb et al. and the NSGA-III paper use
// k = 5 (DTLZ1), 10 (DTLZ2-6), 20 (DTLZ7): pass "k" to get those.
#include <algorithm>
#include <cmath>
#include <memory>

#include "array_math.hpp"
#include "catalog.hpp"
#include "dtlz_core.hpp"
#include "front_sampling.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/problems/dtlz.hpp"

namespace paretokit::problems {
namespace {

using detail::pi;

enum class Variant { plain, convex, inverted, scaled };

struct DtlzConfig {
  int number = 2;
  Variant variant = Variant::plain;
  Index n_obj = 3;
  Index n_var = 12;
  double alpha = 100;        // DTLZ4
  double scale_factor = 10;  // sdtlz1
};

std::string dtlz_name(int number, Variant variant) {
  const std::string base = "dtlz" + std::to_string(number);
  switch (variant) {
    case Variant::convex:
      return "convex_" + base;
    case Variant::inverted:
      return base + "^-1";
    case Variant::scaled:
      return "s" + base;
    default:
      return base;
  }
}

class Dtlz final : public BatchProblem {
 public:
  explicit Dtlz(const DtlzConfig& c) : BatchProblem(shape(c)), c_(c) {}

  std::optional<Matrix> pareto_front(Index n) const override {
    detail::check_front_size(n);
    const Index m = c_.n_obj;
    Matrix F;
    switch (c_.number) {
      case 1:
        F = detail::dtlz_linear_front(m, n);
        break;
      case 2:
      case 3:
      case 4:
        F = detail::dtlz_spherical_front(m, n);
        break;
      case 5:
      case 6:
        F = degenerate_front(n);
        break;
      default:
        F = dtlz7_front(n);
        break;
    }
    return transform(F);
  }

  std::optional<Vector> ideal_point() const override {
    if (c_.number == 7) return std::nullopt;
    return Vector::Zero(c_.n_obj);
  }

  std::optional<Vector> nadir_point() const override {
    const Index m = c_.n_obj;
    if (c_.number == 7) return std::nullopt;
    if (c_.number == 5 || c_.number == 6) {
      Vector nadir(m);
      for (Index i = 0; i < m; ++i) {
        nadir(i) = i == m - 1 ? 1.0 : std::pow(std::sqrt(0.5), double(i == 0 ? m - 2 : m - 1 - i));
      }
      return nadir;
    }
    Vector nadir = Vector::Constant(m, c_.number == 1 ? 0.5 : 1.0);
    if (c_.variant == Variant::scaled) {
      for (Index i = 0; i < m; ++i) nadir(i) *= std::pow(c_.scale_factor, double(i));
    }
    return nadir;
  }

 protected:
  void evaluate_block(const Block& x, Block& f, Block&) const override {
    const Index m = c_.n_obj;
    const Index first = m - 1;  // x_M starts here
    const Index k = x.cols() - first;
    switch (c_.number) {
      case 1: {
        const Column g = detail::dtlz_g_rastrigin(x, first);
        detail::dtlz_linear_objectives(x, g, f);
        if (c_.variant == Variant::inverted) {
          const Column top = 0.5 * (1.0 + g);
          for (Index i = 0; i < m; ++i) f.col(i) = top - f.col(i);
        }
        break;
      }
      case 2:
      case 3: {
        const Column g =
            c_.number == 2 ? detail::dtlz_g_sphere(x, first) : detail::dtlz_g_rastrigin(x, first);
        detail::dtlz_spherical_objectives(x, g, f);
        break;
      }
      case 4: {
        const Column g = detail::dtlz_g_sphere(x, first);
        Block theta(x.rows(), m - 1);
        for (Index j = 0; j < m - 1; ++j) theta.col(j) = detail::pow_of(x.col(j), c_.alpha);
        detail::dtlz_spherical_objectives(theta, g, f);
        break;
      }
      case 5:
      case 6: {
        Column g = Column::Zero(x.rows());
        if (c_.number == 5) {
          g = detail::dtlz_g_sphere(x, first);
        } else {
          for (Index j = first; j < x.cols(); ++j) g += detail::pow_of(x.col(j), 0.1);
        }
        Block theta(x.rows(), m - 1);
        theta.col(0) = x.col(0);
        for (Index j = 1; j < m - 1; ++j) theta.col(j) = (1.0 + 2.0 * g * x.col(j)) / (2.0 * (1.0 + g));
        detail::dtlz_spherical_objectives(theta, g, f);
        break;
      }
      default: {
        Column sum = Column::Zero(x.rows());
        for (Index j = first; j < x.cols(); ++j) sum += x.col(j);
        const Column g = 1.0 + 9.0 / double(k) * sum;
        Column h = Column::Constant(x.rows(), double(m));
        for (Index i = 0; i < m - 1; ++i) {
          f.col(i) = x.col(i);
          h -= x.col(i) / (1.0 + g) * (1.0 + detail::sin_of(3.0 * pi * x.col(i)));
        }
        f.col(m - 1) = (1.0 + g) * h;
        break;
      }
    }
    if (c_.variant == Variant::convex) {
      for (Index i = 0; i < m - 1; ++i) f.col(i) = f.col(i).square().square();
      f.col(m - 1) = f.col(m - 1).square();
    } else if (c_.variant == Variant::scaled) {
      for (Index i = 1; i < m; ++i) f.col(i) *= std::pow(c_.scale_factor, double(i));
    }
  }

 private:
  static ProblemShape shape(const DtlzConfig& c) {
    ProblemShape s;
    s.name = dtlz_name(c.number, c.variant);
    s.n_var = c.n_var;
    s.n_obj = c.n_obj;
    s.lower = Vector::Zero(c.n_var);
    s.upper = Vector::Ones(c.n_var);
    s.params = {{"n_var", c.n_var}, {"n_obj", c.n_obj}};
    if (c.number == 4 && c.variant == Variant::plain) s.params["alpha"] = c.alpha;
    if (c.variant == Variant::scaled) s.params["scale_factor"] = c.scale_factor;
    return s;
  }

  // The variant's map of the base front.
  Matrix transform(Matrix F) const {
    const Index m = c_.n_obj;
    if (c_.variant == Variant::convex) {
      F.leftCols(m - 1) = F.leftCols(m - 1).array().square().square().matrix();
      F.col(m - 1) = F.col(m - 1).array().square().matrix();
    } else if (c_.variant == Variant::inverted) {
      F = (0.5 - F.array()).matrix();
    } else if (c_.variant == Variant::scaled) {
      for (Index i = 1; i < m; ++i) F.col(i) *= std::pow(c_.scale_factor, double(i));
    }
    return F;
  }

  // DTLZ5/6 (g = 0): theta_1 in [0, pi/2], theta_i = pi/4 for i > 1: a curve.
  Matrix degenerate_front(Index n) const {
    const Index m = c_.n_obj;
    const Vector t = detail::linspace(0.0, 1.0, n);
    Block theta(n, m - 1);
    theta.setConstant(0.5);
    theta.col(0) = t.array();
    Block f(n, m);
    detail::dtlz_spherical_objectives(theta, Column::Zero(n), f);
    return f.matrix();
  }

  // DTLZ7 (g = 1): f_m = 2 (m - sum_{i<m} f_i/2 (1 + sin(3 pi f_i))) on a grid
  // of the first m-1 objectives, keeping the non-dominated points.
  Matrix dtlz7_front(Index n) const {
    const Index m = c_.n_obj;
    const double target = std::min(double(std::max<Index>(8 * n, 400)), 40000.0);
    const Index per_axis = std::max<Index>(2, Index(std::pow(target, 1.0 / double(m - 1))));
    Index total = 1;
    for (Index i = 0; i < m - 1; ++i) total *= per_axis;
    const Vector axis = detail::linspace(0.0, 1.0, per_axis);
    Matrix F(total, m);
    for (Index r = 0; r < total; ++r) {
      Index rest = r;
      double h = double(m);
      for (Index i = 0; i < m - 1; ++i) {
        const double v = axis(rest % per_axis);
        rest /= per_axis;
        F(r, i) = v;
        h -= v / 2.0 * (1.0 + std::sin(3.0 * pi * v));
      }
      F(r, m - 1) = 2.0 * h;
    }
    return detail::thin_rows(detail::nondominated_rows(F), n);
  }

  DtlzConfig c_;
};

// pymoo's default number of variables: DTLZ1(n_var=7), DTLZ2..7(n_var=10).
Index default_n_var(int number) { return number == 1 ? 7 : 10; }

std::unique_ptr<Problem> build(int number, Variant variant, const detail::Params& p) {
  DtlzConfig c;
  c.number = number;
  c.variant = variant;
  c.n_obj = p.integer("n_obj", 3, 2);
  const Index k_default = std::max<Index>(default_n_var(number) - c.n_obj + 1, 1);
  if (p.has("n_var") && p.has("k")) {
    const Index n_var = p.integer("n_var", 0, 1);
    const Index k = p.integer("k", 0, 1);
    if (n_var != c.n_obj + k - 1) p.fail("n_var", "n_var must equal n_obj + k - 1 when both are given");
  }
  const Index k =
      p.has("n_var") ? p.integer("n_var", 0, c.n_obj) - c.n_obj + 1 : p.integer("k", k_default, 1);
  c.n_var = c.n_obj + k - 1;
  if (p.has("alpha")) c.alpha = p.number("alpha", 100);
  if (c.alpha <= 0) p.fail("alpha", "must be positive");
  c.scale_factor = p.number("scale_factor", 10);
  if (c.scale_factor <= 0) p.fail("scale_factor", "must be positive");
  return std::make_unique<Dtlz>(c);
}

std::vector<ParameterInfo> size_parameters(int number) {
  const Index n_var = default_n_var(number);
  return {{"n_obj", 3, "number of objectives (>= 2)"},
          {"n_var", n_var, "number of variables (>= n_obj); pymoo's default, at least n_obj"},
          {"k", n_var - 3 + 1, "number of distance variables x_M (>= 1); n_var = n_obj + k - 1"}};
}

}  // namespace

Matrix dtlz_targeted_points(int dtlz_number, const MatrixRef& directions) {
  if (dtlz_number < 1 || dtlz_number > 4) {
    throw InputError("targeted points are defined for DTLZ1-DTLZ4, not DTLZ" + std::to_string(dtlz_number));
  }
  Matrix P(directions.rows(), directions.cols());
  for (Index r = 0; r < directions.rows(); ++r) {
    const auto w = directions.row(r);
    if (!w.allFinite() || (w.array() < 0).any() || w.sum() <= 0) {
      throw InputError("reference direction " + std::to_string(r + 1) +
                       " is not a non-negative, non-zero vector");
    }
    P.row(r) = dtlz_number == 1 ? RowVector(0.5 * w / w.sum()) : RowVector(w / w.norm());
  }
  return P;
}

Matrix dtlz_targeted_points(const std::string& problem_name, const MatrixRef& directions) {
  for (int number = 1; number <= 4; ++number) {
    if (problem_name == "dtlz" + std::to_string(number)) return dtlz_targeted_points(number, directions);
  }
  throw InputError("targeted points are defined for dtlz1..dtlz4, not '" + problem_name + "'");
}

namespace detail {

void add_dtlz(Catalog& catalog) {
  for (int number = 1; number <= 7; ++number) {
    auto parameters = size_parameters(number);
    if (number == 4) parameters.push_back({"alpha", 100, "exponent of the position variables (bias)"});
    catalog.push_back({{"dtlz" + std::to_string(number),
                        {},
                        "DTLZ" + std::to_string(number) + " (Deb, Thiele, Laumanns and Zitzler 2005)",
                        parameters},
                       [number](const Params& p) { return build(number, Variant::plain, p); }});
  }
  for (int number : {2, 4}) {
    catalog.push_back({{"convex_dtlz" + std::to_string(number),
                        {},
                        "convex DTLZ" + std::to_string(number) + " (pymoo: f_i^4 for i < m, f_m^2)",
                        size_parameters(number)},
                       [number](const Params& p) { return build(number, Variant::convex, p); }});
  }
  catalog.push_back({{"dtlz1^-1",
                      {"inverted_dtlz1", "idtlz1"},
                      "inverted DTLZ1 (Jain and Deb 2014): f_i = 0.5 (1 + g) - f_i^DTLZ1",
                      size_parameters(1)},
                     [](const Params& p) { return build(1, Variant::inverted, p); }});
  auto scaled = size_parameters(1);
  scaled.push_back({"scale_factor", 10, "objective i is multiplied by scale_factor^(i-1)"});
  catalog.push_back(
      {{"sdtlz1", {"scaled_dtlz1"}, "scaled DTLZ1 (Deb and Jain 2014; pymoo's ScaledDTLZ1)", scaled},
       [](const Params& p) { return build(1, Variant::scaled, p); }});
}

}  // namespace detail
}  // namespace paretokit::problems
