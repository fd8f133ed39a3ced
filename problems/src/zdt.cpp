// ZDT1, ZDT2, ZDT3, ZDT4 and ZDT6 of Zitzler, Deb and Thiele (2000),
// "Comparison of multiobjective evolutionary algorithms: empirical results",
// Evolutionary Computation 8(2), as pymoo (pymoo/problems/multi/zdt.py)
// defines them: two objectives; n_var = 30 (ZDT1-3) or 10 (ZDT4, ZDT6);
// x in [0,1]^n, except ZDT4 with x_1 in [0,1] and x_2..n in [-5,5].
//
//   f1 = x1 (ZDT6: 1 - exp(-4 x1) sin^6(6 pi x1))
//   g  = 1 + 9/(n-1) sum_{i>=2} x_i                                 ZDT1-3
//        1 + 10 (n-1) + sum_{i>=2} (x_i^2 - 10 cos(4 pi x_i))        ZDT4
//        1 + 9 ((sum_{i>=2} x_i)/(n-1))^0.25                         ZDT6
//   f2 = g (1 - sqrt(f1/g))                                          ZDT1, ZDT4
//        g (1 - (f1/g)^2)                                            ZDT2, ZDT6
//        g (1 - sqrt(f1/g) - f1/g sin(10 pi f1))                     ZDT3
//
// Fronts (g = 1): f2 = 1 - sqrt(f1) (ZDT1, ZDT4), 1 - f1^2 (ZDT2; ZDT6 with
// f1 in [0.2807753191, 1]); ZDT3 is disconnected: sampled and filtered.
#include <memory>

#include "array_math.hpp"
#include "catalog.hpp"
#include "front_sampling.hpp"
#include "paretokit/problems/batch_problem.hpp"

namespace paretokit::problems {
namespace {

using detail::pi;

class Zdt final : public BatchProblem {
 public:
  Zdt(int number, Index n_var) : BatchProblem(shape(number, n_var)), number_(number) {}

  std::optional<Matrix> pareto_front(Index n) const override {
    detail::check_front_size(n);
    if (number_ == 3) return detail::thin_rows(zdt3_front(dense_samples), n);
    const double low = number_ == 6 ? 0.2807753191 : 0.0;
    const Vector f1 = detail::linspace(low, 1.0, n);
    Matrix F(n, 2);
    F.col(0) = f1;
    if (number_ == 2 || number_ == 6) {
      F.col(1) = 1.0 - f1.array().square();
    } else {
      F.col(1) = 1.0 - f1.array().sqrt();
    }
    return F;
  }

  std::optional<Vector> ideal_point() const override {
    if (number_ == 3) return Vector(zdt3_front(dense_samples).colwise().minCoeff().transpose());
    if (number_ == 6) return Vector{{0.2807753191, 0.0}};
    return Vector::Zero(2);
  }
  std::optional<Vector> nadir_point() const override {
    if (number_ == 3) return Vector(zdt3_front(dense_samples).colwise().maxCoeff().transpose());
    if (number_ == 6) return Vector{{1.0, 1.0 - 0.2807753191 * 0.2807753191}};
    return Vector::Ones(2);
  }

 protected:
  void evaluate_block(const Block& x, Block& f, Block&) const override {
    const Index n = x.cols();
    Column sum = Column::Zero(x.rows());
    if (number_ == 4) {
      for (Index j = 1; j < n; ++j) sum += x.col(j).square() - 10.0 * detail::cos_of(4.0 * pi * x.col(j));
    } else {
      for (Index j = 1; j < n; ++j) sum += x.col(j);
    }
    Column g;
    if (number_ == 4) {
      g = 1.0 + 10.0 * double(n - 1) + sum;
    } else if (number_ == 6) {
      g = 1.0 + 9.0 * detail::pow_of(sum / double(n - 1), 0.25);
    } else {
      g = 1.0 + 9.0 / double(n - 1) * sum;
    }
    if (number_ == 6) {
      f.col(0) =
          1.0 - detail::exp_of(-4.0 * x.col(0)) * detail::pow_of(detail::sin_of(6.0 * pi * x.col(0)), 6.0);
    } else {
      f.col(0) = x.col(0);
    }
    const Column ratio = f.col(0) / g;
    switch (number_) {
      case 2:
      case 6:
        f.col(1) = g * (1.0 - ratio.square());
        break;
      case 3:
        f.col(1) = g * (1.0 - ratio.sqrt() - ratio * detail::sin_of(10.0 * pi * f.col(0)));
        break;
      default:
        f.col(1) = g * (1.0 - ratio.sqrt());
        break;
    }
  }

 private:
  static ProblemShape shape(int number, Index n_var) {
    ProblemShape s;
    s.name = "zdt" + std::to_string(number);
    s.n_var = n_var;
    s.n_obj = 2;
    s.lower = Vector::Zero(n_var);
    s.upper = Vector::Ones(n_var);
    if (number == 4) {
      s.lower.tail(n_var - 1).setConstant(-5.0);
      s.upper.tail(n_var - 1).setConstant(5.0);
    }
    s.params = {{"n_var", n_var}};
    return s;
  }

  // The ZDT3 front: f1 = x sampled densely on [0, 1], f2 = 1 - sqrt(x) - x sin(10 pi x),
  // keeping the non-dominated points (five disconnected pieces).
  static Matrix zdt3_front(Index samples) {
    const Vector x = detail::linspace(0.0, 1.0, samples);
    Matrix F(samples, 2);
    F.col(0) = x;
    F.col(1) = 1.0 - x.array().sqrt() - x.array() * detail::sin_of(10.0 * pi * x.array());
    // Sorted by f1, a point is non-dominated iff its f2 is below every earlier f2.
    Matrix kept(samples, 2);
    Index count = 0;
    double best = std::numeric_limits<double>::infinity();
    for (Index i = 0; i < samples; ++i) {
      if (F(i, 1) < best) {
        kept.row(count++) = F.row(i);
        best = F(i, 1);
      }
    }
    return kept.topRows(count);
  }

  // ZDT3's front, ideal and nadir all come from this one dense sample, so the
  // returned fronts lie exactly within [ideal, nadir].
  static constexpr Index dense_samples = 20001;
  int number_;
};

}  // namespace

namespace detail {

void add_zdt(Catalog& catalog) {
  for (int number : {1, 2, 3, 4, 6}) {
    const Index default_n = number >= 4 ? 10 : 30;
    ProblemInfo info{"zdt" + std::to_string(number),
                     {},
                     "ZDT" + std::to_string(number) + " (Zitzler, Deb and Thiele 2000), 2 objectives",
                     {{"n_var", default_n, "number of variables (>= 2)"}}};
    catalog.push_back({info, [number, default_n](const Params& p) -> std::unique_ptr<Problem> {
                         return std::make_unique<Zdt>(number, p.integer("n_var", default_n, 2));
                       }});
  }
}

}  // namespace detail
}  // namespace paretokit::problems
