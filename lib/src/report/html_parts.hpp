// Pieces shared by the report pages: the page shell with its stylesheet and
// tables of values with the best cell of a row highlighted.
#pragma once

#include <string>
#include <vector>

namespace paretokit::report::detail {

// <!DOCTYPE html> ... with the stylesheet, the title as <h1> and `body`.
std::string page(const std::string& title, const std::string& subtitle, const std::string& body);

struct TableCell {
  double mean = 0;    // NaN: no value
  double spread = 0;  // shown as ± when > 0 or show_spread
  bool best = false;
};

struct Table {
  std::string caption;
  std::vector<std::string> columns;  // header after the row label
  std::vector<std::string> row_labels;
  std::vector<std::vector<TableCell>> rows;
  std::vector<std::string> footer;  // optional last row (e.g. mean ranks), as text
  std::string footer_label;
};

std::string render_table(const Table& table);

}  // namespace paretokit::report::detail
