// Random forest for binary classification on the binned design.
//
// The design is binned once per fit (binning.hpp); each tree then works on one
// byte per cell. A tree draws a bootstrap sample of n rows, kept as a list of
// the distinct rows drawn with their multiplicity, never as a copied matrix.
// Rows of a node are a contiguous, ascending run of that list; a split
// partitions the run stably in place, so reads of the binned columns move
// forward through memory. Split search counts (negative, positive) bootstrap
// copies per bin and maximises the weighted Gini criterion over `mtry`
// features drawn per node. Class weights are constant per class within a
// tree, so histograms hold integer counts and weights enter only when a split
// is scored: sums are exact and independent of row order.
//
// Case weights follow scikit-learn's sample_weight: a row's mass in a tree
// is its bootstrap copies times its case weight (times its class weight), and
// both the Gini criterion and the leaf proportions use masses. Histograms
// then also sum masses in doubles, on a separate path, so the unweighted
// forest keeps its integer histograms. min_node_size still counts bootstrap
// copies, not mass, as scikit-learn's min_samples_leaf counts samples.
//
// Leaves hold the weighted proportion of the event class; the forest's
// probability is the mean over trees (ranger's probability forest,
// scikit-learn's predict_proba). Each tree has its own Rng stream and its own
// output slot, so the forest is bit-identical for any number of threads.
//
// The subtraction trick of gradient boosting (build the smaller child's
// histogram, subtract it from the parent's for the larger) is not used: the
// parent's histograms cover its own mtry features, of which a child shares on
// average only mtry / p, and small nodes are searched by sorting instead.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "binning.hpp"
#include "columns.hpp"
#include "errors.hpp"
#include "parallel.hpp"
#include "rng.hpp"
#include "tree.hpp"

namespace smotelab {

enum class ForestClassWeight { none, balanced, balanced_subsample };

struct ForestOptions {
  int n_trees = 500;
  int mtry = 0;           // features tried per node; 0 means floor(sqrt(p)), at least 1
  int min_node_size = 1;  // as ranger: a node with at most this many rows (bootstrap copies counted) is a leaf
  int max_depth = 0;      // 0 means unlimited; the root has depth 0
  ForestClassWeight class_weight = ForestClassWeight::none;
  bool bootstrap = true;  // false: every tree sees every row once (for tests against single trees)
  int max_bins = kMaxBins;
};

// The trees (leaves hold the event proportion) and what the forest reports
// about them.
struct ForestFit {
  TreeEnsemble trees;
  std::vector<std::int32_t> depth;   // per tree: depth of its deepest leaf
  std::vector<std::int32_t> leaves;  // per tree: number of leaves
  // Per feature: total weighted Gini decrease of the splits on it, divided by
  // the tree's root weight, averaged over trees (not rescaled to sum to 1).
  std::vector<double> importance;
  // Per tree: copies of class 0, then of class 1, in its bootstrap sample.
  std::vector<std::int64_t> bag_counts;

