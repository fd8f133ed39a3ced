// The simulator against closed forms: rates against the values recorded
// from GMORL's formulas (data/mec/scenario.json), one task on an idle
// server, processor sharing against a hand-computed two-task case, the
// users' first-come-first-served CPU and radio, and determinism per seed.
#include <catch2/catch.hpp>

#include <cmath>

#include "offloading/baselines.hpp"
#include "offloading/channel.hpp"
#include "offloading/processor_sharing.hpp"
#include "offloading/simulator.hpp"
#include "test_scenarios.hpp"

using namespace offloading_test;

TEST_CASE("uplink rates match the values recorded from GMORL's formulas at h = 1", "[offloading]") {
  // data/mec/scenario.json, transmission_rate_quirk.example_rates_Mbit_per_s_h_eq_1
  const double distances[] = {50, 500, 1000, 2000};
  const double shannon[] = {87.4, 0.282, 0.0251, 0.00222};
  const double original[] = {1010.6, 624.6, 508.4, 392.2};
  Radio radio;
  for (int i = 0; i < 4; ++i) {
    const double gain = large_scale_gain(radio, distances[i], radio.shadowing_mean_db);
    radio.rate_formula = RateFormula::shannon;
    CHECK(uplink_rate(radio, radio.edge, gain) / 1e6 == Approx(shannon[i]).epsilon(0.01));
    radio.rate_formula = RateFormula::original;
    CHECK(uplink_rate(radio, radio.edge, gain) / 1e6 == Approx(original[i]).epsilon(0.001));
  }
}

TEST_CASE("one task on an idle server: closed-form delay and energy", "[offloading]") {
  Scenario s = plain_scenario();
  const double size = 6e6, rate = 2e6;
  const Trace trace = fixed_rate_trace(s, {{3.0, 0, size}}, rate);
  std::vector<TaskOutcome> out;
  SECTION("edge") {
    FixedOptionPolicy policy(1);
    const EpisodeMetrics m = simulate(s, trace, policy, 0, &out);
    CHECK(out[0].transmission_s == Approx(size / rate));
    CHECK(m.mean_delay_s() == Approx(size / rate + 1000 * size / 2e9));  // 3 s + 3 s
    CHECK(m.mean_energy_j() == Approx(0.01 * size / rate));
    s.count_server_execution_energy = true;
    CHECK(simulate(s, trace, policy).mean_energy_j() == Approx(0.01 * 3 + 5e-31 * 4e18 * 1000 * size));
  }
  SECTION("cloud") {
    FixedOptionPolicy policy(2);
    const EpisodeMetrics m = simulate(s, trace, policy);
    CHECK(m.mean_delay_s() == Approx(size / rate + 1000 * size / 4e9));
    CHECK(m.mean_energy_j() == Approx(0.01 * size / rate));
  }
  SECTION("local") {
    FixedOptionPolicy policy(0);
    const EpisodeMetrics m = simulate(s, trace, policy, 0, &out);
    CHECK(out[0].transmission_s == 0);
    CHECK(m.mean_delay_s() == Approx(1000 * size / 1e9));
    CHECK(m.mean_energy_j() == Approx(1e-27 * 1e18 * 1000 * size));  // 6 J
  }
}

TEST_CASE("the rate of a generated trace follows Shannon's formula", "[offloading]") {
  Scenario s = plain_scenario(3);
  const Trace trace = generate_trace(s, 7);
  REQUIRE(!trace.tasks.empty());
  const double noise = std::pow(10.0, -17.4) * 1e-3 * 16.6e6;
  for (std::size_t i = 0; i < trace.tasks.size(); ++i) {
    const double d_km = trace.distance_of(trace.tasks[i].user, 0) / 1000.0;
    const double gain = std::pow(10.0, -(133.6 + 35 * std::log10(d_km) + 8) / 10);
    CHECK(trace.gain_of(i, 0) == Approx(gain));
    CHECK(trace.rate_of(i, 0) == Approx(16.6e6 * std::log2(1 + 0.01 * gain / noise)));
  }
}

