// Classic two-objective test problems, as pymoo defines them:
//   kursawe   Kursawe (1991): x in [-5,5]^n (n = 3),
//             f1 = sum_{i<n} -10 exp(-0.2 sqrt(x_i^2 + x_{i+1}^2)),
//             f2 = sum_i |x_i|^0.8 + 5 sin(x_i^3)          (no closed-form front)
//   omnitest  Deb and Tiwari (2008) Omni-test: x in [0,6]^n (n = 2),
//             f1 = sum sin(pi x_i), f2 = sum cos(pi x_i);
//             front: n (sin t, cos t), t in [pi, 3 pi/2] (f1^2 + f2^2 = n^2)
//   sympart, sympart_rotated   Rudolph, Naujoks and Preuss (2007) SYM-PART:
//             x in [-10 r, 10 r]^2 (r = max(v_dist, h_dist)), nine equivalent
//             Pareto subsets; the rotated variant first rotates x by -angle
//             (default pi/4). Front: sqrt(f1) + sqrt(f2) = 2 length.
//   vlmop2    Van Veldhuizen and Lamont (1999): x in [-2,2]^n (n = 2),
//             f1 = 1 - exp(-sum (x_i - 1/sqrt n)^2), f2 = 1 - exp(-sum (x_i + 1/sqrt n)^2);
//             front: x_i = t for t in [-1/sqrt n, 1/sqrt n].
#include <cmath>
#include <memory>

#include "array_math.hpp"
#include "catalog.hpp"
#include "front_sampling.hpp"
#include "paretokit/problems/batch_problem.hpp"

namespace paretokit::problems {
namespace {

using detail::pi;

ProblemShape box(const std::string& name, Index n_var, double low, double high, nlohmann::json params) {
  ProblemShape s;
  s.name = name;
  s.n_var = n_var;
  s.n_obj = 2;
  s.lower = Vector::Constant(n_var, low);
  s.upper = Vector::Constant(n_var, high);
  s.params = std::move(params);
  return s;
}

class Kursawe final : public BatchProblem {
 public:
  explicit Kursawe(Index n_var) : BatchProblem(box("kursawe", n_var, -5, 5, {{"n_var", n_var}})) {}

 protected:
  void evaluate_block(const Block& x, Block& f, Block&) const override {
    Column f1 = Column::Zero(x.rows()), f2 = Column::Zero(x.rows());
    for (Index i = 0; i + 1 < x.cols(); ++i) {
      f1 += -10.0 * detail::exp_of(-0.2 * (x.col(i).square() + x.col(i + 1).square()).sqrt());
    }
    for (Index i = 0; i < x.cols(); ++i) {
      f2 += detail::pow_of(x.col(i).abs(), 0.8) + 5.0 * detail::sin_of(x.col(i).cube());
    }
    f.col(0) = f1;
    f.col(1) = f2;
  }
};

class OmniTest final : public BatchProblem {
 public:
  explicit OmniTest(Index n_var) : BatchProblem(box("omnitest", n_var, 0, 6, {{"n_var", n_var}})) {}

  std::optional<Matrix> pareto_front(Index n) const override {
    detail::check_front_size(n);
    const Vector t = detail::linspace(pi, 1.5 * pi, n);
    Matrix F(n, 2);
    F.col(0) = double(n_var()) * t.array().sin();
    F.col(1) = double(n_var()) * t.array().cos();
    return F;
  }
  std::optional<Vector> ideal_point() const override { return Vector::Constant(2, -double(n_var())); }
  std::optional<Vector> nadir_point() const override { return Vector::Zero(2); }

 protected:
  void evaluate_block(const Block& x, Block& f, Block&) const override {
    Column f1 = Column::Zero(x.rows()), f2 = Column::Zero(x.rows());
    for (Index i = 0; i < x.cols(); ++i) {
      f1 += detail::sin_of(pi * x.col(i));
      f2 += detail::cos_of(pi * x.col(i));
    }
    f.col(0) = f1;
    f.col(1) = f2;
  }
};

class SymPart final : public BatchProblem {
 public:
  SymPart(bool rotated, double length, double v_dist, double h_dist, double angle)
      : BatchProblem(box(rotated ? "sympart_rotated" : "sympart", 2, -10 * std::max(v_dist, h_dist),
                         10 * std::max(v_dist, h_dist), parameters(rotated, length, v_dist, h_dist, angle))),
        a_(length),
        b_(v_dist),
        c_(h_dist),
        angle_(rotated ? angle : 0.0) {}

  std::optional<Matrix> pareto_front(Index n) const override {
    detail::check_front_size(n);
    const Vector p = detail::linspace(-a_, a_, n);
    Matrix F(n, 2);
    F.col(0) = (p.array() + a_).square();
    F.col(1) = (p.array() - a_).square();
    return F;
  }
  std::optional<Vector> ideal_point() const override { return Vector::Zero(2); }
  std::optional<Vector> nadir_point() const override { return Vector::Constant(2, 4 * a_ * a_); }

