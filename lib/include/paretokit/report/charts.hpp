// The charts of the HTML reports, each returned as inline SVG markup.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "paretokit/core/matrix.hpp"

namespace paretokit::report {

// The points of one optimizer (or one run); colour and marker by index.
struct FrontSeries {
  std::string label;
  Matrix points;  // one row per point, one column per objective
};

// Final fronts: a scatter for 2 objectives; the three pairwise projections
// for 3; parallel coordinates (each axis scaled to the shown range) for 4 or
// more. `reference` (e.g. the true front) is drawn in grey beneath.
// `width`: the pixels they share (0: the bench page's sizes).
std::string front_plots(const std::vector<FrontSeries>& series, const std::optional<Matrix>& reference,
                        const std::string& title, int width = 0);

// A line per series with a shaded band (e.g. mean and min-max over seeds).
struct CurveSeries {
  std::string label;
  std::vector<double> x, mean, low, high;  // low/high empty: no band
};

struct CurveOptions {
  std::string x_label, y_label, title;
  bool invert_y = false;  // e.g. rank 1 on top
  std::optional<double> y_min, y_max;
  std::vector<double> y_ticks;  // empty: nice ticks
  int width = 480, height = 320;
};

std::string curve_plot(const std::vector<CurveSeries>& series, const CurveOptions& options);

// Demšar's (2006) critical-difference diagram: the rank axis (1 on the left),
// each treatment's mean rank with its label, a bar of length CD, and thick
// bars joining the groups not significantly different (cliques, by name).
std::string critical_difference_diagram(const std::vector<std::string>& names,
                                        const std::vector<double>& mean_ranks, double critical_difference,
                                        const std::vector<std::vector<std::string>>& cliques,
                                        const std::string& title);

}  // namespace paretokit::report