  int n_trees() const { return trees.n_trees(); }
};

// The balanced random forest's draw (Chen, Liaw and Breiman 2004, as
// imbalanced-learn's BalancedRandomForestClassifier): before its bootstrap,
// each tree under-samples the rows of each class to `keep[c]`, with or
// without replacement; the bootstrap then draws from those rows only. The
// under-sampled rows are a list of row numbers, never a copy of the data.
struct TreeUnderSampling {
  std::uint64_t keep[2] = {0, 0};
  bool replacement = false;
  std::vector<std::uint32_t> rows[2];  // the rows of each class, filled by fit_forest()
};

namespace detail {

// A bootstrap row: its index and (copies << 1 | class).
struct BagRow {
  std::uint32_t row;
  std::uint32_t tag;
};

// Nodes with at most this many distinct rows are searched by sorting their
// (bin, tag) pairs, which is cheaper than clearing and scanning 255 bins.
constexpr std::size_t kSortSearchRows = 64;

struct TreeNodes {
  std::vector<std::int32_t> feature;
  std::vector<std::int32_t> left;
  std::vector<double> value;
  std::vector<double> importance;
  int depth = 0;
  int leaves = 0;
  std::uint64_t bag[2] = {0, 0};
};

struct SplitCandidate {
  int feature = -1;
  int bin_lo = 0;  // last bin of the left child that holds rows of the node
  int bin_hi = 0;  // first bin of the right child that holds rows of the node
  double score = -1;
  std::uint64_t left0 = 0, left1 = 0;
  double mass0 = 0, mass1 = 0;  // the left child's masses (copies times case weights)
};

// Weighted Gini criterion of a split: sum over children of
// (w0^2 + w1^2) / (w0 + w1). Maximising it minimises the weighted impurity of
// the children; its gain over the parent's is the impurity decrease.
inline double split_score(double w0l, double w1l, double w0r, double w1r) {
  return (w0l * w0l + w1l * w1l) / (w0l + w1l) + (w0r * w0r + w1r * w1r) / (w0r + w1r);
}

class TreeGrower {
 public:
  TreeGrower(const BinnedMatrix& bins, const BinMapper& mapper, const Eigen::Ref<const Eigen::VectorXi>& y,
             const ForestOptions& opt, int mtry, const double balanced[2], const TreeUnderSampling* under = nullptr,
             const double* case_weight = nullptr)
      : bins_(bins),
        mapper_(mapper),
        y_(y),
        opt_(opt),
        mtry_(mtry),
        n_(static_cast<std::size_t>(y.size())),
        counts_(n_, 0),
        scratch_(n_),
        hist_(2 * kMaxBins + 2, 0),
        features_(static_cast<std::size_t>(bins.cols)),
        under_(under),
        case_weight_(case_weight) {
    bag_.reserve(n_);
    if (case_weight_) mass_hist_.assign(2 * kMaxBins + 2, 0.0);
    if (under_) marked_.assign(n_, 0);
    balanced_[0] = balanced[0];
    balanced_[1] = balanced[1];
  }

  TreeNodes grow(std::uint64_t seed, std::uint64_t tree) {
    Rng rng(seed, tree + 1);  // stream 0 is the binning sample's
    // The feature draw permutes this list in place; starting each tree from
    // the identity keeps a tree independent of the trees grown before it.
    for (std::size_t j = 0; j < features_.size(); ++j) features_[j] = static_cast<int>(j);
    draw_bag(rng);
    TreeNodes out;
    out.importance.assign(features_.size(), 0.0);

    std::uint64_t total[2] = {0, 0};
    for (const BagRow& r : bag_) total[r.tag & 1] += r.tag >> 1;
    double mass[2] = {static_cast<double>(total[0]), static_cast<double>(total[1])};
    if (case_weight_) {
      mass[0] = mass[1] = 0;
      for (const BagRow& r : bag_) mass[r.tag & 1] += row_mass(r);
    }
    out.bag[0] = total[0];
    out.bag[1] = total[1];
    set_weights(total);
    const double root_weight = cw_[0] * mass[0] + cw_[1] * mass[1];

    struct Task {
      std::int32_t node;
      std::size_t begin, end;
      int depth;
      std::uint64_t n0, n1;
      double m0, m1;
    };
    std::vector<Task> stack;
    out.feature.push_back(-1);
    out.left.push_back(0);
    out.value.push_back(0.0);
    stack.push_back({0, 0, bag_.size(), 0, total[0], total[1], mass[0], mass[1]});
    while (!stack.empty()) {
      const Task t = stack.back();
      stack.pop_back();
      const auto k = static_cast<std::size_t>(t.node);
      const double w0 = cw_[0] * t.m0, w1 = cw_[1] * t.m1;
      const bool can_split = t.n0 > 0 && t.n1 > 0 && t.n0 + t.n1 > static_cast<std::uint64_t>(opt_.min_node_size) &&
                             (opt_.max_depth == 0 || t.depth < opt_.max_depth);
      SplitCandidate best;
      if (can_split) best = find_split(rng, t.begin, t.end, {t.n0, t.n1, t.m0, t.m1});
      if (best.feature < 0) {
        out.value[k] = w1 / (w0 + w1);
        out.depth = std::max(out.depth, t.depth);
        ++out.leaves;
        continue;
      }
      // Every value between the thresholds after bin_lo and before bin_hi
      // splits the node's rows alike; as ranger and scikit-learn cut halfway
      // between the neighbouring values, the stored cut is halfway across the gap.
      const double cut =
          (mapper_.threshold(best.feature, best.bin_lo) + mapper_.threshold(best.feature, best.bin_hi - 1)) / 2;
      const std::size_t mid = partition(t.begin, t.end, best.feature, best.bin_lo);
      out.importance[static_cast<std::size_t>(best.feature)] += best.score - (w0 * w0 + w1 * w1) / (w0 + w1);

      const auto child = static_cast<std::int32_t>(out.feature.size());
      out.feature[k] = best.feature;
      out.left[k] = child;
      out.value[k] = cut;
      for (int c = 0; c < 2; ++c) {
        out.feature.push_back(-1);
        out.left.push_back(0);
        out.value.push_back(0.0);
      }
      stack.push_back({child + 1, mid, t.end, t.depth + 1, t.n0 - best.left0, t.n1 - best.left1,
                       right_mass(t.n0, best.left0, t.m0, best.mass0), right_mass(t.n1, best.left1, t.m1, best.mass1)});
      stack.push_back({child, t.begin, mid, t.depth + 1, best.left0, best.left1, best.mass0, best.mass1});
    }
    for (double& v : out.importance) v /= root_weight;
    return out;
  }

