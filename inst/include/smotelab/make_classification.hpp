// Synthetic classification data, following the algorithm of scikit-learn's
// make_classification (after Guyon's design for the NIPS 2003 feature
// selection challenge): Gaussian clusters around vertices of a hypercube in an
// informative subspace, linear combinations of them as redundant features,
// copies as repeated features, pure noise for the rest, a share of labels
// redrawn at random, then rows and columns shuffled.
//
// make_classification() draws from smotelab::Rng, so its numbers differ from
// numpy's; the construction is the same. make_classification_numpy() draws
// from numpy's legacy RandomState in scikit-learn 1.2's order, so that its
// output equals make_classification(random_state = seed) itself.
#pragma once

#include <Eigen/Dense>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <unordered_set>
#include <vector>

#include "smotelab/errors.hpp"
#include "smotelab/memory.hpp"
#include "smotelab/numpy_random.hpp"
#include "smotelab/rng.hpp"

namespace smotelab {

enum class FeatureRole : int { informative = 0, redundant = 1, repeated = 2, noise = 3 };

struct ClassificationSpec {
  std::size_t n_samples = 100;
  std::size_t n_features = 20;
  std::size_t n_informative = 2;
  std::size_t n_redundant = 2;
  std::size_t n_repeated = 0;
  std::size_t n_clusters_per_class = 2;
  std::vector<double> weights{0.5, 0.5};  // one share per class
  double flip_y = 0.01;
  double class_sep = 1.0;
};

struct Classification {
  Eigen::MatrixXd x;                   // n_samples x n_features
  std::vector<int> y;                  // class of each row, 0..n_classes-1
  std::vector<unsigned char> flipped;  // 1 where y differs from the class of the row's cluster
  std::vector<FeatureRole> roles;      // role of each column of x
};

namespace detail {

// 0, ..., n - 1 in the order a shuffle by `stream` leaves them (either
// generator: both shuffle a range in place).
template <typename Stream>
std::vector<std::size_t> shuffled_indices(std::size_t n, Stream& stream) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  stream.shuffle(order.begin(), order.end());
  return order;
}

// The role of generated column `from`: the informative columns come first,
// then the redundant and the repeated ones, then noise.
inline FeatureRole feature_role(std::size_t from, std::size_t n_inf, std::size_t n_source, std::size_t n_rep) {
  return from < n_inf              ? FeatureRole::informative
         : from < n_source         ? FeatureRole::redundant
         : from < n_source + n_rep ? FeatureRole::repeated
                                   : FeatureRole::noise;
}

}  // namespace detail

// Rows per cluster, clusters numbered so that cluster k belongs to class
// k % n_classes: floor(n * weight / clusters_per_class) each, and the rows
// left over handed out one per cluster in cluster order.
inline std::vector<std::size_t> rows_per_cluster(std::size_t n_samples, const std::vector<double>& weights,
                                                 std::size_t clusters_per_class) {
  const std::size_t n_classes = weights.size();
  const std::size_t n_clusters = n_classes * clusters_per_class;
  require(n_clusters > 0, "there must be at least one cluster");
  std::vector<std::size_t> rows(n_clusters);
  std::size_t used = 0;
  for (std::size_t k = 0; k < n_clusters; ++k) {
    const double share =
        static_cast<double>(n_samples) * weights[k % n_classes] / static_cast<double>(clusters_per_class);
    require(share >= 0.0, "class weights must not be negative");
    rows[k] = static_cast<std::size_t>(share);
    used += rows[k];
  }
  require(used <= n_samples, "class weights must not sum to more than 1");
  for (std::size_t i = 0; used < n_samples; ++i, ++used) ++rows[i % n_clusters];
  return rows;
}

