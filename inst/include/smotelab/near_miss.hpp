// NearMiss, versions 1 to 3, as imbalanced-learn 0.10's NearMiss
// (imblearn/under_sampling/_prototype_selection/_nearmiss.py).
//
// Each row of a class to shrink gets a score from its Euclidean distances
// (not squared) to minority rows: the sum of the distances to its
// n_neighbors nearest minority rows (versions 1 and 3) or to its n_neighbors
// farthest (version 2). Versions 1 and 2 keep the rows with the smallest
// scores; version 3 first keeps only the rows that are among the
// n_neighbors_ver3 nearest rows of the class of some minority row, then
// keeps those with the largest scores, so it can keep fewer rows than asked.
// Equal scores go to the earlier row, as Python's stable sort does; the sums
// are numpy's, in the order numpy adds them, so scores tie exactly when
// imbalanced-learn's do. The kept rows are returned in their original order.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <string>
#include <vector>

#include "cleaning.hpp"
#include "columns.hpp"
#include "errors.hpp"
#include "knn.hpp"
#include "parallel.hpp"
#include "smote.hpp"
#include "smote_variants.hpp"

namespace smotelab {

namespace detail {

// Sum of the last n of the k ascending distances in each row of nn, as numpy
// sums dist_vec[:, -n:] along a row.
inline std::vector<double> tail_distance_sums(const Neighbours& nn, std::size_t n_query, int n) {
  std::vector<double> out(n_query);
  std::vector<double> d(static_cast<std::size_t>(n));
  const auto k = static_cast<std::size_t>(nn.k);
  for (std::size_t i = 0; i < n_query; ++i) {
    for (int j = 0; j < n; ++j) d[static_cast<std::size_t>(j)] = std::sqrt(nn.dist2[i * k + k - n + j]);
    out[i] = numpy_sum(d.data(), d.size());
  }
  return out;
}

// For each query row, the sum of its distances to its n farthest reference
// rows, the distances added in ascending order as version 2 adds them.
inline std::vector<double> farthest_distance_sums(const Eigen::MatrixXd& ref, const Eigen::MatrixXd& query, int n,
                                                  const Executor& exec) {
  const RowMajor R = ref, Q = query;
  const Eigen::Index p = R.cols();
  std::vector<double> out(static_cast<std::size_t>(Q.rows()));
  exec(static_cast<std::size_t>(Q.rows()), 16, [&](std::size_t begin, std::size_t end) {
    std::vector<double> top;
    for (std::size_t i = begin; i < end; ++i) {
      // A min-heap of the n largest squared distances seen.
      top.clear();
      const double* q = Q.row(static_cast<Eigen::Index>(i)).data();
      for (Eigen::Index r = 0; r < R.rows(); ++r) {
        const double d = exact_dist2(q, R.row(r).data(), p);
        if (static_cast<int>(top.size()) < n) {
          top.push_back(d);
          std::push_heap(top.begin(), top.end(), std::greater<>());
        } else if (d > top.front()) {
          std::pop_heap(top.begin(), top.end(), std::greater<>());
          top.back() = d;
          std::push_heap(top.begin(), top.end(), std::greater<>());
        }
      }
      std::sort(top.begin(), top.end());
      for (double& v : top) v = std::sqrt(v);
      out[i] = numpy_sum(top.data(), top.size());
    }
  });
  return out;
}

// The first n positions when sorted by score, ascending or descending, ties
// in position order.
inline std::vector<Eigen::Index> best_scores(const std::vector<double>& score, Eigen::Index n, bool largest) {
  std::vector<Eigen::Index> order = all_rows(static_cast<Eigen::Index>(score.size()));
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
    return largest ? score[static_cast<std::size_t>(a)] > score[static_cast<std::size_t>(b)]
                   : score[static_cast<std::size_t>(a)] < score[static_cast<std::size_t>(b)];
  });
  order.resize(std::min<std::size_t>(order.size(), static_cast<std::size_t>(n)));
  return order;
}