TEST_CASE("processor sharing: two tasks by hand", "[offloading]") {
  // Speed 1 cycle/s. A (4 cycles) arrives at 0, B (2 cycles) at 1. Alone,
  // A gets 1 cycle by t = 1; then each gets 1/2 cycle/s: B's 2 cycles take
  // 4 s (B done at 5), A has 1 cycle left and finishes alone at 6.
  ProcessorSharingServer server(1.0);
  server.submit(0.0, 4.0, 0);
  server.submit(1.0, 2.0, 1);
  double finish[2] = {-1, -1};
  server.advance_to(0.5, [&](int job, double t) { finish[job] = t; });
  CHECK(server.queue_length() == 2);
  server.advance_to(5.5, [&](int job, double t) { finish[job] = t; });
  CHECK(finish[1] == Approx(5.0));
  CHECK(finish[0] == -1);
  server.advance_to(std::numeric_limits<double>::infinity(), [&](int job, double t) { finish[job] = t; });
  CHECK(finish[0] == Approx(6.0));
  CHECK(server.queue_length() == 0);

  // The same case through the simulator: two users, uploads of 0 s
  // (a huge rate), an edge of 1e9 cycles/s and 1 cycle per bit.
  Scenario s = plain_scenario(2);
  s.edges = {{1e9, 1, 0}};
  const Trace trace = fixed_rate_trace(s, {{0.0, 0, 4e9}, {1.0, 1, 2e9}}, 1e300);
  FixedOptionPolicy policy(1);
  std::vector<TaskOutcome> out;
  const EpisodeMetrics m = simulate(s, trace, policy, 0, &out);
  CHECK(out[0].delay_s == Approx(6.0));
  CHECK(out[1].delay_s == Approx(4.0));
  CHECK(m.mean_delay_s() == Approx(5.0));
}

TEST_CASE("processor sharing: a job that arrives after its upload", "[offloading]") {
  // Edge 1e9 cycles/s at 1 cycle/bit, rate 1e9 bit/s: A (2e9 bits) uploads
  // 0-2 s and runs alone 2-4 s; B (1e9 bits, another user) arrives at 3,
  // uploads until 4 and runs alone 4-5: no overlap.
  Scenario s = plain_scenario(2);
  s.edges = {{1e9, 1, 0}};
  const Trace trace = fixed_rate_trace(s, {{0.0, 0, 2e9}, {3.0, 1, 1e9}}, 1e9);
  FixedOptionPolicy policy(1);
  std::vector<TaskOutcome> out;
  simulate(s, trace, policy, 0, &out);
  CHECK(out[0].delay_s == Approx(4.0));
  CHECK(out[1].delay_s == Approx(2.0));
}

TEST_CASE("a user's CPU and radio serve its tasks first come first served", "[offloading]") {
  Scenario s = plain_scenario(1);
  const Trace trace = fixed_rate_trace(s, {{0.0, 0, 2e6}, {1.0, 0, 1e6}}, 1e6);
  std::vector<TaskOutcome> out;
  SECTION("CPU") {
    FixedOptionPolicy policy(0);  // 2 s then 1 s of local work
    simulate(s, trace, policy, 0, &out);
    CHECK(out[0].delay_s == Approx(2.0));
    CHECK(out[1].delay_s == Approx(2.0));  // waits 1 s, runs 1 s
  }
  SECTION("radio") {
    FixedOptionPolicy policy(2);  // cloud: uploads of 2 s and 1 s
    simulate(s, trace, policy, 0, &out);
    CHECK(out[0].transmission_s == Approx(2.0));
    CHECK(out[1].transmission_s == Approx(2.0));   // waits 1 s, sends 1 s
    CHECK(out[1].energy_j == Approx(0.01 * 1.0));  // only the sending time costs
    CHECK(out[0].delay_s == Approx(2.0 + 0.5));
    CHECK(out[1].delay_s == Approx(2.0 + 0.25));
  }
}