// n_vertices distinct vertices of the unit hypercube in `dims` dimensions, in
// random order, one per row (entries 0 or 1). The lowest (up to) 30
// coordinates are the bits of distinct integers drawn by Floyd's algorithm;
// higher coordinates, as in scikit-learn, are independent coin flips.
inline Eigen::MatrixXd hypercube_vertices(std::size_t n_vertices, std::size_t dims, Rng& rng) {
  const std::size_t low_bits = std::min<std::size_t>(dims, 30);
  const std::uint64_t space = std::uint64_t{1} << low_bits;
  require(n_vertices <= space, "the hypercube has fewer vertices than clusters requested");

  std::unordered_set<std::uint64_t> chosen;
  std::vector<std::uint64_t> codes;
  codes.reserve(n_vertices);
  for (std::uint64_t j = space - n_vertices; j < space; ++j) {
    const std::uint64_t t = rng.below(j + 1);
    const std::uint64_t pick = chosen.count(t) ? j : t;
    chosen.insert(pick);
    codes.push_back(pick);
  }
  // Floyd's algorithm yields a uniform set, not a uniform order.
  rng.shuffle(codes.begin(), codes.end());

  Eigen::MatrixXd vertices(n_vertices, dims);
  for (std::size_t k = 0; k < n_vertices; ++k) {
    for (std::size_t d = 0; d < low_bits; ++d) vertices(k, d) = static_cast<double>((codes[k] >> d) & 1U);
    for (std::size_t d = low_bits; d < dims; ++d) vertices(k, d) = static_cast<double>(rng.below(2));
  }
  return vertices;
}

inline Eigen::MatrixXd uniform_matrix(Eigen::Index rows, Eigen::Index cols, double lo, double hi, Rng& rng) {
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j)
    for (Eigen::Index i = 0; i < rows; ++i) m(i, j) = rng.uniform(lo, hi);
  return m;
}

// The sizes both generators work with: rows, features, informative,
// redundant and repeated features, classes.
struct SpecSizes {
  std::size_t n, p, n_inf, n_red, n_rep, n_classes;
};

// Checks the spec and returns its sizes. R has validated every argument
// before, so a failure here is a bug of the caller.
inline SpecSizes checked_sizes(const ClassificationSpec& spec) {
  require(spec.weights.size() >= 2, "there must be at least two classes");
  require(spec.n_informative >= 1, "there must be at least one informative feature");
  require(spec.n_informative + spec.n_redundant + spec.n_repeated <= spec.n_features,
          "informative, redundant and repeated features must not outnumber the features");
  require(spec.flip_y >= 0.0 && spec.flip_y <= 1.0, "flip_y must lie in [0, 1]");
  require(spec.class_sep > 0.0, "class_sep must be positive");
  return {spec.n_samples, spec.n_features, spec.n_informative, spec.n_redundant, spec.n_repeated, spec.weights.size()};
}

inline Classification make_classification(const ClassificationSpec& spec, std::uint64_t seed) {
  const auto [n, p, n_inf, n_red, n_rep, n_classes] = checked_sizes(spec);

  Rng rng(seed, 0);
  const std::vector<std::size_t> rows = rows_per_cluster(n, spec.weights, spec.n_clusters_per_class);
  const std::size_t n_clusters = rows.size();

  const Eigen::MatrixXd centroids =
      (hypercube_vertices(n_clusters, n_inf, rng).array() * (2.0 * spec.class_sep) - spec.class_sep).matrix();

  // Columns in construction order: informative, redundant, repeated, noise.
  Eigen::MatrixXd x(n, p);
  std::vector<int> cluster_class(n);
  for (std::size_t j = 0; j < n_inf; ++j)
    for (std::size_t i = 0; i < n; ++i) x(i, j) = rng.normal();

  // Each cluster gets its own random covariance: standard normal rows times a
  // random matrix, then shifted to the cluster's vertex.
  std::size_t start = 0;
  for (std::size_t k = 0; k < n_clusters; ++k) {
    const auto m = static_cast<Eigen::Index>(rows[k]);
    const Eigen::MatrixXd a = uniform_matrix(n_inf, n_inf, -1.0, 1.0, rng);
    auto block = x.block(start, 0, m, n_inf);
    block = block * a;
    block.rowwise() += centroids.row(k);
    std::fill_n(cluster_class.begin() + start, rows[k], static_cast<int>(k % n_classes));
    start += rows[k];
  }

  if (n_red > 0) {
    const Eigen::MatrixXd b = uniform_matrix(n_inf, n_red, -1.0, 1.0, rng);
    x.middleCols(n_inf, n_red) = x.leftCols(n_inf) * b;
  }
  // Each repeated column copies an informative or redundant column, picked
  // as scikit-learn does by rounding a uniform draw on [0, n_inf + n_red - 1].
  const std::size_t n_source = n_inf + n_red;
  for (std::size_t r = 0; r < n_rep; ++r) {
    const auto source = static_cast<Eigen::Index>(static_cast<double>(n_source - 1) * rng.uniform() + 0.5);
    x.col(n_source + r) = x.col(source);
  }
  for (std::size_t j = n_source + n_rep; j < p; ++j)
    for (std::size_t i = 0; i < n; ++i) x(i, j) = rng.normal();

  // A flip_y share of the rows get a class drawn uniformly from all classes,
  // so about flip_y * (n_classes - 1) / n_classes of the labels change.
  std::vector<int> y = cluster_class;
  for (std::size_t i = 0; i < n; ++i) {
    if (rng.uniform() < spec.flip_y) y[i] = static_cast<int>(rng.below(n_classes));
  }

  const std::vector<std::size_t> row_order = detail::shuffled_indices(n, rng);
  const std::vector<std::size_t> col_order = detail::shuffled_indices(p, rng);

  Classification out;
  out.x.resize(n, p);
  out.y.resize(n);
  out.flipped.resize(n);
  out.roles.resize(p);
  for (std::size_t j = 0; j < p; ++j) {
    const std::size_t from = col_order[j];
    for (std::size_t i = 0; i < n; ++i) out.x(i, j) = x(row_order[i], from);
    out.roles[j] = detail::feature_role(from, n_inf, n_source, n_rep);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t from = row_order[i];
    out.y[i] = y[from];
    out.flipped[i] = y[from] != cluster_class[from];
  }
  return out;
}

