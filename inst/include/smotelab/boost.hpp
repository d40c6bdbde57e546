// Gradient-boosted trees for the logistic loss, with xgboost's second-order
// ("Newton") steps and its histogram ("hist") tree method.
//
// Each round computes, for every training row, the gradient g = p - y and the
// hessian h = p (1 - p) of the log loss at the current margin, both times the
// row weight (scale_pos_weight for events, 1 otherwise). A tree is grown depth
// by depth over the binned design: a node's histogram holds (sum g, sum h) per
// bin of every feature, and the split maximising
//   GL^2 / (HL + lambda) + GR^2 / (HR + lambda) - G^2 / (H + lambda)
// with both children's hessian sums at least min_child_weight wins, if that
// gain exceeds xgboost's 1e-6. A leaf's value is -G / (H + lambda) times the
// learning rate. The margin starts at 0 (xgboost 1.7's base_score = 0.5), so a
// positive row of weight w contributes exactly what w copies of it would.
//
// Speed comes from the layout: the bins are one byte per cell, row-major, so
// a row's features share a cache line when histograms are built; a second,
// column-major copy serves the partition, which reads one feature of many
// rows. Each node's rows are a contiguous run of one index array,
// partitioned (stably, into a second array) after each level; only the
// smaller child's histogram is built and the larger one is its parent's
// minus it. Each training row's leaf is known from the run it ended in, so
// the tree is never walked for them, and the margins and gradients are then
// updated in one vectorised pass in storage order.
//
// Determinism: rows are cut into blocks of a fixed size, independent of the
// number of threads; every block sums into its own partial histogram and the
// partials are added in block order. Row and column sampling draw from one
// stream per round.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "binning.hpp"
#include "columns.hpp"
#include "errors.hpp"
#include "logistic.hpp"
#include "metrics.hpp"
#include "parallel.hpp"
#include "rng.hpp"
#include "simd.hpp"

namespace smotelab {

enum class BoostMetric { logloss, auc, aucpr };

struct BoostOptions {
  int n_rounds = 100;
  double learning_rate = 0.3;
  int max_depth = 6;
  double scale_pos_weight = 1;
  double subsample = 1;  // share of training rows drawn (Bernoulli) per round
  double colsample = 1;  // share of features drawn per tree
  double lambda = 1;
  double min_child_weight = 1;
  int max_bins = kMaxBins;
  int early_stopping_rounds = 0;  // 0: every round is kept
  double validation = 0.1;        // share of each class held out for early stopping
  BoostMetric eval_metric = BoostMetric::logloss;
};

// The trees, flattened: tree t owns nodes [tree_start[t], tree_start[t + 1]);
// `left` and `right` index nodes within the tree; a leaf has feature -1.
struct BoostFit {
  double base_margin = 0;
  std::vector<int> tree_start{0};
  std::vector<int> feature;
  std::vector<double> threshold;
  std::vector<int> left, right;
  std::vector<double> value;
  int rounds = 0;          // rounds grown
  int best_iteration = 0;  // with early stopping, the 1-based round kept last
  std::vector<double> eval_history;

