// ConfigSpace's JSON form (the fixture files under data/examples/spaces/, in
// ConfigSpace 1.x's and 0.4's dialects) and paretokit's own file form: what
// they read to, and every error with its file and JSON path.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "paretokit/core/error.hpp"
#include "paretokit/core/search_space_file.hpp"

using namespace paretokit;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string example(const std::string& name) {
  return std::string(PARETOKIT_SOURCE_DIR) + "/data/examples/spaces/" + name;
}

std::string write_space(const json& document) {
  const fs::path dir = fs::temp_directory_path() / ("paretokit_space_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path path = dir / "space.json";
  std::ofstream(path) << document.dump(1);
  return path.string();
}

Index at(const SearchSpace& space, const std::string& name) { return *space.index_of(name); }

}  // namespace

TEST_CASE("configspace: the SVM example (ConfigSpace 1.x dialect)") {
  const SearchSpaceFile file = read_search_space_file(example("svm_configspace.json"));
  CHECK(file.format == SpaceFormat::configspace);
  const SearchSpace& space = file.space;
  REQUIRE(space.size() == 7);
  CHECK(space[at(space, "C")].log_scale);
  CHECK(space[at(space, "C")].kind == VariableKind::real);
  CHECK(space[at(space, "degree")].kind == VariableKind::integer);
  CHECK(space[at(space, "tol")].choices == std::vector<json>{0.001});
  CHECK(space.conditions().size() == 3);
  CHECK(space.forbiddens().size() == 2);
  const Vector defaults = space.defaults();
  CHECK(space.row_to_json(defaults.transpose()) ==
        json{{"kernel", "rbf"}, {"C", 1.0}, {"gamma", 0.1}, {"shrinking", true}, {"tol", 0.001}});
  // Sampled configurations: gamma exactly for rbf/poly/sigmoid, degree for
  // poly, coef0 for poly/sigmoid; never linear without shrinking, never
  // poly of degree 5.
  Rng rng(11);
  const Matrix X = space.sample(3000, rng);
  int linear = 0;
  for (Index i = 0; i < X.rows(); ++i) {
    const json c = space.row_to_json(X.row(i));
    const std::string kernel = c["kernel"];
    linear += kernel == "linear";
    CHECK(c.contains("gamma") == (kernel != "linear"));
    CHECK(c.contains("degree") == (kernel == "poly"));
    CHECK(c.contains("coef0") == (kernel == "poly" || kernel == "sigmoid"));
    CHECK_FALSE((kernel == "linear" && c["shrinking"] == false));
    if (kernel == "poly") CHECK(c["degree"] != 5);
  }
  // Linear: 1/4 of the cube, half of it forbidden; poly: 1/4, a quarter of
  // it forbidden. Allowed share of linear: (1/8) / (1 - 1/8 - 1/16) = 2/13.
  CHECK(std::abs(linear / 3000.0 - 2.0 / 13.0) < 0.03);
  // In paretokit's form (what `space check --json` prints) it is the same space.
  const SearchSpace converted = SearchSpace::from_json(space.to_json());
  CHECK(converted.to_json() == space.to_json());
  for (Index i = 0; i < X.rows(); ++i) {
    CHECK(converted.row_to_json(X.row(i)) == space.row_to_json(X.row(i)));
    CHECK_FALSE(converted.is_forbidden(X.row(i)));
  }
  Rng a(3), b(3);
  CHECK(converted.sample(50, a) == space.sample(50, b));
}

TEST_CASE("configspace: the MLP example (0.4 dialect: default, q, sequence, RELATION lambda)") {
  const SearchSpaceFile file = read_search_space_file(example("mlp_configspace_legacy.json"));
  const SearchSpace& space = file.space;
  CHECK(space[at(space, "width")].kind == VariableKind::ordinal);
  CHECK(space[at(space, "size")].kind == VariableKind::categorical);  // string levels
  CHECK(space[at(space, "lr")].default_value == 0.001);
  // nesterov: a chain through momentum (active for sgd only) and momentum > 0.5.
  Rng rng(4);
  const Matrix X = space.sample(2000, rng);
  for (Index i = 0; i < X.rows(); ++i) {
    const json c = space.row_to_json(X.row(i));
    const bool sgd = c["optimizer"] == "sgd";
    CHECK(c.contains("momentum") == sgd);
    CHECK(c.contains("nesterov") == (sgd && c["momentum"].get<double>() > 0.5));
    CHECK(c["n_layers"].get<int>() <= c["n_layers_max"].get<int>());
    CHECK_FALSE((c["width"] == 512 && c["n_layers"] == 4));
  }
}