 protected:
  void evaluate_block(const Block& x, Block& f, Block&) const override {
    Column x1 = x.col(0), x2 = x.col(1);
    if (angle_ != 0.0) {
      const double cw = std::cos(angle_), sw = std::sin(angle_);
      x1 = cw * x.col(0) + sw * x.col(1);
      x2 = -sw * x.col(0) + cw * x.col(1);
    }
    const auto sign = [](double v) { return double((v > 0) - (v < 0)); };
    const auto clip = [sign](double t) { return sign(t) * std::min(std::fabs(t), 1.0); };
    const double a = a_, b = b_, c = c_;
    const Column t1 = x1.unaryExpr(
        [=](double v) { return clip(sign(v) * std::ceil((std::fabs(v) - a - c / 2) / (2 * a + c))); });
    const Column t2 =
        x2.unaryExpr([=](double v) { return clip(sign(v) * std::ceil((std::fabs(v) - b / 2) / b)); });
    const Column p1 = x1 - t1 * c;
    const Column p2 = x2 - t2 * b;
    f.col(0) = (p1 + a).square() + p2.square();
    f.col(1) = (p1 - a).square() + p2.square();
  }

 private:
  static nlohmann::json parameters(bool rotated, double length, double v_dist, double h_dist, double angle) {
    nlohmann::json p = {{"length", length}, {"v_dist", v_dist}, {"h_dist", h_dist}};
    if (rotated) p["angle"] = angle;
    return p;
  }
  double a_, b_, c_, angle_;
};

class Vlmop2 final : public BatchProblem {
 public:
  explicit Vlmop2(Index n_var) : BatchProblem(box("vlmop2", n_var, -2, 2, {{"n_var", n_var}})) {}

  std::optional<Matrix> pareto_front(Index n) const override {
    detail::check_front_size(n);
    const double d = double(n_var()), s = 1.0 / std::sqrt(d);
    const Vector t = detail::linspace(-s, s, n);
    Matrix F(n, 2);
    F.col(0) = 1.0 - (-d * (t.array() - s).square()).exp();
    F.col(1) = 1.0 - (-d * (t.array() + s).square()).exp();
    return F;
  }
  std::optional<Vector> ideal_point() const override { return Vector::Zero(2); }
  std::optional<Vector> nadir_point() const override { return Vector::Constant(2, 1.0 - std::exp(-4.0)); }

 protected:
  void evaluate_block(const Block& x, Block& f, Block&) const override {
    const double s = 1.0 / std::sqrt(double(x.cols()));
    Column d1 = Column::Zero(x.rows()), d2 = Column::Zero(x.rows());
    for (Index i = 0; i < x.cols(); ++i) {
      d1 += (x.col(i) - s).square();
      d2 += (x.col(i) + s).square();
    }
    f.col(0) = 1.0 - detail::exp_of(-d1);
    f.col(1) = 1.0 - detail::exp_of(-d2);
  }
};

}  // namespace

namespace detail {

void add_classic(Catalog& catalog) {
  catalog.push_back({{"kursawe",
                      {},
                      "Kursawe (1991), 2 objectives; no closed-form front",
                      {{"n_var", 3, "number of variables (>= 2)"}}},
                     [](const Params& p) -> std::unique_ptr<Problem> {
                       return std::make_unique<Kursawe>(p.integer("n_var", 3, 2));
                     }});
  catalog.push_back({{"omnitest",
                      {"omni_test"},
                      "Omni-test (Deb and Tiwari 2008), 2 objectives, 3^n Pareto subsets",
                      {{"n_var", 2, "number of variables (>= 1)"}}},
                     [](const Params& p) -> std::unique_ptr<Problem> {
                       return std::make_unique<OmniTest>(p.integer("n_var", 2, 1));
                     }});
  const std::vector<ParameterInfo> sym = {{"length", 1.0, "length of each Pareto subset line (a)"},
                                          {"v_dist", 10.0, "vertical distance between subsets (b)"},
                                          {"h_dist", 10.0, "horizontal distance between subsets (c)"}};
  auto make_sympart = [](bool rotated) {
    return [rotated](const Params& p) -> std::unique_ptr<Problem> {
      const double a = p.number("length", 1), b = p.number("v_dist", 10), c = p.number("h_dist", 10);
      if (a <= 0) p.fail("length", "must be positive");
      if (b <= 0) p.fail("v_dist", "must be positive");
      if (c <= 0) p.fail("h_dist", "must be positive");
      return std::make_unique<SymPart>(rotated, a, b, c, p.number("angle", pi / 4));
    };
  };
  catalog.push_back(
      {{"sympart", {"sym_part", "sympart_simple"}, "SYM-PART simple (Rudolph, Naujoks and Preuss 2007)", sym},
       make_sympart(false)});
  auto rotated = sym;
  rotated.push_back({"angle", pi / 4, "rotation angle in radians (counterclockwise)"});
  catalog.push_back({{"sympart_rotated",
                      {"sym_part_rotated"},
                      "SYM-PART rotated (Rudolph, Naujoks and Preuss 2007)",
                      rotated},
                     make_sympart(true)});
  catalog.push_back({{"vlmop2",
                      {},
                      "VLMOP2 (Van Veldhuizen and Lamont 1999), 2 objectives",
                      {{"n_var", 2, "number of variables (>= 1)"}}},
                     [](const Params& p) -> std::unique_ptr<Problem> {
                       return std::make_unique<Vlmop2>(p.integer("n_var", 2, 1));
                     }});
}

}  // namespace detail
}  // namespace paretokit::problems
