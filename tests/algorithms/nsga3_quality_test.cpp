// NSGA-III against the published medians of Deb and Jain (2014), Table III:
// IGD against the targeted points (0.5 w on DTLZ1, w / |w| on DTLZ2), SBX
// eta_c = 30, PM eta_m = 20, population 92 (m = 3, p = 12, 91 directions) or
// 212 (m = 5, p = 6, 210 directions); initial population + G generations.
//
// The paper's medians are over 20 runs; ours over 31 (m = 3) and 21 (m = 5)
// seeds, because a median over 11 runs of DTLZ1 moves by +-20% from one set
// of seeds to the next. Over many more seeds (1..201 for m = 3, 1..101 for
// m = 5) our medians are:
//   DTLZ1 m=3 1.09e-3 (published 1.308e-3)
//   DTLZ2 m=3 1.17e-3 (published 1.357e-3)
//   DTLZ1 m=5 8.93e-4 (published 9.799e-4)
//   DTLZ2 m=5 4.29e-3 (published 4.982e-3)
// With pymoo's mutation, which leaves a tenth of the children unmutated
// (operators/polynomial_mutation.hpp). Mutating every child, as Deb's code
// does, gives 1.58e-3, 1.37e-3, 1.05e-3 and 4.84e-3: DTLZ1 then converges
// too slowly for the published medians.
#include <catch2/catch.hpp>

#include <iostream>

#include "paretokit/algorithms/nsga3.hpp"
#include "paretokit/problems/dtlz.hpp"
#include "paretokit/problems/registry.hpp"
#include "test_support.hpp"

using namespace paretokit;
using paretokit::testing::drive;
using paretokit::testing::final_front;
using paretokit::testing::igd_to;
using paretokit::testing::median;

namespace {

struct Setting {
  std::string problem;
  Index n_obj;
  Index n_partitions;
  int generations;
  int seeds;
};

double nsga3_median_igd(const Setting& s) {
  // Deb and Jain's sizes: k = 5 for DTLZ1, k = 10 for DTLZ2.
  const int k = s.problem == "dtlz1" ? 5 : 10;
  auto problem = make_problem(s.problem, {{"n_obj", s.n_obj}, {"k", k}});
  std::vector<double> igds;
  for (int seed = 1; seed <= s.seeds; ++seed) {
    NSGA3::Options options;
    options.n_partitions = {s.n_partitions};
    NSGA3 algorithm(options);
    algorithm.setup(*problem, static_cast<std::uint64_t>(seed));
    drive(algorithm, *problem, s.generations + 1);
    const Matrix targets = problems::dtlz_targeted_points(s.problem, algorithm.directions());
    igds.push_back(igd_to(final_front(algorithm), targets));
  }
  const double m = median(igds);
  std::cout << "nsga3 " << s.problem << " m=" << s.n_obj << " median IGD over " << s.seeds << " seeds: " << m
            << "\n";
  return m;
}

}  // namespace

TEST_CASE("nsga3 quality: DTLZ1 m=3, 92 x 400, median IGD vs 1.308e-3 (Deb and Jain 2014)") {
  CHECK(nsga3_median_igd({"dtlz1", 3, 12, 400, 31}) <= 1.308e-3);
}

TEST_CASE("nsga3 quality: DTLZ2 m=3, 92 x 250, median IGD vs 1.357e-3 (Deb and Jain 2014)") {
  CHECK(nsga3_median_igd({"dtlz2", 3, 12, 250, 31}) <= 1.357e-3);
}

TEST_CASE("nsga3 quality: DTLZ1 m=5, 212 x 600, median IGD vs 9.799e-4 (Deb and Jain 2014)") {
  CHECK(nsga3_median_igd({"dtlz1", 5, 6, 600, 21}) <= 9.799e-4);
}

TEST_CASE("nsga3 quality: DTLZ2 m=5, 212 x 350, median IGD vs 4.982e-3 (Deb and Jain 2014)") {
  CHECK(nsga3_median_igd({"dtlz2", 5, 6, 350, 21}) <= 4.982e-3);
}
