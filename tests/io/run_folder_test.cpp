#include <catch2/catch.hpp>

#include <fstream>

#include "io/temp_dir.hpp"
#include "paretokit/core/point_file.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/json_matrix.hpp"
#include "paretokit/io/run_folder.hpp"

using namespace paretokit;

TEST_CASE("run folder: trials round-trip exactly, constraints only when present") {
  test::TempDir dir("runfolder");
  RunFolder folder(dir / "run");
  folder.create();
  Matrix x = Matrix::Random(5, 3);
  Evaluation e{Matrix::Random(5, 2), Matrix(5, 0)};
  e.objectives(4, 1) = std::numeric_limits<double>::infinity();
  {
    TrialLog log(folder.trials_path(), true);
    log.append(0, 1, x.topRows(3), Evaluation{e.objectives.topRows(3), e.constraints.topRows(3)});
    log.append(3, 2, x.bottomRows(2), Evaluation{e.objectives.bottomRows(2), e.constraints.bottomRows(2)});
  }
  const auto trials = read_trials(folder.trials_path());
  REQUIRE(trials.trial.size() == 5);
  CHECK(trials.trial[4] == 4);
  CHECK(trials.generation[2] == 1);
  CHECK(trials.generation[3] == 2);
  CHECK((trials.x.array() == x.array()).all());
  CHECK((trials.f.array() == e.objectives.array()).all());
  CHECK(trials.g.cols() == 0);

  Evaluation constrained{Matrix::Zero(1, 2), Matrix::Constant(1, 1, -0.5)};
  TrialLog log(dir / "c.jsonl", true);
  log.append(0, 1, x.topRows(1), constrained);
  CHECK(read_trials(dir / "c.jsonl").g(0, 0) == -0.5);
}

TEST_CASE("run folder: checkpoint, front and summary files") {
  test::TempDir dir("runfolder");
  RunFolder folder(dir / "nested" / "run");
  CHECK_FALSE(folder.holds_run());
  folder.create();
  CHECK_FALSE(folder.read_checkpoint().has_value());
  folder.write_config({{"seed", 3}});
  CHECK(folder.holds_run());
  CHECK(folder.read_config()["seed"] == 3);

  folder.write_checkpoint({{"generation", 10}});
  std::ofstream(folder.directory() / "checkpoint.json.tmp") << "{\"generation\":2";  // killed mid-write
  const auto checkpoint = folder.read_checkpoint();
  REQUIRE(checkpoint.has_value());
  CHECK((*checkpoint)["generation"] == 10);
  CHECK_FALSE(std::filesystem::exists(folder.directory() / "checkpoint.json.tmp"));

  Matrix f(2, 2);
  f << 0, 1, 1, 0;
  Matrix x(2, 1);
  x << 0.25, 0.75;
  folder.write_front(f, x);
  CHECK((read_points(folder.front_txt_path().string()).array() == f.array()).all());
  const auto front = read_json_file(folder.front_json_path());
  CHECK((matrix_from_json(front["x"]).array() == x.array()).all());
  folder.write_summary({{"evaluations", 7}});
  CHECK(read_json_file(folder.summary_path())["evaluations"] == 7);
}
