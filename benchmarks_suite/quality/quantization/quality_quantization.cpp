// Quality of the evolutionary bit-width search against the exact frontier:
// for HAWQ's ResNet18 and ResNet50 tables (bits {4, 8}) and several objective
// sets, NSGA-II, NSGA-III and MOEA/D (registry defaults) run for G
// generations over N seeds; printed per case: the exact frontier's size, the
// hypervolume of the final front as a share of the exact frontier's (same
// reference: the exact nadir x 1.1; mean, min, max over seeds), and, for the
// two-objective cases whose measure HAWQ-V3 budgets, how many of its three
// published configurations (fractions 0.25 / 0.5 / 0.75) the front matches
// or beats (least omega within the budget), summed over seeds.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "paretokit/quantization/builtin_tables.hpp"
#include "paretokit/quantization/study.hpp"

using namespace paretokit;
using namespace paretokit::quantization;

namespace {

struct Case {
  std::string model;
  std::vector<Measure> objectives;
};

std::string names(const std::vector<Measure>& measures) {
  std::string text;
  for (const Measure m : measures) {
    if (!text.empty()) text += ',';
    text += to_string(m);
  }
  return text;
}

// Published configurations of `model` for budgets on `measure` matched or beaten by the front.
int published_matched(const StudyResult& result, const std::string& model, Measure measure, int* total) {
  const char* prefix = measure == Measure::size   ? "modelsize_"
                       : measure == Measure::bops ? "bops_"
                                                  : "latency_";
  std::vector<std::vector<int>> choices;
  for (const StudyPoint& p : result.front) choices.push_back(p.choice);
  int matched = 0;
  for (const PublishedConfiguration& published : published_configurations(model)) {
    if (published.name.rfind(prefix, 0) != 0) continue;
    const double fraction = std::stod(published.name.substr(std::string(prefix).size()));
    const std::vector<Budget> budgets = {{measure, fraction}};
    const Index best = best_under_budgets(*result.search, choices, Measure::omega, budgets);
    ++*total;
    const double published_value =
        result.search->total(result.search->choice_from_searched_layer_bits(published.bits), Measure::omega);
    // Matched: the front's best within the budget is no worse than the published one.
    if (best >= 0 && result.search->total(choices[static_cast<std::size_t>(best)], Measure::omega) <=
                         published_value * (1 + 1e-12)) {
      ++matched;
    }
  }
  return matched;
}

}  // namespace

int main(int argc, char** argv) {
  int seeds = 5;
  std::int64_t generations = 200;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--seeds" && i + 1 < argc) {
      seeds = std::atoi(argv[++i]);
    } else if (arg == "--generations" && i + 1 < argc) {
      generations = std::atoll(argv[++i]);
    } else {
      std::cout << "usage: quality_quantization [--seeds N (5)] [--generations G (200)]\n";
      return arg == "--help" ? 0 : 2;
    }
  }
  const std::vector<Case> cases = {{"resnet18", {Measure::omega, Measure::size}},
                                   {"resnet18", {Measure::omega, Measure::bops}},
                                   {"resnet18", {Measure::omega, Measure::latency}},
                                   {"resnet18", {Measure::omega, Measure::size, Measure::bops}},
                                   {"resnet50", {Measure::omega, Measure::size}},
                                   {"resnet50", {Measure::omega, Measure::bops}},
                                   {"resnet50", {Measure::omega, Measure::latency}},
                                   {"resnet50", {Measure::omega, Measure::size, Measure::bops}}};
  std::printf("%-9s %-17s %-6s %6s %10s %10s %10s %8s %10s %7s\n", "model", "objectives", "alg", "exact",
              "hv_mean", "hv_min", "hv_max", "front", "published", "sec");
  for (const Case& c : cases) {
    for (const std::string algorithm : {"nsga2", "nsga3", "moead"}) {
      double sum = 0, low = 1e300, high = -1e300, front_size = 0;
      int matched = 0, total = 0;
      std::size_t exact_size = 0;
      const auto start = std::chrono::steady_clock::now();
      for (int seed = 1; seed <= seeds; ++seed) {
        StudySettings settings;
        settings.model = c.model;
        settings.objectives = c.objectives;
        settings.algorithm = algorithm;
        settings.generations = generations;
        settings.seed = static_cast<std::uint64_t>(seed);
        settings.threads = 1;
        const StudyResult result = run_study(settings);
        const double ratio = result.summary["quantization"]["hypervolume"]["ratio"].get<double>();
        sum += ratio;
        low = std::min(low, ratio);
        high = std::max(high, ratio);
        front_size += static_cast<double>(result.front.size());
        exact_size = result.exact.size();
        if (c.objectives.size() == 2) matched += published_matched(result, c.model, c.objectives[1], &total);
      }
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const std::string published = total ? std::to_string(matched) + "/" + std::to_string(total) : "-";
      std::printf("%-9s %-17s %-6s %6zu %10.6f %10.6f %10.6f %8.1f %10s %7.2f\n", c.model.c_str(),
                  names(c.objectives).c_str(), algorithm.c_str(), exact_size, sum / seeds, low, high,
                  front_size / seeds, published.c_str(), seconds);
      std::fflush(stdout);
    }
  }
  return 0;
}
