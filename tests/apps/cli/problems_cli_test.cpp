// The problems, evaluate and front subcommands, run through the paretokit
// executable (PARETOKIT_CLI).
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace {

struct Run {
  int code = -1;
  std::string out, err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Run run(const std::string& arguments, const std::string& tag) {
  const std::string out = "problems_cli_" + tag + ".out", err = "problems_cli_" + tag + ".err";
  const std::string command =
      std::string("\"") + PARETOKIT_CLI + "\" " + arguments + " >" + out + " 2>" + err;
  const int status = std::system(command.c_str());
  Run result;
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(out);
  result.err = slurp(err);
  return result;
}

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

TEST_CASE("cli problems lists every problem with parameters and defaults") {
  const Run text = run("problems", "list");
  REQUIRE(text.code == 0);
  CHECK_THAT(text.out, Catch::Contains("dtlz2") && Catch::Contains("wfg9") && Catch::Contains("re61") &&
                           Catch::Contains("n_obj = 3"));
  const Run json = run("problems --json", "list_json");
  REQUIRE(json.code == 0);
  const auto doc = nlohmann::json::parse(json.out);
  bool found = false;
  for (const auto& p : doc["problems"]) {
    if (p["name"] == "dtlz2") {
      found = true;
      CHECK(p["n_var"] == 10);
      CHECK(p["parameters"][0]["name"] == "n_obj");
      CHECK(p["parameters"][0]["default"] == 3);
    }
  }
  CHECK(found);
  CHECK(run("problems --help", "list_help").code == 0);
}

TEST_CASE("cli evaluate prints objectives then constraints per line") {
  write("problems_cli_points.txt", "# two points\n0.5 0.5 0.5 0.5 0.5 0.5 0.5\n\n1 0 0.5 0.5 0.5 0.5 0.5\n");
  const Run text = run("evaluate --problem dtlz1 problems_cli_points.txt", "eval");
  REQUIRE(text.code == 0);
  std::istringstream lines(text.out);
  double a, b, c;
  lines >> a >> b >> c;  // x = 0.5: f = (0.125, 0.125, 0.25)
  CHECK(a == Approx(0.125));
  CHECK(b == Approx(0.125));
  CHECK(c == Approx(0.25));
  lines >> a >> b >> c;  // x1 = 1, x2 = 0: f = (0, 0.5, 0)
  CHECK(a == Approx(0.0));
  CHECK(b == Approx(0.5));
  CHECK(c == Approx(0.0));

  write("problems_cli_c2.txt", "0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5\n");
  const Run json = run("evaluate --problem c2dtlz2 --json problems_cli_c2.txt", "eval_json");
  REQUIRE(json.code == 0);
  const auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["objectives"].size() == 1);
  CHECK(doc["objectives"][0].size() == 3);
  CHECK(doc["constraints"][0].size() == 1);
  const Run constrained = run("evaluate --problem c2dtlz2 problems_cli_c2.txt", "eval_c2");
  std::istringstream values(constrained.out);
  int count = 0;
  for (double v; values >> v;) ++count;
  CHECK(count == 4);  // three objectives then one constraint
}

TEST_CASE("cli evaluate: wrong length or out of bounds or bad problems exit 2 naming the place") {
  write("problems_cli_short.txt", "0.5 0.5\n");
  const Run shorter = run("evaluate --problem dtlz2 problems_cli_short.txt", "short");
  CHECK(shorter.code == 2);
  CHECK_THAT(shorter.err, Catch::Contains("paretokit: error: problems_cli_short.txt:1:") &&
                              Catch::Contains("10 variables"));
  write("problems_cli_out.txt", "# comment\n0.5 0.5\n0.5 1.5\n");
  const Run outside =
      run("evaluate --problem zdt1 --problem-params '{\"n_var\": 2}' problems_cli_out.txt", "out");
  CHECK(outside.code == 2);
  CHECK_THAT(outside.err,
             Catch::Contains("problems_cli_out.txt:3:") && Catch::Contains("outside the bounds"));
  const Run unknown = run("evaluate --problem nope problems_cli_out.txt", "unknown");
  CHECK(unknown.code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("--problem") && Catch::Contains("unknown problem 'nope'") &&
                              Catch::Contains("dtlz2"));
  const Run bad =
      run("evaluate --problem dtlz2 --problem-params '{\"m\": 3}' problems_cli_out.txt", "badparam");
  CHECK(bad.code == 2);
  CHECK_THAT(bad.err, Catch::Contains("--problem-params") && Catch::Contains("unknown parameter 'm'"));
  const Run json = run("evaluate --problem dtlz2 --problem-params '{oops' problems_cli_out.txt", "badjson");
  CHECK(json.code == 2);
  const Run missing = run("evaluate --problem dtlz2 problems_cli_missing_file.txt", "missing");
  CHECK(missing.code == 2);
}

TEST_CASE("cli front prints a reference front") {
  const Run text = run("front --problem dtlz2 -n 15", "front");
  REQUIRE(text.code == 0);
  std::istringstream lines(text.out);
  int rows = 0;
  for (double a, b, c; lines >> a >> b >> c; ++rows) CHECK(a * a + b * b + c * c == Approx(1.0));
  CHECK(rows == 15);
  const Run json = run("front --problem wfg4 --problem-params '{\"n_obj\": 2}' -n 20 --json", "front_json");
  REQUIRE(json.code == 0);
  const auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["points"].size() == 20);
  CHECK(doc["nadir"][1] == 4.0);
  const Run none = run("front --problem kursawe -n 10", "front_none");
  CHECK(none.code == 2);
  CHECK_THAT(none.err, Catch::Contains("no known Pareto front"));
  CHECK(run("front --problem dtlz2 -n 0", "front_zero").code == 2);
  CHECK(run("front --problem dtlz2", "front_missing_n").code == 2);
}
