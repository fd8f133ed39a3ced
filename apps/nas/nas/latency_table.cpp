#include "nas/latency_table.hpp"

#include <charconv>
#include <cmath>

#include "nas/proxyless_space.hpp"
#include "paretokit/core/error.hpp"
#include "paretokit/io/atomic_file.hpp"

namespace paretokit::nas {

namespace {

constexpr const char* kFormat = "paretokit-latency-table";

std::string shape_text(const std::vector<int>& shape) {
  std::string text;
  for (int d : shape) {
    if (!text.empty()) text += 'x';
    text += std::to_string(d);
  }
  return text;
}

std::vector<int> read_shape(const nlohmann::json& entry, const char* key, std::size_t dims,
                            const std::string& file, const std::string& at) {
  const std::string field = at + "." + key;
  if (!entry.contains(key)) throw InputError("missing", Location(file, 0, field));
  const auto& value = entry[key];
  if (!value.is_array() || value.size() != dims) {
    throw InputError("must be an array of " + std::to_string(dims) + " positive integers",
                     Location(file, 0, field));
  }
  std::vector<int> shape;
  for (const auto& d : value) {
    if (!d.is_number_integer() || d.get<long long>() <= 0) {
      throw InputError("must be an array of " + std::to_string(dims) + " positive integers",
                       Location(file, 0, field));
    }
    shape.push_back(d.get<int>());
  }
  return shape;
}

int read_int(const nlohmann::json& entry, const char* key, const std::string& file, const std::string& at) {
  const std::string field = at + "." + key;
  if (!entry.contains(key)) throw InputError("missing (an mbconv entry needs it)", Location(file, 0, field));
  if (!entry[key].is_number_integer() || entry[key].get<long long>() <= 0) {
    throw InputError("must be a positive integer", Location(file, 0, field));
  }
  return entry[key].get<int>();
}

void check_milliseconds(double ms, const std::string& file, const std::string& field) {
  if (!std::isfinite(ms) || ms < 0)
    throw InputError("must be a finite number >= 0", Location(file, 0, field));
}

// "56x56x24" or "1000".
bool parse_dims(std::string_view text, std::vector<int>& dims) {
  dims.clear();
  while (true) {
    const std::size_t x = std::min(text.find('x'), text.size());
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + x, value);
    if (error != std::errc() || end != text.data() + x || value <= 0) return false;
    dims.push_back(value);
    if (x == text.size()) return true;
    text.remove_prefix(x + 1);
  }
}

// Parses one ProxylessNAS key; throws InputError at `field` saying what is wrong.
LatencyKey parse_proxyless_key(const std::string& text, const std::string& file, const std::string& field) {
  auto fail = [&](const std::string& reason) {
    throw InputError("'" + text + "': " + reason, Location(file, 0, field));
  };
  std::vector<std::string_view> parts;
  std::string_view rest = text;
  while (true) {
    const std::size_t dash = rest.find('-');
    parts.push_back(rest.substr(0, dash));
    if (dash == std::string_view::npos) break;
    rest.remove_prefix(dash + 1);
  }
  LatencyKey key;
  const std::string_view type = parts[0];
  std::size_t expected_parts = 3;
  if (type == "Conv") {
    key.op = "first_conv";
  } else if (type == "Conv_1") {
    key.op = "feature_mix";
  } else if (type == "Logits") {
    key.op = "classifier";
  } else if (type == "expanded_conv") {
    key.op = "mbconv";
    expected_parts = 7;
  } else {
    fail("unknown op type '" + std::string(type) + "' (known: Conv, expanded_conv, Conv_1, Logits)");
  }
  if (parts.size() != expected_parts)
    fail("expected " + std::to_string(expected_parts) + " '-'-separated parts");
  auto value_of = [&](std::size_t i, std::string_view name) {
    const std::string_view part = parts[i];
    if (!part.starts_with(name) || part.size() <= name.size() || part[name.size()] != ':') {
      fail("part " + std::to_string(i + 1) + " should be " + std::string(name) + ":...");
    }
    return part.substr(name.size() + 1);
  };
  if (!parse_dims(value_of(1, "input"), key.input) || key.input.size() != 3) fail("bad input shape");
  if (!parse_dims(value_of(2, "output"), key.output) ||
      key.output.size() != (key.op == "classifier" ? 1u : 3u)) {
    fail("bad output shape");
  }
  if (key.op == "mbconv") {
    std::vector<int> number;
    auto read = [&](std::size_t i, std::string_view name) {
      if (!parse_dims(value_of(i, name), number) || number.size() != 1) fail("bad " + std::string(name));
      return number[0];
    };
    key.expand = read(3, "expand");
    key.kernel = read(4, "kernel");
    key.stride = read(5, "stride");
    const std::string_view skip = value_of(6, "idskip");
    if (skip != "0" && skip != "1") fail("idskip must be 0 or 1");
    key.skip = skip == "1";
  }
  return key;
}

}  // namespace