 private:
  void draw_bag(Rng& rng) {
    bag_.clear();
    if (under_) {
      draw_under_sampled(rng);
    } else if (opt_.bootstrap) {
      for (std::size_t i = 0; i < n_; ++i) ++counts_[rng.below(n_)];
    } else {
      std::fill(counts_.begin(), counts_.end(), 1U);
    }
    for (std::size_t i = 0; i < n_; ++i) {
      if (counts_[i] == 0) continue;
      bag_.push_back({static_cast<std::uint32_t>(i),
                      counts_[i] << 1 | static_cast<std::uint32_t>(y_(static_cast<Eigen::Index>(i)))});
      counts_[i] = 0;
    }
  }

  // Each class's kept rows go to picked_ (Floyd's sampling without
  // replacement marks rows, so it costs keep[c] draws, not n_c); the
  // bootstrap then draws as many rows from picked_ as it holds, as
  // scikit-learn bootstraps the under-sampled rows imbalanced-learn hands it.
  void draw_under_sampled(Rng& rng) {
    picked_.clear();
    for (int c = 0; c < 2; ++c) {
      const std::vector<std::uint32_t>& rows = under_->rows[c];
      const std::uint64_t n_c = rows.size(), keep = under_->keep[c];
      if (under_->replacement) {
        for (std::uint64_t k = 0; k < keep; ++k) picked_.push_back(rows[rng.below(n_c)]);
      } else if (keep == n_c) {
        picked_.insert(picked_.end(), rows.begin(), rows.end());
      } else {
        for (std::uint64_t j = n_c - keep; j < n_c; ++j) {
          const std::uint32_t t = rows[rng.below(j + 1)];
          const std::uint32_t r = marked_[t] ? rows[j] : t;
          marked_[r] = 1;
          picked_.push_back(r);
        }
        for (std::uint32_t r : picked_) marked_[r] = 0;
      }
    }
    const std::uint64_t m = picked_.size();
    if (opt_.bootstrap) {
      for (std::uint64_t k = 0; k < m; ++k) ++counts_[picked_[rng.below(m)]];
    } else {
      for (std::uint32_t r : picked_) ++counts_[r];
    }
  }

  // scikit-learn's "balanced": n / (2 n_k) from the training labels;
  // "balanced_subsample": the same from this tree's bootstrap class counts.
  void set_weights(const std::uint64_t total[2]) {
    cw_[0] = cw_[1] = 1.0;
    if (opt_.class_weight == ForestClassWeight::balanced) {
      cw_[0] = balanced_[0];
      cw_[1] = balanced_[1];
    } else if (opt_.class_weight == ForestClassWeight::balanced_subsample) {
      const double all = static_cast<double>(total[0] + total[1]);
      for (int c = 0; c < 2; ++c)
        if (total[c] > 0) cw_[c] = all / (2.0 * static_cast<double>(total[c]));
    }
  }

  // A node's copies and masses per class.
  struct NodeCounts {
    std::uint64_t n0, n1;
    double m0, m1;
  };

  // The right child's mass of a class: exactly 0 when it holds no copy of
  // it, whatever rounding the difference of the sums left.
  static double right_mass(std::uint64_t n, std::uint64_t left, double m, double m_left) {
    return n == left ? 0.0 : m - m_left;
  }

