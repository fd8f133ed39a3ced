// paretokit study create / ask / tell / study show / study expire, end to
// end through the command line: the round trip, maximized objectives
// negated in the log, the same trials.jsonl whatever the order of the
// tells, concurrent asks and tells from several processes (nothing given
// out twice, nothing lost), failed and expired trials, and input errors.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "io/temp_dir.hpp"
#include "paretokit/io/atomic_file.hpp"
#include "paretokit/io/jsonl.hpp"

using namespace paretokit;

namespace {

const std::string kSpace = std::string(PARETOKIT_SOURCE_DIR) + "/data/examples/toy/space.json";

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Output {
  int code = -1;
  std::string out, err;
};

Output cli(const test::TempDir& dir, const std::string& args) {
  static int counter = 0;
  const auto out = dir / ("out" + std::to_string(counter));
  const auto err = dir / ("err" + std::to_string(counter++));
  const std::string command =
      std::string(PARETOKIT_CLI) + " " + args + " > " + out.string() + " 2> " + err.string();
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

std::string create_args(const std::filesystem::path& study, int pop_size, int seed = 3) {
  return "study create " + study.string() + " --space " + kSpace +
         " --objectives f1,f2:max --constraints 'cost<=8' --algorithm nsga2 --algorithm-params "
         "'{\"pop_size\": " +
         std::to_string(pop_size) + "}' --seed " + std::to_string(seed);
}

nlohmann::json ask_json(const test::TempDir& dir, const std::filesystem::path& study) {
  const Output asked = cli(dir, "ask " + study.string() + " --json");
  INFO(asked.err);
  REQUIRE(asked.code == 0);
  return nlohmann::json::parse(asked.out);
}

// The toy program's values, from the configuration: f1, f2 (maximized), cost.
std::string values_of(const nlohmann::json& config) {
  const double x = config["x"].get<double>();
  const double y = config["y"].get<double>();
  const double shift = config["mode"] == "shifted" ? 1.0 : 0.0;
  std::ostringstream text;
  text.precision(17);
  text << x * x + shift << ',' << (x - 2) * (x - 2) + y << ',' << y;
  return text.str();
}

}  // namespace

TEST_CASE("create, ask, tell and show round trip, maximized objectives are negated in the log") {
  test::TempDir dir("study-round-trip");
  const auto study = dir / "s";
  const Output created = cli(dir, create_args(study, 4));
  INFO(created.err);
  REQUIRE(created.code == 0);
  std::vector<nlohmann::json> asked;
  for (int i = 0; i < 4; ++i) {
    asked.push_back(ask_json(dir, study));
    CHECK(asked.back()["trial"] == i);
    CHECK(asked.back()["generation"] == 1);
  }
  // Every row given out, none told: nothing to hand out.
  const Output none = cli(dir, "ask " + study.string());
  CHECK(none.code == 3);
  CHECK(none.err.find("no trial available now: 4 pending") != std::string::npos);
  const Output none_json = cli(dir, "ask " + study.string() + " --json");
  CHECK(none_json.code == 3);
  CHECK(nlohmann::json::parse(none_json.out) == nlohmann::json{{"trial", nullptr}, {"pending", 4}});

  for (const auto& trial : asked) {
    const Output told = cli(dir, "tell " + study.string() + " " + trial["trial"].dump() + " --values " +
                                     values_of(trial["config"]));
    INFO(told.err);
    REQUIRE(told.code == 0);
  }
  const auto contents = read_jsonl(study / "trials.jsonl");
  REQUIRE(contents.records.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    const auto& line = contents.records[i];
    CHECK(line["trial"] == i);
    CHECK(line["config"] == asked[i]["config"]);
    CHECK(line["x"] == asked[i]["x"]);
    CHECK(line["f"][0].get<double>() == line["values"]["f1"].get<double>());
    CHECK(line["f"][1].get<double>() == -line["values"]["f2"].get<double>());  // maximized
    CHECK(line["g"][0].get<double>() == line["values"]["cost"].get<double>() - 8);
  }
  // A crash after appending trial lines but before the state that counts
  // them: the next command cuts the log back to the state's count.
  const std::string log = slurp(study / "trials.jsonl");
  std::ofstream(study / "trials.jsonl", std::ios::app) << R"({"trial":4,"generation":2})"
                                                       << "\n";
  CHECK(cli(dir, "study show " + study.string()).code == 0);
  CHECK(slurp(study / "trials.jsonl") == log);
  // The next generation comes from the algorithm's tell.
  CHECK(ask_json(dir, study)["generation"] == 2);

  const Output shown = cli(dir, "study show " + study.string() + " --json");
  REQUIRE(shown.code == 0);
  const auto show = nlohmann::json::parse(shown.out);
  CHECK(show["told"] == 4);
  CHECK(show["failed"] == 0);
  CHECK(show["pending"].size() == 1);
  CHECK(show["pending"][0]["trial"] == 4);
  REQUIRE(show["front"].size() >= 1);
  for (const auto& t : show["front"]) CHECK(t["values"]["cost"].get<double>() <= 8);
  CHECK(cli(dir, "study show " + study.string()).out.find("1 pending") != std::string::npos);
}

TEST_CASE("the same seed and told values give the same trials.jsonl whatever the tell order") {
  test::TempDir dir("study-order");
  const std::vector<std::vector<int>> orders = {{0, 1, 2, 3, 4}, {4, 2, 0, 3, 1}};
  std::vector<std::string> logs;
  for (std::size_t k = 0; k < orders.size(); ++k) {
    const auto study = dir / ("s" + std::to_string(k));
    REQUIRE(cli(dir, create_args(study, 5, 11)).code == 0);
    for (int generation = 0; generation < 3; ++generation) {
      std::vector<nlohmann::json> asked;
      for (int i = 0; i < 5; ++i) asked.push_back(ask_json(dir, study));
      for (const int i : orders[k]) {
        const auto& trial = asked[static_cast<std::size_t>(i)];
        REQUIRE(cli(dir, "tell " + study.string() + " " + trial["trial"].dump() + " --values " +
                             values_of(trial["config"]))
                    .code == 0);
      }
    }
    logs.push_back(slurp(study / "trials.jsonl"));
  }
  CHECK(read_jsonl(dir / "s0" / "trials.jsonl").records.size() == 15);
  CHECK(logs[0] == logs[1]);
}

TEST_CASE("concurrent asks and tells from several processes give out no trial twice and lose none") {
  test::TempDir dir("study-concurrent");
  const auto study = dir / "s";
  REQUIRE(cli(dir, create_args(study, 8)).code == 0);
  // 12 processes at once for a batch of 8: 8 get distinct trials, 4 get exit 3.
  std::string script;
  for (int p = 0; p < 12; ++p) {
    const std::string tag = (dir / ("ask" + std::to_string(p))).string();
    script += "(" + std::string(PARETOKIT_CLI) + " ask " + study.string() + " > " + tag +
              ".out 2>/dev/null; echo $? > " + tag + ".rc) & ";
  }
  script += "wait";
  REQUIRE(std::system(("sh -c '" + script + "'").c_str()) == 0);
  std::set<int> trials;
  int unavailable = 0;
  for (int p = 0; p < 12; ++p) {
    const std::string tag = (dir / ("ask" + std::to_string(p))).string();
    const int rc = std::stoi(slurp(tag + ".rc"));
    if (rc == 3) {
      ++unavailable;
      continue;
    }
    REQUIRE(rc == 0);
    const std::string out = slurp(tag + ".out");
    CHECK(trials.insert(std::stoi(out.substr(0, out.find(' ')))).second);  // never twice
  }
  CHECK(unavailable == 4);
  CHECK(trials == std::set<int>{0, 1, 2, 3, 4, 5, 6, 7});

  // All 8 tells at once: every one recorded, the batch complete.
  script.clear();
  for (const int t : trials) {
    script += std::string(PARETOKIT_CLI) + " tell " + study.string() + " " + std::to_string(t) +
              " --values " + std::to_string(t) + ",1,2 > /dev/null & ";
  }
  script += "wait";
  REQUIRE(std::system(("sh -c '" + script + "'").c_str()) == 0);
  const auto contents = read_jsonl(study / "trials.jsonl");
  REQUIRE(contents.records.size() == 8);
  for (std::size_t i = 0; i < 8; ++i) {
    CHECK(contents.records[i]["trial"] == i);
    CHECK(contents.records[i]["values"]["f1"].get<double>() == static_cast<double>(i));
  }
  CHECK(ask_json(dir, study)["trial"] == 8);
}

TEST_CASE("ask --wait waits for the tells that complete the batch") {
  test::TempDir dir("study-wait");
  const auto study = dir / "s";
  REQUIRE(cli(dir, create_args(study, 2)).code == 0);
  ask_json(dir, study);
  ask_json(dir, study);
  const std::string cli_path = PARETOKIT_CLI, s = study.string(), w = (dir / "waiter").string();
  const std::string script = "(" + cli_path + " ask " + s + " --wait 600 > " + w + ".out; echo $? > " + w +
                             ".rc) & sleep 0.3; " + cli_path + " tell " + s +
                             " 0 --values 1,2,3 > /dev/null; " + cli_path + " tell " + s +
                             " 1 --values 2,1,3 > /dev/null; wait";
  REQUIRE(std::system(("sh -c '" + script + "'").c_str()) == 0);
  CHECK(slurp(w + ".rc") == "0\n");
  CHECK(slurp(w + ".out").rfind("2 {", 0) == 0);
}

TEST_CASE("crashed trials and expired ones are told as failed and the study goes on") {
  test::TempDir dir("study-failed");
  const auto study = dir / "s";
  REQUIRE(cli(dir, create_args(study, 3)).code == 0);
  for (int i = 0; i < 3; ++i) ask_json(dir, study);
  REQUIRE(cli(dir, "tell " + study.string() + " 0 --status crashed --message 'out of disk'").code == 0);
  REQUIRE(cli(dir, "tell " + study.string() + " 1 --values 1,2,3").code == 0);
  // Trial 2 was lost: expire it (given out more than 0 s ago).
  const Output expired = cli(dir, "study expire " + study.string() + " --older-than 0 --json");
  INFO(expired.err);
  REQUIRE(expired.code == 0);
  CHECK(nlohmann::json::parse(expired.out)["expired"] == nlohmann::json::array({2}));
  const Output late = cli(dir, "tell " + study.string() + " 2 --values 1,2,3");
  CHECK(late.code == 2);
  CHECK(late.err.find("already told") != std::string::npos);

  const auto contents = read_jsonl(study / "trials.jsonl");
  REQUIRE(contents.records.size() == 3);
  CHECK(contents.records[0]["status"] == "crashed");
  CHECK(contents.records[0]["message"] == "out of disk");
  CHECK(contents.records[0]["f"][0] == "inf");
  CHECK_FALSE(contents.records[1].contains("status"));
  CHECK(contents.records[2]["status"] == "timeout");
  CHECK(contents.records[2]["message"].get<std::string>().rfind("expired", 0) == 0);
  const auto show = nlohmann::json::parse(cli(dir, "study show " + study.string() + " --json").out);
  CHECK(show["failed"] == 2);
  CHECK(show["front"].size() == 1);
  CHECK(ask_json(dir, study)["generation"] == 2);  // the algorithm went on
  // A fresh trial is not expired by a long limit.
  CHECK(nlohmann::json::parse(
            cli(dir, "study expire " + study.string() + " --older-than 3600 --json").out)["expired"]
            .empty());
}

TEST_CASE("clear errors with exit code 2") {
  test::TempDir dir("study-errors");
  const auto study = dir / "s";
  REQUIRE(cli(dir, create_args(study, 3)).code == 0);
  ask_json(dir, study);
  auto error_of = [&](const std::string& args) {
    const Output result = cli(dir, args);
    CHECK(result.code == 2);
    return result.err;
  };
  CHECK(error_of("tell " + study.string() + " 7 --values 1,2,3").find("trial 7: unknown trial id") !=
        std::string::npos);
  CHECK(error_of("tell " + study.string() + " 1 --values 1,2,3").find("never given out") !=
        std::string::npos);
  CHECK(
      error_of("tell " + study.string() + " 0 --values 1,2").find("expected 3 values (f1,f2,cost), got 2") !=
      std::string::npos);
  CHECK(error_of("tell " + study.string() + " x --values 1,2,3").find("not a trial id") != std::string::npos);
  CHECK(error_of("tell " + study.string() + " 0 --status fine").find("--status") != std::string::npos);
  CHECK(error_of("tell " + study.string() + " 0").find("either --values or --status") != std::string::npos);
  REQUIRE(cli(dir, "tell " + study.string() + " 0 --values 1,2,3").code == 0);
  CHECK(error_of("tell " + study.string() + " 0 --values 1,2,3").find("trial 0: already told") !=
        std::string::npos);
  CHECK(error_of(create_args(study, 3)).find("already holds a study") != std::string::npos);
  CHECK(error_of("ask " + (dir / "nowhere").string()).find("not a study folder") != std::string::npos);

  std::ofstream(dir / "bad.json")
      << R"({"variables": [{"name": "lr", "type": "real", "lower": 0, "upper": 1, "log": true}]})";
  const std::string bad = error_of("study create " + (dir / "t").string() + " --space " +
                                   (dir / "bad.json").string() + " --objectives a --algorithm nsga2");
  CHECK(bad.find("bad.json") != std::string::npos);
  CHECK(bad.find("variables[0]") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "t" / "study.json"));
  CHECK(error_of("study create " + (dir / "u").string() + " --space " + kSpace +
                 " --objectives a:up --algorithm nsga2")
            .find("--objectives") != std::string::npos);
  CHECK(error_of("study create " + (dir / "v").string() + " --space " + kSpace +
                 " --objectives a --algorithm nope")
            .find("nope") != std::string::npos);
}

