// Gradient-boosted trees for the logistic loss, with xgboost's second-order
// ("Newton") steps and its histogram ("hist") tree method.
//
// Each round computes, for every training row, the gradient g = p - y and the
// hessian h = p (1 - p) of the log loss at the current margin, both times the
// row weight (scale_pos_weight for events, 1 otherwise, times the row's case
// weight when there are case weights). A tree is grown depth
// by depth over the binned design: a node's histogram holds (sum g, sum h) per
// bin of every feature, and the split maximising
//   GL^2 / (HL + lambda) + GR^2 / (HR + lambda) - G^2 / (H + lambda)
// with both children's hessian sums at least min_child_weight wins, if that
// gain exceeds xgboost's 1e-6. A leaf's value is -G / (H + lambda) times the
// learning rate. The margin starts at 0 (xgboost 1.7's base_score = 0.5), so a
// positive row of weight w contributes exactly what w copies of it would.
//
// The trainer is cut as LightGBM's tree learner is: the rows of each node
// (boost_partition.hpp), the histograms with the subtraction trick
// (boost_histogram.hpp), the split search returning a split record
// (boost_split.hpp), row and column sampling (boost_sampling.hpp) and early
// stopping (boost_stopping.hpp); BoostTrainer below only orchestrates them.
// Each training row's leaf is known from the run of rows it ended in, so the
// tree is never walked for them, and the margins and gradients are then
// updated in one vectorised pass in storage order. Fits are bit-identical for
// any number of threads (boost_types.hpp).
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "boost_histogram.hpp"
#include "boost_partition.hpp"
#include "boost_sampling.hpp"
#include "boost_split.hpp"
#include "boost_stopping.hpp"
#include "boost_types.hpp"
#include "columns.hpp"
#include "errors.hpp"
#include "math.hpp"
#include "parallel.hpp"
#include "rng.hpp"
#include "simd.hpp"
#include "tree.hpp"

namespace smotelab {

// The trees (a leaf holds its margin, learning rate applied) and the record
// of the rounds.
struct BoostFit {
  TreeEnsemble trees;
  int rounds = 0;          // rounds grown
  int best_iteration = 0;  // with early stopping, the 1-based round kept last
  std::vector<double> eval_history;

  int n_trees() const { return trees.n_trees(); }
};

namespace detail {

constexpr double kMinHessian = 1e-16;  // xgboost's floor for p (1 - p)

struct GrowNode {
  int feature = -1;
  int bin = 0;
  int left = -1;  // the right child is left + 1
  double value = 0;
  GradPair sums;
  Segment rows;
  int buf = 0;  // which row buffer holds the rows
};

// Grows one tree per round and keeps the margins of every row.
class BoostTrainer {
 public:
  BoostTrainer(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y, const BoostOptions& opt,
               std::uint64_t seed, const Executor& exec, const double* case_weight = nullptr)
      : opt_(opt),
        y_(y),
        case_weight_(case_weight),
        exec_(exec),
        run_(exec),
        bins_(bin_for_boosting(X, opt.max_bins, derive_seed(seed, 0), exec)),
        stopping_(y, opt, derive_seed(seed, 1)),
        sampler_(opt, bins_.p, derive_seed(seed, 2), derive_seed(seed, 3)),
        margin_(static_cast<std::size_t>(X.rows()), 0.0),
        gh_(static_cast<std::size_t>(X.rows())),
        leaf_(static_cast<std::size_t>(X.rows())),
        hist_(bins_) {}

  BoostFit run() {
    BoostFit fit;
    fit.trees.n_features = bins_.p;
    gradients(nullptr, nullptr);
    for (int r = 0; r < opt_.n_rounds; ++r) {
      sample(r);
      grow_tree();
      update_margins();
      append_tree(fit.trees);
      ++fit.rounds;
      if (!stopping_.enabled()) continue;
      const double score = stopping_.score(margin_, exec_);
      fit.eval_history.push_back(score);
      if (stopping_.record(r, score)) break;
    }
    if (stopping_.enabled()) {
      fit.best_iteration = stopping_.best_round() + 1;
      fit.trees.keep_trees(fit.best_iteration);
    }
    return fit;
  }

 private:
  // A node of the level being split, and its split.
  struct Chosen {
    std::size_t slot;
    SplitInfo split;
  };

