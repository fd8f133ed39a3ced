#include "paretokit/report/svg.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace paretokit::report {

namespace {

std::string number(double value) { return format_fixed(value, 1); }
std::string fraction(double value) { return format_fixed(value, 2); }

// "M x y" or "L x y" of a path. (Appending piece by piece also avoids a false
// -Wrestrict of GCC 12 on "literal" + std::string temporaries.)
void move_or_line(std::string& path, char command, double x, double y) {
  path += command;
  path += number(x);
  path += ' ';
  path += number(y);
}

// Clip-path ids must be unique in a page that holds many plots.
std::atomic<unsigned> next_clip_id{0};

std::string marker_shape(Marker marker, double x, double y, double r, const std::string& color,
                         double opacity) {
  const std::string style = "\" fill=\"" + color + "\" fill-opacity=\"" + fraction(opacity) + "\"/>";
  switch (marker) {
    case Marker::square:
      return "<rect x=\"" + number(x - r) + "\" y=\"" + number(y - r) + "\" width=\"" + number(2 * r) +
             "\" height=\"" + number(2 * r) + style;
    case Marker::triangle:
      return "<path d=\"M" + number(x) + " " + number(y - 1.2 * r) + "L" + number(x + 1.1 * r) + " " +
             number(y + 0.9 * r) + "L" + number(x - 1.1 * r) + " " + number(y + 0.9 * r) + "Z" + style;
    case Marker::diamond:
      return "<path d=\"M" + number(x) + " " + number(y - 1.3 * r) + "L" + number(x + 1.3 * r) + " " +
             number(y) + "L" + number(x) + " " + number(y + 1.3 * r) + "L" + number(x - 1.3 * r) + " " +
             number(y) + "Z" + style;
    case Marker::circle:
    default:
      return "<circle cx=\"" + number(x) + "\" cy=\"" + number(y) + "\" r=\"" + number(r) + style;
  }
}

}  // namespace

const std::string& palette_color(std::size_t index) {
  static const std::vector<std::string> colors = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
                                                  "#56B4E9", "#882255", "#117733", "#999933", "#332288"};
  return colors[index % colors.size()];
}

Marker palette_marker(std::size_t index) {
  static const Marker markers[] = {Marker::circle, Marker::square, Marker::triangle, Marker::diamond};
  return markers[index % 4];
}

std::vector<double> nice_ticks(double low, double high, int count) {
  std::vector<double> ticks;
  if (!(std::isfinite(low) && std::isfinite(high)) || high <= low || count < 1) return ticks;
  const double raw = (high - low) / count;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / power;
  const double step = power * (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10);
  // Ticks as integer multiples k * multiple of the power of ten, divided by
  // 1 / power when that is an integer, so that 0.6 prints as 0.6 and not
  // 0.6000000000000001.
  const double multiple = step / power;
  const double inverse = power < 1 ? std::round(1.0 / power) : 0.0;
  for (auto k = static_cast<long long>(std::ceil(low / step - 1e-9)); ticks.size() <= 50; ++k) {
    const double units = static_cast<double>(k) * multiple;
    const double tick = inverse > 0 ? units / inverse : units * power;
    if (tick > high + 1e-9 * step) break;
    ticks.push_back(tick == 0 ? 0.0 : tick);
  }
  return ticks;
}

namespace {

// "2.500e-04" -> "2.5e-4", "1.000e+05" -> "1e5": no trailing zeros, no
// "+" and no leading zeros in the exponent.
std::string tidy_exponent(const std::string& text) {
  const auto e = text.find('e');
  if (e == std::string::npos) return text;
  std::string mantissa = text.substr(0, e), exponent = text.substr(e + 1);
  if (mantissa.find('.') != std::string::npos) {
    while (mantissa.back() == '0') mantissa.pop_back();
    if (mantissa.back() == '.') mantissa.pop_back();
  }
  const bool negative = exponent.front() == '-';
  if (exponent.front() == '+' || exponent.front() == '-') exponent.erase(0, 1);
  while (exponent.size() > 1 && exponent.front() == '0') exponent.erase(0, 1);
  return mantissa + "e" + (negative ? "-" : "") + exponent;
}

}  // namespace

