// The validating reader of scenario.hpp: every field is checked for presence,
// type and range, unknown fields are rejected (a typo must not silently fall
// back to a default), and each error names the file and the JSON path.
#include "offloading/scenario.hpp"

#include <cmath>
#include <fstream>
#include <set>

#include "paretokit/core/error.hpp"

namespace paretokit::offloading {

namespace {

using nlohmann::json;

// One JSON object being read: remembers its path and the keys it used.
class ObjectReader {
 public:
  ObjectReader(const json& object, std::string path, const std::string& file)
      : object_(object), path_(std::move(path)), file_(file) {
    if (!object_.is_object()) fail(path_, "must be an object");
  }

  [[noreturn]] void fail(const std::string& field, const std::string& reason) const {
    throw InputError(reason, Location(file_, 0, field.empty() ? "(top level)" : field));
  }
  std::string field(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  bool has(const std::string& key) const { return object_.contains(key); }

  const json& at(const std::string& key) {
    used_.insert(key);
    if (!object_.contains(key)) fail(field(key), "missing");
    return object_.at(key);
  }

  // A number; `positive`: > 0, else any finite value (use the checks below).
  double number(const std::string& key) {
    const json& value = at(key);
    if (!value.is_number()) fail(field(key), "must be a number");
    const double x = value.get<double>();
    if (!std::isfinite(x)) fail(field(key), "must be finite");
    return x;
  }
  double positive(const std::string& key) {
    const double x = number(key);
    if (!(x > 0)) fail(field(key), "must be > 0");
    return x;
  }
  double non_negative(const std::string& key) {
    const double x = number(key);
    if (x < 0) fail(field(key), "must be >= 0");
    return x;
  }
  int positive_integer(const std::string& key) {
    const json& value = at(key);
    if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > 1000000) {
      fail(field(key), "must be an integer in [1, 1000000]");
    }
    return value.get<int>();
  }
  bool boolean(const std::string& key) {
    const json& value = at(key);
    if (!value.is_boolean()) fail(field(key), "must be true or false");
    return value.get<bool>();
  }
  std::string choice(const std::string& key, const std::set<std::string>& choices) {
    const json& value = at(key);
    std::string list;
    for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
    if (!value.is_string() || !choices.count(value.get<std::string>()))
      fail(field(key), "must be one of " + list);
    return value.get<std::string>();
  }
  ObjectReader object(const std::string& key) { return ObjectReader(at(key), field(key), file_); }

  // Rejects keys nobody asked for.
  void finish() const {
    for (const auto& item : object_.items()) {
      if (!used_.count(item.key())) fail(field(item.key()), "unknown field");
    }
  }

  const std::string& file() const { return file_; }