std::string to_string(const LatencyKey& key) {
  std::string text = key.op + " " + shape_text(key.input) + " -> " + shape_text(key.output);
  if (key.op == "mbconv") {
    text += ", kernel " + std::to_string(key.kernel) + ", expand " + std::to_string(key.expand) +
            ", stride " + std::to_string(key.stride) + ", skip " + (key.skip ? "1" : "0");
  }
  return text;
}

std::vector<LatencyUnit> latency_units(const NetworkSpec& network) {
  std::vector<LatencyUnit> units;
  int size = network.resolution;
  const int first = output_size(size, 2);
  units.push_back(
      {"first_conv",
       {"first_conv", {size, size, network.input_channels}, {first, first, network.first_conv_channels}}});
  size = first;
  for (std::size_t i = 0; i < network.blocks.size(); ++i) {
    const BlockSpec& block = network.blocks[i];
    if (block.op.is_zero()) continue;
    const int out = output_size(size, block.stride);
    LatencyKey key{"mbconv",
                   {size, size, block.in_channels},
                   {out, out, block.out_channels},
                   block.op.kernel,
                   block.op.expand,
                   block.stride,
                   block.identity_shortcut};
    units.push_back({"blocks[" + std::to_string(i) + "] (" + to_notation(block.op) + ")", std::move(key)});
    size = out;
  }
  const int last = network.blocks.back().out_channels;
  units.push_back(
      {"feature_mix", {"feature_mix", {size, size, last}, {size, size, network.feature_mix_channels}}});
  units.push_back(
      {"classifier", {"classifier", {size, size, network.feature_mix_channels}, {network.classes}}});
  return units;
}

LatencyTable LatencyTable::load(const std::string& path) {
  const nlohmann::json document = read_json_file(path);
  // Ours says so in "format"; entries with an "op" field are meant to be
  // ours too (a wrong "format" is then the error to report). Anything else is
  // read as ProxylessNAS's (whose converted file has a prose "format" field).
  const bool ours =
      document.is_object() &&
      (document.value("format", nlohmann::json()) == kFormat ||
       (document.contains("entries") && document["entries"].is_array() && !document["entries"].empty() &&
        document["entries"][0].is_object() && document["entries"][0].contains("op")));
  return ours ? from_json(document, path) : from_proxyless_json(document, path);
}

LatencyTable LatencyTable::from_json(const nlohmann::json& document, const std::string& file) {
  LatencyTable table;
  table.file_ = file;
  table.format_ = kFormat;
  if (!document.is_object()) throw InputError("a latency table must be a JSON object", Location(file));
  if (document.value("format", "") != kFormat) {
    throw InputError("must be \"" + std::string(kFormat) + "\"", Location(file, 0, "format"));
  }
  if (!document.contains("version") || document["version"] != 1) {
    throw InputError("must be 1 (the only version)", Location(file, 0, "version"));
  }
  if (document.contains("unit") && document["unit"] != "ms") {
    throw InputError("must be \"ms\"", Location(file, 0, "unit"));
  }
  if (document.contains("device") && document["device"].is_string()) table.device_ = document["device"];
  if (!document.contains("entries") || !document["entries"].is_array() || document["entries"].empty()) {
    throw InputError("missing or not a non-empty array", Location(file, 0, "entries"));
  }
  const auto& entries = document["entries"];
  std::map<LatencyKey, std::size_t> first_index;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string at = "entries[" + std::to_string(i) + "]";
    const auto& entry = entries[i];
    if (!entry.is_object()) throw InputError("must be an object", Location(file, 0, at));
    if (!entry.contains("op") || !entry["op"].is_string()) {
      throw InputError("missing or not a string", Location(file, 0, at + ".op"));
    }
    LatencyKey key;
    key.op = entry["op"].get<std::string>();
    if (key.op != "first_conv" && key.op != "mbconv" && key.op != "feature_mix" && key.op != "classifier") {
      throw InputError("unknown op '" + key.op + "' (known: first_conv, mbconv, feature_mix, classifier)",
                       Location(file, 0, at + ".op"));
    }
    key.input = read_shape(entry, "input", 3, file, at);
    key.output = read_shape(entry, "output", key.op == "classifier" ? 1 : 3, file, at);
    if (key.op == "mbconv") {
      key.kernel = read_int(entry, "kernel", file, at);
      key.expand = read_int(entry, "expand", file, at);
      key.stride = read_int(entry, "stride", file, at);
      if (key.kernel % 2 == 0) throw InputError("must be odd", Location(file, 0, at + ".kernel"));
      if (key.stride > 2) throw InputError("must be 1 or 2", Location(file, 0, at + ".stride"));
      if (key.output[0] != output_size(key.input[0], key.stride) ||
          key.output[1] != output_size(key.input[1], key.stride)) {
        throw InputError(
            "the output's height and width must be the input's divided by the stride (rounded up)",
            Location(file, 0, at + ".output"));
      }
      if (!entry.contains("skip") || !entry["skip"].is_boolean()) {
        throw InputError("missing or not true/false", Location(file, 0, at + ".skip"));
      }
      key.skip = entry["skip"].get<bool>();
    } else {
      for (const char* name : {"kernel", "expand", "stride", "skip"}) {
        if (entry.contains(name)) {
          throw InputError("only mbconv entries have " + std::string(name),
                           Location(file, 0, at + "." + name));
        }
      }
    }
    if (!entry.contains("ms") || !entry["ms"].is_number()) {
      throw InputError("missing or not a number", Location(file, 0, at + ".ms"));
    }
    const double ms = entry["ms"].get<double>();
    check_milliseconds(ms, file, at + ".ms");
    const auto [it, inserted] = first_index.emplace(key, i);
    if (!inserted) {
      throw InputError(
          "the same entry as entries[" + std::to_string(it->second) + "] (" + to_string(key) + ")",
          Location(file, 0, at));
    }
    table.entries_.emplace(std::move(key), ms);
  }
  return table;
}

