// paretokit study create|show|expire: a study folder driven from the shell
// by `paretokit ask` and `paretokit tell` (ask_tell.cpp); see study_folder.hpp.
#include <iostream>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/core/search_space_file.hpp"
#include "study_folder.hpp"

namespace paretokit::cli {

namespace {

const char* kUsage =
    "study create DIR --space FILE --objectives NAME[:min|:max],...\n"
    "           [--constraints NAME<=B,...] --algorithm NAME\n"
    "           [--algorithm-params JSON] [--seed S] [--budget N] [--json]\n"
    "       paretokit study show DIR [--json]\n"
    "       paretokit study expire DIR --older-than SECONDS [--json]";

int run_create(const Arguments& args) {
  CommandLine command_line("study create", kUsage,
                           "Creates the study folder DIR for ask/tell from the shell: 'paretokit ask DIR'\n"
                           "prints a trial and its configuration, 'paretokit tell DIR TRIAL --values ...'\n"
                           "reports its result. --space is paretokit's or ConfigSpace's JSON; objectives\n"
                           "are minimized unless marked :max; constraints bound reported values.\n"
                           "DIR holds study.json (these settings), state.json (the algorithm's state and\n"
                           "the current batch) and trials.jsonl (one line per told trial, in batch order\n"
                           "once the whole batch is told). Every command locks DIR/lock, so ask and tell\n"
                           "may run in many processes at once. --budget N: at most N trials are handed\n"
                           "out (the batch that reaches N is cut; 'study show' says when it is spent).");
  command_line.add_file_argument();
  command_line.options.add_options()("space", po::value<std::string>()->required(),
                                     "search space file (JSON)")(
      "objectives", po::value<std::string>()->required(), "values to optimize: NAME[:min|:max],...")(
      "constraints", po::value<std::string>(), "values to bound: NAME<=B or NAME>=B,...")(
      "algorithm", po::value<std::string>()->required(), "algorithm name (see 'paretokit algorithms')")(
      "algorithm-params", po::value<std::string>(), "algorithm parameters, a JSON object")(
      "seed", po::value<std::uint64_t>()->default_value(1), "random seed")(
      "budget", po::value<std::int64_t>(), "hand out at most N trials in all (N > 0; default: no limit)")(
      "json", "print one JSON document");
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;
  StudySettings s;
  if (vm.count("budget")) {
    s.budget = vm["budget"].as<std::int64_t>();
    if (s.budget <= 0)
      throw UsageError("must be > 0 (the number of trials to hand out)", Location::of_field("--budget"));
  }
  s.space = read_search_space_file(vm["space"].as<std::string>()).space.to_json();
  s.objectives = vm["objectives"].as<std::string>();
  parse_objectives(s.objectives, "--objectives");
  if (vm.count("constraints")) s.constraints = vm["constraints"].as<std::string>();
  parse_constraints(s.constraints, "--constraints");
  s.algorithm = vm["algorithm"].as<std::string>();
  if (vm.count("algorithm-params"))
    s.algorithm_params = parse_json_option(vm["algorithm-params"].as<std::string>(), "algorithm-params");
  s.seed = vm["seed"].as<std::uint64_t>();
  const std::string dir = vm["file"].as<std::string>();
  Study::create(dir, s);
  if (vm.count("json")) {
    print_json({{"directory", dir}, {"study", to_json(s)}});
  } else {
    std::cout << "created study " << dir << " (" << s.algorithm << ", seed " << s.seed
              << "): next 'paretokit ask " << dir << "'\n";
  }
  return 0;
}

int run_show(const Arguments& args) {
  CommandLine command_line(
      "study show", kUsage,
      "Prints the state of study DIR: trials told and failed, the trials given out\n"
      "and not told yet (pending, with their age), and the front: the non-dominated\n"
      "feasible trials, with their configurations and values (as told: maximized\n"
      "objectives keep their sign). --json prints {\"told\", \"failed\", \"pending\":\n"
      "[{\"trial\", \"seconds_ago\"}], \"front\": [{\"trial\", \"config\", \"values\"}], ...}.");
  command_line.add_file_argument();
  command_line.options.add_options()("json", "print one JSON document");
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;
  const std::string dir = vm["file"].as<std::string>();
  nlohmann::json d;
  {
    StudyLock lock(dir);
    d = Study(dir).describe(unix_seconds());
  }
  if (vm.count("json")) {
    print_json(d);
    return 0;
  }
  std::cout << "study " << dir << ": " << d["algorithm"].get<std::string>() << ", seed " << d["seed"]
            << ", objectives " << d["objectives"].get<std::string>();
  if (!d["constraints"].get<std::string>().empty())
    std::cout << ", constraints " << d["constraints"].get<std::string>();
  std::cout << "\n  generation " << d["generation"] << ": " << d["told"] << " trials told (" << d["failed"]
            << " failed), " << d["pending"].size() << " pending, " << d["open_in_batch"]
            << " left in the batch\n";
  if (!d["budget"].is_null()) {
    std::cout << "  budget " << d["budget"] << " trials: " << d["trials_given_out"] << " given out"
              << (d["budget_spent"].get<bool>() ? " (spent: no more trials are handed out)" : "") << '\n';
  }
  for (const auto& p : d["pending"])
    std::cout << "  pending trial " << p["trial"] << ", given out "
              << static_cast<long long>(p["seconds_ago"].get<double>()) << " s ago\n";
  std::cout << "front (" << d["front"].size() << " trials):\n";
  for (const auto& t : d["front"])
    std::cout << "  " << t["trial"] << ' ' << t["values"].dump() << ' ' << t["config"].dump() << '\n';
  return 0;
}

int run_expire(const Arguments& args) {
  CommandLine command_line("study expire", kUsage,
                           "Tells every trial of study DIR given out more than SECONDS ago and not told\n"
                           "as failed (status \"timeout\", message \"expired: ...\"), so that the study\n"
                           "can go on; a later tell of such a trial is an error. Prints their ids.");
  command_line.add_file_argument();
  command_line.options.add_options()("older-than", po::value<double>()->required(),
                                     "seconds since the trial was given out")("json",
                                                                              "print one JSON document");
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;
  const double seconds = vm["older-than"].as<double>();
  if (!(seconds >= 0)) throw UsageError("must be >= 0", Location::of_field("--older-than"));
  const std::string dir = vm["file"].as<std::string>();
  std::vector<std::int64_t> expired;
  {
    StudyLock lock(dir);
    Study study(dir);
    expired = study.expire(seconds, unix_seconds());
  }
  if (vm.count("json")) {
    print_json({{"expired", expired}});
  } else {
    std::cout << "expired " << expired.size() << " trials";
    for (const auto t : expired) std::cout << ' ' << t;
    std::cout << '\n';
  }
  return 0;
}

int run_study(const Arguments& args) {
  const std::string what = args.empty() ? "" : args.front();
  const Arguments rest = args.empty() ? args : Arguments(args.begin() + 1, args.end());
  if (what == "create") return run_create(rest);
  if (what == "show") return run_show(rest);
  if (what == "expire") return run_expire(rest);
  if (what == "--help" || what == "-h") {
    std::cout << "usage: paretokit " << kUsage
              << "\n\nask/tell from the shell: see 'paretokit study create --help',\n"
                 "'paretokit ask --help' and 'paretokit tell --help'.\n";
    return 0;
  }
  throw UsageError(what.empty() ? "missing what to do: create, show or expire (see 'paretokit study --help')"
                                : "unknown 'study " + what + "' (valid: create, show, expire)");
}

const RegisterCommand study_command{"study", "create, show or expire an ask/tell study folder", run_study};

}  // namespace

}  // namespace paretokit::cli
