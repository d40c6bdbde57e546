// The binned design as boosting reads it, and the gradient histograms of the
// nodes of one tree level (LightGBM's FeatureHistogram and HistogramPool).
//
// A node's histogram holds (sum g, sum h) per bin of every feature. The bins
// are one byte per cell, row-major, so a row's features share a cache line
// while its gradient pair is added to each; a second, column-major copy
// serves the row partition, which reads one feature of many rows. Only the
// smaller child of a split is summed from its rows; the larger child's
// histogram is its parent's minus that one (the subtraction trick).
// Every block of rows sums into its own partial histogram, and the partials
// of a node are added in block order.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cstddef>
#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <vector>

#include "binning.hpp"
#include "boost_types.hpp"
#include "columns.hpp"
#include "parallel.hpp"

namespace smotelab {
namespace detail {

struct BoostBins {
  int p = 0;
  std::vector<std::uint8_t> rows;  // the p bytes of row i start at rows[i * p]
  BinnedMatrix columns;            // the same bins column by column
  std::vector<int> n_bins;
  std::vector<std::vector<double>> thresholds;  // as BinMapper's

  const std::uint8_t* row(std::uint32_t i) const { return rows.data() + static_cast<std::size_t>(i) * p; }
};

inline BoostBins bin_for_boosting(const Columns& X, int max_bins, std::uint64_t seed, const Executor& exec) {
  BoostBins out;
  out.p = static_cast<int>(X.cols());
  const BinMapper mapper = fit_bins(X, max_bins, seed, exec);
  out.thresholds = mapper.thresholds;
  out.columns = apply_bins(mapper, X, exec);
  for (int j = 0; j < out.p; ++j) out.n_bins.push_back(mapper.n_bins(j));
  const Eigen::Index n = X.rows();
  const auto p = static_cast<std::size_t>(out.p);
  out.rows.resize(static_cast<std::size_t>(n) * p);
  const std::size_t blocks = (static_cast<std::size_t>(n) + kBoostBlockRows - 1) / kBoostBlockRows;
  exec(blocks, 1, [&](std::size_t b0, std::size_t b1) {
    for (std::size_t b = b0; b < b1; ++b) {
      const auto first = static_cast<Eigen::Index>(b * kBoostBlockRows);
      const Eigen::Index last = std::min(n, first + static_cast<Eigen::Index>(kBoostBlockRows));
      for (std::size_t j = 0; j < p; ++j) {
        const std::uint8_t* col = out.columns.col(static_cast<int>(j));
        for (Eigen::Index i = first; i < last; ++i) out.rows[static_cast<std::size_t>(i) * p + j] = col[i];
      }
    }
  });
  return out;
}

class HistogramSet {
 public:
  explicit HistogramSet(const BoostBins& bins)
      : bins_(bins), total_bins_(static_cast<std::size_t>(bins.p) * kBinStride) {}

  // The gradients and features every histogram is built from until the next
  // call (one tree's).
  void use(const GradPair* gh, const std::vector<int>& features) {
    gh_ = gh;
    features_ = &features;
    all_features_ = static_cast<int>(features.size()) == bins_.p;
  }

  // The level's histogram of node `slot`: feature j's bins start at
  // j * kBinStride.
  const GradPair* node(std::size_t slot) const { return cur_.data() + slot * total_bins_; }

  // The sums of node `slot` over all its rows, read off its first feature.
  GradPair sums(std::size_t slot) const {
    const int j = features_->front();
    const GradPair* h = node(slot) + static_cast<std::size_t>(j) * kBinStride;
    GradPair s;
    for (int b = 0; b < bins_.n_bins[static_cast<std::size_t>(j)]; ++b) {
      s.g += h[b].g;
      s.h += h[b].h;
    }
    return s;
  }

  // The root's histogram, over rows[0, m), becomes the level's only node.
  void build_root(const std::uint32_t* rows, std::uint32_t m, const BlockRunner& run) {
    blocks_of({Segment{0, m}}, blocks_);
    reserve_blocks(blocks_.size());
    run(blocks_.size(), m, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) build_block(b, rows, {blocks_[b].begin, blocks_[b].end});
    });
    ensure_slots(cur_, 1);
    sum_partials(cur_.data(), 0, blocks_.size());
  }

  // Room for the partial histograms of `n` blocks.
  void reserve_blocks(std::size_t n) { ensure_slots(partial_, n); }

