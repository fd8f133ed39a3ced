#include <catch2/catch.hpp>

#include <cmath>

#include "paretokit/core/error.hpp"
#include "paretokit/stats/friedman.hpp"
#include "paretokit/stats/nemenyi.hpp"

using paretokit::Matrix;
using namespace paretokit::stats;

namespace {

// Demšar (2006), Table 6: AUC of C4.5, C4.5+m, C4.5+cf, C4.5+m+cf on 14 data
// sets. The paper prints 0.975 twice for "voting" but ranks C4.5+cf second
// and C4.5+m+cf third, so the unrounded values differed: 0.97501 keeps the
// paper's ranks (and so its mean ranks and statistics).
Matrix demsar_table6() {
  Matrix auc(14, 4);
  auc << 0.763, 0.768, 0.771, 0.798,  //
      0.599, 0.591, 0.590, 0.569,     //
      0.954, 0.971, 0.968, 0.967,     //
      0.628, 0.661, 0.654, 0.657,     //
      0.882, 0.888, 0.886, 0.898,     //
      0.936, 0.931, 0.916, 0.931,     //
      0.661, 0.668, 0.609, 0.685,     //
      0.583, 0.583, 0.563, 0.625,     //
      0.775, 0.838, 0.866, 0.875,     //
      1.000, 1.000, 1.000, 1.000,     //
      0.940, 0.962, 0.965, 0.962,     //
      0.619, 0.666, 0.614, 0.669,     //
      0.972, 0.981, 0.97501, 0.975,   //
      0.957, 0.978, 0.946, 0.970;
  return auc;
}

}  // namespace

TEST_CASE("Friedman: Demšar 2006 worked example section 3.2.2") {
  const FriedmanResult result = friedman_test(demsar_table6(), RankOrder::higher_is_better);
  REQUIRE(result.n_blocks == 14);
  REQUIRE(result.n_treatments == 4);
  // Mean ranks 3.143, 2.000, 2.893, 1.964 (exactly 44, 28, 40.5, 27.5 over 14).
  CHECK(result.mean_ranks[0] == Approx(44.0 / 14.0));
  CHECK(result.mean_ranks[1] == Approx(28.0 / 14.0));
  CHECK(result.mean_ranks[2] == Approx(40.5 / 14.0));
  CHECK(result.mean_ranks[3] == Approx(27.5 / 14.0));
  // chi2_F = 9.28 and F_F = 3.69 in the paper; exact values by hand:
  // chi2_F = 8.4 (5116.5 / 196 - 25), F_F = 13 chi2_F / (42 - chi2_F).
  const double chi2 = 8.4 * (5116.5 / 196.0 - 25.0);
  CHECK(result.chi_squared == Approx(chi2).epsilon(1e-12));
  CHECK(result.chi_squared == Approx(9.28).margin(0.005));
  CHECK(result.chi_squared_df == 3.0);
  CHECK(result.f_statistic == Approx(13.0 * chi2 / (42.0 - chi2)).epsilon(1e-12));
  CHECK(result.f_statistic == Approx(3.69).margin(0.005));
  CHECK(result.f_df1 == 3.0);
  CHECK(result.f_df2 == 39.0);
  // The paper: F(3, 39) critical value at 0.05 is 2.85 < 3.69, so p < 0.05;
  // chi2(3) survival at 9.2786 is 0.02581.
  CHECK(result.f_p_value < 0.05);
  CHECK(result.f_p_value > 0.01);
  CHECK(result.chi_squared_p_value == Approx(0.02581).margin(5e-5));
}

TEST_CASE("Friedman: hand-computed 4 blocks x 3 treatments with closed-form p-values") {
  Matrix scores(4, 3);
  scores << 1, 2, 3,  //
      1, 3, 2,        //
      2, 1, 3,        //
      1, 2, 3;
  const FriedmanResult result = friedman_test(scores);
  // Mean ranks 1.25, 2, 2.75; chi2 = 12*4/(3*4) (13.125 - 12) = 4.5.
  CHECK(result.mean_ranks[0] == 1.25);
  CHECK(result.mean_ranks[1] == 2.0);
  CHECK(result.mean_ranks[2] == 2.75);
  CHECK(result.chi_squared == Approx(4.5).epsilon(1e-12));
  // chi2 with 2 df: P(X >= x) = exp(-x / 2).
  CHECK(result.chi_squared_p_value == Approx(std::exp(-2.25)).epsilon(1e-10));
  // F = 3 * 4.5 / (8 - 4.5) = 27/7 on (2, 6) df; P(F(2, d) >= x) = (1 + 2x/d)^(-d/2) = (7/16)^3.
  CHECK(result.f_statistic == Approx(27.0 / 7.0).epsilon(1e-12));
  CHECK(result.f_p_value == Approx(343.0 / 4096.0).epsilon(1e-10));
}

