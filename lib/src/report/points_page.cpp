// `paretokit plot`: point sets drawn as the run report draws its fronts.
#include <algorithm>

#include "html_parts.hpp"
#include "paretokit/report/charts.hpp"
#include "paretokit/report/html_report.hpp"
#include "paretokit/report/svg.hpp"

namespace paretokit::report {

namespace {

constexpr int kWidth = 1200;

Matrix even_rows(const Matrix& points, Index limit) {
  if (points.rows() <= limit) return points;
  Matrix sample(limit, points.cols());
  for (Index k = 0; k < limit; ++k) sample.row(k) = points.row(k * points.rows() / limit);
  return sample;
}

std::vector<FrontSeries> drawn(const std::vector<PointSeries>& series, Index max_points) {
  std::vector<FrontSeries> out;
  for (const auto& s : series) {
    const Matrix sample = even_rows(s.points, std::max<Index>(max_points, 1));
    std::string label = s.label;
    if (sample.rows() < s.points.rows()) {
      label += " (" + std::to_string(sample.rows()) + " of " + std::to_string(s.points.rows()) + ")";
    }
    out.push_back({label, sample});
  }
  return out;
}

}  // namespace

std::string points_svg(const std::vector<PointSeries>& series, const std::optional<Matrix>& front,
                       const std::string& title, Index max_points) {
  const std::string plots = front_plots(drawn(series, max_points), front, title, kWidth);
  // front_plots gives one <svg> per panel (three for 3 objectives): nest them
  // side by side in one document.
  std::string body;
  double x = 0, height = 0;
  for (std::size_t at = plots.find("<svg"); at != std::string::npos;) {
    const std::size_t end = plots.find("</svg>", at) + 6;
    std::string panel = plots.substr(at, end - at);
    const auto width_at = panel.find("width=\"") + 7;
    const double width = std::stod(panel.substr(width_at));
    const auto height_at = panel.find("height=\"") + 8;
    height = std::max(height, std::stod(panel.substr(height_at)));
    panel.insert(4, " x=\"" + format_fixed(x, 0) + "\"");
    body += panel;
    x += width + 10;
    at = plots.find("<svg", end);
  }
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + format_fixed(std::max(x - 10, 1.0), 0) +
         "\" height=\"" + format_fixed(height, 0) +
         "\"><style>text{font-family:\"DejaVu Sans\",Helvetica,Arial," +
         "sans-serif}.tick{font-size:11px}.label,.title{font-size:13px}.title{font-weight:bold}.legend{font-"
         "size:" +
         "12px}.frame{fill:none;stroke:#777}.grid{stroke:#e3e3e3}</style><rect width=\"100%\" "
         "height=\"100%\" " +
         "fill=\"#fff\"/>" + body + "</svg>\n";
}

std::string points_page_html(const std::vector<PointSeries>& series, const std::optional<Matrix>& front,
                             const std::string& title, Index max_points) {
  std::string note;
  for (const auto& s : series) {
    if (s.points.rows() > max_points) note = "<p class=\"note\">Long series are drawn as an even sample.</p>";
  }
  return detail::page(title, front ? "grey: the reference front" : "",
                      "<div class=\"card\">" + note + "<div class=\"row\">" +
                          front_plots(drawn(series, max_points), front, title, kWidth) + "</div></div>");
}

}  // namespace paretokit::report
