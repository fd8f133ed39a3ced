// `mpirun -n 3 paretokit sweep ... --evaluator mpi` on this machine: the same
// trials.jsonl and front as the threads (or --workers) evaluator for the
// same seed, crashed command trials recorded like any other, a rank killed
// in the middle of a study ending the run with a checkpoint that resumes to
// the uninterrupted study's log, a silent rank declared lost under
// --enable-recovery, and the usage errors.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "io/temp_dir.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/run_folder.hpp"

using namespace paretokit;

namespace {

const std::string kToy = std::string(PARETOKIT_SOURCE_DIR) + "/data/examples/toy";

// --oversubscribe: more ranks than this machine's cores; --allow-run-as-root:
// CI containers run as root (the flag is harmless otherwise).
std::string mpirun(int ranks, const std::string& extra = "") {
  return std::string(PARETOKIT_MPIEXEC) + " --oversubscribe --allow-run-as-root " + extra + " -n " +
         std::to_string(ranks) + " ";
}

int shell(const std::string& command, const std::filesystem::path& log) {
  const int status = std::system((command + " > '" + log.string() + "' 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::string kCli = PARETOKIT_CLI;

std::string toy_sweep(const std::string& command, const std::filesystem::path& out) {
  return kCli + " sweep --space " + kToy + "/space.json --command '" + command +
         "' --objectives f1,f2:max --constraints 'cost<=8' --budget 24 --seed 4 --checkpoint-seconds 0 "
         "--out " +
         out.string();
}

struct CrashAbove {
  CrashAbove() { ::setenv("TOY_CRASH_ABOVE", "2.5", 1); }
  ~CrashAbove() { ::unsetenv("TOY_CRASH_ABOVE"); }
};

}  // namespace

TEST_CASE("mpirun -n 3 sweep --evaluator mpi: zdt1 trials.jsonl and front byte-identical to threads") {
  test::TempDir dir("mpi-zdt1");
  const std::string args = " sweep --problem zdt1 --algorithm nsga2 --generations 40 --seed 3 --out ";
  REQUIRE(shell(kCli + args + (dir / "threads").string(), dir / "log1") == 0);
  const int code = shell(mpirun(3) + kCli + args + (dir / "mpi").string() + " --evaluator mpi", dir / "log2");
  INFO(slurp(dir / "log2"));
  REQUIRE(code == 0);
  const std::string trials = slurp(dir / "threads" / "trials.jsonl");
  CHECK(trials.size() > 0);
  CHECK(slurp(dir / "mpi" / "trials.jsonl") == trials);
  CHECK(slurp(dir / "mpi" / "front.txt") == slurp(dir / "threads" / "front.txt"));
  CHECK(slurp(dir / "mpi" / "front.json") == slurp(dir / "threads" / "front.json"));
  const nlohmann::json evaluator = read_json_file(dir / "mpi" / "summary.json")["evaluator"];
  CHECK(evaluator["name"] == "mpi");
  CHECK(evaluator["workers"] == 2);
  CHECK(evaluator["chunks"].get<int>() >= 40);
}

TEST_CASE("sweep --command under MPI: crashed trials recorded, the log identical to --workers 2") {
  test::TempDir dir("mpi-command");
  const CrashAbove crash;
  const std::string command = "sh " + kToy + "/evaluate.sh";
  REQUIRE(shell(toy_sweep(command, dir / "threads") + " --workers 2", dir / "log1") == 0);
  const int code = shell(mpirun(3) + toy_sweep(command, dir / "mpi") + " --evaluator mpi", dir / "log2");
  INFO(slurp(dir / "log2"));
  REQUIRE(code == 0);
  const std::string trials = slurp(dir / "threads" / "trials.jsonl");
  CHECK(slurp(dir / "mpi" / "trials.jsonl") == trials);
  CHECK(slurp(dir / "mpi" / "front.txt") == slurp(dir / "threads" / "front.txt"));
  // The crash is a status with its message, as without MPI.
  const TrialRecords records = read_trials(dir / "mpi" / "trials.jsonl");
  REQUIRE(records.x.rows() == 24);
  Index crashed = 0;
  for (Index i = 0; i < records.x.rows(); ++i) {
    const bool fails = records.x(i, 0) > 2.5;
    CHECK((records.status[static_cast<std::size_t>(i)] == TrialStatus::crashed) == fails);
    if (fails) {
      ++crashed;
      CHECK(records.message[static_cast<std::size_t>(i)].find("is above 2.5, giving up") !=
            std::string::npos);
    }
  }
  CHECK(crashed > 0);
  const nlohmann::json summary = read_json_file(dir / "mpi" / "summary.json");
  CHECK(summary["failed_trials"] == crashed);
  CHECK(summary["evaluator"]["attempts_run"] == 24);
  // config.json records the worker ranks as the workers.
  CHECK(read_json_file(dir / "mpi" / "config.json")["evaluator"]["workers"] == 2);
}

TEST_CASE(
    "a rank killed mid-study ends the MPI run with a checkpoint, --resume gives the uninterrupted log") {
  test::TempDir dir("mpi-kill");
  const CrashAbove crash;
  const std::string plain = "sh " + kToy + "/evaluate.sh";
  REQUIRE(shell(toy_sweep(plain, dir / "reference") + " --workers 2", dir / "log0") == 0);
  // Trial 17 kills the worker rank running it ($PPID: the rank that spawned
  // the trial's shell), once.
  const auto marker = dir / "killed";
  const std::string killer = "if [ $PARETOKIT_TRIAL = 17 ] && [ ! -e " + marker.string() + " ]; then touch " +
                             marker.string() + "; kill -9 $PPID; sleep 2; fi; " + plain;
  const auto out = dir / "run";
  const int killed = shell(mpirun(3) + toy_sweep(killer, out) + " --evaluator mpi", dir / "log1");
  INFO(slurp(dir / "log1"));
  CHECK(killed != 0);
  CHECK(std::filesystem::exists(marker));
  CHECK(std::filesystem::exists(out / "checkpoint.json"));
  CHECK_FALSE(std::filesystem::exists(out / "summary.json"));
  CHECK(read_trials(out / "trials.jsonl").x.rows() < 24);

  const int resumed =
      shell(mpirun(3) + kCli + " sweep --resume " + out.string() + " --evaluator mpi", dir / "log2");
  INFO(slurp(dir / "log2"));
  REQUIRE(resumed == 0);
  CHECK(slurp(dir / "log2").find("resumed from generation") != std::string::npos);
  CHECK(slurp(out / "trials.jsonl") == slurp(dir / "reference" / "trials.jsonl"));
  CHECK(slurp(out / "front.txt") == slurp(dir / "reference" / "front.txt"));
}

TEST_CASE(
    "under mpirun --enable-recovery a silent rank is lost after --mpi-timeout, the run resumes without MPI") {
  test::TempDir dir("mpi-silent");
  const std::string plain = "sh " + kToy + "/evaluate.sh";
  REQUIRE(shell(toy_sweep(plain, dir / "reference") + " --workers 2", dir / "log0") == 0);
  const auto marker = dir / "killed";
  const std::string killer = "if [ $PARETOKIT_TRIAL = 9 ] && [ ! -e " + marker.string() + " ]; then touch " +
                             marker.string() + "; kill -9 $PPID; sleep 2; fi; " + plain;
  const auto out = dir / "run";
  shell(mpirun(3, "--enable-recovery") + toy_sweep(killer, out) + " --evaluator mpi --mpi-timeout 1.5",
        dir / "log1");
  const std::string log = slurp(dir / "log1");
  INFO(log);
  // mpirun --enable-recovery exits 0 whatever its ranks do: the message and
  // the missing summary tell.
  CHECK(log.find("MPI rank 2 sent nothing for") != std::string::npos);
  CHECK(log.find("--resume " + out.string()) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out / "summary.json"));
  REQUIRE(std::filesystem::exists(out / "checkpoint.json"));
  // Resumed with the threads evaluator: MPI is an evaluator, not a format.
  REQUIRE(shell(kCli + " sweep --resume " + out.string(), dir / "log2") == 0);
  CHECK(slurp(out / "trials.jsonl") == slurp(dir / "reference" / "trials.jsonl"));
}

TEST_CASE("sweep --evaluator mpi: usage errors (exit 2, nothing written)") {
  test::TempDir dir("mpi-usage");
  const std::string zdt1 =
      kCli + " sweep --problem zdt1 --algorithm nsga2 --generations 3 --evaluator mpi --out ";
  // One rank (no mpirun): nobody to evaluate.
  REQUIRE(shell(zdt1 + (dir / "one").string(), dir / "log1") == 2);
  CHECK(slurp(dir / "log1").find("needs at least 2 MPI ranks") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "one"));
  // --workers: the ranks are the workers.
  const CrashAbove crash;
  REQUIRE(
      shell(mpirun(2) + toy_sweep("sh " + kToy + "/evaluate.sh", dir / "w") + " --workers 3 --evaluator mpi",
            dir / "log2") == 2);
  CHECK(slurp(dir / "log2").find("--workers: with --evaluator mpi") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "w"));
  REQUIRE(shell(zdt1 + (dir / "t").string() + " --mpi-timeout 0", dir / "log3") == 2);
  CHECK(slurp(dir / "log3").find("--mpi-timeout: must be > 0") != std::string::npos);
}
