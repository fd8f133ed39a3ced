// Private: the stable ascending order of n doubles by an LSD radix sort
// (11-bit digits, six passes over (key, index) pairs, all histograms from
// one pass), several times faster
// than a comparison sort of (value, index) pairs on large inputs.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace paretokit::detail {

// Indices 0..n-1 in ascending order of values[i], ties in index order (what
// std::stable_sort gives; -0.0 and 0.0 are equal). No NaN; n < 2^32.
inline std::vector<std::size_t> radix_order(const double* values, std::size_t n) {
  struct Item {
    std::uint64_t key;
    std::uint32_t index;
  };
  if (n == 0) return {};
  std::vector<Item> items(n), scratch(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double v = values[i] + 0.0;  // -0.0 becomes 0.0
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    // Order-preserving map of doubles to unsigned integers.
    bits = (bits >> 63) ? ~bits : bits | (std::uint64_t{1} << 63);
    items[i] = {bits, static_cast<std::uint32_t>(i)};
  }
  constexpr int kBits = 11;
  constexpr int kPasses = (64 + kBits - 1) / kBits;
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  // Every digit's histogram in one pass.
  std::vector<std::uint32_t> counts(kPasses * kBuckets, 0);
  for (const Item& item : items)
    for (int pass = 0; pass < kPasses; ++pass)
      ++counts[pass * kBuckets + ((item.key >> (pass * kBits)) & (kBuckets - 1))];
  for (int pass = 0; pass < kPasses; ++pass) {
    std::uint32_t* count = counts.data() + pass * kBuckets;
    const int shift = pass * kBits;
    if (count[(items[0].key >> shift) & (kBuckets - 1)] == n) continue;  // one digit value: nothing moves
    std::uint32_t sum = 0;
    for (std::size_t b = 0; b < kBuckets; ++b) {
      const std::uint32_t here = count[b];
      count[b] = sum;
      sum += here;
    }
    for (const Item& item : items) scratch[count[(item.key >> shift) & (kBuckets - 1)]++] = item;
    items.swap(scratch);
  }
  std::vector<std::size_t> order(n);
  for (std::size_t k = 0; k < n; ++k) order[k] = items[k].index;
  return order;
}

}  // namespace paretokit::detail
