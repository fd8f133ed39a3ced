// paretokit space check FILE [--json]: validates a search-space file
// (paretokit's JSON or ConfigSpace's) and prints the space.
// paretokit space sample FILE -n N [--seed S] [--json]: prints N allowed
// configurations, one JSON object per line (inactive variables left out).
#include <iostream>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/rng.hpp"
#include "paretokit/core/search_space_file.hpp"

namespace paretokit::cli {

namespace {

const char* kUsage =
    "space check FILE [--json]\n"
    "       paretokit space sample FILE -n N [--seed S] [--json]";

// "[1e-05, 1] log", "{2, 4, 8}", "{\"relu\", \"gelu\"}".
std::string domain_text(const SearchSpace& space, Index j) {
  const Variable& v = space[j];
  std::string text;
  if (v.kind == VariableKind::real || v.kind == VariableKind::integer) {
    text.append("[")
        .append(space.value_to_json(j, v.lower).dump())
        .append(", ")
        .append(space.value_to_json(j, v.upper).dump())
        .append("]");
    if (v.log_scale) text.append(" log");
    return text;
  }
  text = "{";
  for (Index k = 0; k < v.cardinality(); ++k) {
    const double value =
        v.kind == VariableKind::ordinal ? v.values[static_cast<std::size_t>(k)] : static_cast<double>(k);
    text.append(k == 0 ? "" : ", ").append(space.value_to_json(j, value).dump());
  }
  return text + "}";
}

void print_space(const std::string& file, const SearchSpaceFile& loaded) {
  const SearchSpace& space = loaded.space;
  std::cout << file << ": " << to_string(loaded.format) << " format, " << space.size() << " variables, "
            << space.conditions().size() << " conditions, " << space.forbiddens().size() << " forbiddens\n";
  std::size_t width = 4;
  for (const auto& v : space.variables()) width = std::max(width, v.name.size());
  const Vector defaults = space.defaults();
  for (Index j = 0; j < space.size(); ++j) {
    const Variable& v = space[j];
    std::cout << "  " << v.name << std::string(width + 2 - v.name.size(), ' ') << to_string(v.kind) << ' '
              << domain_text(space, j) << "  default " << space.value_to_json(j, defaults[j]).dump();
    if (const Condition* condition = space.condition_of(j))
      std::cout << "  if " << space.describe(condition->when);
    std::cout << '\n';
  }
  if (space.has_forbiddens()) {
    std::cout << "forbidden:\n";
    for (const Clause& clause : space.forbiddens()) std::cout << "  " << space.describe(clause) << '\n';
  }
}

int run_check(const Arguments& args) {
  CommandLine command_line(
      "space check", kUsage,
      "Validates a search-space file and prints its variables (kind, range or choices, default, the\n"
      "condition that activates it) and its forbidden combinations. FILE is paretokit's JSON form\n"
      "({\"variables\", \"conditions\", \"forbiddens\"}) or ConfigSpace's ({\"hyperparameters\",\n"
      "\"conditions\", \"forbiddens\"}, as SMAC3 and carps write it). An error names the file and the\n"
      "JSON path, e.g. space.json: hyperparameters[3].lower: must be > 0 on a log scale.\n"
      "--json prints {\"file\", \"format\", \"n_variables\", \"space\" (paretokit's form), \"default\"}.");
  command_line.add_file_argument();
  command_line.options.add_options()("json", "print one JSON document");
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;
  const std::string file = vm["file"].as<std::string>();
  const SearchSpaceFile loaded = read_search_space_file(file);
  if (vm.count("json")) {
    print_json({{"file", file},
                {"format", to_string(loaded.format)},
                {"n_variables", loaded.space.size()},
                {"space", loaded.space.to_json()},
                {"default", loaded.space.row_to_json(loaded.space.defaults().transpose())}});
    return 0;
  }
  print_space(file, loaded);
  return 0;
}

int run_sample(const Arguments& args) {
  CommandLine command_line(
      "space sample", kUsage,
      "Prints N configurations of the space in FILE, drawn uniformly (on the encoded unit cube:\n"
      "log-scaled variables uniformly in their logarithm), one JSON object per line; inactive\n"
      "variables are left out and forbidden combinations are redrawn (an error when the space\n"
      "admits (almost) nothing). The same --seed gives the same configurations.\n"
      "--json prints {\"configurations\": [...]} instead.");
  command_line.add_file_argument();
  command_line.options.add_options()("points,n", po::value<long long>()->required(),
                                     "number of configurations")(
      "seed", po::value<std::uint64_t>()->default_value(1), "random seed")("json", "print one JSON document");
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;
  const long long n = vm["points"].as<long long>();
  if (n < 1 || n > 10000000)
    throw UsageError("must be between 1 and 10^7, got " + std::to_string(n), Location::of_field("-n"));
  const SearchSpaceFile loaded = read_search_space_file(vm["file"].as<std::string>());
  Rng rng(vm["seed"].as<std::uint64_t>());
  Matrix X;
  try {
    X = loaded.space.sample(static_cast<Index>(n), rng);
  } catch (const InputError& error) {
    throw InputError(error.reason(), Location(vm["file"].as<std::string>(), 0, error.where().field));
  }
  if (vm.count("json")) {
    nlohmann::json configurations = nlohmann::json::array();
    for (Index i = 0; i < X.rows(); ++i) configurations.push_back(loaded.space.row_to_json(X.row(i)));
    print_json({{"configurations", std::move(configurations)}});
    return 0;
  }
  for (Index i = 0; i < X.rows(); ++i) std::cout << loaded.space.row_to_json(X.row(i)).dump() << '\n';
  return 0;
}

int run_space(const Arguments& args) {
  const std::string what = args.empty() ? "" : args.front();
  const Arguments rest = args.empty() ? args : Arguments(args.begin() + 1, args.end());
  if (what == "check") return run_check(rest);
  if (what == "sample") return run_sample(rest);
  if (what == "--help" || what == "-h") {
    std::cout << "usage: paretokit " << kUsage
              << "\n\nsearch-space files: see 'paretokit space check --help' and\n'paretokit space sample --help'.\n";
    return 0;
  }
  throw UsageError(what.empty() ? "missing what to do: check or sample (see 'paretokit space --help')"
                                : "unknown 'space " + what + "' (valid: check, sample)");
}

const RegisterCommand space_command{"space", "check a search-space file, or sample configurations from it",
                                    run_space};

}  // namespace

}  // namespace paretokit::cli
