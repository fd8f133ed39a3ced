#include "html_parts.hpp"

#include <cmath>

#include "paretokit/report/svg.hpp"

namespace paretokit::report::detail {

namespace {

// Sizes for a laptop screen (about 1280 pixels wide); the plots keep their
// pixel size and wrap.
const char* stylesheet = R"css(
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1b1b1b; margin: 0;
       background: #f4f5f7; font-size: 15px; line-height: 1.45; }
main { max-width: 1320px; margin: 0 auto; padding: 18px 28px 40px; }
h1 { font-size: 26px; margin: 6px 0 2px; }
h2 { font-size: 20px; margin: 28px 0 10px; border-bottom: 2px solid #d0d4da; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 4px 0 8px; }
.subtitle { color: #555; margin-bottom: 14px; }
.card { background: #fff; border: 1px solid #dde1e6; border-radius: 8px; padding: 12px 16px; margin: 12px 0;
        overflow-x: auto; }
.row { display: flex; flex-wrap: wrap; gap: 10px; align-items: flex-start; }
.note { color: #555; font-size: 13px; }
.plot { background: #fff; }
.plot .frame { fill: none; stroke: #777; stroke-width: 1; }
.plot .grid { stroke: #e3e3e3; stroke-width: 1; }
.plot text { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; }
.plot .tick { font-size: 11px; fill: #333; }
.plot .label { font-size: 13px; fill: #111; }
.plot .title { font-size: 13px; font-weight: bold; fill: #111; }
.plot .legend { font-size: 12px; fill: #111; }
table { border-collapse: collapse; font-size: 13px; margin: 6px 0; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid #d6d9de; padding: 4px 8px; text-align: right; white-space: nowrap; }
th { background: #eef0f3; }
td.task { text-align: left; font-family: "DejaVu Sans Mono", monospace; font-size: 12px; }
tr:nth-child(even) td { background: #fafbfc; }
td.best { background: #cdeccd !important; font-weight: bold; }
tfoot td { font-weight: bold; background: #eef0f3; }
.toc a { margin-right: 10px; font-size: 13px; }
)css";

std::string cell_text(const TableCell& cell) {
  if (!std::isfinite(cell.mean)) return "–";
  std::string text = format_value(cell.mean);
  if (cell.spread > 0) text += " ± " + format_value(cell.spread);
  return text;
}

}  // namespace

std::string page(const std::string& title, const std::string& subtitle, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
         "content=\"width=device-width, initial-scale=1\"><title>" +
         escape_xml(title) + "</title><style>" + stylesheet + "</style></head><body><main><h1>" +
         escape_xml(title) + "</h1><div class=\"subtitle\">" + subtitle + "</div>\n" + body +
         "\n</main></body></html>\n";
}

std::string render_table(const Table& table) {
  std::string html = "<table><caption>" + escape_xml(table.caption) + "</caption><thead><tr><th>task</th>";
  for (const auto& column : table.columns) html += "<th>" + escape_xml(column) + "</th>";
  html += "</tr></thead><tbody>";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    html += "<tr><td class=\"task\">" + escape_xml(table.row_labels[r]) + "</td>";
    for (const auto& cell : table.rows[r]) {
      html += std::string("<td") + (cell.best ? " class=\"best\"" : "") + ">" + escape_xml(cell_text(cell)) +
              "</td>";
    }
    html += "</tr>";
  }
  html += "</tbody>";
  if (!table.footer.empty()) {
    html += "<tfoot><tr><td class=\"task\">" + escape_xml(table.footer_label) + "</td>";
    for (const auto& text : table.footer) html += "<td>" + escape_xml(text) + "</td>";
    html += "</tr></tfoot>";
  }
  return html + "</table>";
}

}  // namespace paretokit::report::detail
