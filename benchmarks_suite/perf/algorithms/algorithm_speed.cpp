// perf_algorithms: wall time per generation (one ask/evaluate/tell cycle, the
// initial population excluded) of every registered algorithm on DTLZ2 with
// 3 objectives (12 variables), through run() without files, for several
// populations and thread counts, with each configuration's peak memory
// (getrusage maxrss of a forked child).
//
//   perf_algorithms [--algorithms nsga2,nsga3,...] [--pops 100,1000,10000,100000]
//                   [--threads 1,2] [--evaluations 200000] [--timeout 120]
//                   [--params JSON]
//
// --params adds algorithm parameters to every algorithm (e.g. '{"one_shot":
// true, "n_samples": 2000}' for HypE); pop_size comes from --pops.
//
// Each configuration runs max(3, min(100, evaluations / pop)) timed
// generations. Target (issue 4): NSGA-III at 1e5 under 1 s per generation on
// 2 cores, in well under 4 GB.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "paretokit/algorithms/registry.hpp"
#include "paretokit/problems/registry.hpp"
#include "paretokit/run/run.hpp"

namespace {

// CPU time of the whole process (all threads): on a shared, loaded machine
// the wall time overstates what a run costs, the CPU time does not.
double process_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> algorithms = paretokit::algorithm_names();
  std::vector<long> pops = {100, 1000, 10000, 100000};
  std::vector<int> threads = {1, 2};
  double evaluations = 2e5, timeout = 120;
  nlohmann::json extra_params = nlohmann::json::object();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i], value = argv[i + 1];
    if (key == "--algorithms") {
      algorithms = paretokit::perf::split_commas(value);
    } else if (key == "--pops") {
      pops.clear();
      for (const auto& p : paretokit::perf::split_commas(value)) pops.push_back(std::stol(p));
    } else if (key == "--threads") {
      threads.clear();
      for (const auto& t : paretokit::perf::split_commas(value)) threads.push_back(std::stoi(t));
    } else if (key == "--evaluations") {
      evaluations = std::stod(value);
    } else if (key == "--timeout") {
      timeout = std::stod(value);
    } else if (key == "--params") {
      extra_params = nlohmann::json::parse(value);
    } else {
      std::fprintf(stderr, "unknown option %s\n", key.c_str());
      return 2;
    }
  }

  std::printf("# DTLZ2, 3 objectives, 12 variables; load average at start %.2f\n",
              paretokit::perf::load_average());
  std::printf("# s/gen: wall time; cpu s/gen: CPU time of all threads; cpu s: whole child process\n");
  std::printf("%-8s %8s %7s %6s %12s %12s %12s %10s %8s\n", "algo", "pop", "threads", "gens", "s/gen",
              "cpu s/gen", "init s", "maxrss MiB", "cpu s");
  for (const auto& name : algorithms) {
    for (const long pop : pops) {
      for (const int thread_count : threads) {
        const long generations = std::max(3L, std::min(100L, static_cast<long>(evaluations / pop)));
        const auto child = paretokit::perf::run_in_child(
            [&](const auto& report) {
              auto problem = paretokit::make_problem("dtlz2", {{"n_obj", 3}, {"n_var", 12}});
              nlohmann::json params = extra_params;
              params["pop_size"] = pop;
              auto algorithm = paretokit::make_algorithm(name, params);
              paretokit::RunOptions options;
              options.seed = 1;
              options.threads = thread_count;
              options.progress = false;
              options.max_generations = generations + 1;
              using Clock = std::chrono::steady_clock;
              const auto start = Clock::now();
              Clock::time_point first;
              double first_cpu = 0;
              options.callbacks.push_back([&](const paretokit::GenerationReport& r) {
                if (r.generation == 1) {
                  first = Clock::now();
                  first_cpu = process_cpu_seconds();
                }
                return true;
              });
              const auto result = paretokit::run(*problem, *algorithm, options);
              const auto end = Clock::now();
              const double cpu_per_generation =
                  (process_cpu_seconds() - first_cpu) / static_cast<double>(result.generations - 1);
              const double per_generation = std::chrono::duration<double>(end - first).count() /
                                            static_cast<double>(result.generations - 1);
              const double init = std::chrono::duration<double>(first - start).count();
              report(std::to_string(result.generations - 1) + " " + std::to_string(per_generation) + " " +
                     std::to_string(init) + " " + std::to_string(result.population_f.rows()) + " " +
                     std::to_string(cpu_per_generation));
            },
            timeout);
        if (!child.ok) {
          std::printf("%-8s %8ld %7d %6s %12s %12s %12s %10.0f %8.1f\n", name.c_str(), pop, thread_count, "-",
                      child.timed_out ? "timeout" : "failed", "-", "-", child.max_rss_mib, child.cpu_seconds);
        } else {
          long gens = 0, size = 0;
          double per_generation = 0, init = 0, cpu_per_generation = 0;
          std::istringstream(child.output) >> gens >> per_generation >> init >> size >> cpu_per_generation;
          std::printf("%-8s %8ld %7d %6ld %12.6f %12.6f %12.4f %10.0f %8.2f%s\n", name.c_str(), size,
                      thread_count, gens, per_generation, cpu_per_generation, init, child.max_rss_mib,
                      child.cpu_seconds, size != pop ? "  (population as the algorithm sized it)" : "");
        }
        std::fflush(stdout);
      }
    }
  }
  return 0;
}
