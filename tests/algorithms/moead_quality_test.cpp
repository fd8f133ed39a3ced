// MOEA/D-PBI on DTLZ2 (m = 3, 91 subproblems, 250 generations, SBX eta_c =
// 20, PM eta_m = 20, T = 20) against Deb and Jain (2014), Table III: median
// IGD 6.406e-4 against the targeted points w / |w|. The published runs use
// Zhang and Li's 2007 algorithm: sequential updates and mating always in the
// neighbourhood (batch_size 1, prob_neighbor_mating 1). The whole-generation
// batch modes (classic and tensor) are compared with each other.
#include <catch2/catch.hpp>

#include <iostream>

#include "paretokit/algorithms/moead.hpp"
#include "paretokit/problems/dtlz.hpp"
#include "paretokit/problems/registry.hpp"
#include "test_support.hpp"

using namespace paretokit;
using paretokit::testing::final_front;
using paretokit::testing::igd_to;
using paretokit::testing::median;

namespace {

double moead_median_igd(MoeadMode mode, Index batch_size, double delta, const char* label) {
  auto problem = make_problem("dtlz2", {{"n_obj", 3}, {"k", 10}});  // Deb and Jain's size
  std::vector<double> igds;
  for (std::uint64_t seed = 1; seed <= 11; ++seed) {
    MOEAD::Options options;
    options.n_partitions = {12};
    options.decomposition = Decomposition::pbi;
    options.mode = mode;
    options.batch_size = batch_size;
    options.prob_neighbor_mating = delta;
    MOEAD algorithm(options);
    algorithm.setup(*problem, seed);
    const Index budget = 251 * algorithm.directions().rows();  // initial population + 250 generations
    while (algorithm.evaluations() < budget) {
      const Matrix X = algorithm.ask();
      algorithm.tell(X, problem->evaluate(X));
    }
    const Matrix targets = problems::dtlz_targeted_points("dtlz2", algorithm.directions());
    igds.push_back(igd_to(final_front(algorithm), targets));
  }
  const double m = median(igds);
  std::cout << "moead-pbi dtlz2 m=3 " << label << " median IGD over 11 seeds: " << m << "\n";
  return m;
}

}  // namespace

TEST_CASE("moead quality: sequential MOEA/D-PBI on DTLZ2 m=3 reaches the published median 6.406e-4") {
  CHECK(moead_median_igd(MoeadMode::classic, 1, 1.0, "sequential (batch 1, delta 1)") <= 6.406e-4);
}

TEST_CASE("moead quality: the tensor update loses no quality against the classic batch update") {
  const double classic = moead_median_igd(MoeadMode::classic, 0, 1.0, "classic batch (delta 1)");
  const double tensor = moead_median_igd(MoeadMode::tensor, 0, 1.0, "tensor batch (delta 1)");
  CHECK(tensor <= 1.1 * classic);
  // Both batch modes stay within 25% of the published sequential median.
  CHECK(classic <= 1.25 * 6.406e-4);
  CHECK(tensor <= 1.25 * 6.406e-4);
}
