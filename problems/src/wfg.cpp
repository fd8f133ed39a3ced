// WFG1-WFG9 (Huband, Hingston, Barone and While 2006, IEEE TEVC 10(5),
// table XIV) for any number of objectives M, position parameters k and
// distance parameters l, as pymoo defines them (pymoo/problems/many/wfg.py):
// n_var = k + l, x_i in [0, 2i], F_m = x_M + 2m h_m(x_1..x_{M-1}).
//
// Defaults: M = 3, k = 4 for M = 2 and 2 (M - 1) otherwise (pymoo's default),
// l = 10 (pymoo has no default n_var; n_var = k + l here). k must be a
// multiple of M - 1 and l even for WFG2 and WFG3 (pymoo also asks k >= 4;
// this library accepts any k >= M - 1 as the WFG paper does).
// pymoo applies no post-transformation to WFG9; with A = 1 it would be the
// identity up to rounding, so the numbers agree.
//
// Fronts (distance parameters at their optimum, x_M = 0): F = S h(x) over the
// positions x in [0,1]^(M-1): a sphere sector for WFG4-9 (sampled exactly),
// the convex/mixed and convex/disconnected fronts of WFG1 and WFG2 (grid of
// positions, non-dominated points kept) and the degenerate line of WFG3
// (x_2..x_{M-1} = 0.5).
#include <cmath>
#include <memory>

#include "catalog.hpp"
#include "dtlz_core.hpp"
#include "front_sampling.hpp"
#include "wfg_transformations.hpp"

namespace paretokit::problems {
namespace {

namespace w = detail::wfg;

struct WfgConfig {
  int number = 1;
  Index n_obj = 3, k = 4, l = 10;
};

class Wfg final : public BatchProblem {
 public:
  explicit Wfg(const WfgConfig& c) : BatchProblem(shape(c)), c_(c) {}

  std::optional<Matrix> pareto_front(Index n) const override {
    detail::check_front_size(n);
    const Index M = c_.n_obj;
    Matrix F;
    if (c_.number >= 4) {
      F = detail::dtlz_spherical_front(M, n);
    } else if (c_.number == 3) {
      Block x(n, M - 1);
      x.setConstant(0.5);
      x.col(0) = detail::linspace(0.0, 1.0, n).array();
      F = shapes(x).matrix();
    } else {
      const double target = std::min(double(std::max<Index>(10 * n, 500)), 20000.0);
      const Index per_axis = std::max<Index>(2, Index(std::pow(target, 1.0 / double(M - 1))));
      Index total = 1;
      for (Index i = 0; i < M - 1; ++i) total *= per_axis;
      const Vector axis = detail::linspace(0.0, 1.0, per_axis);
      Block x(total, M - 1);
      for (Index r = 0; r < total; ++r) {
        Index rest = r;
        for (Index i = 0; i < M - 1; ++i, rest /= per_axis) x(r, i) = axis(rest % per_axis);
      }
      F = detail::thin_rows(detail::nondominated_rows(shapes(x).matrix()), n);
    }
    for (Index m = 0; m < M; ++m) F.col(m) *= 2.0 * double(m + 1);
    return F;
  }

  std::optional<Vector> ideal_point() const override { return Vector::Zero(c_.n_obj); }
  std::optional<Vector> nadir_point() const override {
    const Index M = c_.n_obj;
    Vector nadir(M);
    for (Index m = 0; m < M; ++m) {
      double h = 1.0;  // WFG3's line: h_1 <= 0.5^(M-2), h_m <= 0.5^(M-m), h_M <= 1
      if (c_.number == 3 && m < M - 1) h = std::pow(0.5, double(m == 0 ? M - 2 : M - 1 - m));
      nadir(m) = 2.0 * double(m + 1) * h;
    }
    return nadir;
  }

