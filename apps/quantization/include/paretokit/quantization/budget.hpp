// Budgets as in HAWQ-V3 (Yao et al., ICML 2021, section 3.3): `size=0.5`
// allows a model size halfway between the model with every searched layer at
// 4 bits and the one with every searched layer at 8 bits (fixed layers at
// their bits in both):
//
//   limit = M(all 4 bit) + fraction x (M(all 8 bit) - M(all 4 bit))
//
// whatever bit-widths are searched, so that budgets mean the same across bit
// sets. The configuration chosen is the one that minimizes the objective
// (omega in HAWQ-V3's integer program) among those within every budget;
// exactly, it is a point of the exact frontier of the objective and the
// budgeted measures, which is how select_under_budgets() finds it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "paretokit/core/matrix.hpp"
#include "paretokit/quantization/bit_width_search.hpp"
#include "paretokit/quantization/exact_frontier.hpp"

namespace paretokit::quantization {

struct Budget {
  Measure measure = Measure::size;
  double fraction = 0.5;  // of the way from all-4-bit to all-8-bit
};

// "size=0.5,bops=0.25" (each measure at most once, fraction a finite number);
// InputError naming `field` otherwise.
std::vector<Budget> parse_budgets(const std::string& text, const std::string& field);
std::string to_string(const Budget& budget);

// The budget's limit in raw units (bit_width_search.hpp).
double budget_limit(const BitWidthSearch& search, const Budget& budget);

// True when the configuration is within every budget (raw <= limit).
bool within_budgets(const BitWidthSearch& search, const std::vector<int>& choice,
                    const std::vector<Budget>& budgets);

// The exact best: the configuration of least `objective` within every budget
// (ties: the smaller budgeted measures, lexicographically); nullopt when none
// fits. InputError when `objective` is itself budgeted.
std::optional<std::vector<int>> select_under_budgets(const BitWidthSearch& search, Measure objective,
                                                     const std::vector<Budget>& budgets,
                                                     const ExactFrontierOptions& options = {});

// The same among given configurations (e.g. an evolutionary front): the
// index of the best, or -1 when none fits.
Index best_under_budgets(const BitWidthSearch& search, const std::vector<std::vector<int>>& candidates,
                         Measure objective, const std::vector<Budget>& budgets);

}  // namespace paretokit::quantization
