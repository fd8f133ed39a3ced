// Critical-difference diagram after Demšar (2006), Fig. 1 and 2: the axis of
// mean ranks on top, the better half of the treatments labelled on the left,
// the other half on the right, and thick bars under the axis for each group
// whose ranks lie within one critical difference.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "paretokit/report/charts.hpp"
#include "paretokit/report/svg.hpp"

namespace paretokit::report {

namespace {

std::string num(double value) { return format_fixed(value, 1); }
std::string rank_text(double value) { return format_fixed(value, 2); }

}  // namespace

std::string critical_difference_diagram(const std::vector<std::string>& names,
                                        const std::vector<double>& mean_ranks, double critical_difference,
                                        const std::vector<std::vector<std::string>>& cliques,
                                        const std::string& title) {
  const std::size_t k = names.size();
  if (k == 0 || mean_ranks.size() != k) return {};
  std::vector<std::size_t> order(k);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return mean_ranks[a] < mean_ranks[b]; });

  const double width = 760;
  const double margin = 170;  // room for the labels on both sides
  const double axis_y = 84;
  const double row = 24;
  const std::size_t left_count = (k + 1) / 2;
  const std::size_t right_count = k - left_count;
  const double clique_top = axis_y + 14;
  const double labels_top = clique_top + 10 * static_cast<double>(cliques.size()) + 22;
  const double height = labels_top + row * static_cast<double>(std::max(left_count, right_count)) + 12;
  const auto kd = static_cast<double>(std::max<std::size_t>(k, 2));
  auto x_of = [&](double rank) { return margin + (rank - 1.0) / (kd - 1.0) * (width - 2 * margin); };

  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" +
                    num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\" class=\"plot\">";
  svg += "<text x=\"10\" y=\"16\" class=\"title\">" + escape_xml(title) + "</text>";
  // Axis with integer ticks.
  svg += "<line x1=\"" + num(x_of(1)) + "\" y1=\"" + num(axis_y) + "\" x2=\"" + num(x_of(kd)) + "\" y2=\"" +
         num(axis_y) + "\" stroke=\"#222\" stroke-width=\"1.5\"/>";
  for (std::size_t r = 1; r <= std::max<std::size_t>(k, 2); ++r) {
    const double x = x_of(static_cast<double>(r));
    svg += "<line x1=\"" + num(x) + "\" y1=\"" + num(axis_y - 6) + "\" x2=\"" + num(x) + "\" y2=\"" +
           num(axis_y) + "\" stroke=\"#222\"/>";
    svg += "<text x=\"" + num(x) + "\" y=\"" + num(axis_y - 10) +
           "\" class=\"tick\" text-anchor=\"middle\">" + std::to_string(r) + "</text>";
  }
  svg += "<text x=\"" + num(width / 2) + "\" y=\"" + num(axis_y - 28) +
         "\" class=\"label\" text-anchor=\"middle\">mean rank (1 = best)</text>";
  // The CD bar, top left.
  if (std::isfinite(critical_difference) && critical_difference > 0) {
    const double x0 = x_of(1);
    const double x1 = x_of(std::min(1.0 + critical_difference, kd + 2.0));
    svg += "<line x1=\"" + num(x0) + "\" y1=\"28\" x2=\"" + num(x1) +
           "\" y2=\"28\" stroke=\"#B00\" stroke-width=\"2\"/>";
    svg += "<line x1=\"" + num(x0) + "\" y1=\"23\" x2=\"" + num(x0) + "\" y2=\"33\" stroke=\"#B00\"/>";
    svg += "<line x1=\"" + num(x1) + "\" y1=\"23\" x2=\"" + num(x1) + "\" y2=\"33\" stroke=\"#B00\"/>";
    svg += "<text x=\"" + num(x1 + 6) +
           "\" y=\"32\" class=\"tick\" fill=\"#B00\">CD = " + rank_text(critical_difference) + "</text>";
  }
  // Cliques: thick bars just under the axis.
  for (std::size_t c = 0; c < cliques.size(); ++c) {
    double low = INFINITY, high = -INFINITY;
    for (const auto& name : cliques[c]) {
      const auto found = std::find(names.begin(), names.end(), name);
      if (found == names.end()) continue;
      const double rank = mean_ranks[static_cast<std::size_t>(found - names.begin())];
      low = std::min(low, rank);
      high = std::max(high, rank);
    }
    if (!std::isfinite(low)) continue;
    const double y = clique_top + 10 * static_cast<double>(c);
    svg += "<line x1=\"" + num(x_of(low) - 4) + "\" y1=\"" + num(y) + "\" x2=\"" + num(x_of(high) + 4) +
           "\" y2=\"" + num(y) + "\" stroke=\"#111\" stroke-width=\"4\" stroke-linecap=\"round\"/>";
  }
  // Treatments: an elbow from the axis down to the label row.
  for (std::size_t position = 0; position < k; ++position) {
    const std::size_t index = order[position];
    const bool left = position < left_count;
    const std::size_t row_index = left ? position : k - 1 - position;
    const double y = labels_top + row * static_cast<double>(row_index);
    const double x = x_of(mean_ranks[index]);
    const double end = left ? margin - 12 : width - margin + 12;
    const std::string& color = palette_color(index);
    svg += "<path d=\"M" + num(x) + " " + num(axis_y) + "L" + num(x) + " " + num(y) + "L" + num(end) + " " +
           num(y) + "\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"1.6\"/>";
    svg += "<circle cx=\"" + num(x) + "\" cy=\"" + num(axis_y) + "\" r=\"3.5\" fill=\"" + color + "\"/>";
    const std::string label = escape_xml(names[index]) + " (" + rank_text(mean_ranks[index]) + ")";
    svg += "<text x=\"" + num(left ? end - 4 : end + 4) + "\" y=\"" + num(y + 4) +
           "\" class=\"legend\" text-anchor=\"" + (left ? "end" : "start") + "\">" + label + "</text>";
  }
  svg += "</svg>";
  return svg;
}

}  // namespace paretokit::report
