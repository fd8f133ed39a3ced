// Variation on mixed search spaces (algorithms/variation.hpp): categorical
// variables cross and mutate as categories (children always decode to valid
// categories; random reset changes a category at the mutation rate), real-only
// problems get exactly SBX + PM, and an algorithm finds the best category.
#include <catch2/catch.hpp>

#include <cmath>

#include "paretokit/algorithms/hype.hpp"
#include "paretokit/algorithms/nsga2.hpp"
#include "paretokit/algorithms/variation.hpp"
#include "paretokit/core/search_space.hpp"
#include "test_support.hpp"

using namespace paretokit;

namespace {

SearchSpace mixed_space() {
  SearchSpace s;
  s.add_real("x0", 0.0, 1.0)
      .add_categorical("c", {"slow", "best", "worse", "worst"})
      .add_real("x1", 0.0, 1.0)
      .add_integer("n", 0, 5)
      .add_real("x2", 0.0, 1.0);
  return s;
}

// Rows of canonical encodings of random values of the space.
Matrix random_encodings(const SearchSpace& space, Index n, Rng& rng) {
  Matrix Z(n, space.size());
  for (Index i = 0; i < Z.size(); ++i) Z.data()[i] = rng.uniform();
  return space.encode(space.decode(Z));
}

// Two objectives over three reals and one categorical with an offset per
// category (0.3, 0, 0.6, 1): f1 = x0 + offset, f2 = 1 - x0 + x1^2 + x2^2 +
// offset. Its front has c = "best" (index 1) and x1 = x2 = 0.
class CategoryProblem : public Problem {
 public:
  std::string name() const override { return "category"; }
  Index n_var() const override { return 4; }
  Index n_obj() const override { return 2; }
  Vector lower_bounds() const override { return space().lower_bounds(); }
  Vector upper_bounds() const override { return space().upper_bounds(); }
  std::optional<SearchSpace> search_space() const override { return space(); }
  void evaluate_into(const MatrixRef& X, MatrixMut F, MatrixMut G) const override {
    (void)G;
    static const double offset[] = {0.3, 0.0, 0.6, 1.0};
    for (Index i = 0; i < X.rows(); ++i) {
      space().validate_row(X.row(i));
      const double o = offset[static_cast<int>(X(i, 1))];
      F(i, 0) = X(i, 0) + o;
      F(i, 1) = 1.0 - X(i, 0) + X(i, 2) * X(i, 2) + X(i, 3) * X(i, 3) + o;
    }
  }
  static SearchSpace space() {
    SearchSpace s;
    s.add_real("x0", 0.0, 1.0)
        .add_categorical("c", {"slow", "best", "worse", "worst"})
        .add_real("x1", 0.0, 1.0)
        .add_real("x2", 0.0, 1.0);
    return s;
  }
};

}  // namespace

