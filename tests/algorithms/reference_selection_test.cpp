// SMS-EMOA's survival and random search's archive against brute-force
// references written from the papers' definitions, independent of the
// library's sorting and hypervolume code: non-dominated sorting by pairwise
// comparison, exclusive contributions by inclusion-exclusion
// (HV(S) - HV(S \ {i})), the archive by filtering every evaluated point.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <vector>

#include "paretokit/algorithms/registry.hpp"
#include "paretokit/problems/registry.hpp"

using namespace paretokit;

namespace {

bool pareto_dominates(const RowVector& a, const RowVector& b) {
  return (a.array() <= b.array()).all() && (a.array() < b.array()).any();
}

// Deb's constrained domination on (objectives, total violation).
bool constrained_dominates(const RowVector& fa, double cva, const RowVector& fb, double cvb) {
  if (cva <= 0.0 && cvb > 0.0) return true;
  if (cva > 0.0) return cvb > 0.0 && cva < cvb;
  return cvb <= 0.0 && pareto_dominates(fa, fb);
}

// Rows of `rows` that no other row of `rows` dominates.
std::vector<Index> first_front(const Matrix& F, const Vector& cv, const std::vector<Index>& rows) {
  std::vector<Index> front;
  for (Index i : rows) {
    bool dominated = false;
    for (Index j : rows)
      if (j != i && constrained_dominates(F.row(j), cv[j], F.row(i), cv[i])) dominated = true;
    if (!dominated) front.push_back(i);
  }
  return front;
}

// Hypervolume of the rows of F against r by inclusion-exclusion over every
// non-empty subset (fine for the <= 12 rows used here).
double hypervolume_brute(const Matrix& F, const Vector& r) {
  const Index n = F.rows();
  double total = 0.0;
  for (unsigned long mask = 1; mask < (1ul << n); ++mask) {
    Vector corner = Vector::Constant(F.cols(), -1e300);
    int count = 0;
    for (Index i = 0; i < n; ++i)
      if (mask & (1ul << i)) {
        corner = corner.cwiseMax(F.row(i).transpose());
        ++count;
      }
    const double volume = (r - corner).cwiseMax(0.0).prod();
    total += count % 2 == 1 ? volume : -volume;
  }
  return total;
}

Matrix rows_of(const Matrix& F, const std::vector<Index>& rows) {
  Matrix out(static_cast<Index>(rows.size()), F.cols());
  for (std::size_t k = 0; k < rows.size(); ++k) out.row(static_cast<Index>(k)) = F.row(rows[k]);
  return out;
}

// SMS-EMOA's (mu + lambda) survival: whole fronts while they fit, then the
// last front emptied one by one of its least exclusive contributor, the
// reference being its worst point + offset * range (recomputed each time).
// nullopt when two least contributions tie (within rounding: e.g. any two
// points of a 2-D front contribute exactly range_1 * range_2 each), where
// the choice is the implementation's.
std::optional<Matrix> smsemoa_survivors(const Matrix& F, Index mu, double offset) {
  const Vector cv = Vector::Zero(F.rows());
  std::vector<Index> left(static_cast<std::size_t>(F.rows()));
  for (Index i = 0; i < F.rows(); ++i) left[static_cast<std::size_t>(i)] = i;
  std::vector<Index> kept;
  while (static_cast<Index>(kept.size()) < mu) {
    std::vector<Index> front = first_front(F, cv, left);
    for (Index i : front) left.erase(std::find(left.begin(), left.end(), i));
    while (static_cast<Index>(kept.size() + front.size()) > mu) {
      const Matrix Ff = rows_of(F, front);
      const Vector worst = Ff.colwise().maxCoeff().transpose(), best = Ff.colwise().minCoeff().transpose();
      const Vector r = worst + offset * (worst - best);
      const double all = hypervolume_brute(Ff, r);
      std::vector<double> contributions;
      for (std::size_t k = 0; k < front.size(); ++k) {
        std::vector<Index> others = front;
        others.erase(others.begin() + static_cast<std::ptrdiff_t>(k));
        contributions.push_back(all - hypervolume_brute(rows_of(F, others), r));
      }
      const auto least = static_cast<std::size_t>(
          std::min_element(contributions.begin(), contributions.end()) - contributions.begin());
      for (std::size_t k = 0; k < contributions.size(); ++k)
        if (k != least && contributions[k] - contributions[least] <= 1e-9 * all) return std::nullopt;
      front.erase(front.begin() + static_cast<std::ptrdiff_t>(least));
    }
    kept.insert(kept.end(), front.begin(), front.end());
  }
  return rows_of(F, kept);
}

// Rows sorted lexicographically, to compare sets whatever their order.
std::vector<std::vector<double>> sorted_rows(const Matrix& F) {
  std::vector<std::vector<double>> rows;
  for (Index i = 0; i < F.rows(); ++i) {
    std::vector<double> row;
    for (Index j = 0; j < F.cols(); ++j) row.push_back(F(i, j));
    rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

}  // namespace

TEST_CASE("smsemoa: survival equals brute-force least-contribution removal on small populations") {
  struct Case {
    const char* problem;
    nlohmann::json params;
    Index n_offsprings;
  };
  for (const Case& c :
       {Case{"zdt1", {{"n_var", 5}}, 1}, Case{"zdt1", {{"n_var", 5}}, 3},
        Case{"dtlz2", {{"n_var", 5}, {"n_obj", 3}}, 1}, Case{"dtlz2", {{"n_var", 5}, {"n_obj", 3}}, 2}}) {
    INFO(c.problem << " n_offsprings " << c.n_offsprings);
    const auto problem = make_problem(c.problem, c.params);
    auto algorithm = make_algorithm("smsemoa", {{"pop_size", 8}, {"n_offsprings", c.n_offsprings}});
    algorithm->setup(*problem, 11);
    int checked = 0;
    const Matrix X0 = algorithm->ask();
    algorithm->tell(X0, problem->evaluate(X0));
    for (int generation = 0; generation < 40; ++generation) {
      INFO("generation " << generation);
      const Matrix X = algorithm->ask();
      const Evaluation offspring = problem->evaluate(X);
      Matrix combined(algorithm->population_f().rows() + X.rows(), problem->n_obj());
      combined << algorithm->population_f(), offspring.objectives;
      const std::optional<Matrix> expected = smsemoa_survivors(combined, 8, 1.0);
      algorithm->tell(X, offspring);
      if (!expected) continue;  // a tie: either choice is right
      ++checked;
      REQUIRE(sorted_rows(algorithm->population_f()) == sorted_rows(*expected));
    }
    CHECK(checked >= 20);  // of 40 generations: ties are the exception
  }
}

TEST_CASE("random search: the archive is the non-dominated set of every point evaluated") {
  for (const char* name : {"zdt1", "c2dtlz2"}) {
    INFO(name);
    const auto problem = make_problem(name, {{"n_var", 4}});
    auto algorithm = make_algorithm("random", {{"pop_size", 7}});
    algorithm->setup(*problem, 5);
    Matrix all_f(0, problem->n_obj()), all_g(0, problem->n_constr());
    for (int batch = 0; batch < 12; ++batch) {
      const Matrix X = algorithm->ask();
      const Evaluation e = problem->evaluate(X);
      algorithm->tell(X, e);
      all_f.conservativeResize(all_f.rows() + X.rows(), Eigen::NoChange);
      all_f.bottomRows(X.rows()) = e.objectives;
      all_g.conservativeResize(all_g.rows() + X.rows(), Eigen::NoChange);
      if (problem->n_constr() > 0) all_g.bottomRows(X.rows()) = e.constraints;
      const Vector cv =
          all_g.cols() > 0 ? Vector(all_g.array().max(0.0).rowwise().sum()) : Vector::Zero(all_f.rows());
      std::vector<Index> every(static_cast<std::size_t>(all_f.rows()));
      for (Index i = 0; i < all_f.rows(); ++i) every[static_cast<std::size_t>(i)] = i;
      INFO("batch " << batch);
      REQUIRE(sorted_rows(algorithm->population_f()) ==
              sorted_rows(rows_of(all_f, first_front(all_f, cv, every))));
    }
  }
}
