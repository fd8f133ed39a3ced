// Plots as inline SVG text: no fonts, scripts or files outside the page, so
// an HTML report stays one self-contained file.
//
//   SvgPlot plot(480, 320);
//   plot.set_x_range(0, 1);  plot.set_y_range(0, 5);   // or fit_*
//   plot.set_labels("f1", "f2", "ZDT1");
//   plot.points(x, y, palette_color(0), Marker::circle);
//   plot.legend({{"nsga2", palette_color(0)}});
//   std::string svg = plot.render();
//
// Axes get "nice" ticks (1, 2 or 5 times a power of ten). Values outside the
// ranges are clipped to the plot area; NaN and infinite values are skipped.
#pragma once

#include <string>
#include <vector>

namespace paretokit::report {

// Ten colours that stay distinct for colour-blind readers (Okabe-Ito and
// Tol's muted scheme), cycled for more series.
const std::string& palette_color(std::size_t index);

enum class Marker { circle, square, triangle, diamond };
Marker palette_marker(std::size_t index);

struct LegendEntry {
  std::string label;
  std::string color;
  Marker marker = Marker::circle;
};

// "Nice" tick positions covering [low, high]: about `count` of them.
std::vector<double> nice_ticks(double low, double high, int count = 5);
// A short label for a tick or a table cell: 4 significant digits, no
// trailing zeros, exponent form for very large or small magnitudes.
std::string format_value(double value);
// Labels for one axis' ticks, in one style: fixed ("0", "0.0002", "0.001",
// "2") unless the largest magnitude is >= 1e5 or < 1e-3, then exponent form
// ("0", "5e5", "1.5e6"); each with the fewest digits that tell it apart at the
// axis' tick spacing (never "2e+0" or "0.6000000000000001").
std::vector<std::string> format_ticks(const std::vector<double>& ticks);
// Fixed-point text with `decimals` digits, e.g. SVG coordinates (1) or ranks (2).
std::string format_fixed(double value, int decimals);
// Text with &, <, >, " and ' escaped for HTML and SVG.
std::string escape_xml(const std::string& text);

class SvgPlot {
 public:
  SvgPlot(int width, int height);

  void set_x_range(double low, double high);
  void set_y_range(double low, double high);
  // Ranges from data with a 4% margin; constant data gets a unit range.
  void fit_x(const std::vector<double>& values);
  void fit_y(const std::vector<double>& values);
  void invert_y(bool inverted) { inverted_y_ = inverted; }  // e.g. rank 1 on top
  void set_labels(std::string x_label, std::string y_label, std::string title = {});
  // Explicit ticks with labels (e.g. integer ranks), instead of nice_ticks.
  void set_y_ticks(std::vector<double> ticks);

  void points(const std::vector<double>& x, const std::vector<double>& y, const std::string& color,
              Marker marker = Marker::circle, double opacity = 0.85, double size = 3.2);
  void line(const std::vector<double>& x, const std::vector<double>& y, const std::string& color,
            double width = 2.0, double opacity = 1.0, const std::string& dash = {});
  // A filled band between low(x) and high(x), e.g. the spread over seeds.
  void band(const std::vector<double>& x, const std::vector<double>& low, const std::vector<double>& high,
            const std::string& color, double opacity = 0.18);
  void legend(const std::vector<LegendEntry>& entries);

  std::string render() const;

  // Data to pixel coordinates (inside the plot area).
  double px(double x) const;
  double py(double y) const;

 private:
  int width_, height_;
  double left_ = 62, right_ = 14, top_ = 46, bottom_ = 46;  // top: title and legend rows
  double x_low_ = 0, x_high_ = 1, y_low_ = 0, y_high_ = 1;
  bool inverted_y_ = false;
  std::vector<double> y_ticks_;
  std::string x_label_, y_label_, title_;
  std::string body_;     // marks, drawn inside the clip path
  std::string overlay_;  // legend, drawn on top
};

}  // namespace paretokit::report
