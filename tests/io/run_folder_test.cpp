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

TEST_CASE("run folder: trial lines are exactly append_number and append_json_row text, extremes included") {
  test::TempDir dir("runfolder");
  const double inf = std::numeric_limits<double>::infinity();
  Matrix x(3, 4);
  x << -0.0, 5e-324, -1.7976931348623157e308, 0.1, std::numeric_limits<double>::quiet_NaN(), inf, -inf, 1e22, 123456789.0,
      -2.2250738585072014e-308, 1.0 / 3.0, 0.0;
  Evaluation e{Matrix::Random(3, 2), Matrix::Random(3, 1)};
  e.objectives(1, 0) = -inf;
  TrialLog log(dir / "t.jsonl", true);
  log.append(9007199254740993, 123456789012, x, e);
  std::string expected;
  for (Index i = 0; i < 3; ++i) {
    expected += "{\"trial\":" + std::to_string(9007199254740993 + i) + ",\"generation\":123456789012,\"x\":";
    append_json_row(expected, x.row(i));
    expected += ",\"f\":";
    append_json_row(expected, e.objectives.row(i));
    expected += ",\"g\":";
    append_json_row(expected, e.constraints.row(i));
    expected += "}\n";
  }
  CHECK(read_text_file(dir / "t.jsonl") == expected);
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
