// The bit-width search over a layer table: one decision per tie group (a
// searched layer outside every group is a group of its own), each choosing a
// bit-width from a set, and the measures of a configuration as sums of
// per-layer terms (HAWQ-V2, Dong et al., NeurIPS 2020; HAWQ-V3, Yao et al.,
// ICML 2021):
//
//   omega    sum_l Tr(H_l)/n_l * ||W_l - Q_b(W_l)||^2   (HAWQ-V2's sensitivity)
//   size     sum_l n_l * b_l bits, reported in MB (2^20 bytes, as HAWQ's model zoo)
//   bops     sum_l MACs_l * b_l * b_l, reported in G (1e9); a layer's input
//            activation takes the layer's weight bits, as in HAWQ's bit_config.py
//   latency  sum_l latency_l(b_l) from the table, reported in the table's unit
//
// Fixed layers (fixed_bits) add a constant to size, BOPs and latency (the
// latency only where the table gives one for their bits) and nothing to omega.
// Sums are raw (bits, bit operations): whole numbers, exact in a double, so
// budgets compare exactly; they run over the fixed part first and then the
// groups in order, the same in every caller, so equal configurations give
// equal doubles.
#pragma once

#include <string>
#include <vector>

#include "paretokit/core/matrix.hpp"
#include "paretokit/quantization/layer_table.hpp"

namespace paretokit::quantization {

enum class Measure { omega, size, bops, latency };
inline constexpr int kMeasureCount = 4;

const char* to_string(Measure measure);
// Reported unit: "", "MB", "GBOPs", "" (the table's).
const char* unit_of(Measure measure);
// Reported value = raw / scale.
double report_scale(Measure measure);
// "omega", "size", "bops", "latency"; InputError naming `field` otherwise.
Measure parse_measure(const std::string& text, const std::string& field);
// A comma-separated list without repeats.
std::vector<Measure> parse_measures(const std::string& text, const std::string& field);

class BitWidthSearch {
 public:
  // Checks that every searched layer has what `needed` asks for at every
  // bit-width of `bits` (InputError naming the table's file and field, e.g.
  // "layers[3].perturbation: no entry for 2 bits").
  BitWidthSearch(LayerTable table, std::vector<int> bits, const std::vector<Measure>& needed);

  const LayerTable& table() const { return table_; }
  const std::vector<int>& bits() const { return bits_; }  // ascending, distinct
  Index n_choices() const { return static_cast<Index>(bits_.size()); }
  Index n_groups() const { return static_cast<Index>(groups_.size()); }
  const std::vector<Index>& group_layers(Index g) const { return groups_[static_cast<std::size_t>(g)]; }
  // The first layer's name, with "+k" when k more layers share its bits.
  std::string group_name(Index g) const;
  bool has(Measure measure) const { return available_[static_cast<int>(measure)]; }

  // Raw measure of group g at choice c (bits()[c]), and of the fixed layers.
  double cost(Index g, Index c, Measure measure) const {
    return costs_[static_cast<int>(measure)][static_cast<std::size_t>(g * n_choices() + c)];
  }
  double fixed_cost(Measure measure) const { return fixed_[static_cast<int>(measure)]; }
  // Raw measure of a configuration (one choice index per group).
  double total(const std::vector<int>& choice, Measure measure) const;

  // Raw measure with every searched layer at `bits` (need not be in bits());
  // InputError when the table lacks the data.
  double uniform_total(int bits, Measure measure) const;

  // Index of `bits` in bits(), or -1.
  int choice_of(int bits) const;
  // Bits of every searched layer in table order (fixed layers left out).
  std::vector<int> searched_layer_bits(const std::vector<int>& choice) const;
  // The inverse; InputError when a tie is broken or a width is not offered.
  std::vector<int> choice_from_searched_layer_bits(const std::vector<int>& layer_bits) const;
  // Names of the searched layers, in table order.
  std::vector<std::string> searched_layer_names() const;

 private:
  double layer_cost(const Layer& layer, int bits, Measure measure) const;

  LayerTable table_;
  std::vector<int> bits_;
  std::vector<std::vector<Index>> groups_;
  std::vector<Index> searched_;  // searched layers, table order
  bool available_[kMeasureCount] = {};
  std::vector<double> costs_[kMeasureCount];
  double fixed_[kMeasureCount] = {};
};

}  // namespace paretokit::quantization
