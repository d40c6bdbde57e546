// Borderline-SMOTE, ADASYN and SMOTE-NC, following imbalanced-learn 0.10
// (imblearn/over_sampling/_smote/filter.py, _adasyn.py, _smote/base.py).
//
// Each is SMOTE with a different choice of seeds, neighbours or columns, so
// all of them make their rows with detail::interpolate() from smote.hpp:
// fixed-size blocks with a random stream each, bit-identical for any number
// of threads. Where imbalanced-learn's own behaviour is questionable, the
// comments at the function say what we do instead.
//
// Each takes the design as Columns, so that R's columns are read in place;
// the overloads for a matrix view its columns. Only the rows a step needs
// (a class, its seeds) are gathered into matrices.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "columns.hpp"
#include "errors.hpp"
#include "knn.hpp"
#include "parallel.hpp"
#include "rng.hpp"
#include "sampling.hpp"
#include "smote.hpp"

namespace smotelab {

enum class BorderlineKind { borderline_1, borderline_2 };

namespace detail {

// numpy's pairwise summation (np.sum of a contiguous float64 vector), so
// that ADASYN's weights, and the rounding of the rows each gets, are those of
// imbalanced-learn to the last bit.
inline double numpy_sum(const double* a, std::size_t n) {
  if (n < 8) {
    double res = 0.0;
    for (std::size_t i = 0; i < n; ++i) res += a[i];
    return res;
  }
  if (n <= 128) {
    double r[8];
    for (std::size_t j = 0; j < 8; ++j) r[j] = a[j];
    std::size_t i = 8;
    for (; i < n - n % 8; i += 8)
      for (std::size_t j = 0; j < 8; ++j) r[j] += a[i + j];
    double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += a[i];
    return res;
  }
  std::size_t n2 = n / 2;
  n2 -= n2 % 8;
  return numpy_sum(a, n2) + numpy_sum(a + n2, n - n2);
}

inline void check_all_rows(Eigen::Index n_rows, int m, const std::string& method, const std::string& param) {
  if (n_rows < m + 1)
    fail(kind::too_few_rows,
         "The data have " + rows_text(n_rows) + "; " + method + " with " + param + " = " + std::to_string(m) +
             " needs at least " + std::to_string(m + 1) + ".",
         {"Lower `" + param + "` to at most " + std::to_string(n_rows - 1) + "."});
}

// The rows of class cls, in row order, and for each how many of its k nearest
// neighbours among all rows (itself excluded by index) belong to other
// classes: what Borderline-SMOTE and ADASYN weigh a row by. `method` and
// `param` name the sampler and its k in errors.
struct OtherClassNeighbours {
  std::vector<Eigen::Index> members;
  std::vector<int> other;
};

inline OtherClassNeighbours other_class_neighbours(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                                   int cls, int k, const std::string& method, const std::string& param,
                                                   const Executor& exec, KnnAlgorithm algorithm) {
  require(X.rows() == y.size(), "X and y must have the same number of rows");
  require(k >= 1, param + " must be at least 1");
  check_all_rows(X.rows(), k, method, param);
  OtherClassNeighbours r;
  for (Eigen::Index i = 0; i < y.size(); ++i)
    if (y(i) == cls) r.members.push_back(i);
  const Eigen::MatrixXd Xc = gather_rows(X, r.members);
  const Neighbours nn = knn_query(X, Columns::of(Xc), k, &r.members, exec, algorithm);
  r.other.assign(r.members.size(), 0);
  for (std::size_t i = 0; i < r.members.size(); ++i)
    for (int j = 0; j < k; ++j) r.other[i] += y(nn.index[i * static_cast<std::size_t>(k) + j]) != cls;
  return r;
}

// Beta(a, a) for a whole a, as a ratio of two Gamma(a) sums of exponentials.
inline double beta_symmetric(Rng& rng, int a) {
  double g1 = 0.0, g2 = 0.0;
  for (int i = 0; i < a; ++i) g1 -= std::log1p(-rng.uniform());
  for (int i = 0; i < a; ++i) g2 -= std::log1p(-rng.uniform());
  return g1 / (g1 + g2);
}

// Positions (within the class) of the rows flagged in mask.
inline std::vector<Eigen::Index> flagged(const std::vector<char>& mask) {
  std::vector<Eigen::Index> out;
  for (std::size_t i = 0; i < mask.size(); ++i)
    if (mask[i]) out.push_back(static_cast<Eigen::Index>(i));
  return out;
}

// Each categorical column's codes lie in 0..n_levels - 1.
inline void check_codes(const Eigen::Ref<const Eigen::MatrixXi>& codes, const std::vector<int>& n_levels) {
  require(static_cast<Eigen::Index>(n_levels.size()) == codes.cols(),
          "n_levels must have one entry per categorical column");
  for (Eigen::Index j = 0; j < codes.cols(); ++j)
    for (Eigen::Index i = 0; i < codes.rows(); ++i)
      require(codes(i, j) >= 0 && codes(i, j) < n_levels[static_cast<std::size_t>(j)],
              "categorical codes must lie in 0..n_levels - 1");
}

}  // namespace detail

// imbalanced-learn's _in_danger_noise(kind = "danger"): a row of class cls is
// in danger when at least half, but not all, of its m nearest neighbours
// among all rows are of other classes. One flag per row of the class, in row
// order.
inline std::vector<char> borderline_danger(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y, int cls,
                                           int m_neighbors, const Executor& exec = serial_executor(),
                                           KnnAlgorithm algorithm = KnnAlgorithm::automatic) {
  const std::vector<int> other =
      detail::other_class_neighbours(X, y, cls, m_neighbors, "Borderline-SMOTE", "m_neighbors", exec, algorithm).other;
  std::vector<char> danger(other.size());
  for (std::size_t i = 0; i < other.size(); ++i) danger[i] = 2 * other[i] >= m_neighbors && other[i] < m_neighbors;
  return danger;
}

// Borderline-SMOTE. Seeds are the danger rows of the class; a class without
// any gets no rows, as in imbalanced-learn. Borderline-1 interpolates towards
// the seed's k nearest same-class neighbours with a gap in [0, 1).
// Borderline-2 makes floor(f * (n + 1)) rows that way and floor((1 - f) * n)
// towards the seed's k nearest rows of other classes with a gap in [0, 0.5),
// f ~ Beta(10, 10), so it adds n or n - 1 rows, as imbalanced-learn does.
// imbalanced-learn 0.10 indexes the other-class rows with the same-class
// neighbour positions, which picks arbitrary rows; we use the true nearest
// other-class rows, as Han et al. (2005) describe.
inline Resampled borderline_smote(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                  const std::vector<Eigen::Index>& n_new, int k_neighbors, int m_neighbors,
                                  BorderlineKind kind, std::uint64_t seed, const Executor& exec = serial_executor(),
                                  KnnAlgorithm algorithm = KnnAlgorithm::automatic,
                                  const std::vector<std::string>& class_names = {}) {
  detail::check_resample_input(X.rows(), y, n_new);
  require(k_neighbors >= 1, "k_neighbors must be at least 1");
  require(m_neighbors >= 1, "m_neighbors must be at least 1");
  const std::size_t K = n_new.size();
  const auto rows = detail::class_rows(y, K);
  detail::check_class_sizes(rows, n_new, k_neighbors, "Borderline-SMOTE", "k_neighbors", class_names);
  if (detail::total(n_new) > 0) detail::check_all_rows(X.rows(), m_neighbors, "Borderline-SMOTE", "m_neighbors");
  const bool two = kind == BorderlineKind::borderline_2;
  for (std::size_t c = 0; c < K && two; ++c) {
    const Eigen::Index others = X.rows() - static_cast<Eigen::Index>(rows[c].size());
    if (n_new[c] != 0 && others < k_neighbors)
      fail(kind::too_few_rows,
           "The class " + detail::class_label(c, class_names) + " has " + detail::rows_text(others) +
               " of other classes; borderline-2 with k_neighbors = " + std::to_string(k_neighbors) +
               " needs at least " + std::to_string(k_neighbors) + ".",
           {"Lower `k_neighbors` to at most " + std::to_string(others) + ", or use `kind = \"borderline-1\"`."});
  }

  // First the seeds and row counts of every class, to size the output.
  std::vector<std::vector<Eigen::Index>> danger(K);
  std::vector<Eigen::Index> n_same(K, 0), n_other(K, 0);
  for (std::size_t c = 0; c < K; ++c) {
    if (n_new[c] == 0) continue;
    danger[c] = detail::flagged(borderline_danger(X, y, static_cast<int>(c), m_neighbors, exec, algorithm));
    if (danger[c].empty()) continue;
    if (two) {
      Rng rng(seed, c);
      const double f = detail::beta_symmetric(rng, 10);
      n_same[c] = static_cast<Eigen::Index>(std::floor(f * static_cast<double>(n_new[c] + 1)));
      n_other[c] = static_cast<Eigen::Index>(std::floor((1.0 - f) * static_cast<double>(n_new[c])));
    } else {
      n_same[c] = n_new[c];
    }
  }
  Resampled out = detail::start_output(X.rows(), detail::total(n_same) + detail::total(n_other), X.cols());

  Eigen::Index offset = 0;
  std::uint64_t stream = K;  // streams 0..K-1 drew the Beta fractions
  for (std::size_t c = 0; c < K; ++c) {
    if (n_same[c] + n_other[c] == 0) continue;
    const std::vector<Eigen::Index>& members = rows[c];
    std::vector<Eigen::Index> seed_rows(danger[c].size());
    for (std::size_t i = 0; i < danger[c].size(); ++i) seed_rows[i] = members[static_cast<std::size_t>(danger[c][i])];
    const Eigen::MatrixXd Xc = detail::gather_rows(X, members);
    const Eigen::MatrixXd Xd = detail::gather_rows(X, seed_rows);
    const Neighbours same = knn_query(Xc, Xd, k_neighbors, &danger[c], exec, algorithm);
    stream += detail::interpolate(Xd, Xc, same, seed_rows, members, nullptr, 1.0, n_same[c], static_cast<int>(c),
                                  offset, seed, stream, exec, out);
    offset += n_same[c];
    if (n_other[c] == 0) continue;
    std::vector<Eigen::Index> other_rows;
    for (Eigen::Index i = 0; i < y.size(); ++i)
      if (y(i) != static_cast<int>(c)) other_rows.push_back(i);
    const Eigen::MatrixXd Xo = detail::gather_rows(X, other_rows);
    const Neighbours other = knn_query(Xo, Xd, k_neighbors, nullptr, exec, algorithm);
    stream += detail::interpolate(Xd, Xo, other, seed_rows, other_rows, nullptr, 0.5, n_other[c], static_cast<int>(c),
                                  offset, seed, stream, exec, out);
    offset += n_other[c];
  }
  return out;
}

// ADASYN's share of n_samples for each row of class cls, in row order: the
// fraction r_i of other-class rows among its n_neighbors nearest neighbours
// (among all rows), normalised to sum to 1, times n_samples, rounded half to
// even, exactly as imbalanced-learn computes it. The total may therefore
// differ from n_samples by a few rows.
inline std::vector<Eigen::Index> adasyn_allocation(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                                   int cls, int n_neighbors, Eigen::Index n_samples,
                                                   const Executor& exec = serial_executor(),
                                                   KnnAlgorithm algorithm = KnnAlgorithm::automatic,
                                                   const std::vector<std::string>& class_names = {}) {
  const auto [members, other] =
      detail::other_class_neighbours(X, y, cls, n_neighbors, "ADASYN", "n_neighbors", exec, algorithm);
  const std::string label = detail::class_label(static_cast<std::size_t>(cls), class_names);
  std::vector<double> ratio(members.size());
  for (std::size_t i = 0; i < members.size(); ++i)
    ratio[i] = static_cast<double>(other[i]) / static_cast<double>(n_neighbors);
  const double sum = detail::numpy_sum(ratio.data(), ratio.size());
  if (sum == 0.0)
    fail(kind::sampling,
         "ADASYN can't grow class " + label + ": none of its " + std::to_string(members.size()) +
             " rows has a row of another class among its " + std::to_string(n_neighbors) + " nearest neighbours.",
         {"ADASYN weighs rows by their other-class neighbours; use SMOTE for classes that are far from the others."});
  std::vector<Eigen::Index> alloc(members.size());
  Eigen::Index total = 0;
  for (std::size_t i = 0; i < members.size(); ++i) {
    alloc[i] = static_cast<Eigen::Index>(std::nearbyint(ratio[i] / sum * static_cast<double>(n_samples)));
    total += alloc[i];
  }
  if (total == 0)
    fail(kind::sampling,
         "ADASYN can't grow class " + label + " by " + detail::rows_text(n_samples) +
             ": shared out by weight over its rows, every share rounds to 0.",
         {"Ask for more rows with sampling_strategy, or use SMOTE."});
  return alloc;
}

// ADASYN: class cls grows by the rows of adasyn_allocation(); row i of the
// class seeds its share, each towards one of its n_neighbors nearest
// same-class neighbours drawn uniformly, with a gap in [0, 1).
inline Resampled adasyn(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                        const std::vector<Eigen::Index>& n_new, int n_neighbors, std::uint64_t seed,
                        const Executor& exec = serial_executor(), KnnAlgorithm algorithm = KnnAlgorithm::automatic,
                        const std::vector<std::string>& class_names = {}) {
  detail::check_resample_input(X.rows(), y, n_new);
  require(n_neighbors >= 1, "n_neighbors must be at least 1");
  const std::size_t K = n_new.size();
  const auto rows = detail::class_rows(y, K);
  detail::check_class_sizes(rows, n_new, n_neighbors, "ADASYN", "n_neighbors", class_names);

  std::vector<std::vector<Eigen::Index>> seeds(K);
  std::vector<Eigen::Index> n_made(K, 0);
  for (std::size_t c = 0; c < K; ++c) {
    if (n_new[c] == 0) continue;
    const std::vector<Eigen::Index> alloc =
        adasyn_allocation(X, y, static_cast<int>(c), n_neighbors, n_new[c], exec, algorithm, class_names);
    for (std::size_t i = 0; i < alloc.size(); ++i)
      seeds[c].insert(seeds[c].end(), static_cast<std::size_t>(alloc[i]), static_cast<Eigen::Index>(i));
    n_made[c] = static_cast<Eigen::Index>(seeds[c].size());
  }
  Resampled out = detail::start_output(X.rows(), detail::total(n_made), X.cols());

  Eigen::Index offset = 0;
  std::uint64_t stream = 0;
  for (std::size_t c = 0; c < K; ++c) {
    if (n_made[c] == 0) continue;
    const Eigen::MatrixXd Xc = detail::gather_rows(X, rows[c]);
    const Neighbours nn = knn_self(Xc, n_neighbors, exec, algorithm);
    stream += detail::interpolate(Xc, Xc, nn, rows[c], rows[c], &seeds[c], 1.0, n_made[c], static_cast<int>(c), offset,
                                  seed, stream, exec, out);
    offset += n_made[c];
  }
  return out;
}

// The scale of SMOTE-NC's one-hot columns: the median, over the numeric
// columns, of their standard deviation (divisor n) within the smallest class
// (the first to appear in y among equally small ones), as imbalanced-learn.
inline double smote_nc_median_std(const Columns& X_num, const Eigen::Ref<const Eigen::VectorXi>& y,
                                  std::size_t n_classes) {
  const auto rows = detail::class_rows(y, n_classes);
  std::size_t smallest = static_cast<std::size_t>(y(0));
  for (Eigen::Index i = 1; i < y.size(); ++i) {
    const auto c = static_cast<std::size_t>(y(i));
    if (rows[c].size() < rows[smallest].size()) smallest = c;
  }
  const Eigen::MatrixXd Xm = detail::gather_rows(X_num, rows[smallest]);
  std::vector<double> sd(static_cast<std::size_t>(Xm.cols()));
  for (Eigen::Index j = 0; j < Xm.cols(); ++j) {
    const double mean = Xm.col(j).mean();
    sd[static_cast<std::size_t>(j)] = std::sqrt((Xm.col(j).array() - mean).square().mean());
  }
  std::sort(sd.begin(), sd.end());
  const std::size_t h = sd.size() / 2;
  return sd.size() % 2 == 1 ? sd[h] : (sd[h - 1] + sd[h]) / 2.0;
}

// SMOTE-NC for numeric columns X_num and categorical columns given as level
// codes 0..n_levels[j]-1. Neighbours are found on the numeric columns plus
// each categorical column one-hot encoded with value median_std / 2, so a
// level mismatch adds median_std^2 / 2 to the squared distance (this is what
// imbalanced-learn computes). Numeric values are interpolated as in SMOTE;
// each categorical value is the most frequent level among the seed's
// k_neighbors neighbours, ties broken uniformly at random as
// imbalanced-learn does. X_new holds the numeric columns, then the
// categorical codes as doubles.
inline Resampled smote_nc(const Columns& X_num, const Eigen::Ref<const Eigen::MatrixXi>& codes,
                          const std::vector<int>& n_levels, const Eigen::Ref<const Eigen::VectorXi>& y,
                          const std::vector<Eigen::Index>& n_new, int k_neighbors, std::uint64_t seed,
                          const Executor& exec = serial_executor(), KnnAlgorithm algorithm = KnnAlgorithm::automatic,
                          const std::vector<std::string>& class_names = {}) {
  detail::check_resample_input(X_num.rows(), y, n_new);
  require(k_neighbors >= 1, "k_neighbors must be at least 1");
  require(X_num.cols() >= 1, "SMOTE-NC needs at least one numeric column");
  require(codes.cols() >= 1, "SMOTE-NC needs at least one categorical column");
  require(codes.rows() == X_num.rows(), "the numeric and categorical columns must have the same number of rows");
  detail::check_codes(codes, n_levels);
  const std::size_t K = n_new.size();
  const auto rows = detail::class_rows(y, K);
  detail::check_class_sizes(rows, n_new, k_neighbors, "SMOTE-NC", "k_neighbors", class_names);
  const Eigen::Index p = X_num.cols(), q = codes.cols();
  Resampled out = detail::start_output(X_num.rows(), detail::total(n_new), p + q);
  if (out.y_new.size() == 0) return out;

  const double half = smote_nc_median_std(X_num, y, K) / 2.0;
  std::vector<Eigen::Index> first_col(static_cast<std::size_t>(q));
  Eigen::Index width = p;
  for (Eigen::Index j = 0; j < q; ++j) {
    first_col[static_cast<std::size_t>(j)] = width;
    width += n_levels[static_cast<std::size_t>(j)];
  }
  const auto k = static_cast<std::size_t>(k_neighbors);

  std::uint64_t stream = 0;
  detail::for_each_growing_class(
      rows, n_new, [&](std::size_t c, const std::vector<Eigen::Index>& members, Eigen::Index n_c, Eigen::Index offset) {
        const auto m = static_cast<Eigen::Index>(members.size());
        const Eigen::MatrixXd Xc = detail::gather_rows(X_num, members);
        Eigen::MatrixXd encoded = Eigen::MatrixXd::Zero(m, width);
        encoded.leftCols(p) = Xc;
        for (Eigen::Index i = 0; i < m; ++i)
          for (Eigen::Index j = 0; j < q; ++j)
            encoded(i, first_col[static_cast<std::size_t>(j)] + codes(members[static_cast<std::size_t>(i)], j)) = half;
        const Neighbours nn = knn_self(encoded, k_neighbors, exec, algorithm);
        encoded.resize(0, 0);
        const std::uint64_t n_blocks = detail::interpolate(Xc, Xc, nn, members, members, nullptr, 1.0, n_c,
                                                           static_cast<int>(c), offset, seed, stream, exec, out);

        // The seed's class position, from the original row it reports.
        std::vector<Eigen::Index> position(static_cast<std::size_t>(X_num.rows()), -1);
        for (Eigen::Index i = 0; i < m; ++i)
          position[static_cast<std::size_t>(members[static_cast<std::size_t>(i)])] = i;
        detail::for_each_synthetic_block(
            n_c, seed, stream + n_blocks, exec, [&](Rng& rng, Eigen::Index start, Eigen::Index len) {
              std::vector<int> tally, best;
              for (Eigen::Index t = 0; t < len; ++t) {
                const Eigen::Index at = offset + start + t;
                const auto s = static_cast<std::size_t>(
                    position[static_cast<std::size_t>(out.seed_row[static_cast<std::size_t>(at)])]);
                for (Eigen::Index j = 0; j < q; ++j) {
                  tally.assign(static_cast<std::size_t>(n_levels[static_cast<std::size_t>(j)]), 0);
                  for (std::size_t r = 0; r < k; ++r)
                    ++tally[static_cast<std::size_t>(codes(members[static_cast<std::size_t>(nn.index[s * k + r])], j))];
                  const int top = *std::max_element(tally.begin(), tally.end());
                  best.clear();
                  for (std::size_t l = 0; l < tally.size(); ++l)
                    if (tally[l] == top) best.push_back(static_cast<int>(l));
                  const int level = best.size() == 1 ? best[0] : best[rng.below(best.size())];
                  out.X_new(at, p + j) = static_cast<double>(level);
                }
              }
            });
        // n_blocks streams for the numeric columns, as many for the categorical.
        stream += 2 * n_blocks;
      });
  return out;
}

}  // namespace smotelab