std::string format_value(double value) {
  if (std::isnan(value)) return "–";
  if (std::isinf(value)) return value > 0 ? "∞" : "−∞";
  char buffer[32];
  const double magnitude = std::abs(value);
  if (magnitude != 0 && (magnitude >= 1e5 || magnitude < 1e-3)) {
    std::snprintf(buffer, sizeof buffer, "%.3e", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.4g", value);
    return buffer;
  }
  return tidy_exponent(buffer);
}

std::vector<std::string> format_ticks(const std::vector<double>& ticks) {
  double step = 0, largest = 0;
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    if (std::isfinite(ticks[i])) largest = std::max(largest, std::abs(ticks[i]));
    if (i > 0) {
      const double gap = std::abs(ticks[i] - ticks[i - 1]);
      if (std::isfinite(gap) && gap > 0 && (step == 0 || gap < step)) step = gap;
    }
  }
  if (step == 0) step = largest > 0 ? largest : 1;
  const bool exponent = largest >= 1e5 || (largest > 0 && largest < 1e-3);
  const int step_digit = static_cast<int>(std::floor(std::log10(step)));
  std::vector<std::string> labels;
  labels.reserve(ticks.size());
  char buffer[48];
  for (const double tick : ticks) {
    if (!std::isfinite(tick)) {
      labels.push_back(format_value(tick));
      continue;
    }
    if (std::abs(tick) < 1e-9 * step) {
      labels.push_back("0");
      continue;
    }
    // The fewest digits that give the tick back to within a millionth of
    // the spacing; at most two beyond the spacing's own last digit.
    int most = -step_digit + 2;
    if (exponent) {
      std::snprintf(buffer, sizeof buffer, "%.0e", tick);
      most += static_cast<int>(std::floor(std::log10(std::abs(std::strtod(buffer, nullptr)))));
    }
    most = std::clamp(most, 0, 15);
    for (int digits = 0; digits <= most; ++digits) {
      std::snprintf(buffer, sizeof buffer, exponent ? "%.*e" : "%.*f", digits, tick);
      if (std::abs(std::strtod(buffer, nullptr) - tick) <= 1e-6 * step) break;
    }
    labels.push_back(exponent ? tidy_exponent(buffer) : std::string(buffer));
  }
  return labels;
}

std::string escape_xml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

SvgPlot::SvgPlot(int width, int height) : width_(width), height_(height) {}

void SvgPlot::set_x_range(double low, double high) {
  x_low_ = low;
  x_high_ = high > low ? high : low + 1;
}

void SvgPlot::set_y_range(double low, double high) {
  y_low_ = low;
  y_high_ = high > low ? high : low + 1;
}

namespace {
std::pair<double, double> fitted(const std::vector<double>& values) {
  double low = INFINITY, high = -INFINITY;
  for (double v : values) {
    if (std::isfinite(v)) {
      low = std::min(low, v);
      high = std::max(high, v);
    }
  }
  if (!std::isfinite(low)) return {0, 1};
  if (high - low < 1e-12 * std::max(1.0, std::abs(high))) return {low - 0.5, high + 0.5};
  const double margin = 0.04 * (high - low);
  return {low - margin, high + margin};
}
}  // namespace

void SvgPlot::fit_x(const std::vector<double>& values) {
  const auto [low, high] = fitted(values);
  set_x_range(low, high);
}

void SvgPlot::fit_y(const std::vector<double>& values) {
  const auto [low, high] = fitted(values);
  set_y_range(low, high);
}

void SvgPlot::set_labels(std::string x_label, std::string y_label, std::string title) {
  x_label_ = std::move(x_label);
  y_label_ = std::move(y_label);
  title_ = std::move(title);
}

void SvgPlot::set_y_ticks(std::vector<double> ticks) { y_ticks_ = std::move(ticks); }

double SvgPlot::px(double x) const {
  return left_ + (x - x_low_) / (x_high_ - x_low_) * (width_ - left_ - right_);
}

double SvgPlot::py(double y) const {
  const double t = (y - y_low_) / (y_high_ - y_low_);
  const double plot_height = height_ - top_ - bottom_;
  return inverted_y_ ? top_ + t * plot_height : height_ - bottom_ - t * plot_height;
}

void SvgPlot::points(const std::vector<double>& x, const std::vector<double>& y, const std::string& color,
                     Marker marker, double opacity, double size) {
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
    body_ += marker_shape(marker, px(x[i]), py(y[i]), size, color, opacity);
  }
}

void SvgPlot::line(const std::vector<double>& x, const std::vector<double>& y, const std::string& color,
                   double width, double opacity, const std::string& dash) {
  std::string path;
  bool pen_down = false;
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) {
      pen_down = false;
      continue;
    }
    move_or_line(path, pen_down ? 'L' : 'M', px(x[i]), py(y[i]));
    pen_down = true;
  }
  if (path.empty()) return;
  body_ += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"" + number(width) +
           "\" stroke-opacity=\"" + fraction(opacity) + "\" stroke-linejoin=\"round\"" +
           (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
}

