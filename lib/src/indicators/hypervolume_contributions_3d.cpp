// hypervolume_contributions_3d: exclusive contribution HV(S) - HV(S \ {p}) of
// every point in 3-D by one sweep along the third objective, after HVC3D
// (Guerreiro, Fonseca and Emmerich, "A fast dimension-sweep algorithm for the
// hypervolume indicator in four dimensions", CCCG 2012; Guerreiro and Fonseca,
// IEEE TEVC 22(3), 2018).
//
// At a level z of the sweep the points with third objective <= z are active,
// and the exclusive region of p in that slice is p's quadrant minus the
// quadrants of all other active points. Two ordered trees describe it:
//  - the main staircase: active points whose projections are non-dominated;
//    main point u owns the rectangle [x_u, x_next) x [y_u, y_prev) between its
//    neighbours;
//  - the second staircase: active points dominated by exactly one main point
//    (they lie in its rectangle). Points dominated twice never matter again.
// The exclusive area of u is its rectangle minus the quadrants of the points
// it owns. Each area is updated incrementally when a point enters (a new main
// point takes over the points it dominates, shrinks its neighbours'
// rectangles; a point dominated once joins its owner's second staircase), and
// area x height is added to the contribution whenever an area changes.
// Every point enters and leaves each tree at most once: O(n log n) time, O(n)
// memory. Dominated points contribute 0 but cut into the contribution of a
// point that dominates them alone; a duplicate makes its twin's contribution 0.
#include <algorithm>
#include <limits>
#include <map>
#include <memory_resource>
#include <new>
#include <numeric>
#include <utility>
#include <vector>

#include "paretokit/indicators/hypervolume.hpp"
#include "radix_order.hpp"

namespace paretokit {

namespace {

// Tree nodes from a bump arena, freed ones reused first (a free list): the
// few live nodes stay close together in memory, where a plain monotonic
// arena would spread them over O(n) bytes and miss the cache on every step.
class NodeRecycler : public std::pmr::memory_resource {
 public:
  explicit NodeRecycler(std::size_t initial_bytes) : arena_(initial_bytes) {}

 private:
  struct Free {
    Free* next;
  };
  void* do_allocate(std::size_t bytes, std::size_t alignment) override {
    if (bytes == node_bytes_ && free_) {
      Free* block = free_;
      free_ = block->next;
      return block;
    }
    if (node_bytes_ == 0 && bytes >= sizeof(Free)) node_bytes_ = bytes;
    return arena_.allocate(bytes, alignment);
  }
  void do_deallocate(void* block, std::size_t bytes, std::size_t) override {
    if (bytes != node_bytes_) return;  // left to the arena
    free_ = ::new (block) Free{free_};
  }
  bool do_is_equal(const std::pmr::memory_resource& other) const noexcept override { return this == &other; }

  std::pmr::monotonic_buffer_resource arena_;
  Free* free_ = nullptr;
  std::size_t node_bytes_ = 0;
};

struct Sweep {
  struct Point {
    double x, y, z;
  };
  std::vector<Point> p;       // sorted by z, then the two sentinels
  std::vector<double> area;   // exclusive area in the current slice
  std::vector<double> since;  // level from which `area` holds
  std::vector<double> contribution;
  NodeRecycler arena;
  // x -> (y, point): y lives in the node, so that walking a staircase never
  // reads the (randomly ordered) point array.
  struct Entry {
    double y;
    std::size_t id;
  };
  using Tree = std::pmr::map<double, Entry>;
  Tree main{&arena};
  Tree second{&arena};
  std::size_t left = 0, right = 0;  // sentinel ids

  explicit Sweep(std::size_t n) : arena(std::min<std::size_t>(n, 1 << 14) * 128 + 512) {}

  static double x(Tree::iterator it) { return it->first; }
  static double y(Tree::iterator it) { return it->second.y; }
  bool real(std::size_t id) const { return id != left && id != right; }

  // Books the volume of the current area up to level z.
  void settle(std::size_t id, double z) {
    contribution[id] += area[id] * (z - since[id]);
    since[id] = z;
  }