  int n_trees() const { return static_cast<int>(tree_start.size()) - 1; }
};

namespace detail {

struct GradPair {
  double g = 0, h = 0;
};

// A run of positions in the row index array.
struct Segment {
  std::uint32_t begin = 0, end = 0;
};

// Part of segment `job`; blocks never span two segments.
struct Block {
  std::uint32_t job, begin, end;
};

constexpr std::uint32_t kBoostBlockRows = 16384;
constexpr std::size_t kBinStride = kMaxBins + 1;
constexpr std::size_t kParallelRows = std::size_t(1) << 16;
// Rows of a node are increasing but scattered, which the hardware prefetcher
// does not follow; loops over them prefetch this many rows ahead.
constexpr std::uint32_t kPrefetchAhead = 16;
constexpr double kMinSplitGain = 1e-6;  // xgboost's kRtEps
constexpr double kMinHessian = 1e-16;   // xgboost's floor for p (1 - p)

inline void blocks_of(const std::vector<Segment>& segments, std::vector<Block>& out) {
  out.clear();
  for (std::uint32_t j = 0; j < segments.size(); ++j)
    for (std::uint32_t b = segments[j].begin; b < segments[j].end; b += kBoostBlockRows)
      out.push_back({j, b, std::min(segments[j].end, b + kBoostBlockRows)});
}

struct GrowNode {
  int feature = -1;
  int bin = 0;
  int left = -1, right = -1;
  double value = 0;
  double G = 0, H = 0;
  Segment rows;
  int buf = 0;  // which row buffer holds the rows
};

class BoostTrainer {
 public:
  BoostTrainer(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y, const BoostOptions& opt, std::uint64_t seed,
               const Executor& exec)
      : opt_(opt), y_(y), exec_(exec), n_(X.rows()), p_(static_cast<int>(X.cols())) {
    check(p_ >= 1, kind::empty, "Boosting needs at least one predictor column.");
    check(n_ >= 1 && n_ < (Eigen::Index(1) << 31), kind::size, "Boosting needs between 1 and 2^31 - 1 training rows.");
    require(y.size() == n_, "X and y must have the same number of rows");
    const BinMapper mapper = fit_bins(X, opt.max_bins, derive_seed(seed, 0), exec);
    thresholds_ = mapper.thresholds;
    columns_ = apply_bins(mapper, X, exec);
    bin_rows(columns_);
    n_bins_.resize(static_cast<std::size_t>(p_));
    for (int j = 0; j < p_; ++j) n_bins_[j] = mapper.n_bins(j);
    total_bins_ = static_cast<std::size_t>(p_) * kBinStride;
    split_validation(derive_seed(seed, 1));
    rows_seed_ = derive_seed(seed, 2);
    cols_seed_ = derive_seed(seed, 3);
    margin_.assign(static_cast<std::size_t>(n_), 0.0);
    gh_.resize(static_cast<std::size_t>(n_));
    leaf_.resize(static_cast<std::size_t>(n_));
  }

  BoostFit run() {
    BoostFit fit;
    const bool stopping = opt_.early_stopping_rounds > 0;
    const bool maximize = opt_.eval_metric != BoostMetric::logloss;
    double best = 0;
    int best_round = -1;
    gradients(nullptr, nullptr);
    for (int r = 0; r < opt_.n_rounds; ++r) {
      sample(r);
      grow_tree();
      update_margins();
      append_tree(fit);
      ++fit.rounds;
      if (!stopping) continue;
      const double score = validation_score();
      fit.eval_history.push_back(score);
      if (best_round < 0 || (maximize ? score > best : score < best)) {
        best = score;
        best_round = r;
      }
      if (r - best_round >= opt_.early_stopping_rounds) break;
    }
    if (stopping) {
      fit.best_iteration = best_round + 1;
      truncate(fit, best_round + 1);
    }
    return fit;
  }

 private:
  // Row-major bins: the p bytes of row i start at bins_[i * p].
  void bin_rows(const BinnedMatrix& binned) {
    bins_.resize(static_cast<std::size_t>(n_) * static_cast<std::size_t>(p_));
    const std::size_t blocks = (static_cast<std::size_t>(n_) + kBoostBlockRows - 1) / kBoostBlockRows;
    exec_(blocks, 1, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        const Eigen::Index first = static_cast<Eigen::Index>(b * kBoostBlockRows);
        const Eigen::Index last = std::min(n_, first + static_cast<Eigen::Index>(kBoostBlockRows));
        for (int j = 0; j < p_; ++j) {
          const std::uint8_t* col = binned.col(j);
          for (Eigen::Index i = first; i < last; ++i) bins_[static_cast<std::size_t>(i) * p_ + j] = col[i];
        }
      }
    });
  }