// scikit-learn's sample_without_replacement(n_population, n_samples) with
// method "auto": a permutation when the sample is between 1% and 99% of the
// population, else rejection against the values seen (below 20%) or
// reservoir sampling. Each path consumes the stream differently, so all three
// are needed.
inline std::vector<std::uint64_t> sample_without_replacement_numpy(std::uint64_t n_population, std::uint64_t n_samples,
                                                                   NumpyRandomState& rs) {
  require(n_samples <= n_population, "can't sample more values than the population holds");
  const double ratio = n_population != 0 ? static_cast<double>(n_samples) / static_cast<double>(n_population) : 1.0;
  std::vector<std::uint64_t> out(n_samples);
  if (ratio > 0.01 && ratio < 0.99) {
    const std::vector<std::int64_t> perm = rs.permutation(n_population);
    for (std::uint64_t i = 0; i < n_samples; ++i) out[i] = static_cast<std::uint64_t>(perm[i]);
  } else if (ratio < 0.2) {
    std::unordered_set<std::uint64_t> seen;
    for (std::uint64_t i = 0; i < n_samples; ++i) {
      std::uint64_t j;
      do {
        j = rs.interval(n_population - 1);
      } while (seen.count(j) != 0);
      seen.insert(j);
      out[i] = j;
    }
  } else {
    std::iota(out.begin(), out.end(), std::uint64_t{0});
    for (std::uint64_t i = n_samples; i < n_population; ++i) {
      const std::uint64_t j = rs.interval(i);
      if (j < n_samples) out[j] = i;
    }
  }
  return out;
}

// scikit-learn's _generate_hypercube: distinct binary rows. Above 30
// dimensions the leading dims - 30 columns are coin flips drawn first; the
// last (up to) 30 are the bits of distinct integers, most significant first.
inline Eigen::MatrixXd hypercube_vertices_numpy(std::size_t n_vertices, std::size_t dims, NumpyRandomState& rs) {
  Eigen::MatrixXd vertices(n_vertices, dims);
  std::size_t first = 0;
  if (dims > 30) {
    first = dims - 30;
    for (std::size_t k = 0; k < n_vertices; ++k)
      for (std::size_t d = 0; d < first; ++d) vertices(k, d) = static_cast<double>(rs.interval(1));
  }
  const std::size_t bits = dims - first;
  const std::vector<std::uint64_t> codes = sample_without_replacement_numpy(std::uint64_t{1} << bits, n_vertices, rs);
  for (std::size_t k = 0; k < n_vertices; ++k)
    for (std::size_t d = 0; d < bits; ++d)
      vertices(k, first + d) = static_cast<double>((codes[k] >> (bits - 1 - d)) & 1U);
  return vertices;
}