LatencyTable LatencyTable::from_proxyless_json(const nlohmann::json& document, const std::string& file) {
  LatencyTable table;
  table.file_ = file;
  table.format_ = "proxylessnas";
  table.device_ = "ProxylessNAS lookup table";
  auto add = [&](const std::string& key_text, double ms, const std::string& key_field,
                 const std::string& ms_field) {
    LatencyKey key = parse_proxyless_key(key_text, file, key_field);
    check_milliseconds(ms, file, ms_field);
    if (!table.entries_.emplace(std::move(key), ms).second) {
      throw InputError("duplicate key '" + key_text + "'", Location(file, 0, key_field));
    }
  };
  if (document.is_object() && document.contains("entries")) {  // data/proxylessnas/mobile_latency_lut.json
    const auto& entries = document["entries"];
    if (!entries.is_array() || entries.empty()) {
      throw InputError("must be a non-empty array", Location(file, 0, "entries"));
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::string at = "entries[" + std::to_string(i) + "]";
      const auto& entry = entries[i];
      if (!entry.is_object() || !entry.contains("key") || !entry["key"].is_string()) {
        throw InputError("missing or not a string", Location(file, 0, at + ".key"));
      }
      if (!entry.contains("mean_ms") || !entry["mean_ms"].is_number()) {
        throw InputError("missing or not a number", Location(file, 0, at + ".mean_ms"));
      }
      add(entry["key"].get<std::string>(), entry["mean_ms"].get<double>(), at + ".key", at + ".mean_ms");
    }
  } else if (document.is_object() && !document.empty()) {  // the yaml's mapping, as JSON
    for (const auto& [key_text, value] : document.items()) {
      if (!value.is_object() || !value.contains("mean") || !value["mean"].is_number()) {
        throw InputError("missing or not a number", Location(file, 0, key_text + ".mean"));
      }
      add(key_text, value["mean"].get<double>(), key_text, key_text + ".mean");
    }
  } else {
    throw InputError("not a latency table: expected {\"format\": \"" + std::string(kFormat) +
                         "\", ...}, or ProxylessNAS's {key: {\"mean\": ms}} or {\"entries\": [...]}",
                     Location(file));
  }
  return table;
}

double LatencyTable::lookup(const LatencyUnit& unit) const {
  const auto it = entries_.find(unit.key);
  if (it == entries_.end()) {
    throw InputError(
        "the table has no entry for " + to_string(unit.key) + " (a shape or op it does not cover)",
        Location(file_, 0, unit.label));
  }
  return it->second;
}

double LatencyTable::milliseconds(const NetworkSpec& network, const NetworkCosts& /*costs*/) const {
  double total = 0;
  for (const LatencyUnit& unit : latency_units(network)) total += lookup(unit);
  return total;
}

void LatencyTable::check_covers(const ProxylessSpace& space) const {
  // Each block's key depends only on its own choice (strides are fixed), so
  // trying every choice at every block covers every architecture.
  std::vector<BlockOp> ops(static_cast<std::size_t>(space.n_blocks()));
  for (Index i = 0; i < space.n_blocks(); ++i) ops[static_cast<std::size_t>(i)] = space.choices(i).front();
  for (const LatencyUnit& unit : latency_units(space.network(ops))) lookup(unit);
  for (Index i = 0; i < space.n_blocks(); ++i) {
    std::vector<BlockOp> trial = ops;
    for (const BlockOp& op : space.choices(i)) {
      trial[static_cast<std::size_t>(i)] = op;
      const NetworkSpec network = space.network(trial);
      for (const LatencyUnit& unit : latency_units(network)) {
        if (unit.label.starts_with("blocks[" + std::to_string(i + 1) + "]")) lookup(unit);
      }
    }
  }
}

nlohmann::json LatencyTable::describe() const {
  return {{"model", "lookup table"},
          {"format", format_},
          {"file", file_},
          {"device", device_},
          {"entries", entries_.size()}};
}

std::shared_ptr<const LatencyModel> load_table_latency(const std::string& table_path) {
  return std::make_shared<LatencyTable>(LatencyTable::load(table_path));
}

}  // namespace paretokit::nas
