// paretokit offload: Pareto-optimal task offloading in mobile edge computing
// (issue 16). Searches offloading policies of a scenario (apps/offloading/)
// with a registered algorithm, evaluates the baselines on the same episodes,
// and compares their hypervolumes with one reference point. Writes a run
// folder (run()'s files plus offload.json and baselines.txt).
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "command.hpp"
#include "offloading/comparison.hpp"
#include "offloading/dag_problem.hpp"
#include "offloading/problems.hpp"
#include "offloading/search.hpp"
#include "offloading/warm_start.hpp"
#include "options.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/run_folder.hpp"
#include "paretokit/run/run.hpp"
#include "stop_on_signal.hpp"

namespace paretokit::cli {

namespace {

namespace off = paretokit::offloading;

constexpr const char* kDescription =
    "Searches offloading decisions for the scenario FILE (JSON, see data/mec/README.md) and compares\n"
    "the front with the baselines (all local, nearest / least-loaded edge, all cloud, random, greedy\n"
    "by delay, by energy and by weighted sums w = 0.1..0.9) on the same episodes. Objectives, both\n"
    "minimized: mean delay per task (s) and mean energy per task (J); --deadline-objective adds the\n"
    "deadline-miss rate. Policies:\n"
    "  static  one categorical decision per task of the first episode's trace\n"
    "  linear  weights of a linear score over each option's features (8 reals in [-1, 1])\n"
    "  mlp     weights of a one-hidden-layer tanh network scoring each option (80 reals in [-1, 1])\n"
    "  dag     one device per subtask of the application --dag FILE (dependent subtasks, user 0's\n"
    "          channel in each episode): objectives its finish time (s) and energy (J); baselines\n"
    "          all on one device, random, greedy by delay and by energy\n"
    "--warm-start puts the baselines in the first batch (policies equivalent to the weighted greedy\n"
    "ones and the fixed choices; for static, every baseline's decisions on the trace).\n"
    "linear and mlp decide online and are evaluated on --episodes episodes (seeds\n"
    "--episode-seed .. + K-1). Prints the front, each baseline and the hypervolume of each with one\n"
    "reference point (default: per objective max + 0.1 (max - min) over the front and the\n"
    "baselines no other baseline dominates), and\n"
    "writes the run folder DIR (config.json, trials.jsonl, summary.json, front.txt/.json: the\n"
    "non-dominated set of every evaluated candidate, not only of the final population, and\n"
    "offload.json with the baselines and hypervolumes, baselines.txt). Without --out the folder is\n"
    "runs/offload-<scenario>-<policy>-seed<S> (with -2, -3... if taken).";

std::filesystem::path default_folder(const std::string& scenario, const std::string& policy,
                                     std::uint64_t seed) {
  const std::string base = "runs/offload-" + scenario + "-" + policy + "-seed" + std::to_string(seed);
  std::filesystem::path folder = base;
  for (int k = 2; std::filesystem::exists(folder); ++k) folder = base + "-" + std::to_string(k);
  return folder;
}

nlohmann::json row_json(const Eigen::Ref<const RowVector>& row) {
  return std::vector<double>(row.data(), row.data() + row.size());
}

std::string format_row(const Eigen::Ref<const RowVector>& row) {
  std::ostringstream out;
  for (Index j = 0; j < row.size(); ++j) out << (j ? "  " : "") << std::setw(12) << format_number(row(j));
  return out.str();
}

std::string percent(double improvement) {
  if (!std::isfinite(improvement)) return "n/a (baseline hypervolume 0)";
  std::ostringstream out;
  out << std::showpos << std::fixed << std::setprecision(1) << 100.0 * improvement << "%";
  return out.str();
}

int run_offload(const Arguments& args) {
  CommandLine command_line(
      "offload",
      "offload --scenario FILE [--policy static|linear|mlp|dag] [--dag FILE] [--algorithm NAME]\n"
      "         [--algorithm-params JSON] [--budget N] [--episodes K] [--episode-seed E]\n"
      "         [--seed S] [--threads T] [--reference r1,r2] [--deadline-objective] [--warm-start]\n"
      "         [--out DIR] [--json]",
      kDescription);
  // clang-format off
  command_line.options.add_options()
      ("scenario", po::value<std::string>(), "scenario file (JSON)")
      ("policy", po::value<std::string>()->default_value("linear"), "static, linear, mlp or dag")
      ("dag", po::value<std::string>(), "application file (JSON) for --policy dag")
      ("algorithm", po::value<std::string>()->default_value("nsga2"), "algorithm name (see 'paretokit sweep --help')")
      ("algorithm-params", po::value<std::string>(), "algorithm parameters, a JSON object")
      ("budget", po::value<std::int64_t>()->default_value(5000), "evaluations (candidates)")
      ("episodes", po::value<int>()->default_value(5), "episodes per evaluation (linear, mlp, dag)")
      ("episode-seed", po::value<std::uint64_t>()->default_value(1), "seed of the first episode")
      ("seed", po::value<std::uint64_t>()->default_value(1), "seed of the search")
      ("threads", po::value<int>()->default_value(0), "threads; 0: every core (results do not depend on it)")
      ("reference", po::value<std::string>(), "hypervolume reference point")
      ("deadline-objective", "add the deadline-miss rate as a third objective")
      ("warm-start", "put the baselines (as policies, or their decisions for static) in the first batch")
      ("out", po::value<std::string>(), "run folder")
      ("json", "print one JSON document (offload.json) on stdout");
  // clang-format on
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;
  if (!vm.count("scenario")) throw UsageError("missing --scenario FILE", Location::of_field("--scenario"));
  const std::string policy_name = vm["policy"].as<std::string>();
  if (policy_name != "static" && policy_name != "linear" && policy_name != "mlp" && policy_name != "dag") {
    throw UsageError("must be static, linear, mlp or dag", Location::of_field("--policy"));
  }
  const bool is_dag = policy_name == "dag";
  if (is_dag != (vm.count("dag") > 0)) {
    throw UsageError("--policy dag and --dag FILE go together",
                     Location::of_field(is_dag ? "--dag" : "--policy"));
  }
  if (is_dag && (vm.count("deadline-objective") || vm.count("warm-start"))) {
    throw UsageError("not available with --policy dag", Location::of_field("--policy"));
  }
  const std::int64_t budget = vm["budget"].as<std::int64_t>();
  if (budget < 1) throw UsageError("must be >= 1", Location::of_field("--budget"));
  const int episode_count = vm["episodes"].as<int>();
  if (episode_count < 1 || episode_count > 10000)
    throw UsageError("must be in [1, 10000]", Location::of_field("--episodes"));
  const int threads = vm["threads"].as<int>();
  if (threads < 0) throw UsageError("must be >= 0", Location::of_field("--threads"));
  const bool deadline_objective = vm.count("deadline-objective") > 0;
  nlohmann::json algorithm_params = nlohmann::json::object();
  if (vm.count("algorithm-params")) {
    algorithm_params = parse_json_option(vm["algorithm-params"].as<std::string>(), "algorithm-params");
  }

  const std::string scenario_path = vm["scenario"].as<std::string>();
  const off::Scenario scenario = off::read_scenario(scenario_path);
  const bool is_static = policy_name == "static";
  std::vector<std::uint64_t> seeds;
  for (int k = 0; k < (is_static ? 1 : episode_count); ++k)
    seeds.push_back(vm["episode-seed"].as<std::uint64_t>() + k);
  off::Episodes episodes(scenario, seeds);
  std::unique_ptr<Problem> problem;
  std::vector<off::BaselineResult> baselines;
  if (is_dag) {
    auto dag = std::make_unique<off::DagPlacementProblem>(std::move(episodes),
                                                          off::read_application(vm["dag"].as<std::string>()));
    baselines = off::dag_baselines(*dag, scenario);
    problem = std::move(dag);
  } else if (is_static) {
    problem = std::make_unique<off::StaticAssignmentProblem>(std::move(episodes), deadline_objective);
  } else {
    problem = std::make_unique<off::OffloadPolicyProblem>(
        std::move(episodes), off::policy_kind_from_string(policy_name), deadline_objective);
  }
  if (!is_dag) {
    const off::Episodes& used = is_static ? static_cast<off::StaticAssignmentProblem&>(*problem).episodes()
                                          : static_cast<off::OffloadPolicyProblem&>(*problem).episodes();
    baselines = off::evaluate_baselines(used, deadline_objective);
  }
  std::optional<Vector> reference;
  if (vm.count("reference"))
    reference = parse_reference_option(vm["reference"].as<std::string>(), problem->n_obj());
  std::unique_ptr<Algorithm> algorithm = make_algorithm(vm["algorithm"].as<std::string>(), algorithm_params);
  const bool warm_start = vm.count("warm-start") > 0;
  if (warm_start) {
    Matrix seeds =
        is_static ? off::static_warm_start(static_cast<off::StaticAssignmentProblem&>(*problem).episodes())
                  : off::policy_warm_start(off::policy_kind_from_string(policy_name));
    algorithm = std::make_unique<off::WarmStartAlgorithm>(std::move(algorithm), std::move(seeds));
  }
  const std::uint64_t seed = vm["seed"].as<std::uint64_t>();

  RunFolder folder(vm.count("out") ? std::filesystem::path(vm["out"].as<std::string>())
                                   : default_folder(scenario.name, policy_name, seed));
  if (folder.holds_run()) {
    throw UsageError("'" + folder.directory().string() + "' already holds a run: choose another --out",
                     Location::of_field("--out"));
  }
  folder.create();
  folder.write_config(
      {{"command", "offload"},
       {"scenario_file", scenario_path},
       {"scenario", off::to_json(scenario)},
       {"policy", policy_name},
       {"dag_file", is_dag ? nlohmann::json(vm["dag"].as<std::string>()) : nlohmann::json()},
       {"algorithm", vm["algorithm"].as<std::string>()},
       {"algorithm_params", algorithm_params},
       {"budget", budget},
       {"episode_seeds", seeds},
       {"deadline_objective", deadline_objective},
       {"warm_start", warm_start},
       {"seed", seed},
       {"threads", threads},
       {"resolved", {{"problem_params", problem->params()}, {"algorithm_options", algorithm->options()}}}});

  RunOptions options;
  options.max_evaluations = budget;
  options.seed = seed;
  options.threads = threads;
  options.output_directory = folder.directory();
  options.checkpoint_every = 0;
  StopOnSignal stop;
  options.stop_request = &stop.requested();
  const off::SearchResult search = off::search_front(*problem, *algorithm, options);
  const RunResult& result = search.run;
  if (result.stop_reason == "interrupted") {
    stop.tell("paretokit: offload interrupted after generation " + std::to_string(result.generations) + "\n");
    return 128 + stop.signal_number();
  }

  // front.txt/.json: the non-dominated set of every evaluated candidate (search.hpp).
  folder.write_front(search.front_f, search.front_x);
  const off::FrontComparison comparison = off::compare_with_baselines(search.front_f, baselines, reference);
  nlohmann::json baseline_json = nlohmann::json::array();
  std::string baselines_txt = "# baseline objectives (" +
                              std::string(deadline_objective ? "delay energy miss_rate" : "delay energy") +
                              ")\n";
  for (std::size_t b = 0; b < baselines.size(); ++b) {
    baseline_json.push_back({{"name", baselines[b].name},
                             {"group", baselines[b].group},
                             {"objectives", row_json(baselines[b].objectives)},
                             {"hypervolume", comparison.baselines[b].hypervolume}});
    baselines_txt += "# " + baselines[b].name + "\n" + RunFolder::front_txt(baselines[b].objectives);
  }
  nlohmann::json front_json = nlohmann::json::array();
  for (Index i = 0; i < search.front_f.rows(); ++i) {
    front_json.push_back(
        {{"objectives", row_json(search.front_f.row(i))}, {"x", row_json(search.front_x.row(i))}});
  }
  nlohmann::json document = comparison.to_json();
  document["objectives"] = deadline_objective
                               ? nlohmann::json{"mean_delay_s", "mean_energy_j", "deadline_miss_rate"}
                               : nlohmann::json{"mean_delay_s", "mean_energy_j"};
  document["scenario"] = scenario.name;
  document["policy"] = policy_name;
  document["evaluations"] = result.evaluations;
  document["seconds"] = result.seconds;
  document["front"] = front_json;
  document["baselines"] = baseline_json;
  document["run_folder"] = folder.directory().string();
  write_json_atomically(folder.directory() / "offload.json", document);
  write_file_atomically(folder.directory() / "baselines.txt", baselines_txt);

  if (vm.count("json")) {
    print_json(document);
    return 0;
  }
  std::cout << "offload " << scenario.name << " (" << scenario.users << " users, " << scenario.edges.size()
            << (scenario.edges.size() == 1 ? " edge server" : " edge servers") << "), policy " << policy_name
            << ", " << vm["algorithm"].as<std::string>() << ": " << result.evaluations << " evaluations in "
            << format_number(result.seconds) << " s\n";
  std::cout << "front (" << search.front_f.rows()
            << " points, non-dominated among all evaluated): mean delay (s), mean energy (J)"
            << (deadline_objective ? ", deadline-miss rate" : "") << "\n";
  for (Index i = 0; i < search.front_f.rows(); ++i)
    std::cout << "  " << format_row(search.front_f.row(i)) << "\n";
  std::cout << "baselines:\n";
  for (std::size_t b = 0; b < baselines.size(); ++b) {
    std::cout << "  " << std::left << std::setw(18) << baselines[b].name << std::right
              << format_row(baselines[b].objectives) << "   hv "
              << format_number(comparison.baselines[b].hypervolume) << "\n";
  }
  std::cout << "hypervolume (reference " << format_row(comparison.reference.transpose()) << "):\n"
            << "  front            " << format_number(comparison.front_hypervolume) << "\n"
            << "  best baseline    " << format_number(comparison.best_baseline.hypervolume) << " ("
            << comparison.best_baseline.name << "): front "
            << percent(comparison.improvement_over_best_baseline) << "\n"
            << "  best group       " << format_number(comparison.best_group.hypervolume) << " ("
            << comparison.best_group.name << "): front " << percent(comparison.improvement_over_best_group)
            << "\n"
            << "  all baselines    " << format_number(comparison.union_hypervolume) << ": front "
            << percent(comparison.improvement_over_union) << "\n";
  if (comparison.uncovered_baselines.empty()) {
    std::cout << "every baseline is dominated or matched by a front point\n";
  } else {
    std::cout << "not dominated by the front:";
    for (const auto& name : comparison.uncovered_baselines) std::cout << " " << name;
    std::cout << "\n";
  }
  std::cout << "run folder: " << folder.directory().string() << "\n";
  return 0;
}

const RegisterCommand offload_command{"offload", "Pareto-optimal task offloading in mobile edge computing",
                                      run_offload};

}  // namespace

}  // namespace paretokit::cli
