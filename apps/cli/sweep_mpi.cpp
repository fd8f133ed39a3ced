// `paretokit sweep --evaluator mpi`; see sweep_mpi.hpp.
#include "sweep_mpi.hpp"

#include "paretokit/core/error.hpp"
#include "paretokit/problems/registry.hpp"

#if PARETOKIT_WITH_MPI
#include "paretokit/mpi/mpi_evaluator.hpp"
#endif

namespace paretokit::cli {

void add_evaluator_options(po::options_description& options) {
  options.add_options()("evaluator",
                        po::value<std::string>()->value_name("threads|mpi")->default_value("threads"),
                        "threads: this process (with --command: --workers child processes); mpi: worker "
                        "ranks under mpirun -n N (N - 1 evaluate, rank 0 optimizes)")(
      "mpi-timeout", po::value<double>()->value_name("S"),
      "with --evaluator mpi: a worker rank silent this long while evaluating is lost (default 60; only "
      "under mpirun --enable-recovery, otherwise mpirun ends the job when a rank dies)");
}

namespace {

std::string read_evaluator(const po::variables_map& vm) {
  const std::string name = vm["evaluator"].as<std::string>();
  if (name != "threads" && name != "mpi") {
    throw UsageError("'" + name + "' is not an evaluator: threads or mpi", Location::of_field("--evaluator"));
  }
  if (name != "mpi" && vm.count("mpi-timeout"))
    throw UsageError("needs --evaluator mpi", Location::of_field("--mpi-timeout"));
  return name;
}

}  // namespace

#if PARETOKIT_WITH_MPI

struct SweepMpi::Impl {
  MpiSession session;
  double silence_seconds = 60;
  std::unique_ptr<MpiEvaluator> evaluator;  // rank 0, once started
};

SweepMpi::SweepMpi() : impl_(std::make_unique<Impl>()) {}
SweepMpi::~SweepMpi() {
  impl_->evaluator.reset();  // before the session's goodbye and MPI_Finalize
}
bool SweepMpi::is_worker() const { return !impl_->session.is_root(); }
int SweepMpi::worker_count() const { return impl_->session.worker_count(); }

std::unique_ptr<SweepMpi> start_sweep_mpi(const po::variables_map& vm) {
  if (read_evaluator(vm) != "mpi") return nullptr;
  std::unique_ptr<SweepMpi> mpi(new SweepMpi());
  if (vm.count("mpi-timeout")) {
    mpi->impl_->silence_seconds = vm["mpi-timeout"].as<double>();
    if (!(mpi->impl_->silence_seconds > 0))
      throw UsageError("must be > 0", Location::of_field("--mpi-timeout"));
  }
  if (mpi->worker_count() < 1) {
    throw UsageError(
        "needs at least 2 MPI ranks (rank 0 runs the optimizer, the others evaluate): start it with "
        "mpirun -n N paretokit sweep ..., N >= 2",
        Location::of_field("--evaluator"));
  }
  return mpi;
}

// What rank 0 sends and a worker builds its task from.
int SweepMpi::run_worker(int threads) {
  const MpiWorkerFactory make_task = [threads](const nlohmann::json& setup, const std::atomic<bool>* stop) {
    MpiWorkerTask task;
    if (setup.contains("command")) {
      CommandSettings settings = command_settings_from_json(setup["command"], "the MPI setup");
      settings.workers = 1;  // one trial at a time per rank
      auto problem = make_command_problem(settings);
      // Reusing finished trial folders: rank 0 emptied them on a fresh run;
      // on a resume they are what a kill left.
      const std::filesystem::path run_folder = setup["run_folder"].get<std::string>();
      task.evaluator = make_process_evaluator(settings, *problem, run_folder, /*resume=*/true, stop);
      task.problem = std::move(problem);
    } else {
      task.problem = make_problem(setup["problem"].get<std::string>(), setup["problem_params"]);
      task.evaluator = make_evaluator(threads);
    }
    return task;
  };
  return run_mpi_worker(impl_->session, make_task);
}

Evaluator& SweepMpi::start_evaluator(const std::string& problem, const nlohmann::json& problem_params,
                                     int threads, const CommandSettings* command,
                                     const std::filesystem::path& run_folder,
                                     const std::atomic<bool>* stop_request) {
  nlohmann::json setup;
  MpiEvaluator::Options options;
  options.silence_seconds = impl_->silence_seconds;
  options.stop_request = stop_request;
  if (command != nullptr) {
    setup = {{"command", to_json(*command)}, {"run_folder", std::filesystem::absolute(run_folder).string()}};
    options.rows_per_chunk = 1;  // each trial to the first free rank
  } else {
    setup = {{"problem", problem}, {"problem_params", problem_params}, {"threads", threads}};
  }
  impl_->evaluator = std::make_unique<MpiEvaluator>(impl_->session, setup, options);
  return *impl_->evaluator;
}

std::string SweepMpi::lost_worker() const { return impl_->evaluator ? impl_->evaluator->lost_worker() : ""; }

#else  // no MPI in this build

struct SweepMpi::Impl {};
SweepMpi::SweepMpi() = default;
SweepMpi::~SweepMpi() = default;
bool SweepMpi::is_worker() const { return false; }
int SweepMpi::worker_count() const { return 0; }
int SweepMpi::run_worker(int) { return 1; }
Evaluator& SweepMpi::start_evaluator(const std::string&, const nlohmann::json&, int, const CommandSettings*,
                                     const std::filesystem::path&, const std::atomic<bool>*) {
  throw Error("no MPI in this build");
}
std::string SweepMpi::lost_worker() const { return {}; }

std::unique_ptr<SweepMpi> start_sweep_mpi(const po::variables_map& vm) {
  if (read_evaluator(vm) != "mpi") return nullptr;
  throw UsageError(
      "this paretokit was built without MPI: install Open MPI (Debian: libopenmpi-dev openmpi-bin) and "
      "configure again (CMake finds it; -DPARETOKIT_WITH_MPI=ON, the default)",
      Location::of_field("--evaluator"));
}

#endif

int mpi_command_workers(const SweepMpi& mpi, const po::variables_map& vm) {
  if (vm.count("workers")) {
    throw UsageError(
        "with --evaluator mpi each worker rank runs one trial at a time: start more ranks "
        "(mpirun -n N runs N - 1 trials at once) instead of --workers",
        Location::of_field("--workers"));
  }
  return mpi.worker_count();
}

}  // namespace paretokit::cli