  // A stratified share of each class is held out when early stopping is on.
  void split_validation(std::uint64_t seed) {
    std::vector<std::uint8_t> held(static_cast<std::size_t>(n_), 0);
    if (opt_.early_stopping_rounds > 0) {
      for (int cls = 0; cls < 2; ++cls) {
        std::vector<std::uint32_t> rows;
        for (Eigen::Index i = 0; i < n_; ++i)
          if (y_(i) == cls) rows.push_back(static_cast<std::uint32_t>(i));
        const auto n_held = static_cast<std::size_t>(std::llround(opt_.validation * static_cast<double>(rows.size())));
        if (n_held < 1 || n_held >= rows.size()) {
          std::ostringstream msg;
          msg << "Early stopping can't hold out validation = " << opt_.validation << " of the "
              << (cls == 1 ? "event" : "non-event") << " class's " << rows.size()
              << " training rows and keep rows on both sides.";
          fail(kind::too_few_rows, msg.str(), {"Each class needs at least one validation row and one training row."});
        }
        Rng rng(seed, static_cast<std::uint64_t>(cls));
        rng.shuffle(rows.begin(), rows.end());
        for (std::size_t k = 0; k < n_held; ++k) held[rows[k]] = 1;
      }
    }
    for (Eigen::Index i = 0; i < n_; ++i) {
      if (held[static_cast<std::size_t>(i)]) {
        valid_rows_.push_back(static_cast<std::uint32_t>(i));
        valid_y_.push_back(y_(i));
      } else {
        train_rows_.push_back(static_cast<std::uint32_t>(i));
      }
    }
    valid_prob_.resize(valid_rows_.size());
  }

  // Blocks are fixed by the data alone; how tasks group them only decides
  // the schedule. Small levels run inline (a grain of all the tasks), since
  // waking threads would cost more than it saves; they still pass through
  // the executor so that the caller can check for interrupts.
  void run(std::size_t tasks, std::size_t rows, const RangeKernel& kernel) const {
    if (tasks == 0) return;
    if (tasks == 1 || rows < kParallelRows) exec_(tasks, tasks, kernel);
    else exec_(tasks, std::max<std::size_t>(1, tasks / 8), kernel);
  }