  // Gradients at the current margins (and, given this tree's leaf of every
  // row, the margins updated first), in blocks of rows in storage order.
  void gradients(const std::uint32_t* leaf, const double* value) {
    const std::size_t n = margin_.size();
    run_((n + kBoostBlockRows - 1) / kBoostBlockRows, n, [&](std::size_t b0, std::size_t b1) {
      const std::size_t first = b0 * kBoostBlockRows, last = std::min(n, b1 * kBoostBlockRows);
      simd::boost_gradients(margin_.data() + first, leaf == nullptr ? nullptr : leaf + first, value, y_.data() + first,
                            case_weight_ == nullptr ? nullptr : case_weight_ + first, opt_.scale_pos_weight,
                            kMinHessian, last - first, &gh_[first].g);
    });
  }

  // This round's rows (the partition's root rows) and features; rows left
  // out and the validation rows go to out_rows_, whose margins are updated
  // by walking the tree.
  void sample(int round) {
    out_rows_.assign(stopping_.valid_rows().begin(), stopping_.valid_rows().end());
    sampler_.rows(round, stopping_.train_rows(), partition_.root_rows(), out_rows_);
    sampler_.features(round, features_);
    partition_.begin_tree();
    hist_.use(gh_.data(), features_);
  }

  // Depth by depth: the best split of every node of the level from its
  // histogram, then the split nodes' rows and children's histograms.
  void grow_tree() {
    nodes_.clear();
    GrowNode root;
    root.rows = {0, partition_.size()};
    hist_.build_root(partition_.buffer(0), partition_.size(), run_);
    root.sums = hist_.sums(0);
    nodes_.push_back(root);
    std::vector<int> level{0};
    for (int depth = 0; depth < opt_.max_depth; ++depth) {
      std::vector<Chosen> chosen;
      for (std::size_t s = 0; s < level.size(); ++s) {
        GrowNode& node = nodes_[static_cast<std::size_t>(level[s])];
        const SplitInfo split = find_best_split(hist_.node(s), node.sums, features_, bins_.n_bins, opt_);
        if (!split.found()) continue;
        node.feature = split.feature;
        node.bin = split.bin;
        chosen.push_back({s, split});
      }
      if (chosen.empty()) break;
      level = split_level(level, chosen, depth + 1 < opt_.max_depth);
    }
    for (auto& node : nodes_)
      if (node.feature < 0) node.value = opt_.learning_rate * leaf_weight(node.sums, opt_);
  }

  // Splits the chosen nodes of `level`: their rows move to the partition's
  // other buffer, left child first. When the children will be split further,
  // the same pass over each block sums its rows of the smaller child into the
  // block's partial histogram while they are still in cache; the larger
  // child's histogram is then its parent's minus the smaller one's. Returns
  // the children, in order.
  std::vector<int> split_level(const std::vector<int>& level, const std::vector<Chosen>& chosen, bool build) {
    std::vector<RowPartition::Cut> cuts;
    for (const Chosen& c : chosen) {
      const GrowNode& node = nodes_[static_cast<std::size_t>(level[c.slot])];
      cuts.push_back({node.rows, bins_.columns.col(node.feature), node.bin});
    }
    partition_.plan(cuts, run_);
    std::vector<int> next;
    for (std::size_t k = 0; k < chosen.size(); ++k) {
      const auto id = static_cast<std::size_t>(level[chosen[k].slot]);
      GrowNode left, right;
      left.rows = partition_.left_child(k);
      right.rows = partition_.right_child(k);
      left.sums = chosen[k].split.left;
      right.sums = {nodes_[id].sums.g - left.sums.g, nodes_[id].sums.h - left.sums.h};
      left.buf = right.buf = 1 - partition_.current();
      const int l = static_cast<int>(nodes_.size());
      nodes_.push_back(left);
      nodes_.push_back(right);
      nodes_[id].left = l;
      next.push_back(l);
      next.push_back(l + 1);
    }
    if (build) hist_.reserve_blocks(partition_.n_blocks());
    run_(partition_.n_blocks(), partition_.level_rows(), [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        const RowPartition::Scattered runs = partition_.scatter(b);
        if (build) {
          hist_.build_block(b, partition_.target(),
                            partition_.left_smaller(partition_.job(b)) ? runs.left : runs.right);
        }
      }
    });
    partition_.end_level();
    if (!build) return next;
    hist_.begin_children(next.size());
    for (std::size_t k = 0; k < chosen.size(); ++k) {
      hist_.derive_children(k, chosen[k].slot, partition_.left_smaller(k), partition_.first_block(k),
                            partition_.first_block(k + 1));
    }
    hist_.end_children();
    return next;
  }

