// HAWQ-V3 budgets and the exact choice under them (budget.hpp).
#include "paretokit/quantization/budget.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "paretokit/core/error.hpp"
#include "paretokit/quantization/exact_frontier.hpp"

namespace paretokit::quantization {

std::vector<Budget> parse_budgets(const std::string& text, const std::string& field) {
  std::vector<Budget> budgets;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    const auto equals = item.find('=');
    if (equals == std::string::npos) {
      throw InputError("'" + item + "' is not MEASURE=FRACTION (e.g. size=0.5)", Location::of_field(field));
    }
    Budget budget;
    budget.measure = parse_measure(item.substr(0, equals), field);
    if (budget.measure == Measure::omega) {
      throw InputError("omega takes no budget (budgets are on size, bops or latency)",
                       Location::of_field(field));
    }
    const std::string number = item.substr(equals + 1);
    std::size_t used = 0;
    try {
      budget.fraction = std::stod(number, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != number.size() || !std::isfinite(budget.fraction)) {
      throw InputError("'" + number + "' is not a number", Location::of_field(field));
    }
    for (const Budget& other : budgets) {
      if (other.measure == budget.measure) {
        throw InputError(std::string(to_string(budget.measure)) + " has two budgets",
                         Location::of_field(field));
      }
    }
    budgets.push_back(budget);
  }
  if (budgets.empty()) throw InputError("needs MEASURE=FRACTION, e.g. size=0.5", Location::of_field(field));
  return budgets;
}

std::string to_string(const Budget& budget) {
  std::ostringstream text;
  text << to_string(budget.measure) << '=' << budget.fraction;
  return text.str();
}

double budget_limit(const BitWidthSearch& search, const Budget& budget) {
  const double low = search.uniform_total(4, budget.measure);
  const double high = search.uniform_total(8, budget.measure);
  return low + (high - low) * budget.fraction;
}

bool within_budgets(const BitWidthSearch& search, const std::vector<int>& choice,
                    const std::vector<Budget>& budgets) {
  for (const Budget& budget : budgets) {
    if (search.total(choice, budget.measure) > budget_limit(search, budget)) return false;
  }
  return true;
}

std::optional<std::vector<int>> select_under_budgets(const BitWidthSearch& search, Measure objective,
                                                     const std::vector<Budget>& budgets,
                                                     const ExactFrontierOptions& options) {
  std::vector<Measure> measures = {objective};
  std::vector<double> limits;
  for (const Budget& budget : budgets) {
    if (budget.measure == objective) {
      throw InputError(std::string("the objective ") + to_string(objective) + " is also budgeted");
    }
    measures.push_back(budget.measure);
    limits.push_back(budget_limit(search, budget));
  }
  // The frontier is sorted by the objective first: the first point within
  // every budget is the best.
  const ExactFrontier frontier = exact_frontier(search, measures, options);
  for (Index r = 0; r < frontier.raw.rows(); ++r) {
    bool fits = true;
    for (std::size_t j = 0; j < limits.size(); ++j)
      fits = fits && frontier.raw(r, static_cast<Index>(j + 1)) <= limits[j];
    if (fits) return frontier.choices[static_cast<std::size_t>(r)];
  }
  return std::nullopt;
}

Index best_under_budgets(const BitWidthSearch& search, const std::vector<std::vector<int>>& candidates,
                         Measure objective, const std::vector<Budget>& budgets) {
  Index best = -1;
  double best_value = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!within_budgets(search, candidates[i], budgets)) continue;
    const double value = search.total(candidates[i], objective);
    if (best < 0 || value < best_value) {
      best = static_cast<Index>(i);
      best_value = value;
    }
  }
  return best;
}

}  // namespace paretokit::quantization
