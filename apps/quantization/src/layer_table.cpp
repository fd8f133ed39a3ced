// Reading and validating layer tables (layer_table.hpp).
#include "paretokit/quantization/layer_table.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "paretokit/core/error.hpp"

namespace paretokit::quantization {

Index LayerTable::index_of(const std::string& name) const {
  for (std::size_t i = 0; i < layers.size(); ++i) {
    if (layers[i].name == name) return static_cast<Index>(i);
  }
  return -1;
}

namespace {

constexpr int kMaxBits = 32;

class TableReader {
 public:
  explicit TableReader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& field, const std::string& reason) const {
    throw InputError(reason, Location(file_, 0, field));
  }

  const nlohmann::json& required(const nlohmann::json& object, const std::string& key,
                                 const std::string& path) const {
    const auto found = object.find(key);
    if (found == object.end()) fail(path + key, "missing field");
    return *found;
  }

  // A positive whole number (written as an integer or as a whole float).
  std::int64_t positive_count(const nlohmann::json& value, const std::string& field) const {
    if (!value.is_number()) fail(field, "must be a number, not " + std::string(value.type_name()));
    const double number = value.get<double>();
    if (!std::isfinite(number) || number <= 0) fail(field, "must be positive (got " + value.dump() + ")");
    if (number != std::floor(number) || number > 9.0e15)
      fail(field, "must be a whole number (got " + value.dump() + ")");
    return value.is_number_integer() ? value.get<std::int64_t>() : static_cast<std::int64_t>(number);
  }

  double non_negative(const nlohmann::json& value, const std::string& field) const {
    if (!value.is_number()) fail(field, "must be a number, not " + std::string(value.type_name()));
    const double number = value.get<double>();
    if (!std::isfinite(number) || number < 0)
      fail(field, "must be a finite number >= 0 (got " + value.dump() + ")");
    return number;
  }

  int bit_width(const std::string& text, const std::string& field) const {
    int bits = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), bits);
    if (error != std::errc() || end != text.data() + text.size() || bits < 1 || bits > kMaxBits) {
      fail(field, "'" + text + "' is not a bit-width (a whole number from 1 to 32)");
    }
    return bits;
  }

  // {"4": x, "8": y} -> {4: x, 8: y}
  std::map<int, double> per_bit_width(const nlohmann::json& value, const std::string& field) const {
    if (!value.is_object())
      fail(field, "must be an object of bit-width -> number, e.g. {\"4\": 1.5, \"8\": 0.1}");
    std::map<int, double> result;
    for (const auto& [key, entry] : value.items()) {
      const int bits = bit_width(key, field + "." + key);
      if (!result.emplace(bits, non_negative(entry, field + "." + key)).second) {
        fail(field + "." + key, "bit-width " + std::to_string(bits) + " given twice");
      }
    }
    return result;
  }

  Layer layer(const nlohmann::json& value, const std::string& path) const {
    if (!value.is_object()) fail(path, "must be an object");
    Layer layer;
    const auto& name = required(value, "name", path + ".");
    if (!name.is_string() || name.get<std::string>().empty())
      fail(path + ".name", "must be a non-empty string");
    layer.name = name.get<std::string>();
    layer.weights = positive_count(required(value, "weights", path + "."), path + ".weights");
    layer.macs = positive_count(required(value, "macs", path + "."), path + ".macs");
    if (const auto fixed = value.find("fixed_bits"); fixed != value.end()) {
      if (!fixed->is_number_integer() || fixed->get<int>() < 1 || fixed->get<int>() > kMaxBits) {
        fail(path + ".fixed_bits", "must be a whole number from 1 to 32 (got " + fixed->dump() + ")");
      }
      layer.fixed_bits = fixed->get<int>();
    }
    if (const auto trace = value.find("hessian_trace_per_weight"); trace != value.end()) {
      layer.hessian_trace_per_weight = non_negative(*trace, path + ".hessian_trace_per_weight");
    }
    if (const auto found = value.find("perturbation"); found != value.end()) {
      layer.perturbation = per_bit_width(*found, path + ".perturbation");
    }
    if (const auto found = value.find("latency"); found != value.end()) {
      layer.latency = per_bit_width(*found, path + ".latency");
    }
    static const std::set<std::string> known = {
        "name", "weights", "macs", "fixed_bits", "hessian_trace_per_weight", "perturbation", "latency"};
    for (const auto& item : value.items()) {
      if (!known.count(item.key())) {
        fail(path + "." + item.key(),
             "unknown field (known: name, weights, macs, fixed_bits, "
             "hessian_trace_per_weight, perturbation, latency)");
      }
    }
    return layer;
  }

  std::vector<std::vector<Index>> tie_groups(const nlohmann::json& value, const LayerTable& table) const {
    if (!value.is_array()) fail("tie_groups", "must be an array of arrays of layer names");
    std::vector<std::vector<Index>> groups;
    std::map<Index, std::string> member_of;  // layer -> field of the group that took it
    for (std::size_t g = 0; g < value.size(); ++g) {
      const std::string path = "tie_groups[" + std::to_string(g) + "]";
      const auto& names = value[g];
      if (!names.is_array() || names.size() < 2) fail(path, "must be an array of at least two layer names");
      std::vector<Index> group;
      for (std::size_t k = 0; k < names.size(); ++k) {
        const std::string field = path + "[" + std::to_string(k) + "]";
        if (!names[k].is_string()) fail(field, "must be a layer name (a string)");
        const Index layer = table.index_of(names[k].get<std::string>());
        if (layer < 0) fail(field, "unknown layer '" + names[k].get<std::string>() + "'");
        if (table.layers[static_cast<std::size_t>(layer)].fixed_bits) {
          fail(field, "layer '" + names[k].get<std::string>() + "' has fixed_bits and is not searched");
        }
        if (const auto [it, fresh] = member_of.emplace(layer, field); !fresh) {
          fail(field, "layer '" + names[k].get<std::string>() + "' is already tied at " + it->second);
        }
        group.push_back(layer);
      }
      groups.push_back(std::move(group));
    }
    return groups;
  }

 private:
  std::string file_;
};

}  // namespace

