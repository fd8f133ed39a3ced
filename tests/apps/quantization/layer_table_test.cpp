// Layer tables: what is read, and every kind of bad table rejected with the
// file, the field and the reason.
#include <catch2/catch.hpp>

#include <fstream>

#include "io/temp_dir.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/quantization/bit_width_search.hpp"
#include "paretokit/quantization/builtin_tables.hpp"
#include "paretokit/quantization/layer_table.hpp"

using namespace paretokit;
using namespace paretokit::quantization;
using nlohmann::json;

namespace {

json small_table() {
  return json::parse(R"({
    "model": "toy",
    "layers": [
      {"name": "conv1", "weights": 100, "macs": 1000, "fixed_bits": 8},
      {"name": "a", "weights": 10, "macs": 200, "hessian_trace_per_weight": 0.5,
       "perturbation": {"4": 2.0, "8": 0.1}, "latency": {"4": 1.0, "8": 2.0}},
      {"name": "b", "weights": 20, "macs": 300, "hessian_trace_per_weight": 0.25,
       "perturbation": {"4": 3.0, "8": 0.2}, "latency": {"4": 1.5, "8": 2.5}},
      {"name": "c", "weights": 30, "macs": 400, "hessian_trace_per_weight": 0.125,
       "perturbation": {"2": 9.0, "4": 4.0, "8": 0.3}}],
    "tie_groups": [["a", "c"]]})");
}