TEST_CASE("Friedman: identical rankings give F = inf p = 0 - all ties give chi2 = 0 p = 1") {
  Matrix agree(5, 3);
  for (int row = 0; row < 5; ++row) agree.row(row) << 1.0, 2.0, 3.0;
  const FriedmanResult result = friedman_test(agree);
  CHECK(result.chi_squared == Approx(10.0));  // N (k - 1)
  CHECK(std::isinf(result.f_statistic));
  CHECK(result.f_p_value == 0.0);

  const FriedmanResult ties = friedman_test(Matrix::Zero(4, 3));
  CHECK(ties.chi_squared == 0.0);
  CHECK(ties.chi_squared_p_value == Approx(1.0));
  CHECK(ties.f_statistic == 0.0);
  CHECK(ties.f_p_value == Approx(1.0));
}

TEST_CASE("Friedman: too few blocks or treatments is an input error") {
  CHECK_THROWS_AS(friedman_test(Matrix::Zero(1, 3)), paretokit::InputError);
  CHECK_THROWS_AS(friedman_test(Matrix::Zero(5, 1)), paretokit::InputError);
}

TEST_CASE("Nemenyi: Demšar's critical differences and cliques") {
  // CD = 2.569 sqrt(4 * 5 / (6 * 14)) = 1.25 at alpha 0.05 (paper, p. 14).
  const double cd = nemenyi_critical_difference(4, 14);
  CHECK(cd == Approx(1.25).margin(0.005));
  const FriedmanResult result = friedman_test(demsar_table6(), RankOrder::higher_is_better);
  // At 0.05 no pair differs: one clique with every treatment.
  const auto cliques = nemenyi_cliques(result.mean_ranks, cd);
  REQUIRE(cliques.size() == 1);
  CHECK(cliques[0].members == std::vector<paretokit::Index>{3, 1, 2, 0});
  // At 0.10 (CD = 1.12) C4.5+m and C4.5+m+cf beat C4.5, as the paper says.
  const double cd10 = nemenyi_critical_difference(4, 14, 0.10);
  CHECK(cd10 == Approx(2.291 * std::sqrt(20.0 / 84.0)).margin(1e-3));
  const auto cliques10 = nemenyi_cliques(result.mean_ranks, cd10);
  REQUIRE(cliques10.size() == 2);
  CHECK(cliques10[0].members == std::vector<paretokit::Index>{3, 1, 2});
  CHECK(cliques10[1].members == std::vector<paretokit::Index>{2, 0});
  CHECK(cliques10[1].lowest_rank == Approx(40.5 / 14.0));
  CHECK(cliques10[1].highest_rank == Approx(44.0 / 14.0));
}

TEST_CASE("Nemenyi: table equals Demšar's Table 5 and numerical integration") {
  // Demšar (2006), Table 5(a), alpha = 0.05 and 0.10, k = 2..10.
  const double demsar_005[] = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};
  const double demsar_010[] = {1.645, 2.052, 2.291, 2.459, 2.589, 2.693, 2.780, 2.855, 2.920};
  for (int k = 2; k <= 10; ++k) {
    CHECK(nemenyi_q_alpha(k, 0.05) == Approx(demsar_005[k - 2]).margin(1.5e-3));
    CHECK(nemenyi_q_alpha(k, 0.10) == Approx(demsar_010[k - 2]).margin(1.5e-3));
  }
  for (int k : {2, 3, 7, 12, 20}) {
    CHECK(nemenyi_q_alpha(k, 0.05) ==
          Approx(studentized_range_quantile(k, 0.05) / std::sqrt(2.0)).margin(2e-6));
  }
  // k = 2: the range of two normals is |N(0, 2)|, so q / sqrt(2) is z_{0.975}.
  CHECK(studentized_range_quantile(2, 0.05) / std::sqrt(2.0) == Approx(1.959964).margin(1e-6));
  CHECK(studentized_range_cdf(3, 3.314) == Approx(0.95).margin(2e-4));  // q_{0.05,3,inf} = 3.314
  CHECK(nemenyi_q_alpha(25, 0.05) > nemenyi_q_alpha(20, 0.05));         // computed beyond the table
  CHECK_THROWS_AS(nemenyi_q_alpha(1, 0.05), paretokit::InputError);
  CHECK_THROWS_AS(nemenyi_q_alpha(3, 1.5), paretokit::InputError);
}