  // Gradients at the current margins (and, given this tree's leaf of every
  // row, the margins updated first), in blocks of rows in storage order.
  void gradients(const std::uint32_t* leaf, const double* value) {
    const std::size_t n = static_cast<std::size_t>(n_);
    run((n + kBoostBlockRows - 1) / kBoostBlockRows, n, [&](std::size_t b0, std::size_t b1) {
      const std::size_t first = b0 * kBoostBlockRows, last = std::min(n, b1 * kBoostBlockRows);
      simd::boost_gradients(margin_.data() + first, leaf == nullptr ? nullptr : leaf + first, value,
                            y_.data() + first, opt_.scale_pos_weight, kMinHessian, last - first,
                            &gh_[first].g);
    });
  }

#if defined(__SSE2__)
  // (g, h) moves as one 16-byte lane: one load, add and store per feature
  // instead of two, with the same sums as adding g and h apart.
  static void add_pair(GradPair& c, __m128d v) {
    _mm_storeu_pd(&c.g, _mm_add_pd(_mm_loadu_pd(&c.g), v));
  }
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
    const std::size_t p = static_cast<std::size_t>(p_);
    for (std::uint32_t k = first; k < last; ++k) {
      if (k + kPrefetchAhead < last) {
        __builtin_prefetch(bins_.data() + rows[k + kPrefetchAhead] * p);
        __builtin_prefetch(gh_.data() + rows[k + kPrefetchAhead]);
      }
      const std::uint32_t i = rows[k];
      const std::uint8_t* row = bins_.data() + i * p;
      const auto v = pair_of(gh_[i]);
      if (all_features_) {
        const int n_features = p_;
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
        for (int j : features_) add_pair(h[static_cast<std::size_t>(j) * kBinStride + row[j]], v);
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

  // This round's rows (rows_[0]) and features (features_); rows left out and the
  // validation rows go to out_rows_, whose margins are updated by traversal.
  void sample(int round) {
    rows_[0].clear();
    out_rows_.assign(valid_rows_.begin(), valid_rows_.end());
    if (opt_.subsample < 1) {
      Rng rng(rows_seed_, static_cast<std::uint64_t>(round));
      for (std::uint32_t i : train_rows_) {
        if (rng.uniform() < opt_.subsample) rows_[0].push_back(i);
        else out_rows_.push_back(i);
      }
    } else {
      rows_[0].assign(train_rows_.begin(), train_rows_.end());
    }
    features_.resize(static_cast<std::size_t>(p_));
    for (int j = 0; j < p_; ++j) features_[j] = j;
    if (opt_.colsample < 1) {
      const int k = std::max(1, static_cast<int>(opt_.colsample * p_));
      Rng rng(cols_seed_, static_cast<std::uint64_t>(round));
      rng.shuffle(features_.begin(), features_.end());
      features_.resize(static_cast<std::size_t>(k));
      std::sort(features_.begin(), features_.end());
    }
    all_features_ = static_cast<int>(features_.size()) == p_;
    rows_[1].resize(rows_[0].size());
    goes_left_.resize(rows_[0].size());
  }

  double leaf_weight(double G, double H) const {
    if (H < opt_.min_child_weight || H <= 0) return 0;
    return -G / (H + opt_.lambda);
  }

  void grow_tree() {
    nodes_.clear();
    GrowNode root;
    root.rows = {0, static_cast<std::uint32_t>(rows_[0].size())};
    nodes_.push_back(root);
    root_histogram();
    const GradPair* first = hist_cur_.data() + static_cast<std::size_t>(features_[0]) * kBinStride;
    for (int b = 0; b < n_bins(features_[0]); ++b) {
      nodes_[0].G += first[b].g;
      nodes_[0].H += first[b].h;
    }
    std::vector<int> level{0};
    for (int depth = 0; depth < opt_.max_depth; ++depth) {
      std::vector<int> split_slots;
      for (std::size_t s = 0; s < level.size(); ++s)
        if (find_split(nodes_[level[s]], hist_cur_.data() + s * total_bins_)) split_slots.push_back(static_cast<int>(s));
      if (split_slots.empty()) break;
      level = split_level(level, split_slots, depth + 1 < opt_.max_depth);
    }
    for (auto& node : nodes_)
      if (node.feature < 0) node.value = opt_.learning_rate * leaf_weight(node.G, node.H);
  }

  int n_bins(int j) const { return n_bins_[static_cast<std::size_t>(j)]; }

  void ensure_slots(std::vector<GradPair>& hist, std::size_t slots) const {
    if (hist.size() < slots * total_bins_) hist.resize(slots * total_bins_);
  }

  // Best split of `node` from its histogram; records it in the node and in
  // pending_G_/pending_H_ (the left child's sums, in the order nodes are split).
  bool find_split(GrowNode& node, const GradPair* hist) {
    const double lambda = opt_.lambda, mcw = opt_.min_child_weight;
    const double parent = node.G * node.G / (node.H + lambda);
    double best = kMinSplitGain, best_GL = 0, best_HL = 0;
    int best_feature = -1, best_bin = 0;
    for (int j : features_) {
      const GradPair* h = hist + static_cast<std::size_t>(j) * kBinStride;
      double GL = 0, HL = 0;
      for (int b = 0; b + 1 < n_bins(j); ++b) {
        GL += h[b].g;
        HL += h[b].h;
        const double GR = node.G - GL, HR = node.H - HL;
        if (HL < mcw || HL <= 0) continue;
        if (HR < mcw || HR <= 0) break;
        const double gain = GL * GL / (HL + lambda) + GR * GR / (HR + lambda) - parent;
        // Gains equal up to rounding count as ties and keep the first split,
        // so summing the same numbers in another order picks the same split.
        if (gain > best + 1e-12 * best) {
          best = gain;
          best_feature = j;
          best_bin = b;
          best_GL = GL;
          best_HL = HL;
        }
      }
    }
    if (best_feature < 0) return false;
    node.feature = best_feature;
    node.bin = best_bin;
    pending_G_.push_back(best_GL);
    pending_H_.push_back(best_HL);
    return true;
  }

  void root_histogram() {
    const auto m = static_cast<std::uint32_t>(rows_[0].size());
    blocks_of({Segment{0, m}}, blocks_);
    ensure_slots(partial_, blocks_.size());
    const std::uint32_t* rows = rows_[0].data();
    run(blocks_.size(), m, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        GradPair* h = partial_.data() + b * total_bins_;
        std::fill(h, h + total_bins_, GradPair{});
        add_rows(h, rows, blocks_[b].begin, blocks_[b].end);
      }
    });
    ensure_slots(hist_cur_, 1);
    sum_partials(hist_cur_.data(), 0, blocks_.size());
  }