// The message of the InputError that parsing (and, with bits, setting up
// the search) throws, or "" when nothing is thrown.
std::string error_of(const json& table, std::vector<int> bits = {4, 8},
                     std::vector<Measure> needed = {Measure::omega}) {
  try {
    BitWidthSearch search(parse_layer_table(table, "t.json"), std::move(bits), needed);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("layer table: a valid table is read with its fixed layers, data and tie groups") {
  const LayerTable table = parse_layer_table(small_table(), "t.json");
  REQUIRE(table.layers.size() == 4);
  CHECK(table.model == "toy");
  CHECK(table.layers[0].fixed_bits == 8);
  CHECK(table.layers[1].perturbation.at(4) == 2.0);
  CHECK(table.layers[3].perturbation.at(2) == 9.0);
  REQUIRE(table.tie_groups.size() == 1);
  CHECK(table.tie_groups[0] == std::vector<Index>{1, 3});
  // Round trip.
  const LayerTable again = parse_layer_table(to_json(table), "again.json");
  CHECK(to_json(again) == to_json(table));
}

TEST_CASE("layer table: missing fields are named with their JSON path") {
  json table = small_table();
  table["layers"][2].erase("macs");
  CHECK(error_of(table) == "t.json: layers[2].macs: missing field");
  table = small_table();
  table["layers"][1].erase("name");
  CHECK(error_of(table) == "t.json: layers[1].name: missing field");
  table = small_table();
  table.erase("layers");
  CHECK(error_of(table) == "t.json: layers: missing field");
  table = small_table();
  table["layers"][2].erase("hessian_trace_per_weight");
  CHECK(error_of(table) ==
        "t.json: layers[2].hessian_trace_per_weight: missing field (the omega objective needs it for every "
        "searched "
        "layer)");
  // Without omega among the objectives the trace is not needed.
  CHECK(error_of(table, {4, 8}, {Measure::size, Measure::bops}).empty());
}

TEST_CASE("layer table: weights and MACs must be positive whole numbers") {
  for (const auto& [field, value] : std::vector<std::pair<std::string, json>>{
           {"weights", 0}, {"weights", -5}, {"macs", 0}, {"macs", -1.5}}) {
    json table = small_table();
    table["layers"][1][field] = value;
    CHECK(error_of(table) == "t.json: layers[1]." + field + ": must be positive (got " + value.dump() + ")");
  }
  json table = small_table();
  table["layers"][1]["weights"] = 2.5;
  CHECK(error_of(table) == "t.json: layers[1].weights: must be a whole number (got 2.5)");
  table["layers"][1]["weights"] = "ten";
  CHECK(error_of(table) == "t.json: layers[1].weights: must be a number, not string");
}

TEST_CASE("layer table: tie groups must name known, searched layers once") {
  json table = small_table();
  table["tie_groups"] = json::parse(R"([["a", "nope"]])");
  CHECK(error_of(table) == "t.json: tie_groups[0][1]: unknown layer 'nope'");
  table["tie_groups"] = json::parse(R"([["a", "conv1"]])");
  CHECK(error_of(table) == "t.json: tie_groups[0][1]: layer 'conv1' has fixed_bits and is not searched");
  table["tie_groups"] = json::parse(R"([["a", "b"], ["c", "a"]])");
  CHECK(error_of(table) == "t.json: tie_groups[1][1]: layer 'a' is already tied at tie_groups[0][0]");
  table["tie_groups"] = json::parse(R"([["a"]])");
  CHECK(error_of(table) == "t.json: tie_groups[0]: must be an array of at least two layer names");
}

TEST_CASE("layer table: a bit-width searched without perturbation (or latency) data is rejected") {
  CHECK(error_of(small_table(), {2, 4, 8}) ==
        "t.json: layers[1].perturbation: no entry for 2 bits (the bit-widths searched need one each)");
  CHECK(error_of(small_table(), {4, 8}, {Measure::latency}) ==
        "t.json: layers[3].latency: no entry for 4 bits (the latency objective needs one per bit-width)");
  json table = small_table();
  table["layers"][1]["perturbation"] = json::parse(R"({"four": 1})");
  CHECK(error_of(table) ==
        "t.json: layers[1].perturbation.four: 'four' is not a bit-width (a whole number from 1 to 32)");
  table["layers"][1]["perturbation"] = json::parse(R"({"4": -1, "8": 0})");
  CHECK(error_of(table) == "t.json: layers[1].perturbation.4: must be a finite number >= 0 (got -1)");
}

TEST_CASE("layer table: other malformed tables") {
  json table = small_table();
  table["layers"][2]["name"] = "a";
  CHECK(error_of(table) == "t.json: layers[2].name: layer 'a' appears twice");
  table = small_table();
  table["layers"][1]["bits"] = 4;
  CHECK(error_of(table).rfind("t.json: layers[1].bits: unknown field", 0) == 0);
  table = small_table();
  table["layers"] = json::array();
  CHECK(error_of(table) == "t.json: layers: must be a non-empty array of layers");
  CHECK(error_of(json::array()) == "t.json: a layer table must be a JSON object with \"layers\"");

  test::TempDir dir("layer-table");
  std::ofstream(dir / "broken.json") << "{\"layers\": [";
  CHECK_THROWS_WITH(read_layer_table(dir / "broken.json"),
                    Catch::StartsWith((dir / "broken.json").string() + ": not valid JSON"));
  CHECK_THROWS_WITH(read_layer_table(dir / "missing.json"),
                    (dir / "missing.json").string() + ": cannot open the layer table");
}

TEST_CASE("layer table: the search groups tied layers and sums raw measures") {
  const BitWidthSearch search(parse_layer_table(small_table(), "t.json"), {8, 4}, {Measure::omega});
  CHECK(search.bits() == std::vector<int>{4, 8});
  REQUIRE(search.n_groups() == 2);  // {a, c} and {b}
  CHECK(search.group_name(0) == "a+1");
  CHECK(search.group_name(1) == "b");
  CHECK(search.has(Measure::omega));
  CHECK_FALSE(search.has(Measure::latency));  // c has no latency
  // a, c at 8 bits; b at 4 bits.
  const std::vector<int> choice = {1, 0};
  CHECK(search.total(choice, Measure::omega) == Approx(0.5 * 0.1 + 0.25 * 3.0 + 0.125 * 0.3));
  CHECK(search.total(choice, Measure::size) == 100 * 8 + 10 * 8 + 20 * 4 + 30 * 8);
  CHECK(search.total(choice, Measure::bops) == 1000 * 64 + 200 * 64 + 300 * 16 + 400 * 64);
  CHECK(search.searched_layer_bits(choice) == std::vector<int>{8, 4, 8});
  CHECK(search.choice_from_searched_layer_bits({8, 4, 8}) == choice);
  CHECK_THROWS_WITH(search.choice_from_searched_layer_bits({8, 4, 4}),
                    "layers 'a' and 'c' are tied but have different bit-widths");
}

TEST_CASE("layer table: the shipped tables are valid") {
  for (const std::string& model : builtin_model_names()) {
    const LayerTable table = builtin_layer_table(model);
    CHECK(table.model == model);
    CHECK_FALSE(table.layers.empty());
  }
  CHECK_THROWS_WITH(builtin_layer_table("vgg"), Catch::StartsWith("--model: unknown model 'vgg'"));
}