TEST_CASE("space files: paretokit's own form with conditions and forbiddens") {
  const SearchSpaceFile file = read_search_space_file(example("conditional_space.json"));
  CHECK(file.format == SpaceFormat::paretokit);
  const SearchSpace again = SearchSpace::from_json(file.space.to_json());
  CHECK(again.to_json() == file.space.to_json());
  CHECK(file.space.describe(file.space.condition_of(4)->when) == "(kernel == \"poly\" and degree > 2)");
}

TEST_CASE("configspace: every error names the file and the JSON path") {
  const json good_hp = {{"type", "uniform_float"}, {"name", "x"}, {"lower", 0}, {"upper", 1}};
  const json kernel = {
      {"type", "categorical"}, {"name", "k"}, {"choices", {"a", "b"}}, {"default_value", "a"}};
  auto fails = [&](const json& document, const std::string& message) {
    const std::string path = write_space(document);
    CHECK_THROWS_WITH(read_search_space_file(path), path + ": " + message);
  };
  auto fails_matching = [&](const json& document, const auto& matcher) {
    CHECK_THROWS_WITH(read_search_space_file(write_space(document)), matcher);
  };
  json log_hp = {{"type", "uniform_float"}, {"name", "lr"}, {"lower", 0}, {"upper", 1}, {"log", true}};
  json renamed = good_hp;
  renamed["name"] = "y";
  fails({{"hyperparameters", json::array({good_hp, kernel, renamed, log_hp})}},
        "hyperparameters[3].lower: must be > 0 on a log scale");
  fails({{"hyperparameters", json::array({good_hp, kernel, good_hp})}},
        "hyperparameters[2].name: duplicate hyperparameter name 'x'");
  fails({{"hyperparameters",
          json::array({{{"type", "uniform_int"}, {"name", "n"}, {"lower", 1}, {"upper", 0.5}}})}},
        "hyperparameters[0].upper: must be >= lower");
  fails({{"hyperparameters",
          json::array(
              {{{"type", "uniform_int"}, {"name", "n"}, {"lower", 1}, {"upper", 5}, {"default_value", 9}}})}},
        "hyperparameters[0].default_value: default value lies outside the variable's range");
  fails({{"hyperparameters",
          json::array({{{"type", "categorical"}, {"name", "c"}, {"choices", {"a"}}, {"default", "z"}}})}},
        "hyperparameters[0].default: default is not one of the choices");
  fails({{"hyperparameters",
          json::array({{{"type", "uniform_float"}, {"name", "q"}, {"lower", 0}, {"upper", 1}, {"q", 0.1}}})}},
        "hyperparameters[0].q: quantized hyperparameters are not supported (q must be null)");
  fails({{"hyperparameters",
          json::array({{{"type", "normal_float"}, {"name", "n"}, {"mu", 0}, {"sigma", 1}}})}},
        "hyperparameters[0].lower: missing field");
  fails_matching({{"hyperparameters", json::array({{{"type", "weird"}, {"name", "w"}}})}},
                 Catch::Contains("hyperparameters[0].type: unknown type 'weird' (valid: uniform_float"));
  fails(
      {{"hyperparameters", json::array({{{"type", "ordinal"}, {"name", "o"}, {"sequence", json::array()}}})}},
      "hyperparameters[0].sequence: must be a non-empty array");
  const json two = json::array({good_hp, kernel});
  fails({{"hyperparameters", two},
         {"conditions", {{{"type", "EQ"}, {"child", "x"}, {"parent", "kernel"}, {"value", "a"}}}}},
        "conditions[0].parent: unknown hyperparameter 'kernel'");
  fails({{"hyperparameters", two},
         {"conditions", {{{"type", "EQ"}, {"child", "z"}, {"parent", "k"}, {"value", "a"}}}}},
        "conditions[0].child: unknown hyperparameter 'z'");
  fails({{"hyperparameters", two},
         {"conditions", {{{"type", "EQ"}, {"child", "x"}, {"parent", "k"}, {"value", "c"}}}}},
        "conditions[0].value: \"c\" is not a choice of 'k' (choices: [\"a\",\"b\"])");
  fails({{"hyperparameters", two},
         {"conditions",
          {{{"type", "OR"},
            {"child", "x"},
            {"conditions",
             {{{"type", "EQ"}, {"child", "x"}, {"parent", "k"}, {"value", "a"}},
              {{"type", "IN"}, {"child", "x"}, {"parent", "k"}, {"values", {"b", "d"}}}}}}}}},
        "conditions[0].conditions[1].values[1]: \"d\" is not a choice of 'k' (choices: [\"a\",\"b\"])");
  fails({{"hyperparameters", two},
         {"conditions", {{{"type", "LT"}, {"child", "x"}, {"parent", "k"}, {"value", "a"}}}}},
        "conditions[0].type: LT needs a numeric or ordinal parent, 'k' is categorical");
  fails({{"hyperparameters", two}, {"conditions", {{{"type", "XOR"}, {"child", "x"}, {"parent", "k"}}}}},
        "conditions[0].type: unknown condition type 'XOR' (valid: EQ, NEQ, LT, GT, IN, AND, OR)");
  fails({{"hyperparameters", two},
         {"conditions",
          {{{"type", "EQ"}, {"child", "x"}, {"parent", "k"}, {"value", "a"}},
           {{"type", "EQ"}, {"child", "x"}, {"parent", "k"}, {"value", "b"}}}}},
        "conditions[1]: 'x' already has a condition (k == \"a\"); combine both with and / or");
  const json cyc = json::array({{{"type", "uniform_float"}, {"name", "a"}, {"lower", 0}, {"upper", 1}},
                                {{"type", "uniform_float"}, {"name", "b"}, {"lower", 0}, {"upper", 1}}});
  fails({{"hyperparameters", cyc},
         {"conditions",
          {{{"type", "GT"}, {"child", "a"}, {"parent", "b"}, {"value", 0.5}},
           {{"type", "GT"}, {"child", "b"}, {"parent", "a"}, {"value", 0.5}}}}},
        "conditions[1]: the conditions form a cycle among a, b");
  fails({{"hyperparameters", two}, {"forbiddens", {{{"type", "IN"}, {"name", "k"}, {"values", {"a", "b"}}}}}},
        "forbiddens[0]: the clause (k in {\"a\", \"b\"}) forbids every configuration");
  fails(
      {{"hyperparameters", two}, {"forbiddens", {{{"type", "EQUALS"}, {"name", "k"}, {"value", "a"}}}}},
      "forbiddens[0]: the clause (k == \"a\") forbids the default configuration; give the variables defaults "
      "it allows");
  fails({{"hyperparameters", two}, {"forbiddens", {{{"type", "EQUALS"}, {"name", "kk"}, {"value", "a"}}}}},
        "forbiddens[0].name: unknown hyperparameter 'kk'");
  fails(
      {{"hyperparameters", two},
       {"forbiddens", {{{"type", "AND"}, {"clauses", {{{"type", "EQUALS"}, {"name", "k"}, {"value", 3}}}}}}}},
      "forbiddens[0].clauses[0].value: 3 is not a choice of 'k' (choices: [\"a\",\"b\"])");
  fails({{"hyperparameters", two},
         {"forbiddens", {{{"type", "RELATION"}, {"left", "x"}, {"right", "k"}, {"lambda", "SIMILAR"}}}}},
        "forbiddens[0].lambda: unknown relation 'SIMILAR' (valid: LT, EQ, GT)");
  fails_matching({{"hyperparameters", two}, {"forbiddens", {{{"type", "NAND"}}}}},
                 Catch::Contains("forbiddens[0].type: unknown forbidden type 'NAND'"));
  fails({{"hyperparameters", 3}}, "hyperparameters: must be an array");
}

TEST_CASE("space files: unreadable and malformed files") {
  CHECK_THROWS_WITH(read_search_space_file("/nonexistent/space.json"),
                    "/nonexistent/space.json: cannot read the file");
  const fs::path dir = fs::temp_directory_path() / ("paretokit_space_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "broken.json") << "{\n  \"variables\": [\n    {\"name\": \"x\",, }\n";
  CHECK_THROWS_WITH(read_search_space_file((dir / "broken.json").string()),
                    (dir / "broken.json").string() + ":3: not valid JSON");
  const std::string ours = write_space({{"variables", {{{"name", "x"}, {"type", "real"}, {"lower", 1}}}}});
  CHECK_THROWS_WITH(read_search_space_file(ours), ours + ": variables[0].upper: missing field");
}