TEST_CASE("a ConfigSpace file: inactive variables are left out of the configurations handed out") {
  test::TempDir dir("study-configspace");
  const auto study = dir / "s";
  const Output created = cli(
      dir,
      "study create " + study.string() + " --space " + std::string(PARETOKIT_SOURCE_DIR) +
          "/data/examples/spaces/svm_configspace.json --objectives accuracy:max,seconds --algorithm random "
          "--algorithm-params '{\"pop_size\": 12}'");
  INFO(created.err);
  REQUIRE(created.code == 0);
  std::set<std::string> kernels;
  for (int i = 0; i < 12; ++i) {
    const nlohmann::json config = ask_json(dir, study)["config"];
    const std::string kernel = config["kernel"];
    kernels.insert(kernel);
    CHECK(config.contains("gamma") == (kernel != "linear"));
    CHECK(config.contains("degree") == (kernel == "poly"));
    CHECK(config.contains("coef0") == (kernel == "poly" || kernel == "sigmoid"));
    CHECK_FALSE((kernel == "linear" && config["shrinking"] == false));  // forbidden
  }
  CHECK(kernels.size() >= 2);
}

TEST_CASE("a study with --budget hands out that many trials, cuts the last batch, and says so") {
  test::TempDir dir("study");
  const auto study = dir / "s";
  // Batches of 4, a budget of 10: two whole batches and 2 rows of the third.
  REQUIRE(cli(dir, create_args(study, 4) + " --budget 10").code == 0);
  for (int k = 0; k < 10; ++k) {
    const nlohmann::json asked = ask_json(dir, study);
    REQUIRE(asked["trial"] == k);
    const Output told = cli(
        dir, "tell " + study.string() + " " + std::to_string(k) + " --values " + values_of(asked["config"]));
    INFO(told.err);
    REQUIRE(told.code == 0);
  }
  const Output none = cli(dir, "ask " + study.string() + " --json");
  CHECK(none.code == 3);
  CHECK(none.err.find("budget is spent") != std::string::npos);
  CHECK(nlohmann::json::parse(none.out) ==
        nlohmann::json{{"trial", nullptr}, {"pending", 0}, {"budget_spent", true}});
  // All 10 logged, trial ids 0..9; the cut batch's rows past the budget never given out.
  const auto lines = read_jsonl(study / "trials.jsonl").records;
  REQUIRE(lines.size() == 10);
  for (int k = 0; k < 10; ++k) CHECK(lines[static_cast<std::size_t>(k)]["trial"] == k);
  CHECK(cli(dir, "tell " + study.string() + " 10 --values 1,1,1").code == 2);
  const Output show = cli(dir, "study show " + study.string() + " --json");
  REQUIRE(show.code == 0);
  const nlohmann::json d = nlohmann::json::parse(show.out);
  CHECK(d["budget"] == 10);
  CHECK(d["budget_spent"] == true);
  CHECK(d["told"] == 10);
  CHECK(d["trials_given_out"] == 10);
  CHECK(d["open_in_batch"] == 0);
  CHECK(cli(dir, "study show " + study.string()).out.find("budget 10 trials: 10 given out (spent") !=
        std::string::npos);

  // Before the budget is reached, show says what is left; a budget of 0 is an error.
  const auto other = dir / "t";
  REQUIRE(cli(dir, create_args(other, 4) + " --budget 6").code == 0);
  ask_json(dir, other);
  const nlohmann::json partway =
      nlohmann::json::parse(cli(dir, "study show " + other.string() + " --json").out);
  CHECK(partway["budget_spent"] == false);
  CHECK(partway["trials_given_out"] == 1);
  const Output zero = cli(dir, create_args(dir / "u", 4) + " --budget 0");
  CHECK(zero.code == 2);
  CHECK(zero.err.find("--budget") != std::string::npos);
}
