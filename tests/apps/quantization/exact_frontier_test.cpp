// The exact frontier against enumeration, and HAWQ-V3's nine published
// ResNet18 configurations reproduced by the exact budget solver.
#include <catch2/catch.hpp>

#include <random>

#include "paretokit/pareto/nondominated_sort.hpp"
#include "paretokit/quantization/budget.hpp"
#include "paretokit/quantization/builtin_tables.hpp"
#include "paretokit/quantization/exact_frontier.hpp"

using namespace paretokit;
using namespace paretokit::quantization;

namespace {

// A random table of `n` layers, perturbations falling with the bits, a tie
// group or two, the first layer fixed.
LayerTable random_table(std::mt19937_64& rng, int n, const std::vector<int>& bits) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<std::int64_t> count(1, 50);
  LayerTable table;
  table.file = "random";
  for (int i = 0; i < n; ++i) {
    Layer layer;
    layer.name = "l" + std::to_string(i);
    layer.weights = count(rng) * 64;
    layer.macs = layer.weights * count(rng);
    if (i == 0) {
      layer.fixed_bits = 8;
    } else {
      layer.hessian_trace_per_weight = unit(rng);
      for (const int b : bits) {
        layer.perturbation[b] = layer.weights * std::pow(4.0, -b) * (0.5 + unit(rng));
        layer.latency[b] = (0.1 + unit(rng)) * b;
      }
    }
    table.layers.push_back(std::move(layer));
  }
  table.tie_groups = {{1, 3}};
  if (n > 6) table.tie_groups.push_back({4, 5, n - 1});
  return table;
}

// The frontier of all configurations by enumeration, as sorted distinct rows.
std::vector<std::vector<double>> brute_force_front(const BitWidthSearch& search,
                                                   const std::vector<Measure>& measures) {
  const Matrix all = enumerate_all(search, measures);
  std::vector<std::vector<double>> front;
  for (const Index r : nondominated_indices(all)) {
    front.emplace_back(all.row(r).data(), all.row(r).data() + all.cols());
  }
  std::sort(front.begin(), front.end());
  front.erase(std::unique(front.begin(), front.end()), front.end());
  return front;
}

}  // namespace

TEST_CASE("exact frontier: equals the enumerated frontier on random tables, 2 to 4 measures") {
  std::mt19937_64 rng(2024);
  const std::vector<std::vector<Measure>> measure_sets = {
      {Measure::omega, Measure::size},
      {Measure::omega, Measure::bops},
      {Measure::omega, Measure::latency},
      {Measure::omega, Measure::size, Measure::bops},
      {Measure::omega, Measure::size, Measure::bops, Measure::latency}};
  for (int trial = 0; trial < 6; ++trial) {
    const std::vector<int> bits = trial % 2 ? std::vector<int>{2, 3, 4, 8} : std::vector<int>{4, 8};
    const BitWidthSearch search(random_table(rng, trial % 2 ? 9 : 14, bits), bits, {Measure::omega});
    for (const auto& measures : measure_sets) {
      INFO("trial " << trial << ", " << measures.size() << " measures");
      const ExactFrontier frontier = exact_frontier(search, measures);
      std::vector<std::vector<double>> rows;
      for (Index r = 0; r < frontier.raw.rows(); ++r) {
        rows.emplace_back(frontier.raw.row(r).data(), frontier.raw.row(r).data() + frontier.raw.cols());
        // Each point's configuration gives its values back.
        for (std::size_t j = 0; j < measures.size(); ++j) {
          CHECK(search.total(frontier.choices[static_cast<std::size_t>(r)], measures[j]) ==
                frontier.raw(r, static_cast<Index>(j)));
        }
      }
      CHECK(std::is_sorted(rows.begin(), rows.end()));
      CHECK(rows == brute_force_front(search, measures));
    }
  }
}

TEST_CASE("exact frontier: a bound on the partial frontiers is an error, not a crash") {
  std::mt19937_64 rng(7);
  const BitWidthSearch search(random_table(rng, 14, {2, 3, 4, 8}), {2, 3, 4, 8}, {Measure::omega});
  CHECK_THROWS_WITH(
      exact_frontier(search, {Measure::omega, Measure::size, Measure::bops}, {.max_states = 10}),
      Catch::StartsWith("the exact frontier has more than 10 partial configurations"));
}

TEST_CASE("exact budgets: HAWQ-V3's nine ResNet18 configurations of bit_config.py are reproduced exactly") {
  const BitWidthSearch search(builtin_layer_table("resnet18"), {4, 8}, {Measure::omega, Measure::latency});
  REQUIRE(search.n_groups() == 16);  // 19 layers, 3 tied pairs
  const auto published = published_configurations("resnet18");
  REQUIRE(published.size() == 11);
  int checked = 0;
  for (const auto& [prefix, measure] : std::vector<std::pair<std::string, Measure>>{
           {"modelsize", Measure::size}, {"bops", Measure::bops}, {"latency", Measure::latency}}) {
    for (const std::string fraction : {"0.25", "0.5", "0.75"}) {
      const auto entry = std::find_if(published.begin(), published.end(),
                                      [&](const auto& p) { return p.name == prefix + "_" + fraction; });
      REQUIRE(entry != published.end());
      INFO(entry->name);
      const auto choice = select_under_budgets(search, Measure::omega, {{measure, std::stod(fraction)}});
      REQUIRE(choice.has_value());
      CHECK(search.searched_layer_bits(*choice) == entry->bits);
      // And the brute force over all 2^16 configurations agrees.
      std::vector<std::vector<int>> all;
      enumerate_all(search, {Measure::omega}, &all);
      const Index best = best_under_budgets(search, all, Measure::omega, {{measure, std::stod(fraction)}});
      CHECK(search.searched_layer_bits(all[static_cast<std::size_t>(best)]) == entry->bits);
      ++checked;
    }
  }
  CHECK(checked == 9);
}