  void insert(std::size_t i);
  void insert_dominated_once(std::size_t i, Tree::iterator owner);
};

// p is weakly dominated by the main point `owner`: it joins owner's second
// staircase unless another point dominates it too.
void Sweep::insert_dominated_once(std::size_t i, Tree::iterator owner) {
  const Point& q = p[i];
  const auto before = std::prev(owner);
  if (y(before) <= q.y) return;  // dominated by two main points
  auto after_q = second.upper_bound(q.x);
  if (after_q != second.begin()) {
    const auto s = std::prev(after_q);
    if (x(s) >= x(owner) && y(s) <= q.y) return;  // also dominated by a point owner owns
  }
  const double right_x = std::next(owner)->first;
  double top = y(before);
  auto s = second.lower_bound(q.x);
  if (s != second.begin() && x(std::prev(s)) >= x(owner)) top = y(std::prev(s));
  double from = q.x;
  double loss = 0.0;
  while (s != second.end() && x(s) < right_x && y(s) >= q.y) {
    loss += (x(s) - from) * (top - q.y);
    from = x(s);
    top = y(s);
    s = second.erase(s);
  }
  const double bound = (s != second.end() && x(s) < right_x) ? x(s) : right_x;
  loss += (bound - from) * (top - q.y);
  settle(owner->second.id, q.z);
  area[owner->second.id] -= loss;
  second.emplace_hint(s, q.x, Entry{q.y, i});
}

void Sweep::insert(std::size_t i) {
  const Point& q = p[i];
  const auto after = main.upper_bound(q.x);
  const auto weak = std::prev(after);  // last main point with x <= q.x
  if (y(weak) <= q.y) {
    insert_dominated_once(i, weak);
    return;
  }
  const auto first = x(weak) == q.x ? weak : after;  // first main point with x >= q.x
  const auto u = std::prev(first);                   // left neighbour, not dominated by q
  auto v = first;
  while (y(v) >= q.y) ++v;  // [first, v) are dominated by q
  const double z = q.z;

  // Every second-staircase point in [q.x, x(v)) is now dominated twice: those
  // of u beyond q.x and those of the points q dominates. One search finds
  // them; they are walked once (and erased below), so the cost is amortized.
  const auto doomed = second.lower_bound(q.x);

  // u's rectangle now ends at q.x: lose its exclusive area beyond.
  auto s = doomed;
  if (real(u->second.id)) {
    const double old_right = x(first);
    double top = y(std::prev(u));
    if (s != second.begin() && x(std::prev(s)) >= x(u)) top = y(std::prev(s));
    double from = q.x;
    double loss = 0.0;
    for (; s != second.end() && x(s) < old_right; ++s) {
      loss += (x(s) - from) * (top - y(u));
      from = x(s);
      top = y(s);
    }
    loss += (old_right - from) * (top - y(u));
    settle(u->second.id, z);
    area[u->second.id] -= loss;
  }
  while (s != second.end() && x(s) < x(v)) ++s;
  // v's rectangle now ends below at q.y: lose its exclusive area above; its
  // second-staircase points above q.y are dominated twice too.
  auto kept = s;
  if (real(v->second.id)) {
    const double v_right = std::next(v)->first;
    double top = y(std::prev(v));
    double loss = 0.0;
    for (; kept != second.end() && x(kept) < v_right && y(kept) >= q.y; ++kept) {
      loss += (x(kept) - x(v)) * (top - y(kept));
      top = y(kept);
    }
    const double bound = (kept != second.end() && x(kept) < v_right) ? x(kept) : v_right;
    loss += (bound - x(v)) * (top - q.y);
    settle(v->second.id, z);
    area[v->second.id] -= loss;
  }
  const auto hint = second.erase(doomed, kept);
  // The points q dominates leave the main staircase and become q's own.
  const double top = y(u);
  double own = (x(v) - q.x) * (top - q.y);
  for (auto r = first; r != v;) {
    settle(r->second.id, z);
    const auto next = std::next(r);
    own -= (next->first - x(r)) * (top - y(r));
    second.emplace_hint(hint, x(r), r->second);
    r = main.erase(r);
  }
  area[i] = own;
  since[i] = z;
  main.emplace_hint(v, q.x, Entry{q.y, i});
}

}  // namespace

Vector hypervolume_contributions_3d(const MatrixRef& points, const VectorRef& reference) {
  std::vector<Index> rows;
  const std::vector<double> inside =
      detail::points_inside_reference(points, reference, "hypervolume_contributions_3d", &rows);
  Vector result = Vector::Zero(points.rows());
  const std::size_t n = rows.size();
  if (n == 0) return result;

  // Ascending z, ties in input order (a stable sort by z), by radix sort.
  std::vector<double> z(n);
  for (std::size_t i = 0; i < n; ++i) z[i] = inside[3 * i + 2];
  const std::vector<std::size_t> order = detail::radix_order(z.data(), n);

  Sweep sweep(n);
  sweep.p.resize(n + 2);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = order[k];
    sweep.p[k] = {inside[3 * i], inside[3 * i + 1], inside[3 * i + 2]};
  }
  constexpr double infinity = std::numeric_limits<double>::infinity();
  sweep.left = n;
  sweep.right = n + 1;
  sweep.p[n] = {-infinity, reference(1), 0.0};
  sweep.p[n + 1] = {reference(0), -infinity, 0.0};
  sweep.area.assign(n + 2, 0.0);
  sweep.since.assign(n + 2, 0.0);
  sweep.contribution.assign(n + 2, 0.0);
  sweep.main.emplace(-infinity, Sweep::Entry{reference(1), sweep.left});
  sweep.main.emplace(reference(0), Sweep::Entry{-infinity, sweep.right});

  for (std::size_t k = 0; k < n; ++k) sweep.insert(k);
  for (const auto& [x, entry] : sweep.main) {
    if (sweep.real(entry.id)) sweep.settle(entry.id, reference(2));
  }
  for (std::size_t k = 0; k < n; ++k) result(rows[order[k]]) = std::max(sweep.contribution[k], 0.0);
  return result;
}

}  // namespace paretokit
