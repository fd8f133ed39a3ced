// Friedman (1937) test with the Iman-Davenport (1980) F statistic, as given
// by Demšar (2006), eqs. (1) and (2). O(N k log k) for the ranks.
#include "paretokit/stats/friedman.hpp"

#include <cmath>
#include <limits>
#include <string>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>

#include "paretokit/core/error.hpp"

namespace paretokit::stats {

FriedmanResult friedman_test(const MatrixRef& scores, RankOrder order) {
  if (scores.rows() < 2 || scores.cols() < 2) {
    throw InputError("the Friedman test needs at least 2 blocks and 2 treatments, got " +
                     std::to_string(scores.rows()) + " x " + std::to_string(scores.cols()));
  }
  return friedman_test_from_ranks(rank_rows(scores, order));
}

FriedmanResult friedman_test_from_ranks(const MatrixRef& ranks) {
  const Index n = ranks.rows();
  const Index k = ranks.cols();
  if (n < 2 || k < 2) {
    throw InputError("the Friedman test needs at least 2 blocks and 2 treatments, got " + std::to_string(n) +
                     " x " + std::to_string(k));
  }
  FriedmanResult result;
  result.n_blocks = n;
  result.n_treatments = k;
  result.mean_ranks = ranks.colwise().mean().transpose();

  const auto nd = static_cast<double>(n);
  const auto kd = static_cast<double>(k);
  const double sum_squares = result.mean_ranks.squaredNorm();
  // Clamp rounding noise: the statistic is >= 0 by construction.
  result.chi_squared =
      std::max(0.0, 12.0 * nd / (kd * (kd + 1.0)) * (sum_squares - kd * (kd + 1.0) * (kd + 1.0) / 4.0));
  result.chi_squared_df = kd - 1.0;
  const boost::math::chi_squared chi2(result.chi_squared_df);
  result.chi_squared_p_value = boost::math::cdf(boost::math::complement(chi2, result.chi_squared));

  result.f_df1 = kd - 1.0;
  result.f_df2 = (kd - 1.0) * (nd - 1.0);
  const double denominator = nd * (kd - 1.0) - result.chi_squared;
  // chi2_F reaches N (k - 1) exactly when all blocks agree.
  if (denominator <= 1e-12 * nd * kd) {
    result.f_statistic = std::numeric_limits<double>::infinity();
    result.f_p_value = 0.0;
  } else {
    result.f_statistic = (nd - 1.0) * result.chi_squared / denominator;
    const boost::math::fisher_f f(result.f_df1, result.f_df2);
    result.f_p_value = boost::math::cdf(boost::math::complement(f, result.f_statistic));
  }
  return result;
}

}  // namespace paretokit::stats
