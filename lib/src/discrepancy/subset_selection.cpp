// Star-discrepancy subset selection: randomized greedy construction plus a
// local search that swaps points in and out of the critical box, after the
// "shift" heuristic of Clément, Doerr and Paquete, "Heuristic approaches to
// obtain low-discrepancy point sets via subset selection", J. Complexity 83, 2024.
//
// What differs from shift: instead of recomputing the discrepancy of every
// candidate swap, each restart keeps a cache of recent critical boxes with
// their point counts for the current subset. A swap (out p, in r) changes a
// cached box's count by [r in box] - [p in box], so it is screened in O(d) per
// box; only swaps that pass every cached box get an exact evaluation, which
// stops as soon as it meets a box at least as bad as the incumbent (that box
// joins the cache). One restart costs O(greedy + moves * cache * d) plus the
// exact evaluations, O(k^d) each at worst.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>

#include "paretokit/core/error.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/discrepancy/star_discrepancy.hpp"
#include "paretokit/discrepancy/subset_selection.hpp"
#include "subset_evaluator.hpp"
#include "subset_evaluator_2d.hpp"
#include "subset_refine.hpp"

namespace paretokit::discrepancy {

namespace {

using detail::LocalBox;
using detail::PointColumns;
using detail::SubsetEvaluator;
using detail::SubsetEvaluator2D;
using Clock = std::chrono::steady_clock;

struct CachedBox {
  LocalBox box;
  Index count = 0;  // points of the current subset inside
};

struct RestartResult {
  std::vector<Index> indices;
  double value = std::numeric_limits<double>::infinity();
  double start = 0.0;
  std::uint64_t evaluations = 0;
  bool ran = false;
};

class Restart {
 public:
  Restart(const PointColumns& points, Index k, const SubsetOptions& options, Rng rng,
          Clock::time_point deadline, bool has_deadline)
      : points_(points),
        evaluator_(points),
        evaluator_2d_(points),
        planar_(points.dimension() == 2),
        n_(points.size()),
        k_(k),
        options_(options),
        rng_(rng),
        deadline_(deadline),
        has_deadline_(has_deadline),
        selected_(static_cast<std::size_t>(n_), 0) {}

  RestartResult run() {
    greedy();
    RestartResult result;
    result.ran = true;
    result.start = value_;
    local_search();
    // Iterated local search: kick the local optimum by a few random swaps,
    // descend again, and keep the result only when it is better.
    std::vector<Index> best = subset_;
    double best_value = value_;
    for (int kick = 0; kick < options_.perturbations && k_ < n_ && !out_of_time(); ++kick) {
      const int swaps = 2 + static_cast<int>(rng_.below(2));
      for (int s = 0; s < swaps; ++s) {
        const auto slot = static_cast<std::size_t>(rng_.below(static_cast<std::uint64_t>(k_)));
        Index in = static_cast<Index>(rng_.below(static_cast<std::uint64_t>(n_)));
        while (selected_[static_cast<std::size_t>(in)])
          in = static_cast<Index>(rng_.below(static_cast<std::uint64_t>(n_)));
        selected_[static_cast<std::size_t>(subset_[slot])] = 0;
        selected_[static_cast<std::size_t>(in)] = 1;
        subset_[slot] = in;
      }
      reset();
      local_search();
      if (value_ < best_value) {
        best = subset_;
        best_value = value_;
      } else {
        for (Index id : subset_) selected_[static_cast<std::size_t>(id)] = 0;
        subset_ = best;
        for (Index id : subset_) selected_[static_cast<std::size_t>(id)] = 1;
        value_ = best_value;
      }
    }
    result.indices = best;
    std::sort(result.indices.begin(), result.indices.end());
    result.value = best_value;
    result.evaluations = evaluator_.evaluations() + evaluator_2d_.evaluations();
    return result;
  }

 private:
  // D* of `ids` (or a box reaching stop_at): the O(k^2) sweep in 2-D.
  double evaluate(const std::vector<Index>& ids, LocalBox& box,
                  double stop_at = std::numeric_limits<double>::infinity()) {
    return planar_ ? evaluator_2d_.evaluate(ids, box, stop_at) : evaluator_.evaluate(ids, box, stop_at);
  }

