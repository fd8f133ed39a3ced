// paretokit psl-sample DIR (--preferences P.txt | -n N) [--json]: the
// solutions the learned Pareto set of a psl-mobo or svh-psl run predicts for
// given preferences, without new evaluations.
#include <filesystem>
#include <iostream>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/point_file.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/learning/learned_set.hpp"
#include "paretokit/pareto/reference_directions.hpp"

namespace paretokit::cli {

namespace {

// About n preferences spread over the simplex: n evenly spaced ones for two
// objectives, else the largest Das-Dennis set of at most n (at least the m corners).
Matrix spread_preferences(Index n, Index m) {
  Index p = 1;
  while (das_dennis_count(m, p + 1) <= n) ++p;
  return das_dennis(m, p);
}

Matrix read_preferences(const std::string& path, Index m) {
  const auto sets = read_point_sets(path);
  Matrix all(0, m);
  for (const auto& set : sets) {
    if (set.points.cols() != m)
      throw InputError("a preference needs " + std::to_string(m) + " numbers (one per objective), got " +
                           std::to_string(set.points.cols()),
                       {path, set.lines.front()});
    for (Index i = 0; i < set.points.rows(); ++i)
      if ((set.points.row(i).array() < 0).any() || set.points.row(i).sum() <= 0)
        throw InputError("a preference must be numbers >= 0, not all 0",
                         {path, set.lines[static_cast<std::size_t>(i)]});
    all.conservativeResize(all.rows() + set.points.rows(), Eigen::NoChange);
    all.bottomRows(set.points.rows()) = set.points;
  }
  return all;
}

int run_psl_sample(const Arguments& args) {
  CommandLine command_line(
      "psl-sample", "psl-sample DIR (--preferences FILE | --points N) [--json]",
      "Prints the solutions that the Pareto set learned by a psl-mobo or svh-psl sweep\n"
      "(DIR/set_model.json; DIR may also be that file) predicts for each preference, one per\n"
      "line in the problem's own terms (a categorical variable as the index of its choice),\n"
      "without evaluating anything. Preferences are a point file of m numbers >= 0 per line\n"
      "(normalized to sum 1), or -n N spread over the simplex (N evenly spaced for two\n"
      "objectives, else the largest Das-Dennis set of at most N). --json prints\n"
      "{\"algorithm\", \"preferences\": [[...]], \"solutions\": [[...]]}.");
  command_line.options.add_options()("preferences", po::value<std::string>(), "point file of preferences")(
      "points,n", po::value<long long>(), "number of spread preferences")("json", "print one JSON document");
  command_line.add_file_argument();
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  std::filesystem::path path = vm["file"].as<std::string>();
  if (std::filesystem::is_directory(path)) path /= "set_model.json";
  if (!std::filesystem::exists(path))
    throw InputError("no learned set here (a psl-mobo or svh-psl sweep writes set_model.json when it ends)",
                     {path.string()});
  const LearnedSet set = LearnedSet::from_json(read_json_file(path), path.string());
  const Index m = set.model.n_obj();
  if (vm.count("preferences") == vm.count("points"))
    throw UsageError("give exactly one of --preferences FILE and -n (--points) N", Location::of_field("--preferences"));
  Matrix P;
  if (vm.count("points")) {
    const long long n = vm["points"].as<long long>();
    if (n < 1 || n > 1000000) throw UsageError("must be between 1 and 10^6", Location::of_field("-n"));
    P = spread_preferences(static_cast<Index>(n), m);
  } else {
    P = read_preferences(vm["preferences"].as<std::string>(), m);
  }
  const Matrix X = set.solutions(P);
  if (vm.count("json")) {
    nlohmann::json prefs = nlohmann::json::array(), solutions = nlohmann::json::array();
    for (Index i = 0; i < P.rows(); ++i) {
      const RowVector p = P.row(i) / P.row(i).sum();
      prefs.push_back(std::vector<double>(p.data(), p.data() + p.size()));
      solutions.push_back(std::vector<double>(X.row(i).data(), X.row(i).data() + X.cols()));
    }
    print_json({{"algorithm", set.algorithm}, {"preferences", prefs}, {"solutions", solutions}});
    return 0;
  }
  write_points(std::cout, X);
  return 0;
}

const RegisterCommand psl_sample_command{
    "psl-sample", "solutions a learned Pareto set (psl-mobo, svh-psl run) predicts for preferences",
    run_psl_sample};

}  // namespace

}  // namespace paretokit::cli
