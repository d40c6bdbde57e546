// The one stored form of a tree ensemble, shared by the random forest and
// boosting: its layout, its check after a round trip through storage, and the
// walk that sums each row's leaf values over the trees.
//
// As in ranger, every tree type has one representation, and a node's one
// value is its split value when it splits and its prediction when it is a
// leaf. Children are stored next to each other (right = left + 1), so a node
// takes 16 bytes: a forest grown to small leaves on a million rows holds tens
// of millions of nodes, and a separate threshold vector would cost half as
// much memory again.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "columns.hpp"
#include "errors.hpp"
#include "parallel.hpp"

namespace smotelab {

// Trees stored flat. Tree t owns nodes [tree_start[t], tree_start[t + 1]).
// Node k is a leaf when feature[k] < 0, and value[k] is then its prediction.
// Otherwise a row goes to node tree_start[t] + left[k] when
// x[feature[k]] <= value[k], and to the node after that one when not.
struct TreeEnsemble {
  int n_features = 0;
  std::vector<std::int32_t> tree_start{0};
  std::vector<std::int32_t> feature;
  std::vector<std::int32_t> left;
  std::vector<double> value;

  int n_trees() const { return static_cast<int>(tree_start.size()) - 1; }

  // Appends one tree whose `left` indices count from its own root.
  void add_tree(const std::vector<std::int32_t>& tree_feature, const std::vector<std::int32_t>& tree_left,
                const std::vector<double>& tree_value) {
    feature.insert(feature.end(), tree_feature.begin(), tree_feature.end());
    left.insert(left.end(), tree_left.begin(), tree_left.end());
    value.insert(value.end(), tree_value.begin(), tree_value.end());
    check(feature.size() < (std::size_t{1} << 31), kind::size, "The trees have more than 2^31 nodes; limit max_depth.");
    tree_start.push_back(static_cast<std::int32_t>(feature.size()));
  }

  // Keeps the first `n` trees (early stopping keeps the best round's).
  void keep_trees(int n) {
    const auto nodes = static_cast<std::size_t>(tree_start[static_cast<std::size_t>(n)]);
    tree_start.resize(static_cast<std::size_t>(n) + 1);
    feature.resize(nodes);
    left.resize(nodes);
    value.resize(nodes);
  }
};

// Checks that trees read back from storage, which may have been edited or
// damaged, can be walked without bounds checks: consistent vector lengths,
// trees that start in increasing order, split features that exist, and both
// children of a node inside its tree and after it, so every walk ends at a
// leaf.
inline void validate_trees(const TreeEnsemble& trees) {
  const std::string kDamaged = "The fitted trees can't be used: their stored nodes are damaged.";
  const std::size_t m = trees.feature.size();
  check_stored(trees.n_features > 0 && trees.tree_start.size() >= 2 && trees.tree_start.front() == 0 &&
                   static_cast<std::size_t>(trees.tree_start.back()) == m && trees.left.size() == m &&
                   trees.value.size() == m,
               kDamaged);
  for (std::size_t t = 0; t + 1 < trees.tree_start.size(); ++t) {
    const std::int32_t first = trees.tree_start[t], size = trees.tree_start[t + 1] - first;
    check_stored(size >= 1 && static_cast<std::size_t>(trees.tree_start[t + 1]) <= m, kDamaged);
    for (std::int32_t k = 0; k < size; ++k) {
      const auto at = static_cast<std::size_t>(first + k);
      if (trees.feature[at] < 0) continue;
      check_stored(trees.feature[at] < trees.n_features && trees.left[at] > k && trees.left[at] < size - 1, kDamaged);
    }
  }
}

// Rows that walk a tree together. Each row's walk is a chain of dependent
// loads, most of them cache misses in deep trees; walking several rows in
// step lets the processor overlap their misses instead of waiting for each
// in turn.
namespace detail {
constexpr std::size_t kWalkLanes = 8;
}  // namespace detail

// out[i] = finish(sum over trees of the value of the leaf row i reaches).
// Rows go in blocks, trees in order within a block, so each row's sum is
// taken in the same order whatever the schedule; walking every row of a
// block through one tree before the next keeps that tree in cache.
template <class Finish>
void accumulate_leaves(const TreeEnsemble& trees, const Columns& X, Eigen::Ref<Eigen::VectorXd> out,
                       const Executor& exec, Finish finish) {
  check_stored(X.cols() == trees.n_features, "The data have " + std::to_string(X.cols()) +
                                                 " columns; the trees were fitted on " +
                                                 std::to_string(trees.n_features) + ".");
  require(out.size() == X.rows(), "the output must have one entry per row");
  std::vector<const double*> cols(static_cast<std::size_t>(X.cols()));
  for (Eigen::Index j = 0; j < X.cols(); ++j) cols[static_cast<std::size_t>(j)] = X.col(j).data();
  const double* const* column = cols.data();
  const std::int32_t* feature = trees.feature.data();
  const std::int32_t* left = trees.left.data();
  const double* value = trees.value.data();
  const int n_trees = trees.n_trees();
  constexpr std::size_t block = 256;
  const auto n = static_cast<std::size_t>(X.rows());
  exec((n + block - 1) / block, 1, [&](std::size_t b0, std::size_t b1) {
    double sum[block];
    for (std::size_t b = b0; b < b1; ++b) {
      const std::size_t first = b * block, count = std::min(block, n - first);
      std::fill(sum, sum + count, 0.0);
      for (int t = 0; t < n_trees; ++t) {
        const std::int32_t start = trees.tree_start[static_cast<std::size_t>(t)];
        for (std::size_t i = 0; i < count; i += detail::kWalkLanes) {
          const std::size_t lanes = std::min(detail::kWalkLanes, count - i);
          const std::size_t row = first + i;
          std::int32_t k[detail::kWalkLanes];
          std::fill(k, k + detail::kWalkLanes, start);
          for (bool moved = true; moved;) {
            moved = false;
            for (std::size_t g = 0; g < lanes; ++g) {
              const std::int32_t f = feature[k[g]];
              if (f < 0) continue;
              k[g] = start + left[k[g]] + (column[f][row + g] > value[k[g]] ? 1 : 0);
              moved = true;
            }
          }
          for (std::size_t g = 0; g < lanes; ++g) sum[i + g] += value[k[g]];
        }
      }
      for (std::size_t i = 0; i < count; ++i) out(static_cast<Eigen::Index>(first + i)) = finish(sum[i]);
    }
  });
}

}  // namespace smotelab
