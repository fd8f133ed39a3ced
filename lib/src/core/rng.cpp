#include "paretokit/core/rng.hpp"

#include <cmath>
#include <numbers>

namespace paretokit {

namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

Rng::Rng(std::uint64_t seed) {
  for (auto& word : state_) word = splitmix64(seed);
}

Rng Rng::stream(std::uint64_t seed, std::uint64_t stream_id) {
  std::uint64_t mix = seed;
  const std::uint64_t a = splitmix64(mix);
  mix = stream_id ^ 0x5851f42d4c957f2dULL;
  const std::uint64_t b = splitmix64(mix);
  return Rng(a ^ rotl(b, 17));
}

Rng Rng::split() { return Rng(next()); }

double Rng::normal() {
  // 1 - uniform() lies in (0, 1], so the logarithm is finite.
  const double u = 1.0 - uniform();
  const double v = uniform();
  return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
}

}  // namespace paretokit
