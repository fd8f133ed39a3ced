// paretokit sweep: optimize a registered problem with a registered algorithm
// and write the run folder of DESIGN.md section 5; `--resume DIR` continues
// an interrupted run from DIR/config.json and DIR/checkpoint.json.
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/indicators/hypervolume_estimate.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/json_matrix.hpp"
#include "paretokit/io/run_folder.hpp"
#include "paretokit/learning/learned_set.hpp"
#include "paretokit/problems/registry.hpp"
#include "paretokit/run/run.hpp"
#include "paretokit/run/summary.hpp"
#include "stop_on_signal.hpp"
#include "sweep_command.hpp"
#include "sweep_mpi.hpp"

namespace paretokit::cli {

namespace {

constexpr const char* kDescription =
    "Optimizes problem NAME with algorithm NAME and writes the run folder DIR:\n"
    "  config.json      the settings (what --resume reads back)\n"
    "  trials.jsonl     every evaluated candidate, appended as evaluated (by an I/O thread)\n"
    "  checkpoint.json  the algorithm's full state every K generations, at most once per S seconds\n"
    "                   (and at the end)\n"
    "  front.txt/.json  the final non-dominated set\n"
    "  summary.json     evaluations, generations, seconds, front_size, hypervolume, igd\n"
    "The hypervolume's reference point is fixed per problem where the problem knows its\n"
    "ideal and nadir or its front (ideal + 1.1 (nadir - ideal), as the bench), so runs compare;\n"
    "otherwise it is the run's own front's and said to be run-specific. It is exact when its\n"
    "predicted cost is about a second or less, else a Monte Carlo estimate with its standard\n"
    "error (--summary-hv). IGD is measured against the problem's front where known.\n"
    "The run stops at the first limit reached among --generations, --evaluations (or --budget)\n"
    "and --time; with none of them it runs 250 generations. A generation is one ask/tell batch:\n"
    "for psl-mobo, svh-psl and parego the initial design, then batches of batch_size (5), so\n"
    "give them --budget E; they also write set_model.json (psl-sample reads it).\n"
    "Parameters are JSON objects with pymoo's names,\n"
    "e.g. --problem-params '{\"n_obj\": 3}' --algorithm-params '{\"pop_size\": 92}'.\n"
    "The same seed gives the same result whatever --threads, and a run killed at any point and\n"
    "continued with --resume DIR ends exactly as an uninterrupted one. Ctrl-C (or SIGTERM) stops\n"
    "after the current generation with a checkpoint, and exits with 128 + the signal's number; a\n"
    "second Ctrl-C stops at once.\n"
    "Without --out the folder is runs/<problem>-<algorithm>-seed<S> (with -2, -3... if taken).\n"
    "Prints where the results went, or summary.json with --json. Progress goes to stderr when it\n"
    "is a terminal.\n"
    "With --command instead of --problem, each trial runs the command (in its own process group)\n"
    "on a configuration of the --space file; DIR/trials/<trial>/ holds its config.json, stdout,\n"
    "stderr and outcome.json. The command reads the configuration from {config_file}, {NAME}\n"
    "placeholders or $PARETOKIT_PARAM_<NAME>, and reports its values in <trial>/result.json (use\n"
    "$PARETOKIT_TRIAL_DIR) or as the last JSON line on stdout: --objectives names them (:max to\n"
    "maximize). A crash, --timeout or --memory-limit marks the trial failed (infeasible) and the\n"
    "study goes on; --resume reuses finished trial folders and reruns the ones cut by a kill.\n"
    "With --evaluator mpi under mpirun -n N, rank 0 optimizes and ranks 1..N-1 evaluate (a built-in\n"
    "problem's rows, or one trial each at a time): the same results as without MPI. A rank that dies\n"
    "ends the run with its last checkpoint; continue it with --resume (under mpirun or not).";

struct Settings {
  std::string problem, algorithm;
  nlohmann::json problem_params = nlohmann::json::object();
  nlohmann::json algorithm_params = nlohmann::json::object();
  std::int64_t generations = 0, evaluations = 0;
  double seconds = 0;
  std::uint64_t seed = 1;
  // run()'s defaults (run/run_options.hpp says why one per second at most).
  std::int64_t checkpoint_every = RunOptions{}.checkpoint_every;
  double checkpoint_seconds = RunOptions{}.checkpoint_min_seconds;
  // --checkpoint-every-evaluations / --checkpoint-every-seconds (0: off).
  std::int64_t checkpoint_every_evaluations = RunOptions{}.checkpoint_every_evaluations;
  double checkpoint_every_seconds = RunOptions{}.checkpoint_every_seconds;
  std::string summary_hv = "auto";
  std::optional<CommandSettings> command;  // the external-process path
};

nlohmann::json to_config(const Settings& s, const Problem& problem, const Algorithm& algorithm, int threads) {
  nlohmann::json config = {{"command", "sweep"},
          {"problem", s.problem},
          {"problem_params", s.problem_params},
          {"algorithm", s.algorithm},
          {"algorithm_params", s.algorithm_params},
          {"seed", s.seed},
          {"termination",
           {{"generations", s.generations}, {"evaluations", s.evaluations}, {"seconds", s.seconds}}},
          {"checkpoint_every", s.checkpoint_every},
          {"checkpoint_seconds", s.checkpoint_seconds},
          {"summary_hv", s.summary_hv},
          {"threads", threads},
          // For the reader: every parameter as the registries resolved them.
          {"resolved",
           {{"problem_params", problem.params()}, {"algorithm_options", algorithm.resolved_options()}}}};
  if (s.command) config["evaluator"] = to_json(*s.command);
  // Only when set, so that other configs keep their bytes.
  if (s.checkpoint_every_evaluations > 0)
    config["checkpoint_every_evaluations"] = s.checkpoint_every_evaluations;
  if (s.checkpoint_every_seconds > 0) config["checkpoint_every_seconds"] = s.checkpoint_every_seconds;
  return config;
}

Settings from_config(const nlohmann::json& config, const std::string& path) {
  Settings s;
  try {
    s.problem = config.at("problem").get<std::string>();
    s.algorithm = config.at("algorithm").get<std::string>();
    s.problem_params = config.value("problem_params", nlohmann::json::object());
    s.algorithm_params = config.value("algorithm_params", nlohmann::json::object());
    s.seed = config.at("seed").get<std::uint64_t>();
    const auto& termination = config.at("termination");
    s.generations = termination.value("generations", std::int64_t{0});
    s.evaluations = termination.value("evaluations", std::int64_t{0});
    s.seconds = termination.value("seconds", 0.0);
    s.checkpoint_every = config.value("checkpoint_every", Settings{}.checkpoint_every);
    s.checkpoint_seconds = config.value("checkpoint_seconds", Settings{}.checkpoint_seconds);
    s.summary_hv = config.value("summary_hv", Settings{}.summary_hv);
    s.checkpoint_every_evaluations = config.value("checkpoint_every_evaluations", Settings{}.checkpoint_every_evaluations);
    s.checkpoint_every_seconds = config.value("checkpoint_every_seconds", Settings{}.checkpoint_every_seconds);
    if (config.contains("evaluator")) s.command = command_settings_from_json(config["evaluator"], path);
  } catch (const nlohmann::json::exception& error) {
    throw InputError(std::string("bad sweep config: ") + error.what(), {path});
  }
  return s;
}

std::filesystem::path default_folder(const Settings& s) {
  const std::string base = "runs/" + s.problem + "-" + s.algorithm + "-seed" + std::to_string(s.seed);
  std::filesystem::path folder = base;
  for (int k = 2; std::filesystem::exists(folder); ++k) folder = base + "-" + std::to_string(k);
  return folder;
}

template <class T>
T non_negative(const po::variables_map& vm, const char* name) {
  const T value = vm[name].as<T>();
  if (value < 0) throw UsageError("must be >= 0", Location::of_field(std::string("--") + name));
  return value;
}

// A limit that is given must limit: 0 would silently mean "no limit" (and,
// with no other limit, the default 250 generations).
template <class T>
T positive_limit(const po::variables_map& vm, const char* name) {
  const T value = vm[name].as<T>();
  if (!(value > 0)) {
    throw UsageError("must be > 0 (leave it out for no limit)", Location::of_field(std::string("--") + name));
  }
  return value;
}

// `--resume DIR` of a finished run whose checkpoint.json was deleted must not
// quietly start again from scratch; an unfinished one killed before its first
// checkpoint starts again, and says so.
void check_resumable(const RunFolder& folder) {
  if (std::filesystem::exists(folder.checkpoint_path())) return;
  if (std::filesystem::exists(folder.summary_path()) || std::filesystem::exists(folder.front_txt_path())) {
    throw InputError(
        "the run is finished but its checkpoint.json is missing (deleted?): nothing to resume from; "
        "start a new run with another --out",
        Location(folder.checkpoint_path().string()));
  }
  std::cerr << "paretokit: " << folder.checkpoint_path().string()
            << " does not exist (the run stopped before its first checkpoint): starting from the first "
               "generation\n";
}

// "hypervolume 0.42 (exact; reference [1.1, 1.1], problem ideal and nadir: ...), igd 0.01"
std::string hypervolume_line(const RunSummary& summary) {
  if (!summary.hypervolume) return "hypervolume: no reference point (no feasible front)\n";
  const HypervolumeEstimate& hv = *summary.hypervolume;
  std::string line = "hypervolume ";
  if (hv.method == "none") {
    line += summary.hypervolume_skipped_by_stop ? "not computed (interrupted)" : "not computed (--summary-hv none)";
  } else if (hv.method == "monte_carlo") {
    line += format_number(hv.value) + " +- " + format_number(hv.standard_error) + " (Monte Carlo, " +
            std::to_string(hv.samples) + " samples, standard error)";
  } else {
    line += format_number(hv.value) + " (exact)";
  }
  line += "\n  reference " + vector_to_json(summary.reference).dump() + ": " + summary.reference_source;
  if (summary.igd) {
    line += "\nigd " + format_number(*summary.igd) + " (against " +
            std::to_string(summary.igd_reference_front_size) + " points of the true front)";
  }
  return line + "\n";
}

int run_sweep(const Arguments& args) {
  CommandLine command_line(
      "sweep",
      "sweep --problem NAME [--problem-params JSON] --algorithm NAME [--algorithm-params JSON]\n"
      "         [--generations G] [--evaluations E] [--time SECONDS] [--seed S] [--threads T]\n"
      "         [--out DIR] [--checkpoint-every K] [--checkpoint-seconds S]\n"
      "         [--checkpoint-every-evaluations N] [--checkpoint-every-seconds S]\n"
      "         [--summary-hv auto|exact|approx|none] [--json]\n"
      "       paretokit sweep --command CMD --space FILE --objectives NAME[:max],... --budget N\n"
      "         [--constraints EXPR,...] [--workers W] [--timeout S] [--memory-limit MB]\n"
      "         [--retries R] [--synchronous] [common options above]\n"
      "       mpirun -n N paretokit sweep ... --evaluator mpi [--mpi-timeout S]\n"
      "       paretokit sweep --resume DIR [--threads T] [--json]",
      kDescription);
  command_line.options.add_options()("problem", po::value<std::string>(),
                                     "problem name (see 'paretokit problems')")(
      "problem-params", po::value<std::string>(), "problem parameters, a JSON object")(
      "algorithm", po::value<std::string>(), "algorithm name (see 'paretokit algorithms')")(
      "algorithm-params", po::value<std::string>(), "algorithm parameters, a JSON object")(
      "generations", po::value<std::int64_t>(), "stop after G generations")(
      "evaluations", po::value<std::int64_t>(), "stop once E candidates are evaluated (ends the generation)")(
      "time", po::value<double>(), "stop after SECONDS of wall time (not reproducible)")(
      "seed", po::value<std::uint64_t>()->default_value(1), "random seed")(
      "threads", po::value<int>()->default_value(0), "threads; 0: every core (results do not depend on it)")(
      "out", po::value<std::string>(), "run folder (default runs/<problem>-<algorithm>-seed<S>)")(
      "checkpoint-every", po::value<std::int64_t>()->default_value(Settings{}.checkpoint_every),
      "checkpoint every K generations (0: only at the end)")(
      "checkpoint-seconds", po::value<double>()->default_value(Settings{}.checkpoint_seconds),
      "...at most once per S seconds (0: every K generations exactly)")(
      "checkpoint-every-evaluations", po::value<std::int64_t>(),
      "also checkpoint once N evaluations were told since the last (0: off; e.g. with --checkpoint-every 0 "
      "for algorithms asking a few rows a generation)")(
      "checkpoint-every-seconds", po::value<double>(),
      "also checkpoint once S seconds passed since the last (0: off)")(
      "summary-hv", po::value<std::string>()->value_name("auto|exact|approx|none")->default_value("auto"),
      "summary hypervolume: exact, Monte Carlo, none, or auto (exact when cheap)")(
      "resume", po::value<std::string>(), "continue the run in DIR")("json", "print summary.json on stdout");
  add_command_options(command_line.options);
  add_evaluator_options(command_line.options);
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;
  // --evaluator mpi: every rank but 0 becomes a worker here (sweep_mpi.hpp).
  const std::unique_ptr<SweepMpi> mpi = start_sweep_mpi(vm);
  if (mpi && mpi->is_worker()) {
    StopOnSignal stop;
    const int code = mpi->run_worker(std::max(vm["threads"].as<int>(), 0));
    return code == 0 ? 0 : 128 + stop.signal_number();
  }

  const int threads = vm["threads"].as<int>();
  if (threads < 0) throw UsageError("must be >= 0", Location::of_field("--threads"));
  Settings s;
  std::filesystem::path folder_path;
  const bool resume = vm.count("resume") > 0;
  if (resume) {
    for (const char* name : {"problem", "problem-params", "algorithm", "algorithm-params", "generations",
                             "evaluations", "budget", "time", "out"}) {
      if (vm.count(name)) {
        throw UsageError("--resume takes every setting from DIR/config.json (only --threads, --evaluator and --json "
                         "may be given)", Location::of_field(std::string("--") + name));
      }
    }
    for (const char* name : command_option_names()) {
      if (vm.count(name)) {
        throw UsageError("--resume takes every setting from DIR/config.json",
                         Location::of_field(std::string("--") + name));
      }
    }
    if (!vm["seed"].defaulted() || !vm["checkpoint-every"].defaulted() ||
        !vm["checkpoint-seconds"].defaulted() || !vm["summary-hv"].defaulted() ||
        vm.count("checkpoint-every-evaluations") || vm.count("checkpoint-every-seconds")) {
      throw UsageError("--resume takes the seed and checkpoint interval from DIR/config.json",
                       Location::of_field("--resume"));
    }
    folder_path = vm["resume"].as<std::string>();
    s = from_config(RunFolder(folder_path).read_config(), (folder_path / "config.json").string());
    check_resumable(RunFolder(folder_path));
  } else {
    s.command = read_command_settings(vm);
    if (mpi && s.command) s.command->workers = mpi_command_workers(*mpi, vm);
    if (!s.command && !vm.count("problem")) {
      throw UsageError("missing --problem NAME (or --command)", Location::of_field("--problem"));
    }
    if (!s.command && !vm.count("algorithm")) {
      throw UsageError("missing --algorithm NAME", Location::of_field("--algorithm"));
    }
    s.problem = s.command ? "command" : vm["problem"].as<std::string>();
    s.algorithm = vm.count("algorithm") ? vm["algorithm"].as<std::string>() : "nsga2";
    if (vm.count("problem-params")) s.problem_params = parse_json_option(vm["problem-params"].as<std::string>(), "problem-params");
    if (vm.count("algorithm-params")) {
      s.algorithm_params = parse_json_option(vm["algorithm-params"].as<std::string>(), "algorithm-params");
    }
    if (vm.count("generations")) s.generations = positive_limit<std::int64_t>(vm, "generations");
    if (vm.count("evaluations")) s.evaluations = positive_limit<std::int64_t>(vm, "evaluations");
    if (vm.count("time")) s.seconds = positive_limit<double>(vm, "time");
    s.summary_hv = vm["summary-hv"].as<std::string>();
    if (const std::int64_t budget = read_budget(vm)) {
      if (vm.count("evaluations")) {
        throw UsageError("give --budget or --evaluations, not both", Location::of_field("--budget"));
      }
      s.evaluations = budget;
    }
    if (s.command && s.generations == 0 && s.evaluations == 0 && s.seconds == 0) {
      throw UsageError("--command needs a limit: --budget N (trials)", Location::of_field("--budget"));
    }
    // A program's trials are expensive: NSGA-II by default, and a population
    // of a tenth of the budget (4 to 100) unless given, so that it evolves
    // within the budget rather than overshooting it with its first batch.
    if (s.command && !s.algorithm_params.contains("pop_size") && s.evaluations > 0) {
      s.algorithm_params["pop_size"] = std::clamp<std::int64_t>(s.evaluations / 10, 4, 100);
    }
    // With --synchronous, SMS-EMOA's one offspring a generation would leave
    // all workers but one idle (without it, the steady-state driver keeps
    // them busy with one offspring each).
    if (s.command && s.command->synchronous && s.algorithm == "smsemoa" &&
        !s.algorithm_params.contains("n_offsprings")) {
      s.algorithm_params["n_offsprings"] = s.command->workers;
    }
    s.seed = vm["seed"].as<std::uint64_t>();
    s.checkpoint_every = non_negative<std::int64_t>(vm, "checkpoint-every");
    // A program's generation costs far more than a checkpoint: every one.
    if (s.command && vm["checkpoint-every"].defaulted()) s.checkpoint_every = 1;
    s.checkpoint_seconds = non_negative<double>(vm, "checkpoint-seconds");
    if (vm.count("checkpoint-every-evaluations")) {
      s.checkpoint_every_evaluations = non_negative<std::int64_t>(vm, "checkpoint-every-evaluations");
    }
    if (vm.count("checkpoint-every-seconds"))
      s.checkpoint_every_seconds = non_negative<double>(vm, "checkpoint-every-seconds");
    // run()'s default budget, written to config.json as the limit it is.
    if (s.generations == 0 && s.evaluations == 0 && s.seconds == 0) s.generations = RunOptions{}.generation_limit();
  }

  std::unique_ptr<CommandProblem> command_problem;
  if (s.command) command_problem = make_command_problem(*s.command);
  const std::unique_ptr<Problem> problem =
      s.command ? std::unique_ptr<Problem>(std::move(command_problem)) : make_problem(s.problem, s.problem_params);
  const auto algorithm = make_algorithm(s.algorithm, s.algorithm_params);
  const HypervolumeMethod summary_hv = parse_hypervolume_method(s.summary_hv, "--summary-hv");
  // Surrogate algorithms (psl-mobo, ...) start with an n_init-point design.
  const auto n_init = algorithm->options().value("n_init", std::int64_t{0});
  if (s.evaluations > 0 && n_init > s.evaluations)
    throw UsageError("the budget (" + std::to_string(s.evaluations) + ") is smaller than " + s.algorithm +
                         "'s initial design (n_init = " + std::to_string(n_init) +
                         "): raise it or lower --algorithm-params '{\"n_init\": ...}'",
                     Location::of_field("--budget"));

  RunFolder folder(folder_path);
  if (!resume) {
    folder = RunFolder(vm.count("out") ? std::filesystem::path(vm["out"].as<std::string>()) : default_folder(s));
    if (folder.holds_run()) {
      throw UsageError("'" + folder.directory().string() +
                           "' already holds a run: continue it with --resume, or choose another --out",
                       Location::of_field("--out"));
    }
  }
  // Checks the command (placeholders, the program) before anything runs or
  // is written.
  StopOnSignal stop;
  std::unique_ptr<ProcessEvaluator> process_evaluator;
  if (s.command) {
    process_evaluator = make_process_evaluator(*s.command, static_cast<const CommandProblem&>(*problem),
                                               folder.directory(), resume, &stop.requested());
  }
  if (!resume) {
    folder.create();
    algorithm->setup(*problem, s.seed);  // for resolved_options(); run() sets it up again
    // Atomic but not yet durable: run()'s first checkpoint syncs it (and the
    // directory) before it counts; until then a killed run leaves it intact.
    folder.write_config(to_config(s, *problem, *algorithm, threads), {.sync_file = false, .sync_directory = false});
  }

  Evaluator* evaluator = process_evaluator.get();
  if (mpi) {
    evaluator = &mpi->start_evaluator(s.problem, s.problem_params, threads, s.command ? &*s.command : nullptr,
                                      folder.directory(), &stop.requested());
  }

  RunOptions options;
  options.evaluator = evaluator;
  options.max_generations = s.generations;
  options.max_evaluations = s.evaluations;
  options.max_seconds = s.seconds;
  options.seed = s.seed;
  options.threads = threads;
  options.output_directory = folder.directory();
  options.checkpoint_every = s.checkpoint_every;
  options.checkpoint_min_seconds = s.checkpoint_seconds;
  options.checkpoint_every_evaluations = s.checkpoint_every_evaluations;
  options.checkpoint_every_seconds = s.checkpoint_every_seconds;
  // A built-in problem under MPI keeps whole batches: the same trials as threads.
  options.steady_state = !(s.command && s.command->synchronous) && !(mpi && !s.command);
  options.resume = resume;
  options.summary_hypervolume.method = summary_hv;
  options.summary_hypervolume.seed = s.seed;
  options.stop_request = &stop.requested();
  const RunResult result = run(*problem, *algorithm, options);
  if (result.stop_reason == "interrupted" && mpi) {
    const std::string lost = mpi->lost_worker();
    stop.tell("paretokit: " + (lost.empty() ? std::string("interrupted") : lost) + ": stopped after generation " +
              std::to_string(result.generations) + " (" + std::to_string(result.evaluations) +
              " evaluations logged; the last checkpoint and the finished trial folders are kept); continue "
              "with: mpirun -n N paretokit sweep --resume " + folder.directory().string() +
              " --evaluator mpi (or without MPI)\n");
    return lost.empty() ? 128 + stop.signal_number() : 1;
  }
  if (result.stop_reason == "interrupted") {
    const std::string kept = process_evaluator ? " evaluations logged; the trials running were killed and run again "
                                                 "on resume, finished ones are kept"
                                               : " evaluations, all logged and checkpointed";
    stop.tell("paretokit: interrupted after generation " + std::to_string(result.generations) + " (" +
              std::to_string(result.evaluations) + kept + "); continue with: paretokit sweep --resume " +
              folder.directory().string() + "\n");
    return 128 + stop.signal_number();
  }

  // The learned Pareto set (psl-mobo, svh-psl): read by `paretokit psl-sample DIR`.
  if (const auto set = learned_set(*algorithm))
    write_json_atomically(folder.directory() / "set_model.json", set->to_json());

  const RunSummary& summary = result.summary;
  if (summary.interrupted) {
    stop.tell(
        "paretokit: interrupted during the summary: the run and its front are complete; summary.json lacks "
        "what was skipped (null values)\n");
    return 128 + stop.signal_number();
  }
  if (vm.count("json")) {
    print_json(summary.json);
    return 0;
  }
  std::cout << s.algorithm << " on " << s.problem << ": " << result.generations << " generations, "
            << result.evaluations << " evaluations in " << format_number(result.seconds) << " s ("
            << result.stop_reason << ")\n";
  if (result.resumed) {
    std::cout << "resumed from generation " << result.resumed_generation << " (" << result.dropped_trials
              << " trials after the checkpoint evaluated again)\n";
  }
  if (process_evaluator) {
    const nlohmann::json report = result.evaluator_report;
    std::cout << "trials:  " << (folder.directory() / "trials").string() << " (" << result.failed_trials
              << " failed; utilization of " << s.command->workers << " workers "
              << format_number(report["utilization"].get<double>()) << ")\n";
    if (result.resumed) {
      std::cout << "resume:  " << report.value("reused_finished_trials", std::int64_t{0})
                << " finished trials reused, " << report.value("rerun_unfinished_trials", std::int64_t{0})
                << " cut by the interruption run again\n";
    }
  }
  std::cout << "front:   " << folder.front_txt_path().string() << " (" << result.front_f.rows() << " points)\n";
  std::cout << hypervolume_line(summary);
  std::cout << "summary: " << folder.summary_path().string() << "\n";
  return 0;
}

const RegisterCommand sweep_command{"sweep", "optimize a problem with an algorithm; writes a run folder", run_sweep};

}  // namespace

}  // namespace paretokit::cli