 protected:
  void evaluate_block(const Block& x, Block& f, Block&) const override {
    const Index n = x.cols(), M = c_.n_obj;
    Block y(x.rows(), n);
    for (Index j = 0; j < n; ++j) y.col(j) = x.col(j) / (2.0 * double(j + 1));
    Block t = transform(y);
    if (c_.number != 9) post(t);
    const Block h = shapes(t.leftCols(M - 1));
    for (Index m = 0; m < M; ++m) f.col(m) = t.col(M - 1) + 2.0 * double(m + 1) * h.col(m);
  }

 private:
  static ProblemShape shape(const WfgConfig& c) {
    ProblemShape s;
    s.name = "wfg" + std::to_string(c.number);
    s.n_var = c.k + c.l;
    s.n_obj = c.n_obj;
    s.lower = Vector::Zero(s.n_var);
    s.upper = Vector::LinSpaced(s.n_var, 2.0, 2.0 * double(s.n_var));
    s.params = {{"n_obj", c.n_obj}, {"k", c.k}, {"l", c.l}};
    return s;
  }

  // The transformations t1, t2, ... of the problem: y (n columns) -> t (M columns).
  Block transform(Block& y) const {
    const Index n = y.cols(), k = c_.k, M = c_.n_obj, gap = k / (M - 1);
    const double A = 0.98 / 49.98;
    switch (c_.number) {
      case 1:
        for (Index j = k; j < n; ++j) y.col(j) = w::shift_linear(y.col(j), 0.35);
        for (Index j = k; j < n; ++j) y.col(j) = w::bias_flat(y.col(j), 0.8, 0.75, 0.85);
        for (Index j = 0; j < n; ++j) y.col(j) = w::bias_poly(y.col(j), 0.02);
        break;
      case 2:
      case 3:
      case 6:
        for (Index j = k; j < n; ++j) y.col(j) = w::shift_linear(y.col(j), 0.35);
        break;
      case 4:
        for (Index j = 0; j < n; ++j) y.col(j) = w::shift_multi_modal(y.col(j), 30.0, 10.0, 0.35);
        break;
      case 5:
        for (Index j = 0; j < n; ++j) y.col(j) = w::shift_deceptive(y.col(j), 0.35, 0.001, 0.05);
        break;
      case 7: {
        const Block original = y;
        for (Index j = 0; j < k; ++j)
          y.col(j) =
              w::bias_param(original.col(j), w::reduction_mean(original, j + 1, n - j - 1), A, 0.02, 50.0);
        for (Index j = k; j < n; ++j) y.col(j) = w::shift_linear(y.col(j), 0.35);
        break;
      }
      case 8: {
        const Block original = y;
        for (Index j = k; j < n; ++j)
          y.col(j) = w::bias_param(original.col(j), w::reduction_mean(original, 0, j), A, 0.02, 50.0);
        for (Index j = k; j < n; ++j) y.col(j) = w::shift_linear(y.col(j), 0.35);
        break;
      }
      default: {
        const Block original = y;
        for (Index j = 0; j + 1 < n; ++j)
          y.col(j) =
              w::bias_param(original.col(j), w::reduction_mean(original, j + 1, n - j - 1), A, 0.02, 50.0);
        for (Index j = 0; j < k; ++j) y.col(j) = w::shift_deceptive(y.col(j), 0.35, 0.001, 0.05);
        for (Index j = k; j < n; ++j) y.col(j) = w::shift_multi_modal(y.col(j), 30.0, 95.0, 0.35);
        break;
      }
    }
    Block t(y.rows(), M);
    if (c_.number == 1) {
      const Eigen::ArrayXd weights = Eigen::ArrayXd::LinSpaced(n, 2.0, 2.0 * double(n));
      for (Index i = 0; i < M - 1; ++i)
        t.col(i) = w::reduction_weighted_sum(y, i * gap, gap, weights.segment(i * gap, gap));
      t.col(M - 1) = w::reduction_weighted_sum(y, k, n - k, weights.segment(k, n - k));
    } else if (c_.number == 2 || c_.number == 3) {
      const Index pairs = (n - k) / 2;
      Block z(y.rows(), k + pairs);
      z.leftCols(k) = y.leftCols(k);
      for (Index p = 0; p < pairs; ++p) z.col(k + p) = w::reduction_non_sep(y, k + 2 * p, 2, 2);
      for (Index i = 0; i < M - 1; ++i) t.col(i) = w::reduction_mean(z, i * gap, gap);
      t.col(M - 1) = w::reduction_mean(z, k, pairs);
    } else if (c_.number == 6 || c_.number == 9) {
      for (Index i = 0; i < M - 1; ++i) t.col(i) = w::reduction_non_sep(y, i * gap, gap, gap);
      t.col(M - 1) = w::reduction_non_sep(y, k, n - k, n - k);
    } else {
      for (Index i = 0; i < M - 1; ++i) t.col(i) = w::reduction_mean(y, i * gap, gap);
      t.col(M - 1) = w::reduction_mean(y, k, n - k);
    }
    return t;
  }

