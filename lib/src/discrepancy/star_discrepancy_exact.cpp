// Exact star discrepancy by the decomposition of Dobkin, Eppstein and Mitchell,
// "Computing the discrepancy with applications to supersampling patterns",
// ACM Transactions on Graphics 15(4), 1996; O(n^(1 + d/2)) time. The cell
// structure follows the description in the paper and the one used by Magnus
// Wahlström's C implementation; the code is ours.
//
// Dimensions are processed in turn. A node at depth c is a partial cell
// [lo_k, hi_k] for k < c together with
//   rem:    points with x_k <= lo_k for every k < c (inside so far), and
//   forced: points with lo_k < x_k < hi_k for exactly one k < c and
//           x_j <= lo_j for the others (inside iff q_k passes x_k).
// Dimension c is cut into slabs at every forced point's x_c (so no point is
// ever strictly inside a cell in two dimensions) and at every s-th remaining
// point (s = ceil(sqrt(n))). At depth d the count of [0,q) or [0,q] is
// |rem| + sum_k #{forced in dimension k below q_k}: separable, so the largest
// box volume for each count (open boxes) and the smallest (closed boxes) come
// from a dynamic program over the forced points (the "biggest"/"smallest"
// tables of the paper). Cells whose trivial bound cannot beat the best value
// found so far are skipped.
//
// Changes from the original: slabs at depths 0 and 1 run in parallel (oneTBB),
// one workspace per task and no allocation inside the recursion; the pruning
// bound is shared through an atomic; ties between equal worst boxes go to the
// first cell in slab order, so the box does not depend on the thread count.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>

#include "paretokit/core/error.hpp"
#include "paretokit/discrepancy/star_discrepancy.hpp"

namespace paretokit::discrepancy {

namespace {

using Id = std::int32_t;
constexpr double kNone = -std::numeric_limits<double>::infinity();
constexpr double kSlack = 1e-12;

struct Candidate {
  double value = kNone;
  std::vector<std::uint32_t> path;  // slab index at each depth: the cell order
  std::vector<double> upper;
  bool closed = false;
  Index count = 0;
  double volume = 0.0;

  bool better_than(const Candidate& other) const {
    if (value != other.value) return value > other.value;
    return path < other.path;
  }
};

// The inputs of one node: remaining points and forced lists of dims 0..c-1.
struct Level {
  std::vector<Id> rem;  // sorted by x_c; empty for cells (depth d): only the count matters
  std::size_t rem_count = 0;
  std::vector<Id> next;  // rem sorted by x_{c+1}
  std::vector<Id> forced;
  std::vector<std::size_t> offset;  // list k is forced[offset[k], offset[k+1])
  std::vector<double> bounds;
};

struct Workspace {
  Workspace(Index n, Index d)
      : level(static_cast<std::size_t>(d) + 1),
        big(static_cast<std::size_t>(n) + 1),
        small(static_cast<std::size_t>(n) + 1),
        next(static_cast<std::size_t>(n) + 1),
        choice(static_cast<std::size_t>(d * (n + 1))),
        path(static_cast<std::size_t>(d)),
        lo(static_cast<std::size_t>(d)),
        hi(static_cast<std::size_t>(d)),
        suffix_hi(static_cast<std::size_t>(d) + 1),
        suffix_lo(static_cast<std::size_t>(d) + 1) {
    for (auto& l : level) {
      l.rem.reserve(static_cast<std::size_t>(n));
      l.next.reserve(static_cast<std::size_t>(n));
      l.forced.reserve(static_cast<std::size_t>(n));
      l.offset.reserve(static_cast<std::size_t>(d) + 1);
    }
  }
  std::vector<Level> level;
  std::vector<double> big, small, next;
  std::vector<Id> choice;
  std::vector<std::uint32_t> path;
  std::vector<double> lo, hi, suffix_hi, suffix_lo;
  Candidate best;
  std::uint64_t cells = 0;
};

class Engine {
 public:
  Engine(const MatrixRef& points, Index slab_points)
      : n_(points.rows()), d_(points.cols()), x_(static_cast<std::size_t>(n_ * d_)) {
    for (Index j = 0; j < d_; ++j)
      for (Index i = 0; i < n_; ++i) x_[static_cast<std::size_t>(j * n_ + i)] = points(i, j);
    slab_ = slab_points > 0 ? slab_points
                            : std::max<Index>(1, static_cast<Index>(std::ceil(std::sqrt(double(n_)))));
  }

