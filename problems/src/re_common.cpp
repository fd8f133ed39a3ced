#include "re_common.hpp"

#include <cmath>
#include <memory>

#include "paretokit/core/error.hpp"

namespace paretokit::problems::detail {

Column round_of(const Column& x) {
  return x.unaryExpr([](double v) { return std::round(v); });
}

Column nearest_of(const Column& x, const std::vector<double>& table) {
  return x.unaryExpr([&table](double v) {
    double best = table[0];
    double distance = std::fabs(table[0] - v);
    for (std::size_t i = 1; i < table.size(); ++i) {
      const double d = std::fabs(table[i] - v);
      if (d < distance) {
        distance = d;
        best = table[i];
      }
    }
    return best;
  });
}

namespace {

class RealWorldProblem final : public BatchProblem {
 public:
  explicit RealWorldProblem(const ReDefinition& d) : BatchProblem(shape(d)), d_(d) {}

  std::optional<Vector> ideal_point() const override { return point(d_.ideal); }
  std::optional<Vector> nadir_point() const override { return point(d_.nadir); }

 protected:
  void evaluate_block(const Block& x, Block& f, Block&) const override { d_.evaluate(x, f); }

 private:
  static ProblemShape shape(const ReDefinition& d) {
    ProblemShape s;
    s.name = d.name;
    s.n_var = Index(d.lower.size());
    s.n_obj = d.n_obj;
    s.lower = Eigen::Map<const Vector>(d.lower.data(), s.n_var);
    s.upper = Eigen::Map<const Vector>(d.upper.data(), s.n_var);
    return s;
  }
  static std::optional<Vector> point(const std::vector<double>& values) {
    if (values.empty()) return std::nullopt;
    return Vector(Eigen::Map<const Vector>(values.data(), Index(values.size())));
  }

  ReDefinition d_;
};

}  // namespace

void add_re_definitions(Catalog& catalog, const std::vector<ReDefinition>& definitions) {
  for (const auto& d : definitions) {
    ProblemInfo info{d.name, {}, d.description + " (Tanabe and Ishibuchi 2020, RE suite)", {}};
    catalog.push_back({info, [d](const Params&) -> std::unique_ptr<Problem> {
                         return std::make_unique<RealWorldProblem>(d);
                       }});
  }
}

void add_re(Catalog& catalog) {
  add_re_definitions(catalog, re_two_objective_definitions());
  add_re_definitions(catalog, re_three_objective_definitions());
  add_re_definitions(catalog, re_many_objective_definitions());
}

}  // namespace paretokit::problems::detail