  // A bag row's mass: its copies times its case weight.
  double row_mass(const BagRow& r) const {
    return static_cast<double>(r.tag >> 1) * case_weight_[static_cast<std::size_t>(r.row)];
  }

  SplitCandidate find_split(Rng& rng, std::size_t begin, std::size_t end, const NodeCounts& node) {
    const std::size_t p = features_.size();
    for (std::size_t m = 0; m < static_cast<std::size_t>(mtry_); ++m) {
      std::swap(features_[m], features_[m + rng.below(p - m)]);
    }
    SplitCandidate best;
    const bool by_sorting = end - begin <= kSortSearchRows;
    for (std::size_t m = 0; m < static_cast<std::size_t>(mtry_); ++m) {
      const int j = features_[m];
      if (by_sorting) {
        if (case_weight_) {
          search_sorted_weighted(j, begin, end, node, best);
        } else {
          search_sorted(j, begin, end, node, best);
        }
      } else if (case_weight_) {
        search_histogram<true>(j, begin, end, node, best);
      } else {
        search_histogram<false>(j, begin, end, node, best);
      }
    }
    return best;
  }

  // Offers the split "bin <= b" with left copies (l0, l1) and masses (m0,
  // m1); `prev_best_here` tracks whether the best split so far ended at the
  // previous occupied bin of this feature, whose successor then becomes its
  // bin_hi. Without case weights the masses are the copies, exactly, and
  // the score is computed from the integer counts as before weights existed.
  template <bool Weighted>
  void offer(int j, int b, std::uint64_t l0, std::uint64_t l1, double m0, double m1, const NodeCounts& node,
             SplitCandidate& best) const {
    const std::uint64_t r0 = node.n0 - l0, r1 = node.n1 - l1;
    if (l0 + l1 == 0 || r0 + r1 == 0) return;
    double score;
    if constexpr (Weighted) {
      score = split_score(cw_[0] * m0, cw_[1] * m1, cw_[0] * right_mass(node.n0, l0, node.m0, m0),
                          cw_[1] * right_mass(node.n1, l1, node.m1, m1));
    } else {
      score = split_score(cw_[0] * static_cast<double>(l0), cw_[1] * static_cast<double>(l1),
                          cw_[0] * static_cast<double>(r0), cw_[1] * static_cast<double>(r1));
    }
    if (score > best.score) {
      best.score = score;
      best.feature = j;
      best.bin_lo = b;
      best.bin_hi = -1;
      best.left0 = l0;
      best.left1 = l1;
      best.mass0 = Weighted ? m0 : static_cast<double>(l0);
      best.mass1 = Weighted ? m1 : static_cast<double>(l1);
    }
  }

  template <bool Weighted>
  void search_histogram(int j, std::size_t begin, std::size_t end, const NodeCounts& node, SplitCandidate& best) {
    const int nb = mapper_.n_bins(j);
    std::uint32_t* h = hist_.data();
    std::fill(h, h + 2 * nb, 0U);
    double* hm = Weighted ? mass_hist_.data() : nullptr;
    if constexpr (Weighted) std::fill(hm, hm + 2 * nb, 0.0);
    const std::uint8_t* codes = bins_.col(j);
    const BagRow* rows = bag_.data();
    for (std::size_t i = begin; i < end; ++i) {
      const BagRow r = rows[i];
      const std::size_t at = 2 * codes[r.row] + (r.tag & 1);
      h[at] += r.tag >> 1;
      if constexpr (Weighted) hm[at] += row_mass(r);
    }
    std::uint64_t l0 = 0, l1 = 0;
    double m0 = 0, m1 = 0;
    for (int b = 0; b < nb; ++b) {
      if (h[2 * b] == 0 && h[2 * b + 1] == 0) continue;
      if (best.feature == j && best.bin_hi < 0) best.bin_hi = b;
      l0 += h[2 * b];
      l1 += h[2 * b + 1];
      if constexpr (Weighted) {
        m0 += hm[2 * b];
        m1 += hm[2 * b + 1];
        offer<true>(j, b, l0, l1, m0, m1, node, best);
      } else {
        offer<false>(j, b, l0, l1, 0.0, 0.0, node, best);
      }
    }
  }