  double x(Id id, Index dim) const { return x_[static_cast<std::size_t>(dim * n_ + id)]; }

  Candidate run(std::uint64_t& cells) {
    Workspace ws(n_, d_);
    Level& root = ws.level[0];
    root.rem.resize(static_cast<std::size_t>(n_));
    for (Index i = 0; i < n_; ++i) root.rem[static_cast<std::size_t>(i)] = static_cast<Id>(i);
    std::sort(root.rem.begin(), root.rem.end(), [&](Id a, Id b) { return x(a, 0) < x(b, 0); });
    root.rem_count = root.rem.size();
    root.forced.clear();
    root.offset.assign(1, 0);
    node(0, ws, root);
    cells = ws.cells;
    return ws.best;
  }

 private:
  // Slab t of dimension c as [lo, hi]; the last slab may be the degenerate
  // [1, 1], which catches closed boxes with q_c = 1.
  void node(Index c, Workspace& ws, Level& in) {
    if (c == d_) {
      leaf(ws, in);
      return;
    }
    // rem arrives sorted by x_c; children get theirs sorted by x_{c+1} by
    // filtering one sorted copy (O(|rem|) per child instead of a sort each).
    const auto& rem = in.rem;
    if (c + 1 < d_) {
      in.next.assign(rem.begin(), rem.end());
      std::sort(in.next.begin(), in.next.end(), [&](Id a, Id b) { return x(a, c + 1) < x(b, c + 1); });
    }
    auto& bounds = in.bounds;
    bounds.clear();
    bounds.push_back(0.0);
    bool top = false;
    for (Id f : in.forced) {
      bounds.push_back(x(f, c));
      top = top || x(f, c) >= 1.0;
    }
    for (std::size_t i = static_cast<std::size_t>(slab_); i < rem.size();
         i += static_cast<std::size_t>(slab_))
      bounds.push_back(x(rem[i], c));
    if (!rem.empty()) top = top || x(rem.back(), c) >= 1.0;
    bounds.push_back(1.0);
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
    const std::size_t slabs = bounds.size() - 1 + (top ? 1 : 0);

    const bool parallel = c < 2 && d_ >= c + 2;
    if (!parallel) {
      std::size_t a = 0, b = 0;
      for (std::size_t t = 0; t < slabs; ++t) {
        const double lo = t + 1 < bounds.size() ? bounds[t] : 1.0;
        const double hi = t + 1 < bounds.size() ? bounds[t + 1] : 1.0;
        while (a < rem.size() && x(rem[a], c) <= lo) ++a;
        b = std::max(a, b);
        while (b < rem.size() && x(rem[b], c) < hi) ++b;
        ws.lo[static_cast<std::size_t>(c)] = lo;
        ws.hi[static_cast<std::size_t>(c)] = hi;
        ws.path[static_cast<std::size_t>(c)] = static_cast<std::uint32_t>(t);
        Level& out = ws.level[static_cast<std::size_t>(c) + 1];
        make_child(c, in, a, b, lo, out);
        node(c + 1, ws, out);
      }
      return;
    }
    // Parallel: each slab gets its own workspace; results reduced in slab order.
    std::vector<Candidate> results(slabs);
    std::vector<std::uint64_t> cells(slabs, 0);
    tbb::parallel_for(std::size_t{0}, slabs, [&](std::size_t t) {
      const double lo = t + 1 < bounds.size() ? bounds[t] : 1.0;
      const double hi = t + 1 < bounds.size() ? bounds[t + 1] : 1.0;
      const auto first_above = [&](double v, bool strict) {
        return static_cast<std::size_t>(
            std::partition_point(rem.begin(), rem.end(),
                                 [&](Id id) { return strict ? x(id, c) < v : x(id, c) <= v; }) -
            rem.begin());
      };
      const std::size_t a = first_above(lo, false);
      const std::size_t b = std::max(a, first_above(hi, true));
      Workspace task(n_, d_);
      task.lo = ws.lo;
      task.hi = ws.hi;
      task.path = ws.path;
      task.lo[static_cast<std::size_t>(c)] = lo;
      task.hi[static_cast<std::size_t>(c)] = hi;
      task.path[static_cast<std::size_t>(c)] = static_cast<std::uint32_t>(t);
      Level& out = task.level[static_cast<std::size_t>(c) + 1];
      make_child(c, in, a, b, lo, out);
      node(c + 1, task, out);
      results[t] = std::move(task.best);
      cells[t] = task.cells;
    });
    for (std::size_t t = 0; t < slabs; ++t) {
      ws.cells += cells[t];
      if (results[t].better_than(ws.best)) ws.best = std::move(results[t]);
    }
  }