TEST_CASE("traces: Poisson counts, clipped sizes, same seed same episode", "[offloading]") {
  Scenario s = plain_scenario(10);
  double tasks = 0;
  const int seeds = 200;
  for (int seed = 0; seed < seeds; ++seed) {
    const Trace trace = generate_trace(s, static_cast<std::uint64_t>(seed));
    tasks += static_cast<double>(trace.tasks.size());
    for (std::size_t i = 0; i < trace.tasks.size(); ++i) {
      CHECK(trace.tasks[i].size_bits >= s.size_min_bits);
      CHECK(trace.tasks[i].size_bits <= s.size_max_bits);
      if (i) CHECK(trace.tasks[i].arrival_s >= trace.tasks[i - 1].arrival_s);
    }
  }
  // 10 users x 0.1 task/s x 100 s = 100 per episode; sd of the mean 10/sqrt(200).
  CHECK(tasks / seeds == Approx(100).margin(3));

  const Trace a = generate_trace(s, 5), b = generate_trace(s, 5), c = generate_trace(s, 6);
  CHECK(a.rate == b.rate);
  CHECK(a.tasks.size() == b.tasks.size());
  CHECK(a.rate != c.rate);
  GreedyPolicy greedy(0.5, 6.0, 6.0);
  const EpisodeMetrics m1 = simulate(s, a, greedy), m2 = simulate(s, b, greedy);
  CHECK(m1.total_delay_s == m2.total_delay_s);
  CHECK(m1.total_energy_j == m2.total_energy_j);
}

TEST_CASE("fading once per episode or per task, and log-normal shadowing", "[offloading]") {
  Scenario s = plain_scenario(2);
  s.radio.rayleigh_fading = true;
  const auto gains_of_user0 = [](const Trace& trace) {
    std::vector<double> gains;
    for (std::size_t i = 0; i < trace.tasks.size(); ++i) {
      if (trace.tasks[i].user == 0) gains.push_back(trace.gain_of(i, 0));
    }
    return gains;
  };
  const std::vector<double> episode = gains_of_user0(generate_trace(s, 9));
  REQUIRE(episode.size() > 2);
  for (const double g : episode) CHECK(g == episode.front());
  s.radio.fading_redraw = FadingRedraw::task;
  const Trace per_task = generate_trace(s, 9);
  const std::vector<double> redrawn = gains_of_user0(per_task);
  CHECK(redrawn.size() == episode.size());  // the same arrivals
  CHECK(redrawn[0] != redrawn[1]);
  // Rayleigh power gain: mean 1 over many tasks (a relative sd of 1/sqrt(n)).
  s.users = 50;
  s.radio.shadowing_std_db = 0;
  const Trace many = generate_trace(s, 10);
  double sum = 0;
  const double mean_loss = std::pow(10.0, -(133.6 + 8) / 10);  // at 1 km, the cloud's nearest distance
  std::size_t n = 0;
  for (std::size_t i = 0; i < many.tasks.size(); ++i) {
    const double d_km = many.distance_of(many.tasks[i].user, 1) / 1000.0;
    sum += many.gain_of(i, 1) / (mean_loss * std::pow(d_km, -3.5));
    ++n;
  }
  CHECK(sum / static_cast<double>(n) == Approx(1.0).margin(4.0 / std::sqrt(static_cast<double>(n))));
  // Log-normal shadowing: the dB offset has the given spread.
  s.radio.shadowing_std_db = 6;
  s.radio.rayleigh_fading = false;
  s.users = 400;
  const Trace shadowed = generate_trace(s, 11);
  double sum_db = 0, sum_sq = 0;  // over tasks: users weighted by their task counts
  std::size_t m = 0;
  for (std::size_t i = 0; i < shadowed.tasks.size(); ++i) {
    const double d_km = shadowed.distance_of(shadowed.tasks[i].user, 1) / 1000.0;
    const double offset_db = -10 * std::log10(shadowed.gain_of(i, 1)) - (133.6 + 35 * std::log10(d_km));
    sum_db += offset_db;
    sum_sq += offset_db * offset_db;
    ++m;
  }
  const double mean_db = sum_db / static_cast<double>(m);
  CHECK(mean_db == Approx(8).margin(1.0));
  CHECK(std::sqrt(sum_sq / static_cast<double>(m) - mean_db * mean_db) == Approx(6).margin(1.0));
}