void SvgPlot::band(const std::vector<double>& x, const std::vector<double>& low,
                   const std::vector<double>& high, const std::string& color, double opacity) {
  std::string path;
  std::vector<std::size_t> valid;
  for (std::size_t i = 0; i < x.size() && i < low.size() && i < high.size(); ++i) {
    if (std::isfinite(x[i]) && std::isfinite(low[i]) && std::isfinite(high[i])) valid.push_back(i);
  }
  if (valid.size() < 2) return;
  for (std::size_t k = 0; k < valid.size(); ++k) {
    move_or_line(path, k == 0 ? 'M' : 'L', px(x[valid[k]]), py(high[valid[k]]));
  }
  for (std::size_t k = valid.size(); k-- > 0;) move_or_line(path, 'L', px(x[valid[k]]), py(low[valid[k]]));
  body_ += "<path d=\"" + path + "Z\" fill=\"" + color + "\" fill-opacity=\"" + fraction(opacity) +
           "\" stroke=\"none\"/>";
}

void SvgPlot::legend(const std::vector<LegendEntry>& entries) {
  // One row along the top right, above the plot area and below the title.
  double x = width_ - right_;
  std::string items;
  for (std::size_t i = entries.size(); i-- > 0;) {
    const auto& entry = entries[i];
    const double text_width = 7.0 * static_cast<double>(entry.label.size());
    x -= text_width + 22;
    items += marker_shape(entry.marker, x + 6, top_ - 14, 4.5, entry.color, 1.0);
    items += "<text x=\"" + number(x + 14) + "\" y=\"" + number(top_ - 10) + "\" class=\"legend\">" +
             escape_xml(entry.label) + "</text>";
  }
  overlay_ += items;
}

std::string SvgPlot::render() const {
  const unsigned id = next_clip_id++;
  const double plot_width = width_ - left_ - right_;
  const double plot_height = height_ - top_ - bottom_;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width_) +
                    "\" height=\"" + std::to_string(height_) + "\" viewBox=\"0 0 " + std::to_string(width_) +
                    " " + std::to_string(height_) + "\" class=\"plot\" style=\"max-width:100%;height:auto\">";
  svg += "<defs><clipPath id=\"clip" + std::to_string(id) + "\"><rect x=\"" + number(left_) + "\" y=\"" +
         number(top_) + "\" width=\"" + number(plot_width) + "\" height=\"" + number(plot_height) +
         "\"/></clipPath></defs>";
  svg += "<rect x=\"" + number(left_) + "\" y=\"" + number(top_) + "\" width=\"" + number(plot_width) +
         "\" height=\"" + number(plot_height) + "\" class=\"frame\"/>";
  // Grid and tick labels.
  const auto x_ticks = nice_ticks(x_low_, x_high_, std::max(2, static_cast<int>(plot_width / 90)));
  const auto x_labels = format_ticks(x_ticks);
  for (std::size_t t = 0; t < x_ticks.size(); ++t) {
    const double x = px(x_ticks[t]);
    svg += "<line x1=\"" + number(x) + "\" y1=\"" + number(top_) + "\" x2=\"" + number(x) + "\" y2=\"" +
           number(height_ - bottom_) + "\" class=\"grid\"/>";
    svg += "<text x=\"" + number(x) + "\" y=\"" + number(height_ - bottom_ + 15) +
           "\" class=\"tick\" text-anchor=\"middle\">" + x_labels[t] + "</text>";
  }
  const auto y_ticks = y_ticks_.empty()
                           ? nice_ticks(y_low_, y_high_, std::max(2, static_cast<int>(plot_height / 50)))
                           : y_ticks_;
  const auto y_labels = format_ticks(y_ticks);
  for (std::size_t t = 0; t < y_ticks.size(); ++t) {
    const double y = py(y_ticks[t]);
    svg += "<line x1=\"" + number(left_) + "\" y1=\"" + number(y) + "\" x2=\"" + number(width_ - right_) +
           "\" y2=\"" + number(y) + "\" class=\"grid\"/>";
    svg += "<text x=\"" + number(left_ - 6) + "\" y=\"" + number(y + 4) +
           "\" class=\"tick\" text-anchor=\"end\">" + y_labels[t] + "</text>";
  }
  svg += "<g clip-path=\"url(#clip" + std::to_string(id) + ")\">" + body_ + "</g>";
  if (!x_label_.empty()) {
    svg += "<text x=\"" + number(left_ + plot_width / 2) + "\" y=\"" + number(height_ - 8) +
           "\" class=\"label\" text-anchor=\"middle\">" + escape_xml(x_label_) + "</text>";
  }
  if (!y_label_.empty()) {
    svg += "<text transform=\"translate(14 " + number(top_ + plot_height / 2) +
           ") rotate(-90)\" class=\"label\" text-anchor=\"middle\">" + escape_xml(y_label_) + "</text>";
  }
  if (!title_.empty()) {
    svg += "<text x=\"" + number(left_) + "\" y=\"14\" class=\"title\">" + escape_xml(title_) + "</text>";
  }
  svg += overlay_ + "</svg>";
  return svg;
}

std::string format_fixed(double value, int decimals) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

}  // namespace paretokit::report
