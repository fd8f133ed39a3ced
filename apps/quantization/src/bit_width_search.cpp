// Per-layer costs of a bit-width configuration (bit_width_search.hpp).
#include "paretokit/quantization/bit_width_search.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "paretokit/core/error.hpp"

namespace paretokit::quantization {

const char* to_string(Measure measure) {
  switch (measure) {
    case Measure::omega:
      return "omega";
    case Measure::size:
      return "size";
    case Measure::bops:
      return "bops";
    case Measure::latency:
      return "latency";
  }
  return "?";
}

const char* unit_of(Measure measure) {
  switch (measure) {
    case Measure::size:
      return "MB";
    case Measure::bops:
      return "GBOPs";
    default:
      return "";
  }
}

double report_scale(Measure measure) {
  switch (measure) {
    case Measure::size:
      return 8.0 * 1024.0 * 1024.0;  // bits -> MB of 2^20 bytes
    case Measure::bops:
      return 1e9;
    default:
      return 1.0;
  }
}

Measure parse_measure(const std::string& text, const std::string& field) {
  for (const Measure measure : {Measure::omega, Measure::size, Measure::bops, Measure::latency}) {
    if (text == to_string(measure)) return measure;
  }
  throw InputError("unknown objective '" + text + "' (known: omega, size, bops, latency)",
                   Location::of_field(field));
}

std::vector<Measure> parse_measures(const std::string& text, const std::string& field) {
  std::vector<Measure> measures;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    const Measure measure = parse_measure(item, field);
    if (std::find(measures.begin(), measures.end(), measure) != measures.end()) {
      throw InputError("'" + item + "' given twice", Location::of_field(field));
    }
    measures.push_back(measure);
  }
  if (measures.empty())
    throw InputError("needs at least one of omega, size, bops, latency", Location::of_field(field));
  return measures;
}

namespace {

std::string layer_field(Index i, const char* name) { return "layers[" + std::to_string(i) + "]." + name; }

// Why layer i cannot give `measure` at these bits, or "" when it can.
std::string missing_data(const Layer& layer, Index i, const std::vector<int>& bits, Measure measure,
                         std::string* field) {
  if (measure == Measure::omega) {
    if (!layer.hessian_trace_per_weight) {
      *field = layer_field(i, "hessian_trace_per_weight");
      return "missing field (the omega objective needs it for every searched layer)";
    }
    for (const int b : bits) {
      if (!layer.perturbation.count(b)) {
        *field = layer_field(i, "perturbation");
        return "no entry for " + std::to_string(b) + " bits (the bit-widths searched need one each)";
      }
    }
  } else if (measure == Measure::latency) {
    for (const int b : bits) {
      if (!layer.latency.count(b)) {
        *field = layer_field(i, "latency");
        return "no entry for " + std::to_string(b) + " bits (the latency objective needs one per bit-width)";
      }
    }
  }
  return {};
}

}  // namespace

BitWidthSearch::BitWidthSearch(LayerTable table, std::vector<int> bits, const std::vector<Measure>& needed)
    : table_(std::move(table)), bits_(std::move(bits)) {
  std::sort(bits_.begin(), bits_.end());
  if (bits_.empty()) throw InputError("needs at least one bit-width", Location::of_field("--bits"));
  if (std::adjacent_find(bits_.begin(), bits_.end()) != bits_.end()) {
    throw InputError("a bit-width is given twice", Location::of_field("--bits"));
  }
  if (bits_.front() < 1 || bits_.back() > 32) {
    throw InputError("bit-widths must be whole numbers from 1 to 32", Location::of_field("--bits"));
  }

  // Groups: the tie groups, then every other searched layer alone, ordered by
  // their first layer so that decisions follow the network.
  std::vector<Index> group_of(table_.layers.size(), -1);
  for (const auto& group : table_.tie_groups) {
    for (const Index layer : group)
      group_of[static_cast<std::size_t>(layer)] = static_cast<Index>(groups_.size());
    groups_.push_back(group);
  }
  for (Index i = 0; i < static_cast<Index>(table_.layers.size()); ++i) {
    if (table_.layers[static_cast<std::size_t>(i)].fixed_bits) continue;
    searched_.push_back(i);
    if (group_of[static_cast<std::size_t>(i)] < 0) groups_.push_back({i});
  }
  for (auto& group : groups_) std::sort(group.begin(), group.end());
  std::sort(groups_.begin(), groups_.end(),
            [](const auto& a, const auto& b) { return a.front() < b.front(); });

  for (int m = 0; m < kMeasureCount; ++m) {
    const auto measure = static_cast<Measure>(m);
    const bool is_needed = std::find(needed.begin(), needed.end(), measure) != needed.end();
    available_[m] = true;
    for (const Index i : searched_) {
      std::string field;
      const std::string why =
          missing_data(table_.layers[static_cast<std::size_t>(i)], i, bits_, measure, &field);
      if (why.empty()) continue;
      if (is_needed) throw InputError(why, Location(table_.file, 0, field));
      available_[m] = false;
      break;
    }
    costs_[m].assign(groups_.size() * bits_.size(), std::numeric_limits<double>::quiet_NaN());
    if (!available_[m]) continue;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      for (std::size_t c = 0; c < bits_.size(); ++c) {
        double sum = 0;
        for (const Index i : groups_[g])
          sum += layer_cost(table_.layers[static_cast<std::size_t>(i)], bits_[c], measure);
        costs_[m][g * bits_.size() + c] = sum;
      }
    }
    for (const auto& layer : table_.layers) {
      if (!layer.fixed_bits) continue;
      if (measure == Measure::latency && !layer.latency.count(*layer.fixed_bits)) continue;
      if (measure != Measure::omega) fixed_[m] += layer_cost(layer, *layer.fixed_bits, measure);
    }
  }
}