  // Block b's partial histogram from rows[run.begin, run.end). Blocks use
  // their own partials, so they may run in parallel.
  void build_block(std::size_t b, const std::uint32_t* rows, Segment run) {
    GradPair* h = partial_.data() + b * total_bins_;
    std::fill(h, h + total_bins_, GradPair{});
    add_rows(h, rows, run.begin, run.end);
  }

  // The next level's histograms, two per split node in child order: the
  // smaller child's from its blocks' partials, the other by subtraction from
  // the parent's (node `parent` of this level).
  void begin_children(std::size_t n_children) { ensure_slots(next_, n_children); }
  void derive_children(std::size_t k, std::size_t parent, bool left_built, std::size_t first_block,
                       std::size_t last_block) {
    GradPair* built = next_.data() + (2 * k + (left_built ? 0 : 1)) * total_bins_;
    GradPair* other = next_.data() + (2 * k + (left_built ? 1 : 0)) * total_bins_;
    const GradPair* from = node(parent);
    sum_partials(built, first_block, last_block);
    for (std::size_t t = 0; t < total_bins_; ++t) {
      other[t].g = from[t].g - built[t].g;
      other[t].h = from[t].h - built[t].h;
    }
  }
  void end_children() { std::swap(cur_, next_); }

 private:
#if defined(__SSE2__)
  // (g, h) moves as one 16-byte lane: one load, add and store per feature
  // instead of two, with the same sums as adding g and h apart.
  static void add_pair(GradPair& c, __m128d v) { _mm_storeu_pd(&c.g, _mm_add_pd(_mm_loadu_pd(&c.g), v)); }
  static __m128d pair_of(const GradPair& v) { return _mm_loadu_pd(&v.g); }
#else
  static void add_pair(GradPair& c, const GradPair& v) {
    c.g += v.g;
    c.h += v.h;
  }
  static const GradPair& pair_of(const GradPair& v) { return v; }
#endif

  // The rows `rows[first, last)` into histogram h. Rows a few steps ahead
  // are prefetched, since deep nodes' rows are scattered over the design.
  // Feature j's bins start at h + j * kBinStride, a constant distance, so an
  // update costs a byte load and an add to a fixed displacement.
  void add_rows(GradPair* h, const std::uint32_t* rows, std::uint32_t first, std::uint32_t last) const {
    const std::size_t p = static_cast<std::size_t>(bins_.p);
    const std::uint8_t* bins = bins_.rows.data();
    const GradPair* gh = gh_;
    for (std::uint32_t k = first; k < last; ++k) {
      if (k + kPrefetchAhead < last) {
        __builtin_prefetch(bins + rows[k + kPrefetchAhead] * p);
        __builtin_prefetch(gh + rows[k + kPrefetchAhead]);
      }
      const std::uint32_t i = rows[k];
      const std::uint8_t* row = bins + i * p;
      const auto v = pair_of(gh[i]);
      if (all_features_) {
        const int n_features = bins_.p;
        int j = 0;
        for (; j + 4 <= n_features; j += 4) {
          GradPair* hj = h + static_cast<std::size_t>(j) * kBinStride;
          add_pair(hj[row[j]], v);
          add_pair(hj[kBinStride + row[j + 1]], v);
          add_pair(hj[2 * kBinStride + row[j + 2]], v);
          add_pair(hj[3 * kBinStride + row[j + 3]], v);
        }
        for (; j < n_features; ++j) add_pair(h[static_cast<std::size_t>(j) * kBinStride + row[j]], v);
      } else {
        for (int j : *features_) add_pair(h[static_cast<std::size_t>(j) * kBinStride + row[j]], v);
      }
    }
  }

  void sum_partials(GradPair* out, std::size_t first, std::size_t last) const {
    std::fill(out, out + total_bins_, GradPair{});
    for (std::size_t b = first; b < last; ++b) {
      const GradPair* h = partial_.data() + b * total_bins_;
      for (std::size_t t = 0; t < total_bins_; ++t) {
        out[t].g += h[t].g;
        out[t].h += h[t].h;
      }
    }
  }

  void ensure_slots(std::vector<GradPair>& hist, std::size_t slots) const {
    if (hist.size() < slots * total_bins_) hist.resize(slots * total_bins_);
  }

  const BoostBins& bins_;
  std::size_t total_bins_;
  const GradPair* gh_ = nullptr;
  const std::vector<int>* features_ = nullptr;
  bool all_features_ = true;
  std::vector<GradPair> cur_, next_;
  std::vector<GradPair> partial_;
  std::vector<Block> blocks_;
};

}  // namespace detail
}  // namespace smotelab
