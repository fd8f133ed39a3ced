// paretokit sweep: optimize a registered problem with a registered algorithm
// and write the run folder of DESIGN.md section 5; `--resume DIR` continues
// an interrupted run from DIR/config.json and DIR/checkpoint.json.
#include <iostream>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/run_folder.hpp"
#include "paretokit/learning/learned_set.hpp"
#include "paretokit/problems/registry.hpp"
#include "paretokit/run/run.hpp"
#include "paretokit/run/summary.hpp"
#include "stop_on_signal.hpp"

namespace paretokit::cli {

namespace {

constexpr const char* kDescription =
    "Optimizes problem NAME with algorithm NAME and writes the run folder DIR:\n"
    "  config.json      the settings (what --resume reads back)\n"
    "  trials.jsonl     every evaluated candidate, appended as evaluated (by an I/O thread)\n"
    "  checkpoint.json  the algorithm's full state every K generations, at most once per S seconds\n"
    "                   (and at the end)\n"
    "  front.txt/.json  the final non-dominated set\n"
    "  summary.json     evaluations, generations, seconds, front_size, hypervolume (reference:\n"
    "                   the problem's nadir x 1.1, else stated), igd against the reference front\n"
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
    "is a terminal.";

struct Settings {
  std::string problem, algorithm;
  nlohmann::json problem_params = nlohmann::json::object();
  nlohmann::json algorithm_params = nlohmann::json::object();
  std::int64_t generations = 0, evaluations = 0;
  double seconds = 0;
  std::uint64_t seed = 1;
  std::int64_t checkpoint_every = 10;
  // At most one checkpoint per second by default: at 10 generations of a
  // fraction of a millisecond each, a checkpoint (two disk flushes, 1-10 ms on
  // a shared disk) every 10 generations would cost more than the run itself,
  // to protect a few milliseconds of work. pymoo has no periodic checkpoints
  // (the user pickles the algorithm); Optuna commits each trial, but its
  // trials take seconds or more. Bounding by time keeps the cost a few percent
  // at most and the work a crash loses about a second (plus K generations).
  double checkpoint_seconds = 1.0;
};

nlohmann::json to_config(const Settings& s, const Problem& problem, const Algorithm& algorithm, int threads) {
  return {{"command", "sweep"},
          {"problem", s.problem},
          {"problem_params", s.problem_params},
          {"algorithm", s.algorithm},
          {"algorithm_params", s.algorithm_params},
          {"seed", s.seed},
          {"termination", {{"generations", s.generations}, {"evaluations", s.evaluations}, {"seconds", s.seconds}}},
          {"checkpoint_every", s.checkpoint_every},
          {"checkpoint_seconds", s.checkpoint_seconds},
          {"threads", threads},
          // For the reader: every parameter as the registries resolved them.
          {"resolved", {{"problem_params", problem.params()}, {"algorithm_options", algorithm.options()}}}};
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
    s.checkpoint_every = config.value("checkpoint_every", std::int64_t{10});
    s.checkpoint_seconds = config.value("checkpoint_seconds", Settings{}.checkpoint_seconds);
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

int run_sweep(const Arguments& args) {
  CommandLine command_line("sweep",
                           "sweep --problem NAME [--problem-params JSON] --algorithm NAME [--algorithm-params JSON]\n"
                           "         [--generations G] [--evaluations E] [--time SECONDS] [--seed S] [--threads T]\n"
                           "         [--out DIR] [--checkpoint-every K] [--checkpoint-seconds S] [--json]\n"
                           "       paretokit sweep --resume DIR [--threads T] [--json]",
                           kDescription);
  command_line.options.add_options()
      ("problem", po::value<std::string>(), "problem name (see 'paretokit problems')")
      ("problem-params", po::value<std::string>(), "problem parameters, a JSON object")
      ("algorithm", po::value<std::string>(), "algorithm name: nsga2, nsga3, moead, hype, smsemoa, random, "
       "psl-mobo, svh-psl, parego")
      ("algorithm-params", po::value<std::string>(), "algorithm parameters, a JSON object")
      ("generations", po::value<std::int64_t>(), "stop after G generations")
      ("evaluations", po::value<std::int64_t>(), "stop once E candidates are evaluated (ends the generation)")
      ("budget", po::value<std::int64_t>(), "the same as --evaluations (the name for expensive problems)")
      ("time", po::value<double>(), "stop after SECONDS of wall time (not reproducible)")
      ("seed", po::value<std::uint64_t>()->default_value(1), "random seed")
      ("threads", po::value<int>()->default_value(0), "threads; 0: every core (results do not depend on it)")
      ("out", po::value<std::string>(), "run folder (default runs/<problem>-<algorithm>-seed<S>)")
      ("checkpoint-every", po::value<std::int64_t>()->default_value(10), "checkpoint every K generations (0: only at the end)")
      ("checkpoint-seconds", po::value<double>()->default_value(Settings{}.checkpoint_seconds),
       "...at most once per S seconds (0: every K generations exactly)")
      ("resume", po::value<std::string>(), "continue the run in DIR")
      ("json", "print summary.json on stdout");
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;

  const int threads = vm["threads"].as<int>();
  if (threads < 0) throw UsageError("must be >= 0", Location::of_field("--threads"));
  Settings s;
  std::filesystem::path folder_path;
  const bool resume = vm.count("resume") > 0;
  if (resume) {
    for (const char* name : {"problem", "problem-params", "algorithm", "algorithm-params", "generations",
                             "evaluations", "budget", "time", "out"}) {
      if (vm.count(name)) {
        throw UsageError("--resume takes every setting from DIR/config.json (only --threads and --json may be "
                         "given)", Location::of_field(std::string("--") + name));
      }
    }
    if (!vm["seed"].defaulted() || !vm["checkpoint-every"].defaulted() || !vm["checkpoint-seconds"].defaulted()) {
      throw UsageError("--resume takes the seed and checkpoint interval from DIR/config.json",
                       Location::of_field("--resume"));
    }
    folder_path = vm["resume"].as<std::string>();
    s = from_config(RunFolder(folder_path).read_config(), (folder_path / "config.json").string());
  } else {
    if (!vm.count("problem")) throw UsageError("missing --problem NAME", Location::of_field("--problem"));
    if (!vm.count("algorithm")) throw UsageError("missing --algorithm NAME", Location::of_field("--algorithm"));
    s.problem = vm["problem"].as<std::string>();
    s.algorithm = vm["algorithm"].as<std::string>();
    if (vm.count("problem-params")) s.problem_params = parse_json_option(vm["problem-params"].as<std::string>(), "problem-params");
    if (vm.count("algorithm-params")) {
      s.algorithm_params = parse_json_option(vm["algorithm-params"].as<std::string>(), "algorithm-params");
    }
    if (vm.count("generations")) s.generations = non_negative<std::int64_t>(vm, "generations");
    if (vm.count("evaluations")) s.evaluations = non_negative<std::int64_t>(vm, "evaluations");
    if (vm.count("budget")) {
      if (vm.count("evaluations"))
        throw UsageError("give --budget or --evaluations, not both", Location::of_field("--budget"));
      s.evaluations = non_negative<std::int64_t>(vm, "budget");
    }
    if (vm.count("time")) s.seconds = non_negative<double>(vm, "time");
    s.seed = vm["seed"].as<std::uint64_t>();
    s.checkpoint_every = non_negative<std::int64_t>(vm, "checkpoint-every");
    s.checkpoint_seconds = non_negative<double>(vm, "checkpoint-seconds");
    if (s.generations == 0 && s.evaluations == 0 && s.seconds == 0) s.generations = kDefaultGenerations;
  }

  const auto problem = make_problem(s.problem, s.problem_params);
  const auto algorithm = make_algorithm(s.algorithm, s.algorithm_params);
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
    folder.create();
    // Atomic but not yet durable: run()'s first checkpoint syncs it (and the
    // directory) before it counts; until then a killed run leaves it intact.
    folder.write_config(to_config(s, *problem, *algorithm, threads), {.sync_file = false, .sync_directory = false});
  }

  RunOptions options;
  options.max_generations = s.generations;
  options.max_evaluations = s.evaluations;
  options.max_seconds = s.seconds;
  options.seed = s.seed;
  options.threads = threads;
  options.output_directory = folder.directory();
  options.checkpoint_every = s.checkpoint_every;
  options.checkpoint_min_seconds = s.checkpoint_seconds;
  options.resume = resume;
  StopOnSignal stop;
  options.stop_request = &stop.requested();
  const RunResult result = run(*problem, *algorithm, options);
  if (result.stop_reason == "interrupted") {
    stop.tell("paretokit: interrupted after generation " + std::to_string(result.generations) + " (" +
              std::to_string(result.evaluations) +
              " evaluations, all logged and checkpointed); continue with: paretokit sweep --resume " +
              folder.directory().string() + "\n");
    return 128 + stop.signal_number();
  }

  // The learned Pareto set (psl-mobo, svh-psl): read by `paretokit psl-sample DIR`.
  if (const auto set = learned_set(*algorithm))
    write_json_atomically(folder.directory() / "set_model.json", set->to_json());

  const nlohmann::json summary = read_json_file(folder.summary_path());
  if (vm.count("json")) {
    print_json(summary);
    return 0;
  }
  std::cout << s.algorithm << " on " << s.problem << ": " << result.generations << " generations, "
            << result.evaluations << " evaluations in " << format_number(result.seconds) << " s ("
            << result.stop_reason << ")\n";
  if (result.resumed) {
    std::cout << "resumed from generation " << result.resumed_generation << " (" << result.dropped_trials
              << " trials after the checkpoint evaluated again)\n";
  }
  std::cout << "front:   " << folder.front_txt_path().string() << " (" << result.front_f.rows() << " points)\n";
  if (!summary["hypervolume"]["value"].is_null()) {
    std::cout << "hypervolume " << format_number(summary["hypervolume"]["value"].get<double>()) << " (reference "
              << summary["hypervolume"]["reference_source"].get<std::string>() << ")";
    if (!summary["igd"].is_null()) std::cout << ", igd " << format_number(summary["igd"]["value"].get<double>());
    std::cout << "\n";
  }
  std::cout << "summary: " << folder.summary_path().string() << "\n";
  return 0;
}

const RegisterCommand sweep_command{"sweep", "optimize a problem with an algorithm; writes a run folder", run_sweep};

}  // namespace

}  // namespace paretokit::cli