// make_classification(random_state = seed) of scikit-learn 1.2 (hypercube,
// no shift, unit scale, shuffled): every draw in the order numpy makes it.
// numpy fills arrays in row-major order, so the construction works on a
// row-major matrix; products use Eigen where numpy calls BLAS, which agrees
// to rounding. The shuffled features are written to `columns` (column j of
// the output at columns[j], n_samples values each), so that a caller can
// hand over its own buffers; the returned x is left empty.
inline Classification make_classification_numpy(const ClassificationSpec& spec, std::uint32_t seed,
                                                const std::vector<double*>& columns) {
  using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  const auto [n, p, n_inf, n_red, n_rep, n_classes] = checked_sizes(spec);
  require(n_inf >= 64 || (std::uint64_t{1} << n_inf) >= n_classes * spec.n_clusters_per_class,
          "the hypercube has fewer vertices than clusters requested");

  require(columns.size() == p, "there must be one output column per feature");
  NumpyRandomState rs(seed);
  const std::vector<std::size_t> rows = rows_per_cluster(n, spec.weights, spec.n_clusters_per_class);
  const std::size_t n_clusters = rows.size();
  const Eigen::MatrixXd centroids =
      ((hypercube_vertices_numpy(n_clusters, n_inf, rs).array() * (2.0 * spec.class_sep)) - spec.class_sep).matrix();

  RowMatrix x(n, p);
  prefer_huge_pages(x.data(), static_cast<std::size_t>(x.size()) * sizeof(double));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n_inf; ++j) x(i, j) = rs.standard_normal();

  std::vector<int> cluster_class(n);
  std::size_t start = 0;
  RowMatrix a(n_inf, n_inf);
  for (std::size_t k = 0; k < n_clusters; ++k) {
    for (std::size_t r = 0; r < n_inf; ++r)
      for (std::size_t c = 0; c < n_inf; ++c) a(r, c) = 2.0 * rs.random_sample() - 1.0;
    const auto m = static_cast<Eigen::Index>(rows[k]);
    auto block = x.block(start, 0, m, n_inf);
    const RowMatrix moved = block * a;
    block = moved;
    block.rowwise() += centroids.row(k);
    std::fill_n(cluster_class.begin() + start, rows[k], static_cast<int>(k % n_classes));
    start += rows[k];
  }

  if (n_red > 0) {
    RowMatrix b(n_inf, n_red);
    for (std::size_t r = 0; r < n_inf; ++r)
      for (std::size_t c = 0; c < n_red; ++c) b(r, c) = 2.0 * rs.random_sample() - 1.0;
    x.middleCols(n_inf, n_red) = x.leftCols(n_inf) * b;
  }
  const std::size_t n_source = n_inf + n_red;
  for (std::size_t r = 0; r < n_rep; ++r) {
    const auto source = static_cast<Eigen::Index>(static_cast<double>(n_source - 1) * rs.random_sample() + 0.5);
    x.col(n_source + r) = x.col(source);
  }
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = n_source + n_rep; j < p; ++j) x(i, j) = rs.standard_normal();

  // All n uniforms come first, then one class draw per flipped row.
  std::vector<unsigned char> flip(n);
  for (std::size_t i = 0; i < n; ++i) flip[i] = rs.random_sample() < spec.flip_y;
  std::vector<int> y = cluster_class;
  for (std::size_t i = 0; i < n; ++i)
    if (flip[i]) y[i] = static_cast<int>(rs.interval(n_classes - 1));

  const std::vector<std::size_t> row_order = detail::shuffled_indices(n, rs);
  const std::vector<std::size_t> col_order = detail::shuffled_indices(p, rs);

  Classification out;
  out.y.resize(n);
  out.flipped.resize(n);
  out.roles.resize(p);
  for (std::size_t i = 0; i < n; ++i) {
    const double* from = x.row(static_cast<Eigen::Index>(row_order[i])).data();
    for (std::size_t j = 0; j < p; ++j) columns[j][i] = from[col_order[j]];
    out.y[i] = y[row_order[i]];
    out.flipped[i] = y[row_order[i]] != cluster_class[row_order[i]];
  }
  for (std::size_t j = 0; j < p; ++j) {
    const std::size_t from = col_order[j];
    out.roles[j] = detail::feature_role(from, n_inf, n_source, n_rep);
  }
  return out;
}

inline Classification make_classification_numpy(const ClassificationSpec& spec, std::uint32_t seed) {
  Eigen::MatrixXd x(spec.n_samples, spec.n_features);
  std::vector<double*> columns(spec.n_features);
  for (std::size_t j = 0; j < spec.n_features; ++j) columns[j] = x.col(static_cast<Eigen::Index>(j)).data();
  Classification out = make_classification_numpy(spec, seed, columns);
  out.x = std::move(x);
  return out;
}

}  // namespace smotelab
