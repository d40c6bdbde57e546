// numpy's legacy RandomState, draw for draw.
//
// Under options(smotelab.rng = "numpy") the data generator, the split, the
// folds and the random samplers must reproduce scikit-learn and
// imbalanced-learn outputs exactly, and those draw from numpy.random's legacy
// RandomState. That fixes every detail below: MT19937 with Knuth's
// init_genrand seeding of a 32-bit integer, doubles from two 32-bit words
// (27 + 26 bits), the polar Gaussian that returns the second coordinate first
// and keeps the first for the next call, bounded integers by masked rejection
// (on one 32-bit word when the range fits, else on a 64-bit word made of two),
// and Fisher-Yates shuffles that walk down from the last element. The stream
// is serial by nature: it is only as fast as one core.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <vector>

#include "rng.hpp"

namespace smotelab {

class NumpyRandomState {
 public:
  // np.random.RandomState(seed) for an integer seed in [0, 2^32).
  explicit NumpyRandomState(std::uint32_t seed) {
    state_[0] = seed;
    for (std::uint32_t i = 1; i < kN; ++i) {
      const std::uint32_t prev = state_[i - 1];
      state_[i] = 1812433253U * (prev ^ (prev >> 30)) + i;
    }
    pos_ = kN;
  }

  std::uint32_t next32() {
    if (pos_ == kN) refill();
    std::uint32_t y = state_[pos_++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    return y ^ (y >> 18);
  }

  // The high word is drawn first.
  std::uint64_t next64() {
    const std::uint64_t hi = next32();
    return (hi << 32) | next32();
  }

  // random_sample(): 53 bits on [0, 1).
  double random_sample() {
    const std::int32_t a = static_cast<std::int32_t>(next32() >> 5);
    const std::int32_t b = static_cast<std::int32_t>(next32() >> 6);
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  // uniform(low, high): low + (high - low) * random_sample().
  double uniform(double low, double high) { return low + (high - low) * random_sample(); }

  // standard_normal(): the legacy polar method, which returns the second of
  // each pair first.
  double standard_normal() {
    return normals_.next([this] { return random_sample(); });
  }

  // randint(low, high) for numpy's default int64 dtype. numpy's bounded fill
  // special-cases ranges of exactly 2^32 and 2^64 values with a raw word,
  // which is what masking gives too, so interval() covers every range.
  std::int64_t randint(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(interval(static_cast<std::uint64_t>(high - low - 1)));
  }

  // An integer in [0, max] by masked rejection: numpy's random_interval(),
  // which the shuffles use, and the core of randint. A 32-bit word is drawn
  // when max fits in 32 bits, else a 64-bit one; max = 0 draws nothing.
  std::uint64_t interval(std::uint64_t max) {
    if (max == 0) return 0;
    const std::uint64_t mask = bit_mask(max);
    std::uint64_t value;
    if (max <= 0xffffffffULL) {
      while ((value = (next32() & mask)) > max) {
      }
    } else {
      while ((value = (next64() & mask)) > max) {
      }
    }
    return value;
  }

  // shuffle(x) of a 1-d sequence.
  template <typename It>
  void shuffle(It first, It last) {
    const auto n = static_cast<std::uint64_t>(last - first);
    for (std::uint64_t i = n > 0 ? n - 1 : 0; i >= 1; --i) {
      const std::uint64_t j = interval(i);
      using std::swap;
      if (j != i) swap(first[i], first[j]);
    }
  }

  // permutation(n): a shuffled 0..n-1.
  std::vector<std::int64_t> permutation(std::size_t n) {
    std::vector<std::int64_t> out(n);
    std::iota(out.begin(), out.end(), std::int64_t{0});
    shuffle(out.begin(), out.end());
    return out;
  }

 private:
  static constexpr std::uint32_t kN = 624;
  static constexpr std::uint32_t kM = 397;

  static std::uint64_t bit_mask(std::uint64_t max) {
    std::uint64_t mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    return mask;
  }

  void refill() {
    constexpr std::uint32_t upper = 0x80000000U, lower = 0x7fffffffU, matrix_a = 0x9908b0dfU;
    std::uint32_t i = 0;
    for (; i < kN - kM; ++i) {
      const std::uint32_t y = (state_[i] & upper) | (state_[i + 1] & lower);
      state_[i] = state_[i + kM] ^ (y >> 1) ^ ((y & 1U) ? matrix_a : 0U);
    }
    for (; i < kN - 1; ++i) {
      const std::uint32_t y = (state_[i] & upper) | (state_[i + 1] & lower);
      state_[i] = state_[i + kM - kN] ^ (y >> 1) ^ ((y & 1U) ? matrix_a : 0U);
    }
    const std::uint32_t y = (state_[kN - 1] & upper) | (state_[0] & lower);
    state_[kN - 1] = state_[kM - 1] ^ (y >> 1) ^ ((y & 1U) ? matrix_a : 0U);
    pos_ = 0;
  }

  std::array<std::uint32_t, kN> state_{};
  std::uint32_t pos_ = kN;
  PolarNormals normals_{false};
};

}  // namespace smotelab
