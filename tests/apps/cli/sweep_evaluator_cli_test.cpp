// sweep --evaluator: the choices and their errors, in any build. Outside
// mpirun (one rank) or in a build without MPI, --evaluator mpi is a usage
// error (exit 2) and nothing is written; tests/mpi/ runs it under mpirun.
#include <catch2/catch.hpp>

#include <filesystem>

#include "io/temp_dir.hpp"
#include "support/cli.hpp"

using paretokit::test::run_cli;

TEST_CASE("sweep --evaluator mpi outside mpirun or without MPI: exit 2, nothing written") {
  paretokit::test::TempDir dir("sweep-evaluator");
  const std::string out = (dir / "run").string();
  const auto run =
      run_cli("sweep --problem zdt1 --algorithm nsga2 --generations 2 --evaluator mpi --out " + out);
  CHECK(run.exit_code == 2);
#if PARETOKIT_WITH_MPI
  CHECK(run.err.find("--evaluator: needs at least 2 MPI ranks") != std::string::npos);
#else
  CHECK(run.err.find("--evaluator: this paretokit was built without MPI") != std::string::npos);
#endif
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("sweep --evaluator: unknown names and --mpi-timeout without mpi are usage errors") {
  paretokit::test::TempDir dir("sweep-evaluator");
  const std::string base =
      "sweep --problem zdt1 --algorithm nsga2 --generations 2 --out " + (dir / "run").string();
  const auto bogus = run_cli(base + " --evaluator gpu");
  CHECK(bogus.exit_code == 2);
  CHECK(bogus.err.find("--evaluator: 'gpu' is not an evaluator: threads or mpi") != std::string::npos);
  const auto timeout = run_cli(base + " --mpi-timeout 5");
  CHECK(timeout.exit_code == 2);
  CHECK(timeout.err.find("--mpi-timeout: needs --evaluator mpi") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "run"));
  // threads, the default, named.
  CHECK(run_cli(base + " --evaluator threads").exit_code == 0);
}
