// Seeded random streams for the core.
//
// Every unit of parallel work (a tree, a fold, a block of synthetic rows) owns a
// stream derived from (seed, task index), so results do not depend on how tasks
// are scheduled across threads.
#pragma once

#include <cmath>
#include <cstdint>

namespace smotelab {

// 128-bit product for Lemire's method; __extension__ keeps -pedantic quiet.
__extension__ typedef unsigned __int128 uint128;

inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// An independent seed for sub-task `index` of the work seeded by `seed` (a
// pipeline step). Distinct indices give unrelated streams. It keeps 53 bits,
// so that R can hold it exactly and rerun the sub-task on its own.
inline std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t state = seed ^ (0x9E3779B97F4A7C15ULL * (index + 1));
  return splitmix64(state) >> 11;
}

// Standard normals by Marsaglia's polar method: a point drawn uniformly in
// the unit disc from pairs of uniform(0, 1) draws gives two independent
// normals; one is returned and its partner kept for the next call. Both
// streams use it; `return_first` says which of the pair a stream returns.
class PolarNormals {
 public:
  explicit PolarNormals(bool return_first) : return_first_(return_first) {}

  template <typename Uniform>
  double next(Uniform&& uniform) {
    if (has_kept_) {
      has_kept_ = false;
      return kept_;
    }
    double x1, x2, r2;
    do {
      x1 = 2.0 * uniform() - 1.0;
      x2 = 2.0 * uniform() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    const double f = std::sqrt(-2.0 * std::log(r2) / r2);
    kept_ = return_first_ ? f * x2 : f * x1;
    has_kept_ = true;
    return return_first_ ? f * x1 : f * x2;
  }

 private:
  bool return_first_;
  double kept_ = 0.0;
  bool has_kept_ = false;
};

// xoshiro256** (Blackman and Vigna), seeded through splitmix64.
class Rng {
 public:
  Rng(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t mix = seed;
    mix = splitmix64(mix) ^ (stream * 0xD1B54A32D192ED03ULL + 0x8CB92BA72F3D8DD7ULL);
    for (auto& word : s_) word = splitmix64(mix);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform on [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // Uniform integer in [0, n), unbiased (Lemire's multiply-and-reject).
  std::uint64_t below(std::uint64_t n) {
    uint128 m = static_cast<uint128>(next()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
      const std::uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        m = static_cast<uint128>(next()) * n;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }

  // Standard normal by the polar method; the second variate is kept.
  double normal() {
    return normals_.next([this] { return uniform(); });
  }

  // Fisher-Yates shuffle of any random-access range.
  template <typename It>
  void shuffle(It first, It last) {
    const auto n = static_cast<std::uint64_t>(last - first);
    for (std::uint64_t i = n; i > 1; --i) {
      const std::uint64_t j = below(i);
      using std::swap;
      swap(first[i - 1], first[j]);
    }
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::uint64_t s_[4];
  PolarNormals normals_{true};
};

}  // namespace smotelab