  int leaf_of(std::uint32_t i) const {
    const std::uint8_t* row = bins_.row(i);
    std::size_t id = 0;
    while (nodes_[id].feature >= 0) {
      const GrowNode& node = nodes_[id];
      id = static_cast<std::size_t>(node.left + (row[node.feature] <= node.bin ? 0 : 1));
    }
    return static_cast<int>(id);
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
      buffers.push_back(partition_.buffer(node.buf));
    }
    blocks_of(leaves, blocks_);
    run_(blocks_.size(), partition_.size(), [&](std::size_t b0, std::size_t b1) {
      for (std::size_t b = b0; b < b1; ++b) {
        const std::uint32_t id = ids[blocks_[b].job];
        const std::uint32_t* rows = buffers[blocks_[b].job];
        for (std::uint32_t k = blocks_[b].begin; k < blocks_[b].end; ++k) leaf_[rows[k]] = id;
      }
    });
    const std::size_t n_out = out_rows_.size();
    run_((n_out + kBoostBlockRows - 1) / kBoostBlockRows, n_out, [&](std::size_t b0, std::size_t b1) {
      for (std::size_t k = b0 * kBoostBlockRows; k < std::min(n_out, b1 * kBoostBlockRows); ++k)
        leaf_[out_rows_[k]] = static_cast<std::uint32_t>(leaf_of(out_rows_[k]));
    });
    gradients(leaf_.data(), values_.data());
  }

  // The grown tree in the stored form: a split node's value is its
  // threshold, a leaf's its margin.
  void append_tree(TreeEnsemble& trees) {
    tree_feature_.clear();
    tree_left_.clear();
    tree_value_.clear();
    for (const GrowNode& node : nodes_) {
      const bool split = node.feature >= 0;
      tree_feature_.push_back(node.feature);
      tree_left_.push_back(split ? node.left : 0);
      tree_value_.push_back(
          split ? bins_.thresholds[static_cast<std::size_t>(node.feature)][static_cast<std::size_t>(node.bin)]
                : node.value);
    }
    trees.add_tree(tree_feature_, tree_left_, tree_value_);
  }

  const BoostOptions& opt_;
  const Eigen::Ref<const Eigen::VectorXi>& y_;
  const double* case_weight_;
  const Executor& exec_;
  BlockRunner run_;
  BoostBins bins_;
  EarlyStopping stopping_;
  RoundSampler sampler_;

  std::vector<double> margin_;
  std::vector<GradPair> gh_;
  std::vector<std::uint32_t> leaf_;      // the current tree's leaf of every row
  std::vector<double> values_;           // the current tree's node values
  std::vector<std::uint32_t> out_rows_;  // rows the current tree did not train on
  std::vector<int> features_;            // the current tree's features, ascending

  RowPartition partition_;
  HistogramSet hist_;
  std::vector<GrowNode> nodes_;
  std::vector<Block> blocks_;
  std::vector<std::int32_t> tree_feature_, tree_left_;
  std::vector<double> tree_value_;
};

}  // namespace detail

// `case_weight`, when given, holds a positive weight per row: the gradient
// and hessian of a row of weight w are w times its own, so a whole-number
// weight fits what that many copies of the row would. Early stopping scores
// its held-out rows unweighted.
inline BoostFit fit_boost(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y, const BoostOptions& opt,
                          std::uint64_t seed, const Executor& exec = serial_executor(),
                          const double* case_weight = nullptr) {
  require(opt.n_rounds >= 1, "n_rounds must be at least 1");
  require(opt.max_depth >= 1, "max_depth must be at least 1");
  require(opt.learning_rate > 0, "learning_rate must be positive");
  require(opt.lambda >= 0 && opt.min_child_weight >= 0 && opt.scale_pos_weight > 0,
          "lambda and min_child_weight must be >= 0, scale_pos_weight > 0");
  require(opt.subsample > 0 && opt.subsample <= 1 && opt.colsample > 0 && opt.colsample <= 1,
          "subsample and colsample must be in (0, 1]");
  check(X.cols() >= 1, kind::empty, "Boosting needs at least one predictor column.");
  check(X.rows() >= 1 && X.rows() < (Eigen::Index(1) << 31), kind::size,
        "Boosting needs between 1 and 2^31 - 1 training rows.");
  require(y.size() == X.rows(), "X and y must have the same number of rows");
  for (Eigen::Index i = 0; i < y.size(); ++i) require(y(i) == 0 || y(i) == 1, "labels must be 0 or 1");
  check(X.all_finite(), kind::infinite, "The predictors must be finite.");
  detail::BoostTrainer trainer(X, y, opt, seed, exec, case_weight);
  return trainer.run();
}

// Event probabilities: the sigmoid of the sum of each tree's leaf.
inline void predict_boost(const BoostFit& fit, const Columns& X, Eigen::Ref<Eigen::VectorXd> prob,
                          const Executor& exec = serial_executor()) {
  accumulate_leaves(fit.trees, X, prob, exec, [](double margin) { return detail::sigmoid(margin); });
}

}  // namespace smotelab