  // x_i = max(t_M, A_i) (t_i - 0.5) + 0.5, A = 1 except WFG3 (A_2.. = 0).
  void post(Block& t) const {
    const Index M = c_.n_obj;
    for (Index i = 0; i < M - 1; ++i) {
      const double a = (c_.number == 3 && i > 0) ? 0.0 : 1.0;
      t.col(i) = t.col(M - 1).max(a) * (t.col(i) - 0.5) + 0.5;
    }
  }

  // h_1..h_M from the positions x (M - 1 columns).
  Block shapes(const Block& x) const {
    const Index M = c_.n_obj;
    Block h(x.rows(), M);
    for (Index m = 1; m <= M; ++m) {
      if (c_.number == 3) {
        h.col(m - 1) = w::shape_linear(x, m);
      } else if (c_.number <= 2) {
        if (m < M) {
          h.col(m - 1) = w::shape_convex(x, m);
        } else {
          h.col(m - 1) = c_.number == 1 ? w::shape_mixed(x.col(0), 1.0, 5.0)
                                        : w::shape_disconnected(x.col(0), 1.0, 1.0, 5.0);
        }
      } else {
        h.col(m - 1) = w::shape_concave(x, m);
      }
    }
    return h;
  }

  WfgConfig c_;
};

}  // namespace

namespace detail {

void add_wfg(Catalog& catalog) {
  for (int number = 1; number <= 9; ++number) {
    ProblemInfo info{
        "wfg" + std::to_string(number),
        {},
        "WFG" + std::to_string(number) + " (Huband, Hingston, Barone and While 2006)",
        {{"n_obj", 3, "number of objectives M (>= 2)"},
         {"k", 4, "position parameters, a multiple of M - 1; default 4 for M = 2, else 2 (M - 1)"},
         {"l", 10,
          std::string("distance parameters (>= 1") + (number == 2 || number == 3 ? ", even" : "") +
              "); default 10"},
         {"n_var", 14, "k + l; when given without l, l = n_var - k"}}};
    catalog.push_back({info, [number](const Params& p) -> std::unique_ptr<Problem> {
                         WfgConfig c;
                         c.number = number;
                         c.n_obj = p.integer("n_obj", 3, 2);
                         const Index M = c.n_obj;
                         c.k = p.integer("k", M == 2 ? 4 : 2 * (M - 1), 1);
                         if (c.k % (M - 1) != 0)
                           p.fail("k", "must be a multiple of n_obj - 1 = " + std::to_string(M - 1));
                         if (p.has("n_var") && p.has("l") &&
                             p.integer("n_var", 0, 1) != c.k + p.integer("l", 0, 1)) {
                           p.fail("n_var", "must equal k + l when both are given");
                         }
                         c.l = p.has("n_var") ? p.integer("n_var", 0, 1) - c.k : p.integer("l", 10, 1);
                         if (c.l < 1) p.fail("n_var", "must exceed k");
                         if ((number == 2 || number == 3) && c.l % 2 != 0)
                           p.fail("l", "must be even for WFG2 and WFG3");
                         return std::make_unique<Wfg>(c);
                       }});
  }
}

}  // namespace detail
}  // namespace paretokit::problems
