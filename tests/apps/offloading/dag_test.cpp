// DAG applications: the finish time without contention against a
// critical path found by enumerating every path (brute force), on random
// DAGs and placements; sequential devices against hand-computed cases.
#include <catch2/catch.hpp>

#include <functional>

#include "offloading/dag.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/rng.hpp"

using namespace paretokit::offloading;

namespace {

DeviceNetwork three_devices() {
  DeviceNetwork net;
  net.cycles_per_second = {1e9, 2e9, 4e9};
  net.uplink_bps = {0, 5e6, 1e6};
  net.backhaul_bps = 1e8;
  net.transmit_power_w = 0.1;
  net.local_joules_per_cycle = 1e-9;
  return net;
}

// A random DAG: edges only from lower to higher index, each with prob. p.
ApplicationGraph random_dag(paretokit::Rng& rng, int n, double p) {
  ApplicationGraph g(static_cast<std::size_t>(n));
  for (int v = 0; v < n; ++v) {
    g[static_cast<std::size_t>(v)] = {rng.uniform(1e8, 3e9), rng.bernoulli(0.5) ? rng.uniform(0, 4e6) : 0.0};
    for (int u = 0; u < v; ++u) {
      if (rng.bernoulli(p))
        boost::add_edge(static_cast<std::size_t>(u), static_cast<std::size_t>(v),
                        Dependency{rng.uniform(0, 8e6)}, g);
    }
  }
  return g;
}

// Longest path by enumerating every path from every vertex (exponential:
// small graphs only), independent of the scheduler's topological order.
double brute_force_critical_path(const ApplicationGraph& g, const std::vector<int>& placement,
                                 const DeviceNetwork& net) {
  const auto compute = [&](std::size_t v) {
    return g[v].cycles / net.cycles_per_second[static_cast<std::size_t>(placement[v])];
  };
  double best = 0;
  std::function<void(std::size_t, double)> walk = [&](std::size_t v, double finish) {
    best = std::max(best, finish);
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const std::size_t w = boost::target(e, g);
      const double input = net.transfer_seconds(0, placement[w], g[w].input_bits);
      // A path may also be "started" at w by its own input upload.
      const double arrival = finish + net.transfer_seconds(placement[v], placement[w], g[e].data_bits);
      walk(w, std::max(arrival, input) + compute(w));
    }
  };
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
    walk(v, net.transfer_seconds(0, placement[v], g[v].input_bits) + compute(v));
  }
  return best;
}

}  // namespace

TEST_CASE("DAG finish time without contention equals the brute-force critical path", "[offloading]") {
  paretokit::Rng rng(11);
  const DeviceNetwork net = three_devices();
  for (int trial = 0; trial < 200; ++trial) {
    const int n = 1 + static_cast<int>(rng.below(9));
    const ApplicationGraph g = random_dag(rng, n, 0.35);
    std::vector<int> placement(static_cast<std::size_t>(n));
    for (int& d : placement) d = static_cast<int>(rng.below(3));
    const DagSchedule schedule = schedule_dag(g, placement, net);
    REQUIRE(schedule.makespan_s == Approx(brute_force_critical_path(g, placement, net)));
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
      CHECK(schedule.start_s[boost::target(e, g)] >= schedule.finish_s[boost::source(e, g)] - 1e-12);
    }
  }
}

TEST_CASE("DAG by hand: a diamond with transfers, and sequential devices", "[offloading]") {
  // 0 -> {1, 2} -> 3. 0 and 3 local (1e9 cycles/s), 1 on edge (2e9), 2 local.
  ApplicationGraph g(4);
  g[0] = {1e9, 0};
  g[1] = {4e9, 0};
  g[2] = {2e9, 0};
  g[3] = {1e9, 0};
  boost::add_edge(0, 1, Dependency{5e6}, g);   // 1 s up at 5 Mbit/s
  boost::add_edge(0, 2, Dependency{5e6}, g);   // same device: free
  boost::add_edge(1, 3, Dependency{10e6}, g);  // 2 s back
  boost::add_edge(2, 3, Dependency{0}, g);
  const DeviceNetwork net = three_devices();
  const std::vector<int> placement{0, 1, 0, 0};
  const DagSchedule none = schedule_dag(g, placement, net);
  // 0: 0-1; 1: 2-4 (upload 1 s), back at 6; 2: 1-3; 3: 6-7.
  CHECK(none.finish_s[1] == Approx(4.0));
  CHECK(none.makespan_s == Approx(7.0));
  // Energy: local cycles 1e9 + 2e9 + 1e9 at 1e-9 J, plus 1 s of upload at 0.1 W.
  CHECK(none.energy_j == Approx(4.0 + 0.1));

  // Everything local and sequential: the sum of the compute times.
  const DagSchedule all_local = schedule_dag(g, {0, 0, 0, 0}, net, DeviceContention::sequential);
  CHECK(all_local.makespan_s == Approx(1 + 4 + 2 + 1));
  CHECK(schedule_dag(g, {0, 0, 0, 0}, net).makespan_s == Approx(1 + 4 + 1));
}

TEST_CASE("DAG errors: a cycle, a wrong placement", "[offloading]") {
  ApplicationGraph g(2);
  boost::add_edge(0, 1, g);
  boost::add_edge(1, 0, g);
  const DeviceNetwork net = three_devices();
  CHECK_THROWS_AS(schedule_dag(g, {0, 0}, net), paretokit::InputError);
  ApplicationGraph chain(2);
  boost::add_edge(0, 1, chain);
  CHECK_THROWS_AS(schedule_dag(chain, {0}, net), paretokit::InputError);
  CHECK_THROWS_AS(schedule_dag(chain, {0, 3}, net), paretokit::InputError);
}
