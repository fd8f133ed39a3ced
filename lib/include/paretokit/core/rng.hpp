// Seeded random numbers: xoshiro256** (Blackman and Vigna 2018), seeded by
// splitmix64.
//
// The generator is small, fast, identical on every platform (unlike the
// standard distributions), and its whole state is four integers, so that a
// checkpoint can save and restore it exactly. Parallel code takes one stream
// per block of work with `Rng::stream(seed, block)`, so results never depend
// on the number of threads.
#pragma once

#include <array>
#include <cstdint>
#include <limits>

namespace paretokit {

class Rng {
 public:
  using result_type = std::uint64_t;
  using State = std::array<std::uint64_t, 4>;

  explicit Rng(std::uint64_t seed = 0);

  // An independent generator for (seed, stream): e.g. one per parallel block.
  static Rng stream(std::uint64_t seed, std::uint64_t stream_id);
  // A child generator drawn from this one (advances this one by one step).
  Rng split();

  // UniformRandomBitGenerator, so std::shuffle and Boost.Random accept it.
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()() { return next(); }

  // The hot members are defined inline below so that they inline at the call
  // sites (variation operators draw a few numbers per variable).
  std::uint64_t next();
  double uniform();                         // [0, 1), 53 random bits
  double uniform(double low, double high);  // [low, high)
  double normal();                          // standard normal (Box-Muller)
  std::uint64_t below(std::uint64_t n);     // uniform integer in [0, n), n > 0
  bool bernoulli(double p) { return uniform() < p; }

  const State& state() const { return state_; }
  void set_state(const State& state) { state_ = state; }

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  State state_{};
};

inline std::uint64_t Rng::next() {
  auto& s = state_;
  const std::uint64_t result = rotl(s[1] * 5, 7) * 9;
  const std::uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

inline double Rng::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

inline double Rng::uniform(double low, double high) { return low + (high - low) * uniform(); }

inline std::uint64_t Rng::below(std::uint64_t n) {
  // Lemire's nearly divisionless method: unbiased, one multiply in most cases.
  std::uint64_t x = next();
  __uint128_t m = static_cast<__uint128_t>(x) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      x = next();
      m = static_cast<__uint128_t>(x) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

}  // namespace paretokit
