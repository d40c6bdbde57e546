// Stratified train/test splits and stratified k-fold assignment.
//
// Class labels arrive coded 0..n_classes-1. The allocation rules follow
// scikit-learn: StratifiedShuffleSplit sizes each class's share of the
// training set with the "approximate mode" of the multivariate hypergeometric,
// and StratifiedKFold deals each class round robin so that every fold holds
// as many rows of each class as any other, give or take one. The *_numpy
// versions draw from numpy's legacy RandomState in scikit-learn 1.2's order,
// so that they return what train_test_split(stratify = y) and
// StratifiedKFold(shuffle = True) return for the same random_state.
#pragma once

#include <algorithm>
#include <cmath>
#include <functional>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <vector>

#include "smotelab/errors.hpp"
#include "smotelab/numpy_random.hpp"
#include "smotelab/rng.hpp"

namespace smotelab {

// Rows per class; every label must lie in [0, n_classes).
inline std::vector<std::size_t> class_counts(const int* y, std::size_t n, int n_classes) {
  require(n_classes >= 1, "there must be at least one class");
  std::vector<std::size_t> counts(static_cast<std::size_t>(n_classes), 0);
  for (std::size_t i = 0; i < n; ++i) {
    require(y[i] >= 0 && y[i] < n_classes, "class labels must lie in [0, n_classes)");
    ++counts[static_cast<std::size_t>(y[i])];
  }
  return counts;
}

// How many of n_draws rows each class gets when drawing in proportion to
// `counts`: the floor of each class's exact share, then one more row for the
// classes with the largest fractional parts until n_draws is reached. Ties in
// the fractional part are broken at random. Shares are compared as exact
// integer remainders, so equal fractions always tie.
inline std::vector<std::size_t> approximate_mode(const std::vector<std::size_t>& counts, std::size_t n_draws,
                                                 Rng& rng) {
  const std::size_t total = std::accumulate(counts.begin(), counts.end(), std::size_t{0});
  require(total > 0, "there must be at least one row");
  require(n_draws <= total, "cannot draw more rows than there are");
  // Below 2^32 rows, counts[i] * n_draws fits in 64 bits.
  require(total < (std::size_t{1} << 32), "too many rows for a stratified allocation");
  const std::size_t k = counts.size();
  std::vector<std::size_t> drawn(k);
  std::vector<std::uint64_t> remainder(k);
  std::size_t assigned = 0;
  for (std::size_t i = 0; i < k; ++i) {
    const std::uint64_t exact = static_cast<std::uint64_t>(counts[i]) * n_draws;
    drawn[i] = static_cast<std::size_t>(exact / total);
    remainder[i] = exact % total;
    assigned += drawn[i];
  }
  std::vector<std::size_t> order(k);
  std::iota(order.begin(), order.end(), std::size_t{0});
  rng.shuffle(order.begin(), order.end());
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  // The remainders sum to (n_draws - assigned) * total and each is below
  // total, so at least that many classes have a positive remainder.
  for (std::size_t j = 0; assigned < n_draws; ++j, ++assigned) ++drawn[order[j]];
  return drawn;
}

// Marks n_test rows as test rows (1) and the rest as training rows (0), as
// scikit-learn's StratifiedShuffleSplit does: the training share of each class
// is the approximate mode for n - n_test draws, the test set takes the rest of
// the class, and the rows within a class are chosen by a shuffle.
inline std::vector<unsigned char> stratified_split(const int* y, std::size_t n, int n_classes, std::size_t n_test,
                                                   std::uint64_t seed) {
  const std::vector<std::size_t> counts = class_counts(y, n, n_classes);
  require(n_test <= n, "the test set cannot be larger than the data");
  Rng rng(seed, 0);
  const std::vector<std::size_t> n_train = approximate_mode(counts, n - n_test, rng);

  std::vector<std::vector<std::size_t>> rows(counts.size());
  for (std::size_t c = 0; c < counts.size(); ++c) rows[c].reserve(counts[c]);
  for (std::size_t i = 0; i < n; ++i) rows[static_cast<std::size_t>(y[i])].push_back(i);

  std::vector<unsigned char> is_test(n, 0);
  for (std::size_t c = 0; c < counts.size(); ++c) {
    rng.shuffle(rows[c].begin(), rows[c].end());
    for (std::size_t j = n_train[c]; j < rows[c].size(); ++j) is_test[rows[c][j]] = 1;
  }
  return is_test;
}

// How many rows of each class land in each fold (v x n_classes, row-major).
// As in scikit-learn's StratifiedKFold, the rows sorted by class are dealt to
// the folds in turn, so a class's leftover rows start where the previous
// class's stopped: per class the folds differ by at most one row, and so do
// the fold sizes overall.
inline std::vector<std::size_t> fold_allocation(const std::vector<std::size_t>& counts, std::size_t v) {
  require(v >= 1, "there must be at least one fold");
  const std::size_t k = counts.size();
  std::vector<std::size_t> allocation(v * k, 0);
  std::size_t offset = 0;
  for (std::size_t c = 0; c < k; ++c) {
    for (std::size_t f = 0; f < v; ++f) {
      const std::size_t first = (f + v - offset % v) % v;
      allocation[f * k + c] = counts[c] > first ? (counts[c] - first + v - 1) / v : 0;
    }
    offset += counts[c];
  }
  return allocation;
}

// Fold ids in 0..v-1 for `repeats` independent stratified k-fold partitions,
// written column by column into out (n x repeats). Repeat r draws from stream
// r, so each repeat is reproducible on its own.
inline void stratified_folds(const int* y, std::size_t n, int n_classes, std::size_t v, std::size_t repeats,
                             std::uint64_t seed, int* out) {
  const std::vector<std::size_t> counts = class_counts(y, n, n_classes);
  const std::vector<std::size_t> allocation = fold_allocation(counts, v);
  const std::size_t k = counts.size();

  std::vector<std::vector<int>> labels(k);
  for (std::size_t c = 0; c < k; ++c) {
    labels[c].reserve(counts[c]);
    for (std::size_t f = 0; f < v; ++f) {
      labels[c].insert(labels[c].end(), allocation[f * k + c], static_cast<int>(f));
    }
  }

  std::vector<std::size_t> next(k);
  for (std::size_t r = 0; r < repeats; ++r) {
    Rng rng(seed, r);
    std::vector<std::vector<int>> dealt = labels;
    for (auto& d : dealt) rng.shuffle(d.begin(), d.end());
    std::fill(next.begin(), next.end(), std::size_t{0});
    int* column = out + r * n;
    for (std::size_t i = 0; i < n; ++i) {
      const auto c = static_cast<std::size_t>(y[i]);
      column[i] = dealt[c][next[c]++];
    }
  }
}

// scikit-learn's _approximate_mode, in its floating-point arithmetic: shares
// are compared as doubles, so classes whose exact shares tie may not tie
// here, and the other way round. Ties are broken by a permutation of each
// group of equal remainders, drawn for every group, even once nothing is
// left to add, because scikit-learn draws them too.
inline std::vector<std::size_t> approximate_mode_numpy(const std::vector<std::size_t>& counts, std::size_t n_draws,
                                                       NumpyRandomState& rs) {
  const std::size_t k = counts.size();
  const double total = static_cast<double>(std::accumulate(counts.begin(), counts.end(), std::size_t{0}));
  require(total > 0, "there must be at least one row");
  std::vector<double> continuous(k), floored(k), remainder(k);
  double floored_sum = 0.0;
  for (std::size_t i = 0; i < k; ++i) {
    continuous[i] = static_cast<double>(counts[i]) / total * static_cast<double>(n_draws);
    floored[i] = std::floor(continuous[i]);
    remainder[i] = continuous[i] - floored[i];
    floored_sum += floored[i];
  }
  auto need = static_cast<std::int64_t>(static_cast<double>(n_draws) - floored_sum);
  if (need > 0) {
    std::vector<double> values = remainder;
    std::sort(values.begin(), values.end(), std::greater<double>());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    for (double value : values) {
      std::vector<std::size_t> inds;
      for (std::size_t i = 0; i < k; ++i)
        if (remainder[i] == value) inds.push_back(i);
      const auto add_now = std::min<std::int64_t>(static_cast<std::int64_t>(inds.size()), need);
      const std::vector<std::int64_t> perm = rs.permutation(inds.size());
      for (std::int64_t j = 0; j < add_now; ++j)
        floored[inds[static_cast<std::size_t>(perm[static_cast<std::size_t>(j)])]] += 1;
      need -= add_now;
    }
  }
  std::vector<std::size_t> out(k);
  for (std::size_t i = 0; i < k; ++i) out[i] = static_cast<std::size_t>(floored[i]);
  return out;
}

struct SplitRows {
  std::vector<std::size_t> train, test;  // 0-based rows, in scikit-learn's order
};

// The rows of train_test_split(stratify = y, test_size = n_test,
// random_state = seed), in its order: StratifiedShuffleSplit's first split.
inline SplitRows stratified_split_numpy(const int* y, std::size_t n, int n_classes, std::size_t n_test,
                                        std::uint32_t seed) {
  const std::vector<std::size_t> counts = class_counts(y, n, n_classes);
  require(n_test <= n, "the test set cannot be larger than the data");
  NumpyRandomState rs(seed);
  const std::vector<std::size_t> n_train = approximate_mode_numpy(counts, n - n_test, rs);
  std::vector<std::size_t> left(counts.size());
  for (std::size_t c = 0; c < counts.size(); ++c) left[c] = counts[c] - n_train[c];
  const std::vector<std::size_t> n_test_c = approximate_mode_numpy(left, n_test, rs);

  std::vector<std::vector<std::size_t>> rows(counts.size());
  for (std::size_t c = 0; c < counts.size(); ++c) rows[c].reserve(counts[c]);
  for (std::size_t i = 0; i < n; ++i) rows[static_cast<std::size_t>(y[i])].push_back(i);

  SplitRows out;
  for (std::size_t c = 0; c < counts.size(); ++c) {
    const std::vector<std::int64_t> perm = rs.permutation(counts[c]);
    for (std::size_t j = 0; j < n_train[c]; ++j) out.train.push_back(rows[c][static_cast<std::size_t>(perm[j])]);
    for (std::size_t j = n_train[c]; j < n_train[c] + n_test_c[c]; ++j)
      out.test.push_back(rows[c][static_cast<std::size_t>(perm[j])]);
  }
  rs.shuffle(out.train.begin(), out.train.end());
  rs.shuffle(out.test.begin(), out.test.end());
  return out;
}

// Fold ids in 0..v-1 as StratifiedKFold(v, shuffle = True) assigns them, for
// `repeats` partitions drawn one after another from one RandomState(seed), as
// RepeatedStratifiedKFold(v, repeats, random_state = seed) does (one repeat
// is StratifiedKFold itself). scikit-learn deals the classes in order of
// first appearance in y, not in label order.
inline void stratified_folds_numpy(const int* y, std::size_t n, int n_classes, std::size_t v, std::size_t repeats,
                                   std::uint32_t seed, int* out) {
  const std::vector<std::size_t> counts = class_counts(y, n, n_classes);
  std::vector<int> order;  // class codes by first appearance
  std::vector<char> seen(counts.size(), 0);
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<std::size_t>(y[i]);
    if (!seen[c]) {
      seen[c] = 1;
      order.push_back(y[i]);
    }
  }
  std::vector<std::size_t> counts_seen(order.size());
  for (std::size_t e = 0; e < order.size(); ++e) counts_seen[e] = counts[static_cast<std::size_t>(order[e])];
  const std::vector<std::size_t> allocation = fold_allocation(counts_seen, v);
  const std::size_t k = order.size();

  std::vector<std::vector<std::size_t>> rows(counts.size());
  for (std::size_t i = 0; i < n; ++i) rows[static_cast<std::size_t>(y[i])].push_back(i);

  NumpyRandomState rs(seed);
  std::vector<int> folds;
  for (std::size_t r = 0; r < repeats; ++r) {
    int* column = out + r * n;
    for (std::size_t e = 0; e < k; ++e) {
      folds.clear();
      for (std::size_t f = 0; f < v; ++f) folds.insert(folds.end(), allocation[f * k + e], static_cast<int>(f));
      rs.shuffle(folds.begin(), folds.end());
      const std::vector<std::size_t>& members = rows[static_cast<std::size_t>(order[e])];
      for (std::size_t j = 0; j < members.size(); ++j) column[members[j]] = folds[j];
    }
  }
}

}  // namespace smotelab