LayerTable parse_layer_table(const nlohmann::json& json, const std::string& file) {
  const TableReader reader(file);
  if (!json.is_object()) reader.fail("", "a layer table must be a JSON object with \"layers\"");
  LayerTable table;
  table.file = file;
  if (const auto model = json.find("model"); model != json.end()) {
    if (!model->is_string()) reader.fail("model", "must be a string");
    table.model = model->get<std::string>();
  }
  const auto& layers = reader.required(json, "layers", "");
  if (!layers.is_array() || layers.empty()) reader.fail("layers", "must be a non-empty array of layers");
  std::set<std::string> names;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const std::string path = "layers[" + std::to_string(i) + "]";
    Layer layer = reader.layer(layers[i], path);
    if (!names.insert(layer.name).second)
      reader.fail(path + ".name", "layer '" + layer.name + "' appears twice");
    table.layers.push_back(std::move(layer));
  }
  if (const auto ties = json.find("tie_groups"); ties != json.end())
    table.tie_groups = reader.tie_groups(*ties, table);
  bool any_searched = false;
  for (const auto& layer : table.layers) any_searched = any_searched || !layer.fixed_bits;
  if (!any_searched) reader.fail("layers", "every layer has fixed_bits: nothing to search");
  return table;
}

LayerTable read_layer_table(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw InputError("cannot open the layer table", Location(path.string()));
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& error) {
    throw InputError(std::string("not valid JSON: ") + error.what(), Location(path.string()));
  }
  return parse_layer_table(json, path.string());
}

nlohmann::json to_json(const LayerTable& table) {
  auto per_bits = [](const std::map<int, double>& values) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [bits, value] : values) object[std::to_string(bits)] = value;
    return object;
  };
  nlohmann::json layers = nlohmann::json::array();
  for (const auto& layer : table.layers) {
    nlohmann::json entry = {{"name", layer.name}, {"weights", layer.weights}, {"macs", layer.macs}};
    if (layer.fixed_bits) entry["fixed_bits"] = *layer.fixed_bits;
    if (layer.hessian_trace_per_weight) entry["hessian_trace_per_weight"] = *layer.hessian_trace_per_weight;
    if (!layer.perturbation.empty()) entry["perturbation"] = per_bits(layer.perturbation);
    if (!layer.latency.empty()) entry["latency"] = per_bits(layer.latency);
    layers.push_back(std::move(entry));
  }
  nlohmann::json ties = nlohmann::json::array();
  for (const auto& group : table.tie_groups) {
    nlohmann::json names = nlohmann::json::array();
    for (const Index i : group) names.push_back(table.layers[static_cast<std::size_t>(i)].name);
    ties.push_back(std::move(names));
  }
  return {{"model", table.model}, {"layers", std::move(layers)}, {"tie_groups", std::move(ties)}};
}

}  // namespace paretokit::quantization
