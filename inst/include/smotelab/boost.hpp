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
// a row's features share a cache line; each node's rows are a contiguous run
// of one index array, partitioned in place after each level; only the smaller
// child's histogram is built and the larger one is its parent's minus it; and
// the margins of training rows are updated from the leaf their run ended in,
// never by walking the tree again.
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
};

class BoostTrainer {
 public:
  BoostTrainer(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y, const BoostOptions& opt, std::uint64_t seed,
               const Executor& exec)
      : opt_(opt), y_(y), exec_(exec), n_(X.rows()), p_(static_cast<int>(X.cols())) {
    require(p_ >= 1, "boosting needs at least one predictor");
    require(n_ >= 1 && n_ < (Eigen::Index(1) << 31), "boosting needs between 1 and 2^31 - 1 training rows");
    require(y.size() == n_, "X and y must have the same number of rows");
    const BinMapper mapper = fit_bins(X, opt.max_bins, derive_seed(seed, 0), exec);
    thresholds_ = mapper.thresholds;
    bin_rows(apply_bins(mapper, X, exec));
    offset_.assign(static_cast<std::size_t>(p_) + 1, 0);
    for (int j = 0; j < p_; ++j) offset_[j + 1] = offset_[j] + mapper.n_bins(j);
    total_bins_ = static_cast<std::size_t>(offset_[p_]);
    split_validation(derive_seed(seed, 1));
    rows_seed_ = derive_seed(seed, 2);
    cols_seed_ = derive_seed(seed, 3);
    margin_.assign(static_cast<std::size_t>(n_), 0.0);
    gh_.resize(static_cast<std::size_t>(n_));
  }

  BoostFit run() {
    BoostFit fit;
    const bool stopping = opt_.early_stopping_rounds > 0;
    const bool maximize = opt_.eval_metric != BoostMetric::logloss;
    double best = 0;
    int best_round = -1;
    for (int r = 0; r < opt_.n_rounds; ++r) {
      gradients();
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
              << " training rows and keep rows on both sides.\n"
              << "Each class needs at least one validation row and one training row.";
          throw input_error(msg.str());
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

  void gradients() {
    const std::size_t blocks = (static_cast<std::size_t>(n_) + kBoostBlockRows - 1) / kBoostBlockRows;
    exec_(blocks, 1, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        const std::size_t last = std::min(static_cast<std::size_t>(n_), (b + 1) * kBoostBlockRows);
        for (std::size_t i = b * kBoostBlockRows; i < last; ++i) {
          const double prob = sigmoid(margin_[i]);
          const int yi = y_(static_cast<Eigen::Index>(i));
          const double w = yi == 1 ? opt_.scale_pos_weight : 1.0;
          gh_[i].g = (prob - yi) * w;
          gh_[i].h = std::max(prob * (1 - prob), kMinHessian) * w;
        }
      }
    });
  }

