// The samplers built on k-means (kmeans.hpp), after imbalanced-learn 0.10:
// ClusterCentroids (imblearn/under_sampling/_prototype_generation/
// _cluster_centroids.py) and KMeansSMOTE (imblearn/over_sampling/_smote/
// cluster.py). Where imbalanced-learn is wrong, the comment at the function
// says what we do instead.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "columns.hpp"
#include "errors.hpp"
#include "kmeans.hpp"
#include "knn.hpp"
#include "parallel.hpp"
#include "rng.hpp"
#include "smote.hpp"

namespace smotelab {

enum class CentroidVoting { soft, hard };

// ClusterCentroids' k-means restarts unless a caller asks for others: the
// n_init of the KMeans that imbalanced-learn uses by default. Callers that
// pass later arguments pass this.
constexpr int kClusterCentroidsInit = 10;

// ClusterCentroids: every class c with n_keep[c] below its size is replaced
// by the n_keep[c] centres of a k-means of its rows (soft voting), or by the
// row of the class nearest each centre (hard voting; lowest row on ties; a
// row nearest two centres comes twice, as in imbalanced-learn). Classes left
// whole keep their rows: `keep` lists them in row order; the replacements
// follow in X_new, by class, then by cluster. seed_row gives the original row
// of each hard-voting row (-1 for centres). Class c's k-means runs with seed
// derive_seed(seed, c).
inline Resampled cluster_centroids(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                   const std::vector<Eigen::Index>& n_keep, CentroidVoting voting, std::uint64_t seed,
                                   const Executor& exec = serial_executor(), int n_init = kClusterCentroidsInit,
                                   const std::vector<std::string>& class_names = {}) {
  detail::check_resample_input(X.rows(), y, n_keep);
  const std::size_t K = n_keep.size();
  const auto rows = detail::class_rows(y, K);
  Resampled out;
  Eigen::Index n_made = 0;
  std::vector<char> replaced(K, 0);
  for (std::size_t c = 0; c < K; ++c) {
    require(n_keep[c] <= static_cast<Eigen::Index>(rows[c].size()),
            "an under-sampler can't keep more rows than a class has");
    replaced[c] = n_keep[c] < static_cast<Eigen::Index>(rows[c].size());
    if (replaced[c]) {
      if (n_keep[c] < 1)
        fail(kind::sampling,
             "Cluster centroids can't shrink class " + detail::class_label(c, class_names) + " to 0 rows.",
             {"Each class it shrinks keeps one centre per cluster; ask for at least 1 row."});
      n_made += n_keep[c];
    }
  }
  for (Eigen::Index i = 0; i < y.size(); ++i)
    if (!replaced[static_cast<std::size_t>(y(i))]) out.keep.push_back(i);
  out.X_new.resize(n_made, X.cols());
  out.y_new.resize(n_made);
  out.seed_row.assign(static_cast<std::size_t>(n_made), -1);
  out.neighbour_row.assign(static_cast<std::size_t>(n_made), -1);
  Eigen::Index offset = 0;
  for (std::size_t c = 0; c < K; ++c) {
    if (!replaced[c]) continue;
    const Eigen::MatrixXd Xc = detail::gather_rows(X, rows[c]);
    KMeansOptions opt;
    opt.n_clusters = static_cast<int>(n_keep[c]);
    opt.n_init = n_init;
    const KMeansResult km = kmeans(Xc, opt, derive_seed(seed, c), exec);
    const Eigen::Index m = n_keep[c];
    if (voting == CentroidVoting::soft) {
      out.X_new.middleRows(offset, m) = km.centers;
    } else {
      const Neighbours nn = knn_query(Xc, km.centers, 1, nullptr, exec);
      for (Eigen::Index t = 0; t < m; ++t) {
        const Eigen::Index r = nn.index[static_cast<std::size_t>(t)];
        out.X_new.row(offset + t) = Xc.row(r);
        out.seed_row[static_cast<std::size_t>(offset + t)] = rows[c][static_cast<std::size_t>(r)];
      }
    }
    out.y_new.segment(offset, m).setConstant(static_cast<int>(c));
    offset += m;
  }
  return out;
}

struct KMeansSmoteOptions {
  int k_neighbors = 2;
  int n_clusters = 8;
  // NaN means imbalanced-learn's "auto".
  double cluster_balance_threshold = std::numeric_limits<double>::quiet_NaN();
  double density_exponent = std::numeric_limits<double>::quiet_NaN();
  int n_init = 3;
};

namespace detail {

// imbalanced-learn's cluster sparsity: the mean Euclidean distance between
// distinct rows, to the density exponent, over the number of rows.
inline double cluster_sparsity(const Eigen::MatrixXd& Xcc, double density_exponent) {
  const Eigen::Index m = Xcc.rows();
  double sum = 0.0;
  for (Eigen::Index a = 0; a < m; ++a)
    for (Eigen::Index b = a + 1; b < m; ++b) sum += 2.0 * (Xcc.row(a) - Xcc.row(b)).norm();
  const double md = static_cast<double>(m);
  const double mean_distance = sum / (md * md - md);
  const double exponent =
      std::isnan(density_exponent) ? std::pow(std::log(md) / std::log(1.6), 1.8) * 0.16 : density_exponent;
  return std::pow(mean_distance, exponent) / md;
}

// n rows shared in proportion to `weights` by largest remainders: the floors
// first, then one more row to each of the largest fractional parts (the
// earlier cluster on ties), so the shares add up to n exactly.
inline std::vector<Eigen::Index> apportion(Eigen::Index n, const std::vector<double>& weights) {
  const std::size_t m = weights.size();
  std::vector<Eigen::Index> share(m);
  std::vector<double> rest(m);
  Eigen::Index given = 0;
  for (std::size_t i = 0; i < m; ++i) {
    const double exact = static_cast<double>(n) * weights[i];
    share[i] = std::min(n, static_cast<Eigen::Index>(std::floor(exact)));
    rest[i] = exact - static_cast<double>(share[i]);
    given += share[i];
  }
  std::vector<std::size_t> order(m);
  for (std::size_t i = 0; i < m; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rest[a] > rest[b]; });
  for (std::size_t t = 0; given < n; t = (t + 1) % m, ++given) ++share[order[t]];
  for (std::size_t t = m; given > n; --given) {
    t = (t + m - 1) % m;
    while (share[order[t]] == 0) t = (t + m - 1) % m;
    --share[order[t]];
  }
  return share;
}

}  // namespace detail