  bool out_of_time() const { return has_deadline_ && Clock::now() >= deadline_; }

  // Adds, k times, the best of a few random candidates to the partial subset.
  void greedy() {
    LocalBox box;
    std::vector<Index> trial;
    const int candidates = 16;
    while (static_cast<Index>(subset_.size()) < k_) {
      double best = std::numeric_limits<double>::infinity();
      Index chosen = -1;
      trial = subset_;
      trial.push_back(0);
      for (int c = 0; c < candidates; ++c) {
        Index r = static_cast<Index>(rng_.below(static_cast<std::uint64_t>(n_)));
        while (selected_[static_cast<std::size_t>(r)])
          r = static_cast<Index>(rng_.below(static_cast<std::uint64_t>(n_)));
        trial.back() = r;
        const double value = evaluate(trial, box, best);
        if (value < best) best = value, chosen = r;
        if (out_of_time() && chosen >= 0) break;
      }
      subset_.push_back(chosen);
      selected_[static_cast<std::size_t>(chosen)] = 1;
    }
    value_ = evaluate(subset_, worst_);
    remember(worst_);
  }

  // Re-evaluates the current subset from scratch and recounts the cache.
  void reset() {
    value_ = evaluate(subset_, worst_);
    for (auto& entry : cache_) {
      entry.count = 0;
      for (Index id : subset_) entry.count += points_.in_box(id, entry.box) ? 1 : 0;
    }
    remember(worst_);
  }

  void remember(const LocalBox& box) {
    CachedBox entry{box, 0};
    for (Index id : subset_) entry.count += points_.in_box(id, box) ? 1 : 0;
    if (cache_.size() < kCacheSize) {
      cache_.push_back(std::move(entry));
    } else {
      cache_[next_slot_] = std::move(entry);
      next_slot_ = (next_slot_ + 1) % kCacheSize;
    }
  }

  double local_value(const CachedBox& entry, Index count) const {
    const double fraction = double(count) / double(k_);
    return entry.box.closed ? fraction - entry.box.volume : entry.box.volume - fraction;
  }

  // True when some cached box already rules the swap out.
  bool screened_out(Index out, Index in) const {
    for (const auto& entry : cache_) {
      const Index count =
          entry.count - (points_.in_box(out, entry.box) ? 1 : 0) + (points_.in_box(in, entry.box) ? 1 : 0);
      if (local_value(entry, count) >= value_) return true;
    }
    return false;
  }

  // Picks a swap that can relieve the worst box: a point out of an over-full
  // closed box, or a point into an under-full open box; now and then any swap.
  std::pair<std::size_t, Index> propose() {
    const bool any = rng_.uniform() < 0.2;
    const bool closed = worst_.closed;
    std::size_t slot = 0;
    for (int tries = 0; tries < 64; ++tries) {
      slot = static_cast<std::size_t>(rng_.below(static_cast<std::uint64_t>(k_)));
      if (any || points_.in_box(subset_[slot], worst_) == closed) break;
    }
    Index in = 0;
    for (int tries = 0; tries < 64; ++tries) {
      in = static_cast<Index>(rng_.below(static_cast<std::uint64_t>(n_)));
      if (selected_[static_cast<std::size_t>(in)]) continue;
      if (any || points_.in_box(in, worst_) != closed) break;
    }
    return {slot, in};
  }

  void local_search() {
    if (k_ >= n_) return;
    LocalBox found;
    int failures = 0;
    std::vector<Index> trial;
    while (failures < options_.max_failed_moves && !out_of_time()) {
      const auto [slot, in] = propose();
      const Index out = subset_[slot];
      if (selected_[static_cast<std::size_t>(in)] || screened_out(out, in)) {
        ++failures;
        continue;
      }
      trial = subset_;
      trial[slot] = in;
      const double value = evaluate(trial, found, value_);
      if (value >= value_) {
        ++failures;
        remember(found);
        continue;
      }
      // Accept: update the subset and the cached counts incrementally.
      for (auto& entry : cache_)
        entry.count += (points_.in_box(in, entry.box) ? 1 : 0) - (points_.in_box(out, entry.box) ? 1 : 0);
      subset_[slot] = in;
      selected_[static_cast<std::size_t>(out)] = 0;
      selected_[static_cast<std::size_t>(in)] = 1;
      value_ = value;
      worst_ = found;
      remember(found);
      failures = 0;
    }
  }