  // Splits the nodes level[split_slots]: a stable partition of each one's
  // rows into the other row buffer, left child (bin <= split bin) first. When
  // the children will be split further, the same pass sums the smaller
  // child's rows into per-block histograms; the larger child's histogram is
  // its parent's minus the smaller one's. Returns the children, in order.
  std::vector<int> split_level(const std::vector<int>& level, const std::vector<int>& split_slots, bool build) {
    std::vector<int> parents;
    std::vector<Segment> segments;
    std::size_t level_rows = 0;
    for (int s : split_slots) {
      parents.push_back(level[static_cast<std::size_t>(s)]);
      segments.push_back(nodes_[parents.back()].rows);
      level_rows += segments.back().end - segments.back().begin;
    }
    const int from = nodes_[parents[0]].buf;
    const std::uint32_t* src = rows_[from].data();
    std::uint32_t* dst = rows_[1 - from].data();
    blocks_of(segments, blocks_);
    const std::size_t n_blocks = blocks_.size();
    std::vector<std::uint32_t> n_left(n_blocks);
    run(n_blocks, level_rows, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        const Block& blk = blocks_[b];
        const GrowNode& node = nodes_[parents[blk.job]];
        const std::uint8_t* col = columns_.col(node.feature);
        const int bin = node.bin;
        std::uint32_t count = 0;
        for (std::uint32_t k = blk.begin; k < blk.end; ++k) {
          if (k + kPrefetchAhead < blk.end) __builtin_prefetch(col + src[k + kPrefetchAhead]);
          const std::uint8_t left = col[src[k]] <= bin;
          goes_left_[k] = left;
          count += left;
        }
        n_left[b] = count;
      }
    });
    std::vector<std::uint32_t> left_total(parents.size(), 0);
    for (std::size_t b = 0; b < n_blocks; ++b) left_total[blocks_[b].job] += n_left[b];
    std::vector<std::uint32_t> left_pos(n_blocks), right_pos(n_blocks);
    std::vector<std::uint32_t> next_left(parents.size()), next_right(parents.size());
    std::vector<std::size_t> first_block(parents.size() + 1, 0);
    for (std::size_t k = 0; k < parents.size(); ++k) {
      next_left[k] = segments[k].begin;
      next_right[k] = segments[k].begin + left_total[k];
    }
    for (std::size_t b = 0; b < n_blocks; ++b) {
      const std::uint32_t job = blocks_[b].job;
      left_pos[b] = next_left[job];
      right_pos[b] = next_right[job];
      next_left[job] += n_left[b];
      next_right[job] += (blocks_[b].end - blocks_[b].begin) - n_left[b];
      ++first_block[job + 1];
    }
    for (std::size_t k = 0; k < parents.size(); ++k) first_block[k + 1] += first_block[k];

    std::vector<int> next;
    std::vector<std::uint8_t> left_smaller(parents.size());
    for (std::size_t k = 0; k < parents.size(); ++k) {
      const int id = parents[k];
      GrowNode left, right;
      left.rows = {segments[k].begin, segments[k].begin + left_total[k]};
      right.rows = {left.rows.end, segments[k].end};
      left.G = pending_G_[k];
      left.H = pending_H_[k];
      right.G = nodes_[id].G - left.G;
      right.H = nodes_[id].H - left.H;
      left.buf = right.buf = 1 - from;
      left_smaller[k] = left.rows.end - left.rows.begin <= right.rows.end - right.rows.begin;
      const int l = static_cast<int>(nodes_.size());
      nodes_.push_back(left);
      nodes_.push_back(right);
      nodes_[id].left = l;
      nodes_[id].right = l + 1;
      next.push_back(l);
      next.push_back(l + 1);
    }
    pending_G_.clear();
    pending_H_.clear();

    if (build) ensure_slots(partial_, n_blocks);
    run(n_blocks, level_rows, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        const Block& blk = blocks_[b];
        std::uint32_t l = left_pos[b], r = right_pos[b];
        if (!build) {
          scatter(src, dst, blk, l, r);
          continue;
        }
        GradPair* h = partial_.data() + b * total_bins_;
        std::fill(h, h + total_bins_, GradPair{});
        scatter(src, dst, blk, l, r);
        // This block's rows of the smaller child are now one run of dst.
        const std::uint32_t first = left_smaller[blk.job] ? left_pos[b] : right_pos[b];
        const std::uint32_t last = left_smaller[blk.job] ? l : r;
        add_rows(h, dst, first, last);
      }
    });
    if (!build) return next;

    ensure_slots(hist_next_, next.size());
    for (std::size_t k = 0; k < parents.size(); ++k) {
      GradPair* built = hist_next_.data() + (2 * k + (left_smaller[k] ? 0 : 1)) * total_bins_;
      GradPair* other = hist_next_.data() + (2 * k + (left_smaller[k] ? 1 : 0)) * total_bins_;
      const GradPair* parent = hist_cur_.data() + static_cast<std::size_t>(split_slots[k]) * total_bins_;
      sum_partials(built, first_block[k], first_block[k + 1]);
      for (std::size_t t = 0; t < total_bins_; ++t) {
        other[t].g = parent[t].g - built[t].g;
        other[t].h = parent[t].h - built[t].h;
      }
    }
    std::swap(hist_cur_, hist_next_);
    return next;
  }

  // Moves a block's rows to their child's run. The destination is chosen
  // by a select, not a branch: which way a row goes is a coin flip to the
  // branch predictor.
  void scatter(const std::uint32_t* src, std::uint32_t* dst, const Block& blk, std::uint32_t& l, std::uint32_t& r) const {
    for (std::uint32_t k = blk.begin; k < blk.end; ++k) {
      const std::uint32_t left = goes_left_[k];
      dst[left ? l : r] = src[k];
      l += left;
      r += 1 - left;
    }
  }

  int leaf_of(std::uint32_t i) const {
    const std::uint8_t* row = bins_.data() + static_cast<std::size_t>(i) * p_;
    int id = 0;
    while (nodes_[id].feature >= 0) id = row[nodes_[id].feature] <= nodes_[id].bin ? nodes_[id].left : nodes_[id].right;
    return id;
  }

  // New margins, and the next round's gradients, for every row. Each row's
  // leaf is noted first: training rows of this tree from the leaf their run
  // ended in, the others by walking the tree. Then one pass in storage
  // order adds the leaf values, so margins, labels and gradients stream
  // through memory instead of being visited leaf by leaf.
  void update_margins() {
    std::vector<Segment> leaves;
    std::vector<std::uint32_t> ids;
    std::vector<const std::uint32_t*> buffers;
    values_.resize(nodes_.size());
    for (std::size_t id = 0; id < nodes_.size(); ++id) {
      const GrowNode& node = nodes_[id];
      values_[id] = node.value;
      if (node.feature >= 0) continue;
      leaves.push_back(node.rows);
      ids.push_back(static_cast<std::uint32_t>(id));
      buffers.push_back(rows_[node.buf].data());
    }
    blocks_of(leaves, blocks_);
    run(blocks_.size(), rows_[0].size(), [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        const std::uint32_t id = ids[blocks_[b].job];
        const std::uint32_t* rows = buffers[blocks_[b].job];
        for (std::uint32_t k = blocks_[b].begin; k < blocks_[b].end; ++k) leaf_[rows[k]] = id;
      }
    });
    const std::size_t n_out = out_rows_.size();
    run((n_out + kBoostBlockRows - 1) / kBoostBlockRows, n_out, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t k = b0 * kBoostBlockRows; k < std::min(n_out, b1 * kBoostBlockRows); ++k)
        leaf_[out_rows_[k]] = static_cast<std::uint32_t>(leaf_of(out_rows_[k]));
    });
    gradients(leaf_.data(), values_.data());
  }

  void append_tree(BoostFit& fit) const {
    for (const auto& node : nodes_) {
      fit.feature.push_back(node.feature);
      fit.threshold.push_back(node.feature >= 0 ? thresholds_[node.feature][node.bin] : 0.0);
      fit.left.push_back(node.left);
      fit.right.push_back(node.right);
      fit.value.push_back(node.value);
    }
    fit.tree_start.push_back(static_cast<int>(fit.feature.size()));
  }

  static void truncate(BoostFit& fit, int n_trees) {
    const auto nodes = static_cast<std::size_t>(fit.tree_start[n_trees]);
    fit.tree_start.resize(static_cast<std::size_t>(n_trees) + 1);
    fit.feature.resize(nodes);
    fit.threshold.resize(nodes);
    fit.left.resize(nodes);
    fit.right.resize(nodes);
    fit.value.resize(nodes);
  }

  double validation_score() {
    const std::size_t nv = valid_rows_.size();
    for (std::size_t k = 0; k < nv; ++k) valid_prob_[k] = sigmoid(margin_[valid_rows_[k]]);
    if (opt_.eval_metric == BoostMetric::logloss) {
      constexpr double eps = 1e-15;
      double loss = 0;
      for (std::size_t k = 0; k < nv; ++k) {
        const double q = std::min(std::max(valid_prob_[k], eps), 1 - eps);
        loss -= valid_y_[k] == 1 ? std::log(q) : std::log(1 - q);
      }
      return loss / static_cast<double>(nv);
    }
    const metrics::Ranking r = metrics::ranking_metrics(valid_y_.data(), valid_prob_.data(), nv, exec_);
    return opt_.eval_metric == BoostMetric::auc ? r.roc_auc : r.average_precision;
  }

  const BoostOptions& opt_;
  const Eigen::Ref<const Eigen::VectorXi>& y_;
  const Executor& exec_;
  Eigen::Index n_;
  int p_;
  std::vector<std::vector<double>> thresholds_;
  std::vector<std::uint8_t> bins_;
  BinnedMatrix columns_;  // the same bins column by column, for the partition
  std::vector<int> n_bins_;
  std::size_t total_bins_ = 0;  // histogram slots: kBinStride per feature
  std::uint64_t rows_seed_ = 0, cols_seed_ = 0;

  std::vector<std::uint32_t> train_rows_, valid_rows_, out_rows_;
  std::vector<int> valid_y_;
  std::vector<double> valid_prob_;
  std::vector<double> margin_;
  std::vector<GradPair> gh_;
  std::vector<std::uint32_t> leaf_;  // the current tree's leaf of every row
  std::vector<double> values_;       // the current tree's node values

  // This round's rows; each level moves the rows of split nodes to the other buffer.
  std::vector<std::uint32_t> rows_[2];
  std::vector<std::uint8_t> goes_left_;
  std::vector<int> features_;
  bool all_features_ = true;

  std::vector<GrowNode> nodes_;
  std::vector<GradPair> hist_cur_, hist_next_, partial_;
  std::vector<Block> blocks_;
  std::vector<double> pending_G_, pending_H_;
};

}  // namespace detail