  void search_sorted(int j, std::size_t begin, std::size_t end, const NodeCounts& node, SplitCandidate& best) {
    const std::uint8_t* codes = bins_.col(j);
    keys_.clear();
    for (std::size_t i = begin; i < end; ++i) {
      const BagRow r = bag_[i];
      keys_.push_back(static_cast<std::uint64_t>(codes[r.row]) << 32 | r.tag);
    }
    std::sort(keys_.begin(), keys_.end());
    std::uint64_t l0 = 0, l1 = 0;
    for (std::size_t i = 0; i < keys_.size();) {
      const int b = static_cast<int>(keys_[i] >> 32);
      if (best.feature == j && best.bin_hi < 0) best.bin_hi = b;
      for (; i < keys_.size() && static_cast<int>(keys_[i] >> 32) == b; ++i) {
        const auto tag = static_cast<std::uint32_t>(keys_[i]);
        (tag & 1 ? l1 : l0) += tag >> 1;
      }
      offer<false>(j, b, l0, l1, 0.0, 0.0, node, best);
    }
  }

  // The same with case weights: the sorted keys carry the bag index, whose
  // row gives the mass.
  void search_sorted_weighted(int j, std::size_t begin, std::size_t end, const NodeCounts& node, SplitCandidate& best) {
    const std::uint8_t* codes = bins_.col(j);
    keys_.clear();
    for (std::size_t i = begin; i < end; ++i)
      keys_.push_back(static_cast<std::uint64_t>(codes[bag_[i].row]) << 32 | static_cast<std::uint64_t>(i));
    std::sort(keys_.begin(), keys_.end());
    std::uint64_t l0 = 0, l1 = 0;
    double m0 = 0, m1 = 0;
    for (std::size_t i = 0; i < keys_.size();) {
      const int b = static_cast<int>(keys_[i] >> 32);
      if (best.feature == j && best.bin_hi < 0) best.bin_hi = b;
      for (; i < keys_.size() && static_cast<int>(keys_[i] >> 32) == b; ++i) {
        const BagRow& r = bag_[static_cast<std::size_t>(keys_[i] & 0xffffffffu)];
        const bool event = r.tag & 1;
        (event ? l1 : l0) += r.tag >> 1;
        (event ? m1 : m0) += row_mass(r);
      }
      offer<true>(j, b, l0, l1, m0, m1, node, best);
    }
  }

  // Stable partition of bag_[begin, end): rows with bin <= b first. Returns
  // the start of the right child.
  std::size_t partition(std::size_t begin, std::size_t end, int j, int b) {
    const std::uint8_t* codes = bins_.col(j);
    std::size_t out = begin, spill = 0;
    for (std::size_t i = begin; i < end; ++i) {
      const BagRow r = bag_[i];
      if (codes[r.row] <= b) {
        bag_[out++] = r;
      } else {
        scratch_[spill++] = r;
      }
    }
    std::copy(scratch_.begin(), scratch_.begin() + static_cast<std::ptrdiff_t>(spill),
              bag_.begin() + static_cast<std::ptrdiff_t>(out));
    return out;
  }

