// Front plots and curves (the critical-difference diagram is in cd_diagram.cpp).
#include "paretokit/report/charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "paretokit/report/svg.hpp"

namespace paretokit::report {

namespace {

std::vector<double> column(const Matrix& points, Index j) {
  std::vector<double> values(static_cast<std::size_t>(points.rows()));
  for (Index i = 0; i < points.rows(); ++i) values[static_cast<std::size_t>(i)] = points(i, j);
  return values;
}

std::vector<LegendEntry> legend_of(const std::vector<FrontSeries>& series) {
  std::vector<LegendEntry> entries;
  for (std::size_t s = 0; s < series.size(); ++s)
    entries.push_back({series[s].label, palette_color(s), palette_marker(s)});
  return entries;
}

// (append, not "f" + string: GCC 12 warns -Wrestrict wrongly on that)
std::string objective_name(Index j) { return std::string("f").append(std::to_string(j + 1)); }

std::string scatter(const std::vector<FrontSeries>& series, const std::optional<Matrix>& reference, Index a,
                    Index b, const std::string& title, int width, int height, bool with_legend) {
  SvgPlot plot(width, height);
  std::vector<double> xs, ys;
  for (const auto& s : series) {
    if (s.points.cols() <= std::max(a, b)) continue;
    const auto x = column(s.points, a);
    const auto y = column(s.points, b);
    xs.insert(xs.end(), x.begin(), x.end());
    ys.insert(ys.end(), y.begin(), y.end());
  }
  if (reference && reference->cols() > std::max(a, b)) {
    // Only widen to the true front where the runs came near it: a distant
    // true front would squeeze the fronts into a corner otherwise.
    const auto x = column(*reference, a);
    const auto y = column(*reference, b);
    xs.insert(xs.end(), x.begin(), x.end());
    ys.insert(ys.end(), y.begin(), y.end());
  }
  plot.fit_x(xs);
  plot.fit_y(ys);
  plot.set_labels(objective_name(a), objective_name(b), title);
  if (reference && reference->cols() > std::max(a, b)) {
    plot.points(column(*reference, a), column(*reference, b), "#9a9a9a", Marker::circle, 0.5, 1.6);
  }
  for (std::size_t s = 0; s < series.size(); ++s) {
    if (series[s].points.cols() <= std::max(a, b)) continue;
    plot.points(column(series[s].points, a), column(series[s].points, b), palette_color(s), palette_marker(s),
                0.8, 3.4);
  }
  if (with_legend) plot.legend(legend_of(series));
  return plot.render();
}

std::string parallel_coordinates(const std::vector<FrontSeries>& series,
                                 const std::optional<Matrix>& reference, const std::string& title,
                                 int page_width) {
  Index m = 0;
  for (const auto& s : series) m = std::max(m, s.points.cols());
  const int width = page_width > 0 ? page_width : std::max(480, static_cast<int>(90 * m));
  SvgPlot plot(width, page_width > 0 ? 420 : 320);
  // Each axis scaled to [0, 1] over everything shown.
  Vector low = Vector::Constant(m, INFINITY), high = Vector::Constant(m, -INFINITY);
  for (const auto& s : series) {
    if (s.points.rows() == 0 || s.points.cols() != m) continue;
    low = low.cwiseMin(s.points.colwise().minCoeff().transpose());
    high = high.cwiseMax(s.points.colwise().maxCoeff().transpose());
  }
  if (reference && reference->rows() > 0 && reference->cols() == m) {
    low = low.cwiseMin(reference->colwise().minCoeff().transpose());
    high = high.cwiseMax(reference->colwise().maxCoeff().transpose());
  }
  plot.set_x_range(0.8, static_cast<double>(m) + 0.2);
  plot.set_y_range(-0.03, 1.03);
  plot.set_y_ticks({0, 0.25, 0.5, 0.75, 1});
  plot.set_labels(
      "objective (f1 ... f" + std::to_string(m) + "), each axis scaled to [min, max] of the shown points",
      "scaled value", title);
  std::vector<double> axis_x(static_cast<std::size_t>(m));
  for (Index j = 0; j < m; ++j) axis_x[static_cast<std::size_t>(j)] = static_cast<double>(j + 1);
  auto scaled = [&](const Matrix& points, Index i) {
    std::vector<double> y(static_cast<std::size_t>(m));
    for (Index j = 0; j < m; ++j) {
      const double span = high[j] - low[j];
      y[static_cast<std::size_t>(j)] = span > 0 ? (points(i, j) - low[j]) / span : 0.5;
    }
    return y;
  };
  if (reference && reference->cols() == m) {
    for (Index i = 0; i < reference->rows(); ++i)
      plot.line(axis_x, scaled(*reference, i), "#9a9a9a", 1.0, 0.25);
  }
  for (std::size_t s = 0; s < series.size(); ++s) {
    const Matrix& points = series[s].points;
    if (points.cols() != m) continue;
    // Many lines: thinner and lighter, so that the density shows.
    const double opacity =
        std::clamp(12.0 / static_cast<double>(std::max<Index>(points.rows(), 1)), 0.12, 0.7);
    for (Index i = 0; i < points.rows(); ++i)
      plot.line(axis_x, scaled(points, i), palette_color(s), 1.2, opacity);
  }
  for (Index j = 0; j < m; ++j) {
    plot.line({static_cast<double>(j + 1), static_cast<double>(j + 1)}, {-0.03, 1.03}, "#444", 1.0, 0.8);
  }
  plot.legend(legend_of(series));
  return plot.render();
}

}  // namespace

std::string front_plots(const std::vector<FrontSeries>& series, const std::optional<Matrix>& reference,
                        const std::string& title, int width) {
  Index m = 0;
  for (const auto& s : series) m = std::max(m, s.points.cols());
  if (m <= 2) {
    const int w = width > 0 ? width : 480;
    return scatter(series, reference, 0, std::max<Index>(m - 1, 0), title, w, std::min(560, w * 2 / 3), true);
  }
  if (m == 3) {
    const int w = width > 0 ? (width - 20) / 3 : 400;
    return scatter(series, reference, 0, 1, title + " (f1, f2)", w, w * 4 / 5, true) +
           scatter(series, reference, 0, 2, "(f1, f3)", w, w * 4 / 5, false) +
           scatter(series, reference, 1, 2, "(f2, f3)", w, w * 4 / 5, false);
  }
  return parallel_coordinates(series, reference, title, width);
}

std::string curve_plot(const std::vector<CurveSeries>& series, const CurveOptions& options) {
  SvgPlot plot(options.width, options.height);
  std::vector<double> xs, ys;
  for (const auto& s : series) {
    xs.insert(xs.end(), s.x.begin(), s.x.end());
    ys.insert(ys.end(), s.mean.begin(), s.mean.end());
    ys.insert(ys.end(), s.low.begin(), s.low.end());
    ys.insert(ys.end(), s.high.begin(), s.high.end());
  }
  plot.fit_x(xs);
  if (!xs.empty()) {
    const auto [low, high] = std::minmax_element(xs.begin(), xs.end());
    plot.set_x_range(*low, *high);
  }
  plot.fit_y(ys);
  if (options.y_min || options.y_max) {
    double low = 0, high = 1;
    std::vector<double> finite;
    for (double v : ys) {
      if (std::isfinite(v)) finite.push_back(v);
    }
    if (!finite.empty()) {
      low = *std::min_element(finite.begin(), finite.end());
      high = *std::max_element(finite.begin(), finite.end());
    }
    plot.set_y_range(options.y_min.value_or(low), options.y_max.value_or(high));
  }
  plot.invert_y(options.invert_y);
  if (!options.y_ticks.empty()) plot.set_y_ticks(options.y_ticks);
  plot.set_labels(options.x_label, options.y_label, options.title);
  std::vector<LegendEntry> legend;
  for (std::size_t s = 0; s < series.size(); ++s) {
    if (!series[s].low.empty()) plot.band(series[s].x, series[s].low, series[s].high, palette_color(s));
  }
  for (std::size_t s = 0; s < series.size(); ++s) {
    plot.line(series[s].x, series[s].mean, palette_color(s), 2.0);
    plot.points(series[s].x, series[s].mean, palette_color(s), palette_marker(s), 1.0, 2.6);
    legend.push_back({series[s].label, palette_color(s), palette_marker(s)});
  }
  plot.legend(legend);
  return plot.render();
}

}  // namespace paretokit::report