TEST_CASE("mixed variation: categorical children decode to valid categories and mutate at the set rate") {
  const SearchSpace space = mixed_space();
  const Index d = space.size();
  Rng rng(5);
  const Index pairs = 20000;
  const Matrix first = random_encodings(space, pairs, rng);
  const Matrix second = random_encodings(space, pairs, rng);
  const Vector lower = Vector::Zero(d), upper = Vector::Ones(d);
  SbxOptions no_crossover;
  no_crossover.prob = 0.0;
  for (double prob_m : {-1.0, 0.3}) {
    PolynomialMutationOptions mutation;
    mutation.prob_var = prob_m;
    const Matrix children = vary(first, second, lower, upper, &space, no_crossover, mutation, rng);
    REQUIRE(children.rows() == 2 * pairs);
    // Canonical encodings of valid values.
    CHECK((space.encode(space.decode(children)) - children).cwiseAbs().maxCoeff() == 0.0);
    const Matrix values = space.decode(children);
    for (Index i = 0; i < values.rows(); i += 97) CHECK_NOTHROW(space.validate_row(values.row(i)));
    const Matrix parents_values = space.decode((Matrix(2 * pairs, d) << first, second).finished());
    // Without crossover each child is its parent mutated: the category
    // changes with probability prob * prob_m (prob: the share of children
    // mutated at all, 0.9; prob_m: default min(0.5, 1 / n_var)), to each
    // other category alike.
    const double expected = mutation.prob * (prob_m < 0.0 ? 1.0 / static_cast<double>(d) : prob_m);
    Index changed = 0;
    std::vector<Index> to(4, 0);
    for (Index i = 0; i < values.rows(); ++i) {
      const double c = values(i, 1);
      CHECK((c == 0.0 || c == 1.0 || c == 2.0 || c == 3.0));
      if (c != parents_values(i, 1)) {
        ++changed;
        ++to[static_cast<std::size_t>(c)];
      }
    }
    const double n = static_cast<double>(values.rows());
    const double rate = static_cast<double>(changed) / n;
    INFO("prob_m " << prob_m << ": category changed in " << rate << " of the children, expected "
                   << expected);
    CHECK(std::abs(rate - expected) < 4.0 * std::sqrt(expected * (1.0 - expected) / n) + 1e-3);
    for (Index c : to) CHECK(std::abs(static_cast<double>(c) / static_cast<double>(changed) - 0.25) < 0.03);
  }
  // With crossover but no mutation a child's category is one of its parents'.
  PolynomialMutationOptions no_mutation;
  no_mutation.prob_var = 0.0;
  SbxOptions always;
  always.prob = 1.0;
  const Matrix children = vary(first, second, lower, upper, &space, always, no_mutation, rng);
  const Matrix values = space.decode(children);
  const Matrix a = space.decode(first), b = space.decode(second);
  Index swapped = 0;
  for (Index i = 0; i < pairs; ++i) {
    const bool straight = values(i, 1) == a(i, 1) && values(pairs + i, 1) == b(i, 1);
    const bool crossed = values(i, 1) == b(i, 1) && values(pairs + i, 1) == a(i, 1);
    CHECK((straight || crossed));
    if (crossed && a(i, 1) != b(i, 1)) ++swapped;
  }
  // Half of the pairs with different categories swap them.
  Index differ = 0;
  for (Index i = 0; i < pairs; ++i) differ += a(i, 1) != b(i, 1);
  CHECK(std::abs(static_cast<double>(swapped) / static_cast<double>(differ) - 0.5) < 0.03);
}

TEST_CASE("mixed variation: without categoricals vary is exactly SBX then PM") {
  Rng data(9);
  Matrix first(50, 6), second(50, 6);
  for (Index i = 0; i < first.size(); ++i) {
    first.data()[i] = data.uniform(-2.0, 3.0);
    second.data()[i] = data.uniform(-2.0, 3.0);
  }
  const Vector lower = Vector::Constant(6, -2.0), upper = Vector::Constant(6, 3.0);
  Rng a(3), b(3);
  const Matrix varied =
      vary(first, second, lower, upper, nullptr, SbxOptions{}, PolynomialMutationOptions{}, a);
  Matrix expected = sbx(first, second, lower, upper, SbxOptions{}, b);
  polynomial_mutation(expected, lower, upper, PolynomialMutationOptions{}, b);
  CHECK((varied - expected).cwiseAbs().maxCoeff() == 0.0);
  CHECK(a.state() == b.state());
}

TEST_CASE("mixed variation: NSGA-II and HypE reach the best category") {
  // The offset of a category enters both objectives, so a point of another
  // category is dominated by the same point in the best one: the whole front
  // must be in it (30 seeds out of 30 when written; the population too,
  // though random reset keeps proposing other categories, at rate 1/4 here).
  CategoryProblem problem;
  NSGA2 nsga2(NSGA2::Options{40, 0, {}});
  HypE::Options hype_options;
  hype_options.pop_size = 40;
  HypE hype(hype_options);
  for (PopulationAlgorithm* algorithm : std::vector<PopulationAlgorithm*>{&nsga2, &hype}) {
    INFO(algorithm->name());
    algorithm->setup(problem, 3);
    paretokit::testing::drive(*algorithm, problem, 60);  // evaluate_into validates every row
    const Matrix front = paretokit::testing::final_front(*algorithm);
    REQUIRE(front.rows() > 5);
    // Only the best category (offset 0) reaches f1 + f2 < 1 + 0.3.
    CHECK((front.col(0) + front.col(1)).maxCoeff() < 1.05);
    const Matrix& X = algorithm->population_x();
    const auto best = (X.col(1).array() == 1.0).count();
    CHECK(best >= X.rows() * 3 / 4);
  }
}