  const BinnedMatrix& bins_;
  const BinMapper& mapper_;
  const Eigen::Ref<const Eigen::VectorXi>& y_;
  const ForestOptions& opt_;
  int mtry_;
  std::size_t n_;
  std::vector<std::uint32_t> counts_;
  std::vector<BagRow> bag_;
  std::vector<BagRow> scratch_;
  std::vector<std::uint32_t> hist_;
  std::vector<std::uint64_t> keys_;
  std::vector<int> features_;
  const TreeUnderSampling* under_;
  const double* case_weight_;
  std::vector<double> mass_hist_;
  std::vector<std::uint32_t> picked_;
  std::vector<char> marked_;
  double balanced_[2] = {1.0, 1.0};
  double cw_[2] = {1.0, 1.0};
};

}  // namespace detail

inline int forest_mtry(const ForestOptions& opt, Eigen::Index p) {
  if (opt.mtry > 0) return opt.mtry;
  return std::max(1, static_cast<int>(std::floor(std::sqrt(static_cast<double>(p)))));
}

// y holds 0/1 labels, 1 the event. `seed` seeds the binning sample and the
// trees (tree t uses stream t + 1). With `under`, each tree under-samples
// its rows first (see TreeUnderSampling); its `rows` are filled here.
// `case_weight`: none, or one finite weight > 0 per row.
inline ForestFit fit_forest(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y, const ForestOptions& opt,
                            std::uint64_t seed, const Executor& exec = serial_executor(),
                            TreeUnderSampling* under = nullptr, const double* case_weight = nullptr) {
  const Eigen::Index n = X.rows(), p = X.cols();
  require(y.size() == n, "X and y must have the same number of rows");
  check(n > 0 && p > 0, kind::empty, "The forest needs at least one row and one predictor column.");
  check(n < (Eigen::Index{1} << 31), kind::size, "The forest handles fewer than 2^31 rows.");
  require(opt.n_trees >= 1, "n_trees must be at least 1");
  require(opt.min_node_size >= 1, "min_node_size must be at least 1");
  require(opt.max_depth >= 0, "max_depth must be at least 1 (or 0 for unlimited)");
  const int mtry = forest_mtry(opt, p);
  check(mtry <= p, kind::argument,
        "mtry = " + std::to_string(mtry) + " is more than the " + std::to_string(p) +
            " predictor columns the forest sees");
  std::uint64_t class_n[2] = {0, 0};
  for (Eigen::Index i = 0; i < n; ++i) {
    require(y(i) == 0 || y(i) == 1, "labels must be 0 or 1");
    ++class_n[y(i)];
    if (case_weight)
      require(std::isfinite(case_weight[i]) && case_weight[i] > 0, "case weights must be finite and larger than 0");
  }
  double balanced[2] = {1.0, 1.0};
  for (int c = 0; c < 2; ++c)
    if (class_n[c] > 0) balanced[c] = static_cast<double>(n) / (2.0 * static_cast<double>(class_n[c]));
  if (under) {
    for (int c = 0; c < 2; ++c) {
      require(under->keep[c] <= class_n[c] || (under->replacement && class_n[c] > 0),
              "a tree can't keep more rows of a class than it has without replacement");
      under->rows[c].clear();
      under->rows[c].reserve(class_n[c]);
    }
    require(under->keep[0] + under->keep[1] > 0, "a tree must keep at least one row");
    for (Eigen::Index i = 0; i < n; ++i) under->rows[y(i)].push_back(static_cast<std::uint32_t>(i));
  }

  const BinMapper mapper = fit_bins(X, opt.max_bins, seed, exec);
  const BinnedMatrix bins = apply_bins(mapper, X, exec);

  std::vector<detail::TreeNodes> trees(static_cast<std::size_t>(opt.n_trees));
  exec(trees.size(), 1, [&](std::size_t begin, std::size_t end) {
    detail::TreeGrower grower(bins, mapper, y, opt, mtry, balanced, under, case_weight);
    for (std::size_t t = begin; t < end; ++t) trees[t] = grower.grow(seed, t);
  });

  ForestFit fit;
  fit.trees.n_features = static_cast<int>(p);
  fit.importance.assign(static_cast<std::size_t>(p), 0.0);
  std::size_t total = 0;
  for (const auto& t : trees) total += t.feature.size();
  fit.trees.feature.reserve(total);
  fit.trees.left.reserve(total);
  fit.trees.value.reserve(total);
  for (auto& t : trees) {
    fit.trees.add_tree(t.feature, t.left, t.value);
    fit.depth.push_back(t.depth);
    fit.leaves.push_back(t.leaves);
    fit.bag_counts.push_back(static_cast<std::int64_t>(t.bag[0]));
    fit.bag_counts.push_back(static_cast<std::int64_t>(t.bag[1]));
    for (std::size_t j = 0; j < fit.importance.size(); ++j) fit.importance[j] += t.importance[j];
    t = detail::TreeNodes();
  }
  for (double& v : fit.importance) v /= static_cast<double>(opt.n_trees);
  return fit;
}

// The event probability: the mean of the trees' leaf proportions.
inline void predict_forest(const ForestFit& fit, const Columns& X, Eigen::Ref<Eigen::VectorXd> prob,
                           const Executor& exec = serial_executor()) {
  const auto n_trees = static_cast<double>(fit.n_trees());
  accumulate_leaves(fit.trees, X, prob, exec, [n_trees](double sum) { return sum / n_trees; });
}

}  // namespace smotelab