inline BoostFit fit_boost(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y, const BoostOptions& opt,
                          std::uint64_t seed, const Executor& exec = serial_executor()) {
  require(opt.n_rounds >= 1, "n_rounds must be at least 1");
  require(opt.max_depth >= 1, "max_depth must be at least 1");
  require(opt.learning_rate > 0, "learning_rate must be positive");
  require(opt.lambda >= 0 && opt.min_child_weight >= 0 && opt.scale_pos_weight > 0,
          "lambda and min_child_weight must be >= 0, scale_pos_weight > 0");
  require(opt.subsample > 0 && opt.subsample <= 1 && opt.colsample > 0 && opt.colsample <= 1,
          "subsample and colsample must be in (0, 1]");
  for (Eigen::Index i = 0; i < y.size(); ++i) require(y(i) == 0 || y(i) == 1, "labels must be 0 or 1");
  check(X.all_finite(), kind::infinite, "The predictors must be finite.");
  detail::BoostTrainer trainer(X, y, opt, seed, exec);
  return trainer.run();
}

// Checks that stored trees can be walked: consistent node vectors, and
// children after their parent within the tree, so every walk ends at a leaf.
// For fits read back from R, which may have been edited or damaged.
inline void validate_boost(const BoostFit& fit) {
  const std::string kDamaged = "The fitted boosted trees are damaged: their node vectors are inconsistent.";
  const std::size_t m = fit.feature.size();
  check_stored(!fit.tree_start.empty() && fit.tree_start.front() == 0 && fit.tree_start.back() == static_cast<int>(m) &&
              fit.threshold.size() == m && fit.left.size() == m && fit.right.size() == m && fit.value.size() == m,
          kDamaged);
  for (std::size_t t = 0; t + 1 < fit.tree_start.size(); ++t) {
    const int first = fit.tree_start[t], size = fit.tree_start[t + 1] - first;
    check_stored(size >= 1, kDamaged);
    for (int k = 0; k < size; ++k) {
      const auto at = static_cast<std::size_t>(first + k);
      if (fit.feature[at] < 0) continue;
      check_stored(fit.left[at] > k && fit.left[at] < size && fit.right[at] > k && fit.right[at] < size, kDamaged);
    }
  }
}