TEST_CASE("exact budgets: sizes and BOPs of the uniform configurations match HAWQ's model zoo") {
  const BitWidthSearch search(builtin_layer_table("resnet18"), {4, 8}, {Measure::omega});
  const auto mb = [&](int bits) {
    return search.uniform_total(bits, Measure::size) / report_scale(Measure::size);
  };
  const auto gbops = [&](int bits) {
    return search.uniform_total(bits, Measure::bops) / report_scale(Measure::bops);
  };
  CHECK(mb(8) == Approx(11.14).margin(0.005));
  CHECK(mb(4) == Approx(5.82).margin(0.005));
  CHECK(gbops(8) == Approx(116.1).margin(0.05));
  CHECK(gbops(4) == Approx(34.7).margin(0.05));
  const BitWidthSearch resnet50(builtin_layer_table("resnet50"), {4, 8}, {Measure::omega});
  CHECK(resnet50.uniform_total(8, Measure::size) / report_scale(Measure::size) == Approx(24.3).margin(0.05));
  CHECK(resnet50.uniform_total(4, Measure::size) / report_scale(Measure::size) == Approx(13.1).margin(0.05));
  CHECK(resnet50.uniform_total(4, Measure::bops) / report_scale(Measure::bops) == Approx(67.5).margin(0.05));
}

TEST_CASE("exact budgets: limits, an impossible budget, and a budgeted objective") {
  const BitWidthSearch search(builtin_layer_table("resnet18"), {4, 8}, {Measure::omega});
  const double low = search.uniform_total(4, Measure::size), high = search.uniform_total(8, Measure::size);
  CHECK(budget_limit(search, {Measure::size, 0.25}) == low + 0.25 * (high - low));
  // Fraction 0: only all-4-bit fits; below it nothing.
  const auto lowest = select_under_budgets(search, Measure::omega, {{Measure::size, 0.0}});
  REQUIRE(lowest);
  CHECK(search.searched_layer_bits(*lowest) == std::vector<int>(19, 4));
  CHECK_FALSE(select_under_budgets(search, Measure::omega, {{Measure::size, -0.1}}));
  // Fraction 1: all-8-bit, the least omega of all.
  CHECK(search.searched_layer_bits(*select_under_budgets(search, Measure::omega, {{Measure::size, 1.0}})) ==
        std::vector<int>(19, 8));
  CHECK_THROWS_WITH(select_under_budgets(search, Measure::size, {{Measure::size, 0.5}}),
                    "the objective size is also budgeted");
  CHECK_THROWS_WITH(parse_budgets("size=0.5,size=0.2", "--budget"), "--budget: size has two budgets");
  CHECK_THROWS_WITH(parse_budgets("size:0.5", "--budget"),
                    "--budget: 'size:0.5' is not MEASURE=FRACTION (e.g. size=0.5)");
  CHECK_THROWS_WITH(parse_budgets("speed=0.5", "--budget"),
                    Catch::StartsWith("--budget: unknown objective 'speed'"));
  CHECK(parse_budgets("bops=0.25,latency=0.5", "--budget").size() == 2);
}

TEST_CASE("exact budgets: ResNet50, eight of HAWQ-V3's nine configurations exactly, the ninth improved on") {
  // The source's README notes that the ResNet50 ILP was never re-solved on
  // this data. The exact solver agrees with bit_config.py on eight settings;
  // for modelsize_0.25 it finds a configuration within the same budget with
  // a smaller omega (stage3.unit6.conv1 at 8 bits instead of 4), so the
  // published one is not the optimum of the ILP on the published data.
  const BitWidthSearch search(builtin_layer_table("resnet50"), {4, 8}, {Measure::omega, Measure::latency});
  REQUIRE(search.n_groups() == 48);
  const auto published = published_configurations("resnet50");
  int same = 0;
  for (const auto& [prefix, measure] : std::vector<std::pair<std::string, Measure>>{
           {"modelsize", Measure::size}, {"bops", Measure::bops}, {"latency", Measure::latency}}) {
    for (const std::string fraction : {"0.25", "0.5", "0.75"}) {
      const auto entry = std::find_if(published.begin(), published.end(),
                                      [&](const auto& p) { return p.name == prefix + "_" + fraction; });
      REQUIRE(entry != published.end());
      INFO(entry->name);
      const std::vector<Budget> budgets = {{measure, std::stod(fraction)}};
      const auto choice = select_under_budgets(search, Measure::omega, budgets);
      REQUIRE(choice);
      const auto published_choice = search.choice_from_searched_layer_bits(entry->bits);
      CHECK(within_budgets(search, published_choice, budgets));
      if (search.searched_layer_bits(*choice) == entry->bits) {
        ++same;
        continue;
      }
      CHECK(entry->name == "modelsize_0.25");
      CHECK(search.total(*choice, Measure::omega) < search.total(published_choice, Measure::omega));
      std::vector<int> differ;
      const auto ours = search.searched_layer_bits(*choice);
      for (std::size_t i = 0; i < ours.size(); ++i) {
        if (ours[i] != entry->bits[i]) differ.push_back(static_cast<int>(i));
      }
      CHECK(differ == std::vector<int>{39});
      CHECK(search.searched_layer_names()[39] == "stage3.unit6.conv1");
    }
  }
  CHECK(same == 8);
}
