// paretokit problems [--json]: the registered problems with their
// parameters, defaults and descriptions (problems/registry.hpp).
#include <iostream>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/problems/registry.hpp"

namespace paretokit::cli {

namespace {

int run_problems(const Arguments& args) {
  CommandLine command_line(
      "problems", "problems [--json]",
      "Lists the benchmark problems of the registry with their parameters and\n"
      "defaults. Parameters are passed to 'evaluate', 'front' and 'sweep' as JSON,\n"
      "e.g. --problem dtlz2 --problem-params '{\"n_obj\": 5}'. --json prints\n"
      "{\"problems\": [{\"name\", \"aliases\", \"description\", \"n_var\", \"n_obj\",\n"
      "\"n_constr\", \"parameters\": [{\"name\", \"default\", \"description\"}]}]} with the\n"
      "sizes of the default instance.");
  command_line.options.add_options()("json", "print one JSON document");
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  const auto& catalog = problems::problem_catalog();
  if (vm.count("json")) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& info : catalog) {
      const auto problem = problems::make_problem(info.name);
      nlohmann::json parameters = nlohmann::json::array();
      for (const auto& p : info.parameters) {
        parameters.push_back(
            {{"name", p.name}, {"default", p.default_value}, {"description", p.description}});
      }
      list.push_back({{"name", info.name},
                      {"aliases", info.aliases},
                      {"description", info.description},
                      {"n_var", problem->n_var()},
                      {"n_obj", problem->n_obj()},
                      {"n_constr", problem->n_constr()},
                      {"parameters", parameters}});
    }
    print_json({{"problems", list}});
    return 0;
  }
  for (const auto& info : catalog) {
    const auto problem = problems::make_problem(info.name);
    std::cout << info.name;
    if (!info.aliases.empty()) {
      std::cout << " (also";
      for (const auto& alias : info.aliases) std::cout << ' ' << alias;
      std::cout << ')';
    }
    std::cout << ": " << info.description << "\n    default: n_var = " << problem->n_var()
              << ", n_obj = " << problem->n_obj() << ", n_constr = " << problem->n_constr() << '\n';
    for (const auto& p : info.parameters) {
      std::cout << "    " << p.name << " = " << p.default_value.dump() << "  " << p.description << '\n';
    }
  }
  return 0;
}

const RegisterCommand problems_command{"problems", "list the benchmark problems and their parameters",
                                       run_problems};

}  // namespace

}  // namespace paretokit::cli
