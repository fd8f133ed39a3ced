// The Friedman test: do k treatments (optimizers) differ over N blocks
// (tasks)? Friedman (1937, 1940), in the form Demšar (2006) recommends for
// comparing classifiers over data sets, with the Iman and Davenport (1980)
// F statistic, which is less conservative.
//
//   chi2_F = 12 N / (k (k + 1)) * (sum_j R_j^2 - k (k + 1)^2 / 4),  k - 1 df
//   F_F    = (N - 1) chi2_F / (N (k - 1) - chi2_F),  (k - 1, (k - 1)(N - 1)) df
//
// where R_j is the mean rank of treatment j. As in Demšar, ranks of tied
// scores are averaged and the statistic is not corrected for ties (so that
// the numbers agree with his worked example). p-values come from Boost.Math's
// chi-squared and Fisher F distributions.
#pragma once

#include "paretokit/core/matrix.hpp"
#include "paretokit/stats/ranks.hpp"

namespace paretokit::stats {

struct FriedmanResult {
  Index n_blocks = 0;      // N, tasks
  Index n_treatments = 0;  // k, optimizers
  Vector mean_ranks;       // R_j, one per treatment (column)

  double chi_squared = 0;          // chi2_F
  double chi_squared_df = 0;       // k - 1
  double chi_squared_p_value = 1;  // P(chi2(k - 1) >= chi2_F)

  // Iman-Davenport. When every block ranks the treatments identically the
  // denominator vanishes: F is +infinity and its p-value 0.
  double f_statistic = 0;
  double f_df1 = 0;  // k - 1
  double f_df2 = 0;  // (k - 1)(N - 1)
  double f_p_value = 1;
};

// scores: N blocks (rows) x k treatments (columns), N >= 2, k >= 2.
// Throws InputError for fewer rows or columns.
FriedmanResult friedman_test(const MatrixRef& scores, RankOrder order = RankOrder::lower_is_better);

// The same from ranks already computed (each row a permutation of average ranks).
FriedmanResult friedman_test_from_ranks(const MatrixRef& ranks);

}  // namespace paretokit::stats