 private:
  const json& object_;
  std::string path_;
  const std::string& file_;
  std::set<std::string> used_;
};

Processor read_processor(ObjectReader reader) {
  Processor p;
  p.cpu_hz = reader.positive("cpu_hz");
  p.cycles_per_bit = reader.positive("cycles_per_bit");
  p.kappa = reader.non_negative("kappa");
  reader.finish();
  return p;
}

Link read_link(ObjectReader reader) {
  Link link;
  link.bandwidth_hz = reader.positive("bandwidth_hz");
  link.transmit_power_w = reader.positive("transmit_power_w");
  const json& range = reader.at("distance_m");
  const std::string field = reader.field("distance_m");
  if (!range.is_array() || range.size() != 2 || !range[0].is_number() || !range[1].is_number()) {
    reader.fail(field, "must be [min, max] in metres");
  }
  link.distance_min_m = range[0].get<double>();
  link.distance_max_m = range[1].get<double>();
  if (!(link.distance_min_m > 0) || !(link.distance_max_m >= link.distance_min_m) ||
      !std::isfinite(link.distance_max_m)) {
    reader.fail(field, "must be [min, max] with 0 < min <= max");
  }
  reader.finish();
  return link;
}

Radio read_radio(ObjectReader reader) {
  Radio radio;
  radio.edge = read_link(reader.object("edge"));
  radio.cloud = read_link(reader.object("cloud"));
  radio.noise_density_dbm_per_hz = reader.number("noise_density_dbm_per_hz");
  {
    ObjectReader path_loss = reader.object("path_loss");
    radio.path_loss_db_at_1km = path_loss.number("db_at_1km");
    radio.path_loss_db_per_decade = path_loss.non_negative("db_per_decade");
    path_loss.finish();
  }
  {
    ObjectReader shadowing = reader.object("shadowing");
    radio.shadowing_mean_db = shadowing.number("mean_db");
    radio.shadowing_std_db = shadowing.non_negative("std_db");
    shadowing.finish();
  }
  radio.rayleigh_fading = reader.boolean("rayleigh_fading");
  radio.fading_redraw = reader.choice("fading_redraw", {"episode", "task"}) == "task" ? FadingRedraw::task
                                                                                      : FadingRedraw::episode;
  radio.rate_formula = reader.choice("rate_formula", {"shannon", "original"}) == "original"
                           ? RateFormula::original
                           : RateFormula::shannon;
  reader.finish();
  return radio;
}

}  // namespace

Scenario scenario_from_json(const json& document, const std::string& file) {
  ObjectReader top(document, "", file);
  Scenario s;
  const json& name = top.at("name");
  if (!name.is_string() || name.get<std::string>().empty()) top.fail("name", "must be a non-empty string");
  s.name = name.get<std::string>();
  if (top.has("notes")) top.at("notes");
  if (top.has("source")) top.at("source");
  {
    ObjectReader time = top.object("time");
    s.step_s = time.positive("step_s");
    s.steps = time.positive_integer("steps");
    time.finish();
  }
  {
    ObjectReader users = top.object("users");
    s.users = users.positive_integer("count");
    s.arrival_rate_per_s = users.positive("arrival_rate_per_s");
    s.local.cpu_hz = users.positive("cpu_hz");
    s.local.cycles_per_bit = users.positive("cycles_per_bit");
    s.local.kappa = users.non_negative("kappa");
    users.finish();
  }
  {
    ObjectReader tasks = top.object("tasks");
    s.size_mean_bits = tasks.positive("size_mean_bits");
    s.size_min_bits = tasks.positive("size_min_bits");
    s.size_max_bits = tasks.positive("size_max_bits");
    if (s.size_max_bits < s.size_min_bits)
      tasks.fail("tasks.size_max_bits", "must be >= tasks.size_min_bits");
    if (tasks.has("deadline_s")) s.deadline_s = tasks.non_negative("deadline_s");
    tasks.finish();
  }
  const json& edges = top.at("edges");
  if (!edges.is_array() || edges.empty() || edges.size() > 1000) {
    top.fail("edges", "must be an array of 1 to 1000 servers");
  }
  for (std::size_t e = 0; e < edges.size(); ++e) {
    s.edges.push_back(read_processor(ObjectReader(edges[e], "edges[" + std::to_string(e) + "]", file)));
  }
  s.cloud = read_processor(top.object("cloud"));
  s.radio = read_radio(top.object("radio"));
  if (top.has("energy")) {
    ObjectReader energy = top.object("energy");
    s.count_server_execution_energy = energy.boolean("count_server_execution");
    energy.finish();
  }
  top.finish();
  return s;
}

Scenario read_scenario(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw InputError("cannot open the scenario file", Location(path.string()));
  json document;
  try {
    document = json::parse(in);
  } catch (const json::parse_error& error) {
    throw InputError(std::string("not valid JSON: ") + error.what(), Location(path.string()));
  }
  return scenario_from_json(document, path.string());
}

json to_json(const Scenario& s) {
  const auto processor = [](const Processor& p) {
    return json{{"cpu_hz", p.cpu_hz}, {"cycles_per_bit", p.cycles_per_bit}, {"kappa", p.kappa}};
  };
  const auto link = [](const Link& l) {
    return json{{"bandwidth_hz", l.bandwidth_hz},
                {"transmit_power_w", l.transmit_power_w},
                {"distance_m", {l.distance_min_m, l.distance_max_m}}};
  };
  json edges = json::array();
  for (const auto& e : s.edges) edges.push_back(processor(e));
  const Radio& r = s.radio;
  return {
      {"name", s.name},
      {"time", {{"step_s", s.step_s}, {"steps", s.steps}}},
      {"users",
       {{"count", s.users},
        {"arrival_rate_per_s", s.arrival_rate_per_s},
        {"cpu_hz", s.local.cpu_hz},
        {"cycles_per_bit", s.local.cycles_per_bit},
        {"kappa", s.local.kappa}}},
      {"tasks",
       {{"size_mean_bits", s.size_mean_bits},
        {"size_min_bits", s.size_min_bits},
        {"size_max_bits", s.size_max_bits},
        {"deadline_s", s.deadline_s}}},
      {"edges", edges},
      {"cloud", processor(s.cloud)},
      {"radio",
       {{"edge", link(r.edge)},
        {"cloud", link(r.cloud)},
        {"noise_density_dbm_per_hz", r.noise_density_dbm_per_hz},
        {"path_loss", {{"db_at_1km", r.path_loss_db_at_1km}, {"db_per_decade", r.path_loss_db_per_decade}}},
        {"shadowing", {{"mean_db", r.shadowing_mean_db}, {"std_db", r.shadowing_std_db}}},
        {"rayleigh_fading", r.rayleigh_fading},
        {"fading_redraw", r.fading_redraw == FadingRedraw::task ? "task" : "episode"},
        {"rate_formula", r.rate_formula == RateFormula::original ? "original" : "shannon"}}},
      {"energy", {{"count_server_execution", s.count_server_execution_energy}}}};
}

std::vector<std::string> option_names(const Scenario& scenario) {
  std::vector<std::string> names{"local"};
  for (std::size_t e = 0; e < scenario.edges.size(); ++e) names.push_back("edge" + std::to_string(e + 1));
  names.push_back("cloud");
  return names;
}

}  // namespace paretokit::offloading
