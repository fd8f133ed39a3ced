// paretokit nondominated [--json] FILE: the non-dominated points of FILE
// (all point sets together), in input order, with full precision.
#include <iostream>
#include <string>
#include <vector>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/point_file.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"

namespace paretokit::cli {

namespace {

int run_nondominated(const Arguments& args) {
  CommandLine command_line(
      "nondominated", "nondominated [--json] FILE",
      "The non-dominated points (minimization) of FILE, in input order, printed with round-trip\n"
      "precision; equal non-dominated points are all kept. All point sets of the file are\n"
      "filtered together. FILE '-' reads standard input. --json prints\n"
      "{\"points\": [[...], ...], \"indices\": [...], \"lines\": [...]}: the 0-based index of\n"
      "each kept point among all points of the file, and its line in the file.");
  command_line.options.add_options()("json", "print one JSON document");
  command_line.add_file_argument();
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  const auto sets = read_point_sets(vm["file"].as<std::string>());
  Index rows = 0;
  for (const auto& set : sets) rows += set.points.rows();
  Matrix points(rows, sets.front().points.cols());
  std::vector<std::size_t> lines;
  lines.reserve(static_cast<std::size_t>(rows));
  Index row = 0;
  for (const auto& set : sets) {
    points.middleRows(row, set.points.rows()) = set.points;
    row += set.points.rows();
    lines.insert(lines.end(), set.lines.begin(), set.lines.end());
  }

  const auto kept = nondominated_indices(points);
  Matrix front(static_cast<Index>(kept.size()), points.cols());
  for (std::size_t i = 0; i < kept.size(); ++i) front.row(static_cast<Index>(i)) = points.row(kept[i]);

  if (vm.count("json")) {
    nlohmann::json json_points = nlohmann::json::array();
    std::vector<std::size_t> kept_lines;
    for (std::size_t i = 0; i < kept.size(); ++i) {
      const auto point = front.row(static_cast<Index>(i));
      json_points.push_back(std::vector<double>(point.data(), point.data() + point.size()));
      kept_lines.push_back(lines[static_cast<std::size_t>(kept[i])]);
    }
    print_json({{"points", json_points}, {"indices", kept}, {"lines", kept_lines}});
    return 0;
  }
  write_points(std::cout, front);
  return 0;
}

const RegisterCommand nondominated_command{"nondominated", "the non-dominated points, in input order",
                                           run_nondominated};

}  // namespace

}  // namespace paretokit::cli
