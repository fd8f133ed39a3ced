#include "paretokit/bench/bench.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "progress.hpp"
#include "run_one.hpp"

namespace paretokit::bench {

namespace fs = std::filesystem;

std::vector<double> normalized_budgets() {
  std::vector<double> budgets;
  for (int step = 0; step <= budget_steps; ++step)
    budgets.push_back(static_cast<double>(step) / budget_steps);
  return budgets;
}

std::int64_t trials_at_budget(int step, std::int64_t n_trials) {
  // Integer arithmetic, so that no budget is missed by rounding: round(step * n / 20).
  return (static_cast<std::int64_t>(step) * n_trials * 2 + budget_steps) / (2 * budget_steps);
}

fs::path run_directory(const fs::path& out, const std::string& optimizer_id, const std::string& benchmark_id,
                       const std::string& task_id, std::uint64_t seed) {
  return out / optimizer_id / benchmark_id / fs::path(task_id) / std::to_string(seed);
}

namespace {

void check_options(const Options& options) {
  if (options.optimizers.empty()) throw UsageError("no optimizer given", Location::of_field("--optimizers"));
  if (options.seeds.empty()) throw UsageError("no seed given", Location::of_field("--seeds"));
  if (options.jobs < 1) throw UsageError("must be at least 1", Location::of_field("--jobs"));
  if (!options.algorithm_factory) throw Error("bench::Options::algorithm_factory is not set");
  std::set<std::string> ids;
  for (const auto& optimizer : options.optimizers) {
    const bool safe =
        !optimizer.id.empty() && optimizer.id != "." && optimizer.id != ".." &&
        std::all_of(optimizer.id.begin(), optimizer.id.end(), [](char ch) {
          return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' || ch == '.';
        });
    if (!safe)
      throw UsageError("optimizer id '" + optimizer.id + "' is not a folder name",
                       Location::of_field("--optimizers"));
    if (!ids.insert(optimizer.id).second) {
      throw UsageError("optimizer '" + optimizer.id + "' given twice", Location::of_field("--optimizers"));
    }
    // Builds it once, so that an unknown name or bad parameters stop the bench before it starts.
    try {
      if (!options.algorithm_factory(optimizer.algorithm, optimizer.params))
        throw Error("the factory built nothing");
    } catch (const Error& error) {
      throw UsageError("optimizer '" + optimizer.id + "': " + error.reason(),
                       Location::of_field("--optimizers"));
    }
  }
  std::set<std::uint64_t> seeds(options.seeds.begin(), options.seeds.end());
  if (seeds.size() != options.seeds.size())
    throw UsageError("a seed is given twice", Location::of_field("--seeds"));
}

nlohmann::json bench_definition(const Suite& suite, const Options& options) {
  nlohmann::json optimizers = nlohmann::json::array();
  for (const auto& optimizer : options.optimizers) {
    optimizers.push_back(
        {{"id", optimizer.id}, {"algorithm", optimizer.algorithm}, {"params", optimizer.params}});
  }
  return {{"format", "paretokit-bench"},
          {"version", 1},
          {"suite", suite_to_json(suite)},
          {"optimizers", optimizers},
          {"seeds", options.seeds}};
}

}  // namespace

Summary run_bench(const Suite& suite, const Options& options) {
  check_options(options);
  const auto clock_start = std::chrono::steady_clock::now();
  fs::create_directories(options.out);
  write_json_atomically(options.out / "bench.json", bench_definition(suite, options));

  // Every triple; the longest tasks first, so that the last runs to finish are short ones.
  std::vector<detail::RunSpec> all;
  for (const auto& optimizer : options.optimizers) {
    for (const auto& task : suite.tasks) {
      for (const auto seed : options.seeds) {
        all.push_back({&optimizer, &task, suite.benchmark_id, seed,
                       run_directory(options.out, optimizer.id, suite.benchmark_id, task.task_id, seed)});
      }
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const detail::RunSpec& a, const detail::RunSpec& b) {
    return a.task->n_trials * a.task->n_var > b.task->n_trials * b.task->n_var;
  });

  Summary summary;
  summary.runs = all.size();
  std::vector<const detail::RunSpec*> todo;
  for (const auto& spec : all) {
    const nlohmann::json result = detail::read_result(spec.directory);
    const bool crashed = !result.is_null() && result.value("status", "") == "crashed";
    if (!result.is_null() && !(crashed && options.retry_crashed)) {
      ++summary.skipped;
      if (crashed) ++summary.crashed;
    } else {
      todo.push_back(&spec);
    }
  }

  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> completed{0};
  std::atomic<std::size_t> crashed{0};
  std::atomic<bool> stop{false};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  {
    detail::ProgressLine progress(todo.size(), summary.skipped, options.progress);
    auto worker = [&] {
      const auto requested = [&] { return options.stop_request != nullptr && options.stop_request->load(); };
      for (std::size_t i = next++; i < todo.size() && !stop && !requested(); i = next++) {
        progress.started();
        try {
          if (detail::run_one(*todo[i], options) == detail::RunState::crashed) {
            ++crashed;
          } else {
            ++completed;
          }
        } catch (...) {
          std::lock_guard lock(failure_mutex);
          if (!failure) failure = std::current_exception();
          stop = true;
        }
        progress.finished();
      }
    };
    const auto threads = static_cast<std::size_t>(
        std::min<std::size_t>(static_cast<std::size_t>(options.jobs), std::max<std::size_t>(todo.size(), 1)));
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& thread : pool) thread.join();
  }
  if (failure) std::rethrow_exception(failure);
  summary.completed = completed;
  summary.crashed += crashed;
  summary.interrupted = summary.skipped + completed + crashed < summary.runs;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();
  return summary;
}

}  // namespace paretokit::bench