// KMeans-SMOTE: a k-means of all rows into opt.n_clusters clusters; for a
// class c to grow by n_new[c] rows, the clusters where the class makes up at
// least the balance threshold of the rows (imbalanced-learn's "auto":
// n_new[c] / total(n_new) / 2; no threshold with one cluster) and has more
// than k_neighbors rows; each gets a share of the rows by its sparsity, and
// makes them by SMOTE among the class's rows in that cluster. New rows come
// by class, then by cluster. Two faults of imbalanced-learn 0.10 are fixed:
// when every chosen cluster has a mean distance of zero (identical rows)
// imbalanced-learn divides zero by zero; we share the rows equally. And it
// rounds every cluster's share up, which adds more rows than asked for; we
// share by largest remainders, so exactly n_new[c] rows are made. The
// clusters come from a full-batch k-means (imbalanced-learn uses
// MiniBatchKMeans), seeded with derive_seed(seed, K) for K classes.
inline Resampled kmeans_smote(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                              const std::vector<Eigen::Index>& n_new, const KMeansSmoteOptions& opt, std::uint64_t seed,
                              const Executor& exec = serial_executor(),
                              const std::vector<std::string>& class_names = {}) {
  detail::check_resample_input(X.rows(), y, n_new);
  require(opt.k_neighbors >= 1, "k_neighbors must be at least 1");
  const std::size_t K = n_new.size();
  const auto rows = detail::class_rows(y, K);
  detail::check_class_sizes(rows, n_new, opt.k_neighbors, "KMeans-SMOTE", "k_neighbors", class_names);
  const Eigen::Index total_new = detail::total(n_new);
  Resampled out = detail::start_output(X.rows(), total_new, X.cols());
  if (total_new == 0) return out;

  const Eigen::MatrixXd Xall = X.to_matrix();
  KMeansOptions km_opt;
  km_opt.n_clusters = opt.n_clusters;
  km_opt.n_init = opt.n_init;
  const KMeansResult km = kmeans(Xall, km_opt, derive_seed(seed, K), exec);
  std::vector<std::vector<Eigen::Index>> members(static_cast<std::size_t>(opt.n_clusters));
  for (Eigen::Index i = 0; i < X.rows(); ++i)
    members[static_cast<std::size_t>(km.labels[static_cast<std::size_t>(i)])].push_back(i);

  Eigen::Index offset = 0;
  std::uint64_t stream = 0;
  for (std::size_t c = 0; c < K; ++c) {
    if (n_new[c] == 0) continue;
    double threshold = opt.cluster_balance_threshold;
    if (opt.n_clusters == 1)
      threshold = -std::numeric_limits<double>::infinity();
    else if (std::isnan(threshold))
      threshold = static_cast<double>(n_new[c]) / static_cast<double>(total_new) / 2.0;
    std::vector<std::vector<Eigen::Index>> chosen;
    std::vector<double> sparsity;
    for (const std::vector<Eigen::Index>& cluster : members) {
      std::vector<Eigen::Index> class_rows;
      for (Eigen::Index i : cluster)
        if (y(i) == static_cast<int>(c)) class_rows.push_back(i);
      if (cluster.empty()) continue;
      const double share = static_cast<double>(class_rows.size()) / static_cast<double>(cluster.size());
      if (share < threshold || static_cast<Eigen::Index>(class_rows.size()) < opt.k_neighbors + 1) continue;
      sparsity.push_back(detail::cluster_sparsity(detail::gather_rows(Xall, class_rows), opt.density_exponent));
      chosen.push_back(std::move(class_rows));
    }
    if (chosen.empty()) {
      std::ostringstream shown;
      shown << threshold;
      fail(kind::sampling,
           "KMeans-SMOTE found no cluster to grow class " + detail::class_label(c, class_names) + " in.",
           {"A cluster qualifies when the class's share of its rows is at least " + shown.str() +
                " and it holds at least " + std::to_string(opt.k_neighbors + 1) + " rows of the class.",
            "Lower `cluster_balance_threshold`, or change the number of clusters with `kmeans`."});
    }
    double sum = 0.0;
    for (double s : sparsity) sum += s;
    std::vector<double> weights(sparsity.size(), 1.0 / static_cast<double>(sparsity.size()));
    if (sum > 0 && std::isfinite(sum))
      for (std::size_t i = 0; i < sparsity.size(); ++i) weights[i] = sparsity[i] / sum;
    const std::vector<Eigen::Index> share = detail::apportion(n_new[c], weights);
    for (std::size_t v = 0; v < chosen.size(); ++v) {
      if (share[v] == 0) continue;
      const Eigen::MatrixXd Xcc = detail::gather_rows(Xall, chosen[v]);
      const Neighbours nn = knn_self(Xcc, opt.k_neighbors, exec);
      stream += detail::interpolate(Xcc, Xcc, nn, chosen[v], chosen[v], nullptr, 1.0, share[v], static_cast<int>(c),
                                    offset, seed, stream, exec, out);
      offset += share[v];
    }
  }
  return out;
}

}  // namespace smotelab