  // rem[0, a) lie at or below lo in dimension c, rem[a, b) strictly inside.
  void make_child(Index c, const Level& in, std::size_t a, std::size_t b, double lo, Level& out) const {
    out.rem_count = a;
    out.rem.clear();
    if (c + 1 < d_)
      for (Id id : in.next)
        if (x(id, c) <= lo) out.rem.push_back(id);
    out.forced.clear();
    out.offset.assign(1, 0);
    for (Index k = 0; k < c; ++k) {
      for (std::size_t i = in.offset[static_cast<std::size_t>(k)];
           i < in.offset[static_cast<std::size_t>(k) + 1]; ++i) {
        const Id f = in.forced[i];
        if (x(f, c) <= lo) out.forced.push_back(f);
      }
      out.offset.push_back(out.forced.size());
    }
    out.forced.insert(out.forced.end(), in.rem.begin() + static_cast<std::ptrdiff_t>(a),
                      in.rem.begin() + static_cast<std::ptrdiff_t>(b));
    out.offset.push_back(out.forced.size());
  }

  // One cell: the largest open box (or smallest closed box) for each count of
  // forced points inside, by a dynamic program over the dimensions. Table
  // entries that cannot beat the best value so far even with the most
  // favourable remaining dimensions are dropped; kSlack keeps rounding from
  // dropping a box that ties with the best.
  void leaf(Workspace& ws, const Level& in) {
    ++ws.cells;
    const std::size_t d = static_cast<std::size_t>(d_);
    const double n = static_cast<double>(n_);
    const Index rem = static_cast<Index>(in.rem_count);
    const Index forced = static_cast<Index>(in.forced.size());
    auto& suffix_hi = ws.suffix_hi;
    auto& suffix_lo = ws.suffix_lo;
    suffix_hi[d] = suffix_lo[d] = 1.0;
    for (std::size_t k = d; k-- > 0;) {
      suffix_hi[k] = suffix_hi[k + 1] * ws.hi[k];
      suffix_lo[k] = suffix_lo[k + 1] * ws.lo[k];
    }
    const double best = best_.load(std::memory_order_relaxed) - kSlack;
    const bool open = suffix_hi[0] - double(rem) / n >= best;
    const bool closed = double(rem + forced) / n - suffix_lo[0] >= best;
    if (!open && !closed) return;
    std::size_t open_arg = 0, closed_arg = 0;
    const double open_value = open ? table(ws, in, false, best, false, open_arg) : kNone;
    const double closed_value = closed ? table(ws, in, true, best, false, closed_arg) : kNone;
    const bool use_closed = closed_value > open_value;
    const double value = use_closed ? closed_value : open_value;
    if (!(value > ws.best.value)) return;  // cells come in path order within a workspace

    // Again with the same pruning, recording the choices; gives the same entry.
    std::size_t arg = 0;
    table(ws, in, use_closed, best, true, arg);
    Candidate& record = ws.best;
    record.value = value;
    record.path = ws.path;
    record.closed = use_closed;
    record.count = rem + static_cast<Index>(arg);
    record.volume = use_closed ? ws.small[arg] : ws.big[arg];
    record.upper.assign(d, 0.0);
    for (std::size_t k = d; k-- > 0;) {
      const Id* list = in.forced.data() + in.offset[k];
      const std::size_t m = in.offset[k + 1] - in.offset[k];
      const std::size_t t = static_cast<std::size_t>(ws.choice[k * static_cast<std::size_t>(n_ + 1) + arg]);
      if (use_closed)
        record.upper[k] = t == 0 ? ws.lo[k] : x(list[t - 1], static_cast<Index>(k));
      else
        record.upper[k] = t < m ? x(list[t], static_cast<Index>(k)) : ws.hi[k];
      arg -= t;
    }
    double seen = best_.load(std::memory_order_relaxed);
    while (value > seen && !best_.compare_exchange_weak(seen, value, std::memory_order_relaxed)) {
    }
  }

