// Row and column sampling of a boosting round, as xgboost's subsample and
// colsample_bytree: every training row is kept with probability
// `subsample`, and max(1, floor(colsample * p)) features are drawn for the
// tree. Each round draws from its own stream, so a round's sample does not
// depend on the rounds before it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "boost_types.hpp"
#include "rng.hpp"

namespace smotelab {
namespace detail {

class RoundSampler {
 public:
  RoundSampler(const BoostOptions& opt, int p, std::uint64_t rows_seed, std::uint64_t cols_seed)
      : opt_(opt), p_(p), rows_seed_(rows_seed), cols_seed_(cols_seed) {}

  // This round's rows of `train` replace `kept`; the others are appended to
  // `left_out`. Both stay in the order of `train`.
  void rows(int round, const std::vector<std::uint32_t>& train, std::vector<std::uint32_t>& kept,
            std::vector<std::uint32_t>& left_out) const {
    kept.clear();
    if (opt_.subsample >= 1) {
      kept.assign(train.begin(), train.end());
      return;
    }
    Rng rng(rows_seed_, static_cast<std::uint64_t>(round));
    for (std::uint32_t i : train) {
      if (rng.uniform() < opt_.subsample)
        kept.push_back(i);
      else
        left_out.push_back(i);
    }
  }

  // This round's features, ascending.
  void features(int round, std::vector<int>& out) const {
    out.resize(static_cast<std::size_t>(p_));
    for (int j = 0; j < p_; ++j) out[static_cast<std::size_t>(j)] = j;
    if (opt_.colsample >= 1) return;
    const int k = std::max(1, static_cast<int>(opt_.colsample * p_));
    Rng rng(cols_seed_, static_cast<std::uint64_t>(round));
    rng.shuffle(out.begin(), out.end());
    out.resize(static_cast<std::size_t>(k));
    std::sort(out.begin(), out.end());
  }

 private:
  const BoostOptions& opt_;
  int p_;
  std::uint64_t rows_seed_, cols_seed_;
};

}  // namespace detail
}  // namespace smotelab