  static constexpr std::size_t kCacheSize = 48;
  const PointColumns& points_;
  SubsetEvaluator evaluator_;
  SubsetEvaluator2D evaluator_2d_;
  bool planar_;
  Index n_, k_;
  const SubsetOptions& options_;
  Rng rng_;
  Clock::time_point deadline_;
  bool has_deadline_;
  std::vector<char> selected_;
  std::vector<Index> subset_;
  double value_ = 0.0;
  LocalBox worst_;
  std::vector<CachedBox> cache_;
  std::size_t next_slot_ = 0;
};

Matrix prepared(const MatrixRef& points, bool normalize) {
  if (normalize) return normalize_columns(points);
  check_unit_cube(points, "points");
  return points;
}

void check_k(const MatrixRef& points, Index k) {
  if (points.cols() == 0) throw InputError("points with no coordinates");
  if (k < 1 || k > points.rows())
    throw InputError(
        "k = " + std::to_string(k) + " must lie in [1, n] with n = " + std::to_string(points.rows()),
        Location::of_field("k"));
}

}  // namespace

double subset_discrepancy(const MatrixRef& points, const std::vector<Index>& indices) {
  for (Index id : indices)
    if (id < 0 || id >= points.rows())
      throw InputError("subset index " + std::to_string(id) + " out of range");
  const PointColumns columns(points);
  SubsetEvaluator evaluator(columns);
  LocalBox box;
  return evaluator.evaluate(indices, box);
}

SubsetResult select_subset(const MatrixRef& input, Index k, const SubsetOptions& options) {
  const auto start = Clock::now();
  check_k(input, k);
  const Matrix points = prepared(input, options.normalize);
  if (k == points.rows()) {  // nothing to choose: all points, D* by DEM
    SubsetResult all;
    all.indices.resize(static_cast<std::size_t>(k));
    for (Index i = 0; i < k; ++i) all.indices[static_cast<std::size_t>(i)] = i;
    all.discrepancy = all.start_discrepancy =
        star_discrepancy_exact(points, {.threads = options.threads}).value;
    all.restarts_run = 1;
    all.best_restart = 0;
    all.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return all;
  }
  const PointColumns columns(points);
  const bool has_deadline = options.time_limit_seconds > 0.0;
  const auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                                    has_deadline ? options.time_limit_seconds : 0.0));
  std::unique_ptr<tbb::global_control> limit;
  if (options.threads > 0)
    limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                  static_cast<std::size_t>(options.threads));
  const int restarts = std::max(1, options.restarts);
  std::vector<RestartResult> results(static_cast<std::size_t>(restarts));
  tbb::parallel_for(0, restarts, [&](int r) {
    // The first restart always runs (its greedy start at least), so that there
    // is a subset to return.
    if (r > 0 && has_deadline && Clock::now() >= deadline) return;
    Restart restart(columns, k, options, Rng::stream(options.seed, static_cast<std::uint64_t>(r)), deadline,
                    has_deadline);
    results[static_cast<std::size_t>(r)] = restart.run();
  });
  SubsetResult result;
  for (int r = 0; r < restarts; ++r) {
    const auto& run = results[static_cast<std::size_t>(r)];
    if (!run.ran) continue;
    ++result.restarts_run;
    result.evaluations += run.evaluations;
    if (result.best_restart < 0 || run.value < result.discrepancy) {
      result.best_restart = r;
      result.discrepancy = run.value;
      result.indices = run.indices;
      result.start_discrepancy = run.start;
    }
  }
  if (points.cols() == 2 && options.refine_2d && !result.indices.empty()) {
    detail::RefineOptions refine;
    if (has_deadline) {
      refine.time_limit_seconds =
          options.time_limit_seconds - std::chrono::duration<double>(Clock::now() - start).count();
    }
    if (!has_deadline || refine.time_limit_seconds > 0.0)
      detail::refine_subset_2d(points, k, result.indices, result.discrepancy, refine);
  }
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.timed_out = has_deadline && result.seconds >= options.time_limit_seconds;
  return result;
}

}  // namespace paretokit::discrepancy
