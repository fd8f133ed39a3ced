// paretokit algorithms [--json]: the registered algorithms with their
// parameters, defaults and meaning, from the registry's own catalog
// (algorithms/registry.hpp), as `problems` lists the problems.
#include <iostream>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/algorithms/registry.hpp"

namespace paretokit::cli {

namespace {

// Wraps `text` at `width` columns, each line after the first indented by `indent`.
std::string wrap(const std::string& text, std::size_t first_column, std::size_t indent,
                 std::size_t width = 80) {
  std::string out, line;
  std::size_t column = first_column;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (column + word.size() + (line.empty() ? 0 : 1) > width && !line.empty()) {
      out += line + "\n" + std::string(indent, ' ');
      line.clear();
      column = indent;
    }
    if (!line.empty()) {
      line += ' ';
      ++column;
    }
    line += word;
    column += word.size();
    start = end + 1;
  }
  return out + line;
}

int run_algorithms(const Arguments& args) {
  CommandLine command_line(
      "algorithms", "algorithms [--json]",
      "Lists the optimization algorithms of the registry with their parameters,\n"
      "defaults and meaning. Parameters are passed to 'sweep' (and 'bench') as JSON,\n"
      "e.g. --algorithm nsga3 --algorithm-params '{\"n_partitions\": 12}'. A default of\n"
      "null depends on the problem (the description says how). --json prints\n"
      "{\"algorithms\": [{\"name\", \"title\", \"summary\", \"parameters\": [{\"name\",\n"
      "\"default\", \"description\"}]}]}.");
  command_line.options.add_options()("json", "print one JSON document");
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  const auto& catalog = algorithm_catalog();
  if (vm.count("json")) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& info : catalog) {
      nlohmann::json parameters = nlohmann::json::array();
      for (const auto& p : info.parameters) {
        parameters.push_back(
            {{"name", p.name}, {"default", p.default_value}, {"description", p.description}});
      }
      list.push_back({{"name", info.name},
                      {"title", info.title},
                      {"summary", info.summary},
                      {"parameters", parameters}});
    }
    print_json({{"algorithms", list}});
    return 0;
  }
  std::string out;
  for (const auto& info : catalog) {
    out += info.name + ": " + info.title + "\n    " + wrap(info.summary, 4, 4) + "\n";
    for (const auto& p : info.parameters) {
      const std::string head = "    " + p.name + " = " + p.default_value.dump() + "  ";
      out += head + wrap(p.description, head.size(), 8) + "\n";
    }
  }
  std::cout << out;
  return 0;
}

const RegisterCommand algorithms_command{"algorithms", "list the algorithms and their parameters",
                                         run_algorithms};

}  // namespace

}  // namespace paretokit::cli
