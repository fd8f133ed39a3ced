// paretokit ndsort [--json] FILE: the non-domination rank of every point of
// FILE (all point sets together), in input order.
#include <iostream>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/point_file.hpp"
#include "paretokit/pareto/nondominated_sort.hpp"

namespace paretokit::cli {

namespace {

int run_ndsort(const Arguments& args) {
  CommandLine command_line(
      "ndsort", "ndsort [--json] FILE",
      "Non-domination rank (minimization) of every point of FILE, in input order: 0 for the\n"
      "non-dominated points, r for those non-dominated once ranks < r are removed. Equal\n"
      "points get equal ranks. All point sets of the file are ranked together. FILE '-'\n"
      "reads standard input. Prints one rank per line, or {\"ranks\": [...]} with --json.");
  command_line.options.add_options()("json", "print one JSON document");
  command_line.add_file_argument();
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  const Matrix points = read_points(vm["file"].as<std::string>());
  const auto ranks = nondominated_ranks(points);
  if (vm.count("json")) {
    print_json({{"ranks", ranks}});
    return 0;
  }
  std::string out;
  out.reserve(ranks.size() * 3);
  for (const Index rank : ranks) {
    out += std::to_string(rank);
    out += '\n';
  }
  std::cout << out;
  return 0;
}

const RegisterCommand ndsort_command{"ndsort", "non-domination rank of each point", run_ndsort};

}  // namespace

}  // namespace paretokit::cli
