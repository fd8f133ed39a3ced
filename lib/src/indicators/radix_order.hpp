// Private: the stable ascending order of n doubles by an LSD radix sort
// (11-bit digits, six passes over (key, index) pairs), several times faster
// than a comparison sort of (value, index) pairs on large inputs.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace paretokit::detail {

// Indices 0..n-1 in ascending order of values[i], ties in index order (what
// std::stable_sort gives; -0.0 and 0.0 are equal). No NaN allowed.
inline std::vector<std::size_t> radix_order(const double* values, std::size_t n) {
  struct Item {
    std::uint64_t key;
    std::uint32_t index;
  };
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
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  for (int shift = 0; shift < 64; shift += kBits) {
    std::array<std::size_t, kBuckets> count{};
    for (const Item& item : items) ++count[(item.key >> shift) & (kBuckets - 1)];
    if (count[(items[0].key >> shift) & (kBuckets - 1)] == n) continue;  // one digit value: nothing moves
    std::size_t sum = 0;
    for (std::size_t& c : count) {
      const std::size_t here = c;
      c = sum;
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