// Event probabilities: sigmoid(base margin + the sum of each tree's leaf),
// where a row goes left at a node iff x <= threshold.
inline void predict_boost(const BoostFit& fit, const Columns& X, Eigen::Ref<Eigen::VectorXd> prob,
                          const Executor& exec = serial_executor()) {
  require(prob.size() == X.rows(), "prob must have one entry per row");
  for (int f : fit.feature) check_stored(f < X.cols(), "The data have fewer columns than the fitted trees use.");
  std::vector<const double*> cols(static_cast<std::size_t>(X.cols()));
  for (Eigen::Index j = 0; j < X.cols(); ++j) cols[static_cast<std::size_t>(j)] = X.col(j).data();
  const auto n = static_cast<std::size_t>(X.rows());
  constexpr std::size_t block = 1024;
  const int n_trees = fit.n_trees();
  exec((n + block - 1) / block, 1, [&](std::size_t b0, std::size_t b1) {
    std::vector<double> margin(block);
    for (std::size_t b = b0; b < b1; ++b) {
      const std::size_t first = b * block, last = std::min(n, first + block);
      std::fill(margin.begin(), margin.end(), fit.base_margin);
      for (int t = 0; t < n_trees; ++t) {
        const int root = fit.tree_start[t];
        const int* feature = fit.feature.data() + root;
        const double* threshold = fit.threshold.data() + root;
        const int* left = fit.left.data() + root;
        const int* right = fit.right.data() + root;
        const double* value = fit.value.data() + root;
        for (std::size_t i = first; i < last; ++i) {
          int id = 0;
          while (feature[id] >= 0) id = cols[feature[id]][i] <= threshold[id] ? left[id] : right[id];
          margin[i - first] += value[id];
        }
      }
      for (std::size_t i = first; i < last; ++i) prob(static_cast<Eigen::Index>(i)) = detail::sigmoid(margin[i - first]);
    }
  });
}

}  // namespace smotelab
