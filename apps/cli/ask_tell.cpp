// paretokit ask DIR / paretokit tell DIR TRIAL ...: one trial of a study
// folder (study_folder.hpp) handed out or told, under the folder's lock.
#include <charconv>
#include <chrono>
#include <iostream>
#include <string>
#include <thread>

#include "command.hpp"
#include "options.hpp"
#include "paretokit/core/error.hpp"
#include "study_folder.hpp"

namespace paretokit::cli {

namespace {

int run_ask(const Arguments& args) {
  CommandLine command_line("ask", "ask DIR [--wait SECONDS] [--json]",
                           "Hands out the next trial of study DIR (see 'paretokit study create --help')\n"
                           "and prints its id and configuration on one line: TRIAL {\"name\": value, ...}\n"
                           "(inactive variables left out), e.g. read -r trial config <<< \"$(paretokit\n"
                           "ask DIR)\". The algorithm proposes a batch at a time; when every trial of the\n"
                           "batch is given out and some are not told yet, there is no trial to give:\n"
                           "ask prints \"no trial available now: N pending\" on stderr and exits with 3\n"
                           "(try again after a tell, or expire the lost ones with 'study expire');\n"
                           "--wait S tries again for up to S seconds first (the lock is not held while\n"
                           "it waits). --json prints {\"trial\", \"generation\", \"config\", \"x\"}, or\n"
                           "{\"trial\": null, \"pending\": N} with exit code 3. Once a study's --budget\n"
                           "of trials is given out, ask exits with 3 at once (\"budget_spent\": true).");
  command_line.add_file_argument();
  command_line.options.add_options()("wait", po::value<double>()->default_value(0),
                                     "seconds to keep trying while no trial is available")(
      "json", "print one JSON document");
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;
  const std::string dir = vm["file"].as<std::string>();
  const double wait = vm["wait"].as<double>();
  if (!(wait >= 0)) throw UsageError("must be >= 0", Location::of_field("--wait"));
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::duration<double>(wait);
  std::optional<AskedTrial> trial;
  std::int64_t pending = 0;
  bool budget_spent = false;
  while (true) {
    {
      StudyLock lock(dir);
      Study study(dir);
      trial = study.ask(unix_seconds());
      if (!trial) pending = study.pending();
      budget_spent = study.budget_spent();
    }
    if (trial || pending == 0 || budget_spent || std::chrono::steady_clock::now() >= give_up) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  if (!trial) {
    if (budget_spent) {
      std::cerr << "paretokit: the study's budget is spent: no more trials (" << pending << " pending)\n";
    } else {
      std::cerr << "paretokit: no trial available now: " << pending << " pending"
                << (pending == 0 ? " (the algorithm proposes no more trials)" : " (given out, not told)")
                << '\n';
    }
    if (vm.count("json")) {
      nlohmann::json none = {{"trial", nullptr}, {"pending", pending}};
      if (budget_spent) none["budget_spent"] = true;
      print_json(none);
    }
    return kNoTrialAvailable;
  }
  if (vm.count("json")) {
    nlohmann::json x = nlohmann::json::array();
    for (Index j = 0; j < trial->x.size(); ++j) x.push_back(trial->x[j]);
    print_json(
        {{"trial", trial->trial}, {"generation", trial->generation}, {"config", trial->config}, {"x", x}});
  } else {
    std::cout << trial->trial << ' ' << trial->config.dump() << '\n';
  }
  return 0;
}

std::int64_t parse_trial(const std::string& text) {
  std::int64_t trial = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), trial);
  if (error != std::errc() || end != text.data() + text.size() || trial < 0)
    throw UsageError("'" + text + "' is not a trial id (a number printed by 'ask')",
                     Location::of_field("TRIAL"));
  return trial;
}

int run_tell(const Arguments& args) {
  CommandLine command_line("tell",
                           "tell DIR TRIAL --values V1,V2,... [--json]\n"
                           "       paretokit tell DIR TRIAL --status crashed|timeout|memory_out\n"
                           "           [--message TEXT] [--json]",
                           "Reports the result of trial TRIAL of study DIR: --values gives the values\n"
                           "of the objectives, then of the constraints, in the order of 'study create'\n"
                           "(as the program measured them: the library negates maximized objectives),\n"
                           "or --status says how it failed (the algorithm treats it as infeasible).\n"
                           "When the last trial of the batch is told, the algorithm learns the whole\n"
                           "batch in trial order and the trials go to DIR/trials.jsonl. An unknown\n"
                           "trial, one told already or expired, or the wrong number of values is an\n"
                           "error (exit 2). --json prints {\"trial\", \"batch_completed\", \"generation\"}.");
  command_line.add_file_argument(true);
  command_line.options.add_options()("values", po::value<std::string>(),
                                     "the trial's values, comma-separated")(
      "status", po::value<std::string>(), "crashed, timeout or memory_out: the trial failed")(
      "message", po::value<std::string>(), "why it failed (with --status)")("json",
                                                                            "print one JSON document");
  po::variables_map vm;
  if (!command_line.parse(args, vm)) return 0;
  const auto& positional = vm["file"].as<std::vector<std::string>>();
  if (positional.size() != 2)
    throw UsageError("expected DIR TRIAL, got " + std::to_string(positional.size()) +
                     " arguments (see 'paretokit tell --help')");
  const std::string& dir = positional[0];
  const std::int64_t trial = parse_trial(positional[1]);
  if (vm.count("values") == vm.count("status"))
    throw UsageError("give either --values or --status", Location::of_field("--values"));
  if (vm.count("message") && !vm.count("status"))
    throw UsageError("goes with --status", Location::of_field("--message"));
  std::optional<TrialStatus> status;
  std::vector<double> values;
  if (vm.count("status")) {
    status = trial_status_from_string(vm["status"].as<std::string>());
    if (!status || *status == TrialStatus::success)
      throw UsageError("'" + vm["status"].as<std::string>() + "': valid are crashed, timeout, memory_out",
                       Location::of_field("--status"));
  } else {
    values = parse_number_list(vm["values"].as<std::string>(), "--values");
  }
  TellResult told;
  {
    StudyLock lock(dir);
    Study study(dir);
    told = status
               ? study.tell_failed(trial, *status, vm.count("message") ? vm["message"].as<std::string>() : "")
               : study.tell(trial, values, unix_seconds());
  }
  if (vm.count("json")) {
    print_json(
        {{"trial", trial}, {"batch_completed", told.batch_completed}, {"generation", told.generation}});
  } else {
    std::cout << "told trial " << trial;
    if (told.batch_completed) std::cout << ": generation " << told.generation << " complete";
    std::cout << '\n';
  }
  return 0;
}

const RegisterCommand ask_command{"ask", "hand out the next trial of a study folder", run_ask};
const RegisterCommand tell_command{"tell", "report a trial's result to a study folder", run_tell};

}  // namespace

}  // namespace paretokit::cli
