// The critical-difference diagram (lib/src/report/cd_diagram.cpp, after
// Demšar 2006): where each mark, label and bar lands, computed here by hand
// from the layout (axis from x = 170 for rank 1 to x = 590 for rank k, on a
// 760-wide chart).
#include <catch2/catch.hpp>

#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include "paretokit/report/charts.hpp"

using namespace paretokit::report;

namespace {

// The values of attribute `name` of every `<tag ...>` element, in order.
std::vector<std::string> attributes(const std::string& svg, const std::string& tag, const std::string& name) {
  std::vector<std::string> values;
  const std::regex element("<" + tag + "\\b[^>]*>");
  const std::regex attribute("\\b" + name + "=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), element); it != std::sregex_iterator(); ++it) {
    std::smatch found;
    const std::string text = it->str();
    if (std::regex_search(text, found, attribute)) values.push_back(found[1]);
  }
  return values;
}

// The text-anchor of the label element that holds `label`.
std::string anchor_of(const std::string& svg, const std::string& label) {
  const std::size_t at = svg.find(label);
  if (at == std::string::npos) return "missing";
  const std::size_t start = svg.rfind("<text", at);
  const auto found = attributes(svg.substr(start, at - start), "text", "text-anchor");
  return found.empty() ? "none" : found[0];
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("cd diagram: marks on the rank axis, the better half labelled on the left") {
  // Ranks 1.2, 3.8, 2.0, 3.0 of 4: x = 170 + 140 (rank - 1).
  const std::string svg =
      critical_difference_diagram({"a", "b", "c", "d"}, {1.2, 3.8, 2.0, 3.0}, 1.25,
                                  {{"a", "c"}, {"c", "d", "b", "unknown"}, {"unknown"}}, "title <&>");
  // One mark per optimizer, from the best rank to the worst.
  CHECK(attributes(svg, "circle", "cx") == std::vector<std::string>{"198.0", "310.0", "450.0", "562.0"});
  // Integer ticks 1..4.
  CHECK(count(svg, "class=\"tick\" text-anchor=\"middle\"") == 4);
  // The two best (a, c) end on the left (anchor "end"), d and b on the right.
  CHECK(anchor_of(svg, "a (1.20)") == "end");
  CHECK(anchor_of(svg, "c (2.00)") == "end");
  CHECK(anchor_of(svg, "d (3.00)") == "start");
  CHECK(anchor_of(svg, "b (3.80)") == "start");
  // The CD bar: from rank 1 to rank 1 + CD = 2.25.
  CHECK(svg.find("<line x1=\"170.0\" y1=\"28\" x2=\"345.0\" y2=\"28\"") != std::string::npos);
  CHECK(svg.find("CD = 1.25") != std::string::npos);
  // Clique bars from the lowest to the highest member rank, 4 px beyond:
  // {a, c}: 1.2..2.0; {c, d, b}: 2.0..3.8 (the unknown name ignored); the
  // clique of only an unknown name draws nothing.
  CHECK(count(svg, "stroke-width=\"4\"") == 2);
  CHECK(svg.find("x1=\"194.0\" y1=\"98.0\" x2=\"314.0\" y2=\"98.0\"") != std::string::npos);
  CHECK(svg.find("x1=\"306.0\" y1=\"108.0\" x2=\"566.0\" y2=\"108.0\"") != std::string::npos);
  // The title is escaped.
  CHECK(svg.find("title &lt;&amp;&gt;") != std::string::npos);
}

TEST_CASE("cd diagram: no bar for an unknown or zero CD, nothing for bad input") {
  const std::string svg = critical_difference_diagram({"x", "y"}, {1.0, 2.0}, std::nan(""), {}, "");
  CHECK(svg.find("CD =") == std::string::npos);
  CHECK(attributes(svg, "circle", "cx") == std::vector<std::string>{"170.0", "590.0"});
  CHECK(critical_difference_diagram({"x", "y"}, {1.0, 2.0}, 0.0, {}, "").find("CD =") == std::string::npos);
  CHECK(critical_difference_diagram({}, {}, 1.0, {}, "").empty());
  CHECK(critical_difference_diagram({"x", "y"}, {1.0}, 1.0, {}, "").empty());  // ranks do not match names
}
