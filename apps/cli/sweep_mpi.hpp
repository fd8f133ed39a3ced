// `paretokit sweep --evaluator mpi`: the sweep under mpirun.
//
//   mpirun -n 5 paretokit sweep --problem dtlz2 --algorithm nsga2 --seed 3 --evaluator mpi --out D
//   mpirun -n 5 paretokit sweep --space s.json --command "..." --objectives a,b --budget 200
//       --evaluator mpi --out D
//
// Every rank parses the same command line. Rank 0 goes on as an ordinary
// sweep whose evaluator is an MpiEvaluator (mpi/mpi_evaluator.hpp); the
// other ranks turn into workers right after parsing and never touch the run
// folder (except the trial folders their command trials write). With
// --command each worker rank runs one trial at a time, so mpirun -n N runs
// N - 1 trials at once and `workers` (config.json) is N - 1.
//
// A build without MPI (no libopenmpi-dev at configure time) says so for
// --evaluator mpi, exit 2.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "options.hpp"
#include "paretokit/evaluation/evaluator.hpp"
#include "sweep_command.hpp"

namespace paretokit::cli {

// --evaluator threads|mpi, --mpi-timeout S.
void add_evaluator_options(po::options_description& options);

class SweepMpi {
 public:
  ~SweepMpi();
  bool is_worker() const;
  int worker_count() const;

  // A worker rank's whole sweep; its exit code.
  int run_worker(int threads);

  // Rank 0: the evaluator, once every worker has built the problem (a
  // built-in one by name, or the command's, whose trial folders go to
  // run_folder/trials).
  Evaluator& start_evaluator(const std::string& problem, const nlohmann::json& problem_params, int threads,
                             const CommandSettings* command, const std::filesystem::path& run_folder,
                             const std::atomic<bool>* stop_request);
  // Why the run ended, when a worker rank was lost; empty otherwise.
  std::string lost_worker() const;

  struct Impl;

 private:
  friend std::unique_ptr<SweepMpi> start_sweep_mpi(const po::variables_map& vm);
  SweepMpi();
  std::unique_ptr<Impl> impl_;
};

// Null without --evaluator mpi. With it: MPI starts (UsageError when this
// build has no MPI, or when fewer than 2 ranks run).
std::unique_ptr<SweepMpi> start_sweep_mpi(const po::variables_map& vm);

// The command path's `workers` under MPI: the worker ranks (UsageError for
// --workers, which MPI replaces by the number of ranks).
int mpi_command_workers(const SweepMpi& mpi, const po::variables_map& vm);

}  // namespace paretokit::cli
