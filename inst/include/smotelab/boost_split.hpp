// The best split of a node from its gradient histogram (LightGBM's split
// search and SplitInfo), and the value of a leaf, with xgboost's formulas:
// a split maximises
//   GL^2 / (HL + lambda) + GR^2 / (HR + lambda) - G^2 / (H + lambda)
// with both children's hessian sums at least min_child_weight, and is taken
// only if that gain exceeds xgboost's 1e-6; a leaf's weight is -G / (H + lambda).
#pragma once

#include <cstddef>
#include <vector>

#include "boost_types.hpp"

namespace smotelab {
namespace detail {

constexpr double kMinSplitGain = 1e-6;  // xgboost's kRtEps

// The chosen split: rows with bin <= `bin` of `feature` go left, and `left`
// holds their gradient sums. feature < 0 means no split pays.
struct SplitInfo {
  int feature = -1;
  int bin = 0;
  double gain = kMinSplitGain;
  GradPair left;

  bool found() const { return feature >= 0; }
};

// `hist` is the node's histogram (feature j's bins at j * kBinStride) and
// `node` its sums; only `features` are searched, in order.
inline SplitInfo find_best_split(const GradPair* hist, const GradPair& node, const std::vector<int>& features,
                                 const std::vector<int>& n_bins, const BoostOptions& opt) {
  const double lambda = opt.lambda, mcw = opt.min_child_weight;
  const double parent = node.g * node.g / (node.h + lambda);
  SplitInfo best;
  for (int j : features) {
    const GradPair* h = hist + static_cast<std::size_t>(j) * kBinStride;
    double GL = 0, HL = 0;
    for (int b = 0; b + 1 < n_bins[static_cast<std::size_t>(j)]; ++b) {
      GL += h[b].g;
      HL += h[b].h;
      const double GR = node.g - GL, HR = node.h - HL;
      if (HL < mcw || HL <= 0) continue;
      if (HR < mcw || HR <= 0) break;
      const double gain = GL * GL / (HL + lambda) + GR * GR / (HR + lambda) - parent;
      // Gains equal up to rounding count as ties and keep the first split,
      // so summing the same numbers in another order picks the same split.
      if (gain > best.gain + 1e-12 * best.gain) {
        best.gain = gain;
        best.feature = j;
        best.bin = b;
        best.left = {GL, HL};
      }
    }
  }
  return best;
}

// A leaf's value before shrinkage; 0 when its hessian sum is too small.
inline double leaf_weight(const GradPair& sums, const BoostOptions& opt) {
  if (sums.h < opt.min_child_weight || sums.h <= 0) return 0;
  return -sums.g / (sums.h + opt.lambda);
}

}  // namespace detail
}  // namespace smotelab
