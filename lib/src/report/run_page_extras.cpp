#include "run_page_extras.hpp"

#include "html_parts.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/point_file.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/json_matrix.hpp"
#include "paretokit/report/svg.hpp"

namespace paretokit::report::detail {

namespace {

namespace fs = std::filesystem;

// published.json: {"objectives": [names], "configurations": [{"name", "f", "on_exact_front"}]}.
void read_published(const fs::path& path, Index n_obj, RunPageExtras& extras) {
  const nlohmann::json document = read_json_file(path);
  const auto& list = document.value("configurations", nlohmann::json::array());
  if (list.empty()) return;
  const std::string where = path.string();
  Matrix published(static_cast<Index>(list.size()), static_cast<Index>(document.at("objectives").size()));
  std::string table = "<table><tr><th>published configuration</th>";
  for (const auto& name : document.at("objectives")) table += "<th>" + escape_xml(name.get<std::string>()) + "</th>";
  table += "<th>on the exact frontier</th></tr>";
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Vector f =
        vector_from_json(list[i].at("f"), Location(where, 0, "configurations[" + std::to_string(i) + "].f"));
    if (f.size() != published.cols()) throw InputError("f has a different length", Location(where));
    published.row(static_cast<Index>(i)) = f.transpose();
    table += "<tr><td>" + escape_xml(list[i].value("name", "")) + "</td>";
    for (Index j = 0; j < f.size(); ++j) table += "<td>" + format_value(f(j)) + "</td>";
    const auto& on_front = list[i].value("on_exact_front", nlohmann::json());
    table += "<td>" + std::string(on_front.is_boolean() ? (on_front.get<bool>() ? "yes" : "no") : "-") +
             "</td></tr>";
  }
  extras.table_html = table + "</table>";
  if (published.cols() == n_obj) extras.marked.push_back({"published configurations", published});
}

}  // namespace

RunPageExtras read_run_page_extras(const fs::path& run_folder, Index n_obj) {
  RunPageExtras extras;
  if (fs::is_regular_file(run_folder / "exact_front.txt")) {
    Matrix exact = read_points((run_folder / "exact_front.txt").string());
    if (exact.rows() > 0 && exact.cols() == n_obj) extras.exact_front = std::move(exact);
  }
  if (fs::is_regular_file(run_folder / "published.json")) read_published(run_folder / "published.json", n_obj, extras);
  if (fs::is_regular_file(run_folder / "baselines.txt")) {
    const Matrix baselines = read_points((run_folder / "baselines.txt").string());
    if (baselines.rows() > 0 && baselines.cols() == n_obj) extras.marked.push_back({"baselines", baselines});
  }
  return extras;
}

}  // namespace paretokit::report::detail