  // closed == false: table[j] = largest volume of an open box [0,q) holding
  // rem + j points (q_k is a forced coordinate, which it leaves out, or hi_k);
  // closed == true: smallest volume of a closed box [0,q] holding rem + j
  // points (q_k is lo_k or a forced coordinate, which it takes in). Returns the
  // best local discrepancy and its count j in arg; fills ws.choice when track.
  double table(Workspace& ws, const Level& in, bool closed, double best, bool track, std::size_t& arg) const {
    const std::size_t d = static_cast<std::size_t>(d_);
    const double n = static_cast<double>(n_);
    const double rem = static_cast<double>(in.rem_count);
    auto& cur = closed ? ws.small : ws.big;
    auto& next = ws.next;
    const double dead = closed ? 2.0 : -1.0;
    cur[0] = 1.0;
    std::size_t total = 0;
    const std::size_t forced = in.forced.size();
    for (std::size_t k = 0; k < d; ++k) {
      const Id* list = in.forced.data() + in.offset[k];
      const std::size_t m = in.offset[k + 1] - in.offset[k];
      const Index dim = static_cast<Index>(k);
      std::fill(next.begin(), next.begin() + static_cast<std::ptrdiff_t>(total + m + 1), dead);
      Id* choice = ws.choice.data() + k * static_cast<std::size_t>(n_ + 1);
      for (std::size_t j = 0; j <= total; ++j) {
        const double v = cur[j];
        if (v == dead) continue;
        if (!closed) {
          for (std::size_t t = 0; t <= m; ++t) {
            const double q = t < m ? x(list[t], dim) : ws.hi[k];
            const double w = v * q;
            if (w > next[j + t]) {
              next[j + t] = w;
              if (track) choice[j + t] = static_cast<Id>(t);
            }
          }
        } else {
          for (std::size_t t = 0; t <= m; ++t) {
            const double q = t == 0 ? ws.lo[k] : x(list[t - 1], dim);
            const double w = v * q;
            if (w < next[j + t]) {
              next[j + t] = w;
              if (track) choice[j + t] = static_cast<Id>(t);
            }
          }
        }
      }
      total += m;
      // Drop entries that cannot reach `best` whatever the later dimensions do.
      if (k + 1 < d) {
        const double later = closed ? ws.suffix_lo[k + 1] : ws.suffix_hi[k + 1];
        const double later_points = double(forced - total);
        for (std::size_t j = 0; j <= total; ++j) {
          if (next[j] == dead) continue;
          const double bound = closed ? (rem + double(j) + later_points) / n - next[j] * later
                                      : next[j] * later - (rem + double(j)) / n;
          if (bound < best) next[j] = dead;
        }
      }
      std::swap(cur, next);
    }
    double value = kNone;
    for (std::size_t j = 0; j <= total; ++j) {
      if (cur[j] == dead) continue;
      const double fraction = (rem + double(j)) / n;
      const double local = closed ? fraction - cur[j] : cur[j] - fraction;
      if (local > value) value = local, arg = j;
    }
    return value;
  }

  Index n_, d_;
  std::vector<double> x_;
  Index slab_ = 1;
  std::atomic<double> best_{kNone};
};

}  // namespace

StarDiscrepancyResult star_discrepancy_exact(const MatrixRef& points, const ExactOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (points.rows() == 0) throw InputError("star discrepancy of an empty point set");
  if (points.cols() == 0) throw InputError("star discrepancy of points with no coordinates");
  if (points.rows() >= std::numeric_limits<Id>::max()) throw InputError("too many points");
  check_unit_cube(points, "points");

  std::unique_ptr<tbb::global_control> limit;
  if (options.threads > 0)
    limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                  static_cast<std::size_t>(options.threads));
  Engine engine(points, options.slab_points);
  StarDiscrepancyResult result;
  const Candidate best = engine.run(result.boxes_examined);
  result.value = result.lower = result.upper = best.value;
  result.exact = true;
  result.worst_box.upper = Eigen::Map<const Vector>(best.upper.data(), static_cast<Index>(best.upper.size()));
  result.worst_box.closed = best.closed;
  result.worst_box.count = best.count;
  result.worst_box.volume = best.volume;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace paretokit::discrepancy