  // This round's rows (idx_) and features (features_); rows left out and the
  // validation rows go to out_rows_, whose margins are updated by traversal.
  void sample(int round) {
    idx_.clear();
    out_rows_.assign(valid_rows_.begin(), valid_rows_.end());
    if (opt_.subsample < 1) {
      Rng rng(rows_seed_, static_cast<std::uint64_t>(round));
      for (std::uint32_t i : train_rows_) {
        if (rng.uniform() < opt_.subsample) idx_.push_back(i);
        else out_rows_.push_back(i);
      }
    } else {
      idx_.assign(train_rows_.begin(), train_rows_.end());
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
    tmp_.resize(idx_.size());
    goes_left_.resize(idx_.size());
  }

  double leaf_weight(double G, double H) const {
    if (H < opt_.min_child_weight || H <= 0) return 0;
    return -G / (H + opt_.lambda);
  }

  void grow_tree() {
    nodes_.clear();
    GrowNode root;
    root.rows = {0, static_cast<std::uint32_t>(idx_.size())};
    nodes_.push_back(root);
    std::vector<int> level{0};
    ensure_slots(hist_cur_, 1);
    build_histograms({root.rows}, {hist_cur_.data()});
    const GradPair* first = hist_cur_.data() + offset_[features_[0]];
    for (int b = 0; b < n_bins(features_[0]); ++b) {
      nodes_[0].G += first[b].g;
      nodes_[0].H += first[b].h;
    }
    for (int depth = 0; depth < opt_.max_depth && !level.empty(); ++depth) {
      std::vector<int> split_slots;
      for (std::size_t s = 0; s < level.size(); ++s)
        if (find_split(nodes_[level[s]], hist_cur_.data() + s * total_bins_)) split_slots.push_back(static_cast<int>(s));
      if (split_slots.empty()) break;
      std::vector<int> parents;
      for (int s : split_slots) parents.push_back(level[s]);
      partition(parents);
      std::vector<int> next;
      for (int id : parents) {
        GrowNode left, right;
        const GrowNode& parent = nodes_[id];
        left.rows = {parent.rows.begin, parent.rows.begin + left_count_[next.size() / 2]};
        right.rows = {left.rows.end, parent.rows.end};
        left.G = split_G_[next.size() / 2];
        left.H = split_H_[next.size() / 2];
        right.G = parent.G - left.G;
        right.H = parent.H - left.H;
        const int l = static_cast<int>(nodes_.size());
        nodes_.push_back(left);
        nodes_.push_back(right);
        nodes_[id].left = l;
        nodes_[id].right = l + 1;
        next.push_back(l);
        next.push_back(l + 1);
      }
      if (depth + 1 < opt_.max_depth) child_histograms(split_slots, next);
      level = std::move(next);
    }
    for (auto& node : nodes_)
      if (node.feature < 0) node.value = opt_.learning_rate * leaf_weight(node.G, node.H);
  }

  int n_bins(int j) const { return offset_[j + 1] - offset_[j]; }

  void ensure_slots(std::vector<GradPair>& hist, std::size_t slots) const {
    if (hist.size() < slots * total_bins_) hist.resize(slots * total_bins_);
  }

  // Best split of `node` from its histogram; records it in the node and in
  // split_G_/split_H_ (the left child's sums, in the order nodes are split).
  bool find_split(GrowNode& node, const GradPair* hist) {
    const double lambda = opt_.lambda, mcw = opt_.min_child_weight;
    const double parent = node.G * node.G / (node.H + lambda);
    double best = kMinSplitGain, best_GL = 0, best_HL = 0;
    int best_feature = -1, best_bin = 0;
    for (int j : features_) {
      const GradPair* h = hist + offset_[j];
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

  // Sums (g, h) of the rows of each segment into the histogram dest[k].
  void build_histograms(const std::vector<Segment>& segments, const std::vector<GradPair*>& dest) {
    blocks_of(segments, blocks_);
    ensure_slots(partial_, blocks_.size());
    const std::uint8_t* bins = bins_.data();
    const GradPair* gh = gh_.data();
    const std::uint32_t* idx = idx_.data();
    const int* off = offset_.data();
    const std::size_t p = static_cast<std::size_t>(p_);
    exec_(blocks_.size(), 1, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        GradPair* h = partial_.data() + b * total_bins_;
        std::fill(h, h + total_bins_, GradPair{});
        const Block& blk = blocks_[b];
        if (all_features_) {
          for (std::uint32_t k = blk.begin; k < blk.end; ++k) {
            const std::uint32_t i = idx[k];
            const std::uint8_t* row = bins + i * p;
            const GradPair v = gh[i];
            for (std::size_t j = 0; j < p; ++j) {
              GradPair& c = h[off[j] + row[j]];
              c.g += v.g;
              c.h += v.h;
            }
          }
        } else {
          for (std::uint32_t k = blk.begin; k < blk.end; ++k) {
            const std::uint32_t i = idx[k];
            const std::uint8_t* row = bins + i * p;
            const GradPair v = gh[i];
            for (int j : features_) {
              GradPair& c = h[off[j] + row[j]];
              c.g += v.g;
              c.h += v.h;
            }
          }
        }
      }
    });
    // Blocks of segment k are consecutive; they are added in block order.
    std::vector<std::size_t> first_block(segments.size() + 1, 0);
    for (const Block& blk : blocks_) ++first_block[blk.job + 1];
    for (std::size_t k = 0; k < segments.size(); ++k) first_block[k + 1] += first_block[k];
    exec_(segments.size(), 1, [&](std::size_t k0, std::size_t k1) {
      for (std::size_t k = k0; k < k1; ++k) {
        GradPair* out = dest[k];
        std::fill(out, out + total_bins_, GradPair{});
        for (std::size_t b = first_block[k]; b < first_block[k + 1]; ++b) {
          const GradPair* h = partial_.data() + b * total_bins_;
          for (std::size_t t = 0; t < total_bins_; ++t) {
            out[t].g += h[t].g;
            out[t].h += h[t].h;
          }
        }
      }
    });
  }

  // Builds the smaller child of each split node and subtracts it from the
  // parent for the larger; the children's histograms go to hist_next_, in
  // the order of `children`, then become the current level's.
  void child_histograms(const std::vector<int>& split_slots, const std::vector<int>& children) {
    ensure_slots(hist_next_, children.size());
    std::vector<Segment> segments;
    std::vector<GradPair*> dest;
    for (std::size_t s = 0; s < split_slots.size(); ++s) {
      const GrowNode& l = nodes_[children[2 * s]];
      const GrowNode& r = nodes_[children[2 * s + 1]];
      const bool left_smaller = l.rows.end - l.rows.begin <= r.rows.end - r.rows.begin;
      segments.push_back(left_smaller ? l.rows : r.rows);
      dest.push_back(hist_next_.data() + (2 * s + (left_smaller ? 0 : 1)) * total_bins_);
    }
    build_histograms(segments, dest);
    exec_(split_slots.size(), 1, [&](std::size_t s0, std::size_t s1) {
      for (std::size_t s = s0; s < s1; ++s) {
        const GradPair* parent = hist_cur_.data() + static_cast<std::size_t>(split_slots[s]) * total_bins_;
        const GradPair* built = dest[s];
        const bool left_built = built == hist_next_.data() + 2 * s * total_bins_;
        GradPair* other = hist_next_.data() + (2 * s + (left_built ? 1 : 0)) * total_bins_;
        for (std::size_t t = 0; t < total_bins_; ++t) {
          other[t].g = parent[t].g - built[t].g;
          other[t].h = parent[t].h - built[t].h;
        }
      }
    });
    std::swap(hist_cur_, hist_next_);
  }

  // Stable partition of each split node's rows: left (bin <= split bin) first.
  void partition(const std::vector<int>& parents) {
    split_G_ = std::move(pending_G_);
    split_H_ = std::move(pending_H_);
    pending_G_.clear();
    pending_H_.clear();
    std::vector<Segment> segments;
    for (int id : parents) segments.push_back(nodes_[id].rows);
    blocks_of(segments, blocks_);
    std::vector<std::uint32_t> n_left(blocks_.size());
    const std::size_t p = static_cast<std::size_t>(p_);
    exec_(blocks_.size(), 1, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        const Block& blk = blocks_[b];
        const GrowNode& node = nodes_[parents[blk.job]];
        const std::uint8_t* col = bins_.data() + node.feature;
        const int bin = node.bin;
        std::uint32_t count = 0;
        for (std::uint32_t k = blk.begin; k < blk.end; ++k) {
          const std::uint8_t left = col[idx_[k] * p] <= bin;
          goes_left_[k] = left;
          count += left;
        }
        n_left[b] = count;
      }
    });
    left_count_.assign(parents.size(), 0);
    for (std::size_t b = 0; b < blocks_.size(); ++b) left_count_[blocks_[b].job] += n_left[b];
    std::vector<std::uint32_t> left_pos(blocks_.size()), right_pos(blocks_.size());
    std::vector<std::uint32_t> next_left(parents.size()), next_right(parents.size());
    for (std::size_t k = 0; k < parents.size(); ++k) {
      next_left[k] = segments[k].begin;
      next_right[k] = segments[k].begin + left_count_[k];
    }
    for (std::size_t b = 0; b < blocks_.size(); ++b) {
      const std::uint32_t job = blocks_[b].job;
      left_pos[b] = next_left[job];
      right_pos[b] = next_right[job];
      next_left[job] += n_left[b];
      next_right[job] += (blocks_[b].end - blocks_[b].begin) - n_left[b];
    }
    exec_(blocks_.size(), 1, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        std::uint32_t l = left_pos[b], r = right_pos[b];
        for (std::uint32_t k = blocks_[b].begin; k < blocks_[b].end; ++k) {
          if (goes_left_[k]) tmp_[l++] = idx_[k];
          else tmp_[r++] = idx_[k];
        }
      }
    });
    exec_(blocks_.size(), 1, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b)
        std::copy(tmp_.begin() + blocks_[b].begin, tmp_.begin() + blocks_[b].end, idx_.begin() + blocks_[b].begin);
    });
  }

  double traverse(std::uint32_t i) const {
    const std::uint8_t* row = bins_.data() + static_cast<std::size_t>(i) * p_;
    int id = 0;
    while (nodes_[id].feature >= 0) id = row[nodes_[id].feature] <= nodes_[id].bin ? nodes_[id].left : nodes_[id].right;
    return nodes_[id].value;
  }

  void update_margins() {
    std::vector<Segment> leaves;
    std::vector<double> values;
    for (const auto& node : nodes_) {
      if (node.feature >= 0) continue;
      leaves.push_back(node.rows);
      values.push_back(node.value);
    }
    blocks_of(leaves, blocks_);
    exec_(blocks_.size(), 1, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        const double v = values[blocks_[b].job];
        for (std::uint32_t k = blocks_[b].begin; k < blocks_[b].end; ++k) margin_[idx_[k]] += v;
      }
    });
    const std::size_t n_out = out_rows_.size();
    exec_((n_out + kBoostBlockRows - 1) / kBoostBlockRows, 1, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t k = b0 * kBoostBlockRows; k < std::min(n_out, b1 * kBoostBlockRows); ++k)
        margin_[out_rows_[k]] += traverse(out_rows_[k]);
    });
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
  std::vector<int> offset_;
  std::size_t total_bins_ = 0;
  std::uint64_t rows_seed_ = 0, cols_seed_ = 0;

  std::vector<std::uint32_t> train_rows_, valid_rows_, out_rows_;
  std::vector<int> valid_y_;
  std::vector<double> valid_prob_;
  std::vector<double> margin_;
  std::vector<GradPair> gh_;

  std::vector<std::uint32_t> idx_, tmp_;
  std::vector<std::uint8_t> goes_left_;
  std::vector<int> features_;
  bool all_features_ = true;

  std::vector<GrowNode> nodes_;
  std::vector<GradPair> hist_cur_, hist_next_, partial_;
  std::vector<Block> blocks_;
  std::vector<double> pending_G_, pending_H_, split_G_, split_H_;
  std::vector<std::uint32_t> left_count_;
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
  require(X.all_finite(), "the predictors must be finite");
  detail::BoostTrainer trainer(X, y, opt, seed, exec);
  return trainer.run();
}

// Event probabilities: sigmoid(base margin + the sum of each tree's leaf),
// where a row goes left at a node iff x <= threshold.
inline void predict_boost(const BoostFit& fit, const Columns& X, Eigen::Ref<Eigen::VectorXd> prob,
                          const Executor& exec = serial_executor()) {
  require(prob.size() == X.rows(), "prob must have one entry per row");
  for (int f : fit.feature) require(f < X.cols(), "the data have fewer columns than the fitted trees use");
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