inline void check_near_miss_sizes(const std::vector<Eigen::Index>& counts, const std::vector<char>& targets,
                                  std::size_t minority, int version, int n_neighbors, int n_neighbors_ver3,
                                  const std::vector<std::string>& class_names) {
  const Eigen::Index n_min = counts[minority];
  if (n_min < n_neighbors)
    fail(kind::too_few_rows,
         "The minority class " + class_label(minority, class_names) + " has " + rows_text(n_min) +
             "; NearMiss with n_neighbors = " + std::to_string(n_neighbors) + " needs at least " +
             std::to_string(n_neighbors) + ".",
         {"Lower `n_neighbors` to at most " + std::to_string(n_min) + "."});
  if (version != 3) return;
  for (std::size_t c = 0; c < counts.size(); ++c)
    if (targets[c] && counts[c] < n_neighbors_ver3)
      fail(kind::too_few_rows,
           "The class " + class_label(c, class_names) + " has " + rows_text(counts[c]) +
               "; NearMiss-3 with n_neighbors_ver3 = " + std::to_string(n_neighbors_ver3) + " needs at least " +
               std::to_string(n_neighbors_ver3) + ".",
           {"Lower `n_neighbors_ver3` to at most " + std::to_string(counts[c]) + "."});
}

}  // namespace detail

// n_keep[c] rows of each class the strategy targets (targets[c]); the other
// classes keep every row.
inline Resampled near_miss(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                           const std::vector<Eigen::Index>& n_keep, const std::vector<char>& targets, int version,
                           int n_neighbors, int n_neighbors_ver3, const Executor& exec = serial_executor(),
                           KnnAlgorithm algorithm = KnnAlgorithm::automatic,
                           const std::vector<std::string>& class_names = {}) {
  const std::size_t K = n_keep.size();
  detail::check_cleaning_input(X.rows(), y, K);
  require(targets.size() == K, "targets must have one entry per class");
  require(version >= 1 && version <= 3, "version must be 1, 2 or 3");
  require(n_neighbors >= 1 && n_neighbors_ver3 >= 1, "neighbour counts must be at least 1");
  const auto counts = detail::count_classes(y, K);
  const std::size_t minority = detail::minority(counts);
  detail::check_near_miss_sizes(counts, targets, minority, version, n_neighbors, n_neighbors_ver3, class_names);
  const auto rows = detail::class_rows(y, K);
  const Eigen::MatrixXd X_min = detail::gather_rows(X, rows[minority]);
  std::vector<char> kept(static_cast<std::size_t>(X.rows()), 1);
  for (std::size_t c = 0; c < K; ++c) {
    if (!targets[c]) continue;
    require(n_keep[c] <= counts[c], "a class can't keep more rows than it has");
    std::vector<Eigen::Index> candidates = rows[c];
    std::vector<Eigen::Index> chosen;
    if (version == 3) {
      // The class's rows that are among the nearest of some minority row.
      const Eigen::MatrixXd Xc = detail::gather_rows(X, rows[c]);
      const Neighbours near = knn_query(Xc, X_min, n_neighbors_ver3, nullptr, exec, algorithm);
      std::vector<char> hit(rows[c].size(), 0);
      for (Eigen::Index i : near.index) hit[static_cast<std::size_t>(i)] = 1;
      candidates.clear();
      for (std::size_t i = 0; i < hit.size(); ++i)
        if (hit[i]) candidates.push_back(rows[c][i]);
    }
    std::vector<double> score;
    if (version == 2) {
      score = detail::farthest_distance_sums(X_min, detail::gather_rows(X, candidates), n_neighbors, exec);
    } else {
      // The class's rows are read in place: a gathered copy of them would be
      // as large as the class.
      const Neighbours nn = knn_query_rows(Columns::of(X_min), X, candidates, n_neighbors, exec, algorithm);
      score = detail::tail_distance_sums(nn, candidates.size(), n_neighbors);
    }
    for (Eigen::Index i : rows[c]) kept[static_cast<std::size_t>(i)] = 0;
    for (Eigen::Index i : detail::best_scores(score, n_keep[c], version == 3))
      kept[static_cast<std::size_t>(candidates[static_cast<std::size_t>(i)])] = 1;
  }
  return detail::keep_rows(kept, X.cols());
}

}  // namespace smotelab