double BitWidthSearch::layer_cost(const Layer& layer, int bits, Measure measure) const {
  switch (measure) {
    case Measure::omega:
      return *layer.hessian_trace_per_weight * layer.perturbation.at(bits);
    case Measure::size:
      return static_cast<double>(layer.weights) * bits;
    case Measure::bops:
      return static_cast<double>(layer.macs) * bits * bits;
    case Measure::latency:
      return layer.latency.at(bits);
  }
  return 0;
}

std::string BitWidthSearch::group_name(Index g) const {
  const auto& group = group_layers(g);
  std::string name = table_.layers[static_cast<std::size_t>(group.front())].name;
  if (group.size() > 1) {
    name += '+';  // appended: "+" + std::string draws a false -Wrestrict from GCC 12
    name += std::to_string(group.size() - 1);
  }
  return name;
}

double BitWidthSearch::total(const std::vector<int>& choice, Measure measure) const {
  double sum = fixed_cost(measure);
  for (Index g = 0; g < n_groups(); ++g) sum += cost(g, choice[static_cast<std::size_t>(g)], measure);
  return sum;
}

double BitWidthSearch::uniform_total(int bits, Measure measure) const {
  double sum = fixed_cost(measure);
  for (const Index i : searched_) {
    std::string field;
    const std::string why =
        missing_data(table_.layers[static_cast<std::size_t>(i)], i, {bits}, measure, &field);
    if (!why.empty()) throw InputError(why, Location(table_.file, 0, field));
    sum += layer_cost(table_.layers[static_cast<std::size_t>(i)], bits, measure);
  }
  return sum;
}

int BitWidthSearch::choice_of(int bits) const {
  const auto found = std::find(bits_.begin(), bits_.end(), bits);
  return found == bits_.end() ? -1 : static_cast<int>(found - bits_.begin());
}

std::vector<int> BitWidthSearch::searched_layer_bits(const std::vector<int>& choice) const {
  std::vector<int> layer_bits(table_.layers.size(), 0);
  for (Index g = 0; g < n_groups(); ++g) {
    for (const Index i : group_layers(g))
      layer_bits[static_cast<std::size_t>(i)] =
          bits_[static_cast<std::size_t>(choice[static_cast<std::size_t>(g)])];
  }
  std::vector<int> result;
  for (const Index i : searched_) result.push_back(layer_bits[static_cast<std::size_t>(i)]);
  return result;
}

std::vector<int> BitWidthSearch::choice_from_searched_layer_bits(const std::vector<int>& layer_bits) const {
  if (layer_bits.size() != searched_.size()) {
    throw InputError("a configuration needs " + std::to_string(searched_.size()) +
                     " bit-widths (one per searched layer), not " + std::to_string(layer_bits.size()));
  }
  std::vector<int> by_layer(table_.layers.size(), 0);
  for (std::size_t k = 0; k < searched_.size(); ++k)
    by_layer[static_cast<std::size_t>(searched_[k])] = layer_bits[k];
  std::vector<int> choice;
  for (Index g = 0; g < n_groups(); ++g) {
    const int bits = by_layer[static_cast<std::size_t>(group_layers(g).front())];
    for (const Index i : group_layers(g)) {
      if (by_layer[static_cast<std::size_t>(i)] != bits) {
        throw InputError("layers '" + table_.layers[static_cast<std::size_t>(group_layers(g).front())].name +
                         "' and '" + table_.layers[static_cast<std::size_t>(i)].name +
                         "' are tied but have different bit-widths");
      }
    }
    const int c = choice_of(bits);
    if (c < 0) throw InputError(std::to_string(bits) + " bits is not among the bit-widths searched");
    choice.push_back(c);
  }
  return choice;
}

std::vector<std::string> BitWidthSearch::searched_layer_names() const {
  std::vector<std::string> names;
  for (const Index i : searched_) names.push_back(table_.layers[static_cast<std::size_t>(i)].name);
  return names;
}

}  // namespace paretokit::quantization
