// SMOTE and the random over- and under-samplers.
//
// SMOTE follows imbalanced-learn (imblearn/over_sampling/_smote/base.py): for
// each class to grow, find the k nearest same-class neighbours of each of its
// rows; each synthetic row picks a seed row uniformly with replacement, one of
// its k neighbours uniformly, a gap uniform in [0, 1), and is
// seed + gap * (neighbour - seed).
//
// Synthetic rows are made in fixed-size blocks, each with its own random
// stream, so the output is bit-identical for any number of threads.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "errors.hpp"
#include "knn.hpp"
#include "parallel.hpp"
#include "rng.hpp"

namespace smotelab {

// What every resampler returns: the original rows kept, in their original
// order (all of them for over-samplers), and the rows added after them.
// seed_row / neighbour_row say where each added row came from: for SMOTE the
// seed and the neighbour it was interpolated between, for random
// over-sampling the row it copies (neighbour -1).
struct Resampled {
  std::vector<Eigen::Index> keep;
  Eigen::MatrixXd X_new;
  Eigen::VectorXi y_new;
  std::vector<Eigen::Index> seed_row, neighbour_row;
};

namespace detail {

constexpr Eigen::Index kSyntheticBlock = 4096;

// Row indices of each class; checks the codes against the number of classes.
inline std::vector<std::vector<Eigen::Index>> class_rows(const Eigen::Ref<const Eigen::VectorXi>& y, std::size_t K) {
  std::vector<std::vector<Eigen::Index>> rows(K);
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    require(y(i) >= 0 && static_cast<std::size_t>(y(i)) < K,
            "class codes must lie in 0.." + std::to_string(K - 1) + "; row " + std::to_string(i) + " has " +
                std::to_string(y(i)));
    rows[static_cast<std::size_t>(y(i))].push_back(i);
  }
  return rows;
}

inline void check_resample_input(const Eigen::Ref<const Eigen::MatrixXd>& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                 const std::vector<Eigen::Index>& per_class) {
  require(X.rows() == y.size(), "X and y must have the same number of rows");
  require(per_class.size() >= 2, "resampling needs at least two classes");
  for (Eigen::Index n : per_class) require(n >= 0, "row counts per class must not be negative");
}

inline std::vector<Eigen::Index> all_rows(Eigen::Index n) {
  std::vector<Eigen::Index> keep(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) keep[static_cast<std::size_t>(i)] = i;
  return keep;
}

inline Eigen::Index total(const std::vector<Eigen::Index>& v) {
  Eigen::Index s = 0;
  for (Eigen::Index x : v) s += x;
  return s;
}

}  // namespace detail

// n_new[c] synthetic rows for class c (0 leaves the class alone).
inline Resampled smote(const Eigen::Ref<const Eigen::MatrixXd>& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                       const std::vector<Eigen::Index>& n_new, int k_neighbors, std::uint64_t seed,
                       const Executor& exec = serial_executor(), KnnAlgorithm algorithm = KnnAlgorithm::automatic) {
  detail::check_resample_input(X, y, n_new);
  require(k_neighbors >= 1, "k_neighbors must be at least 1");
  const std::size_t K = n_new.size();
  const Eigen::Index p = X.cols();
  const auto rows = detail::class_rows(y, K);
  for (std::size_t c = 0; c < K; ++c) {
    const auto m = static_cast<Eigen::Index>(rows[c].size());
    require(n_new[c] == 0 || m >= k_neighbors + 1,
            "The class " + std::to_string(c) + " has " + std::to_string(m) + " rows; SMOTE with k_neighbors = " +
                std::to_string(k_neighbors) + " needs at least " + std::to_string(k_neighbors + 1) + ".");
  }

  Resampled out;
  out.keep = detail::all_rows(X.rows());
  const Eigen::Index n_total = detail::total(n_new);
  out.X_new.resize(n_total, p);
  out.y_new.resize(n_total);
  out.seed_row.resize(static_cast<std::size_t>(n_total));
  out.neighbour_row.resize(static_cast<std::size_t>(n_total));

  Eigen::Index offset = 0;
  std::uint64_t stream = 0;  // block streams run on across classes
  for (std::size_t c = 0; c < K; ++c) {
    const Eigen::Index n_c = n_new[c];
    if (n_c == 0) continue;
    const std::vector<Eigen::Index>& members = rows[c];
    const auto m = static_cast<Eigen::Index>(members.size());
    Eigen::MatrixXd Xc(m, p);
    for (Eigen::Index j = 0; j < p; ++j)
      for (Eigen::Index i = 0; i < m; ++i) Xc(i, j) = X(members[static_cast<std::size_t>(i)], j);
    const Neighbours nn = knn_self(Xc, k_neighbors, exec, algorithm);

    const Eigen::Index n_blocks = (n_c + detail::kSyntheticBlock - 1) / detail::kSyntheticBlock;
    const std::uint64_t first_stream = stream;
    const Eigen::Index class_offset = offset;
    out.y_new.segment(class_offset, n_c).setConstant(static_cast<int>(c));
    exec(static_cast<std::size_t>(n_blocks), 1, [&](std::size_t begin, std::size_t end) {
      std::vector<Eigen::Index> from(detail::kSyntheticBlock), to(detail::kSyntheticBlock);
      std::vector<double> gap(detail::kSyntheticBlock);
      for (std::size_t b = begin; b < end; ++b) {
        Rng rng(seed, first_stream + b);
        const Eigen::Index start = static_cast<Eigen::Index>(b) * detail::kSyntheticBlock;
        const Eigen::Index len = std::min(detail::kSyntheticBlock, n_c - start);
        for (Eigen::Index t = 0; t < len; ++t) {
          const auto i = static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(m)));
          const auto j = static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(k_neighbors)));
          from[t] = i;
          to[t] = nn.index[static_cast<std::size_t>(i * k_neighbors + j)];
          gap[t] = rng.uniform();
          const auto at = static_cast<std::size_t>(class_offset + start + t);
          out.seed_row[at] = members[static_cast<std::size_t>(from[t])];
          out.neighbour_row[at] = members[static_cast<std::size_t>(to[t])];
        }
        // Column by column: contiguous writes, reads within one class column.
        for (Eigen::Index col = 0; col < p; ++col) {
          const double* xc = Xc.col(col).data();
          double* dst = out.X_new.col(col).data() + class_offset + start;
          for (Eigen::Index t = 0; t < len; ++t) {
            const double a = xc[from[t]];
            dst[t] = a + gap[t] * (xc[to[t]] - a);
          }
        }
      }
    });
    offset += n_c;
    stream += static_cast<std::uint64_t>(n_blocks);
  }
  return out;
}

// n_new[c] copies of rows of class c drawn uniformly with replacement.
inline Resampled random_oversample(const Eigen::Ref<const Eigen::MatrixXd>& X,
                                   const Eigen::Ref<const Eigen::VectorXi>& y, const std::vector<Eigen::Index>& n_new,
                                   std::uint64_t seed) {
  detail::check_resample_input(X, y, n_new);
  const std::size_t K = n_new.size();
  const auto rows = detail::class_rows(y, K);
  Resampled out;
  out.keep = detail::all_rows(X.rows());
  const Eigen::Index n_total = detail::total(n_new);
  out.y_new.resize(n_total);
  out.seed_row.reserve(static_cast<std::size_t>(n_total));
  out.neighbour_row.assign(static_cast<std::size_t>(n_total), -1);
  for (std::size_t c = 0; c < K; ++c) {
    if (n_new[c] == 0) continue;
    require(!rows[c].empty(), "class " + std::to_string(c) + " has no rows to copy");
    Rng rng(seed, c);
    const auto m = static_cast<std::uint64_t>(rows[c].size());
    for (Eigen::Index t = 0; t < n_new[c]; ++t) {
      out.y_new(static_cast<Eigen::Index>(out.seed_row.size())) = static_cast<int>(c);
      out.seed_row.push_back(rows[c][static_cast<std::size_t>(rng.below(m))]);
    }
  }
  out.X_new.resize(n_total, X.cols());
  for (Eigen::Index j = 0; j < X.cols(); ++j)
    for (Eigen::Index t = 0; t < n_total; ++t) out.X_new(t, j) = X(out.seed_row[static_cast<std::size_t>(t)], j);
  return out;
}

// Keeps n_keep[c] rows of class c, drawn without replacement; the kept rows
// stay in their original order.
inline Resampled random_undersample(const Eigen::Ref<const Eigen::MatrixXd>& X,
                                    const Eigen::Ref<const Eigen::VectorXi>& y,
                                    const std::vector<Eigen::Index>& n_keep, std::uint64_t seed) {
  detail::check_resample_input(X, y, n_keep);
  const std::size_t K = n_keep.size();
  auto rows = detail::class_rows(y, K);
  std::vector<char> kept(static_cast<std::size_t>(X.rows()), 0);
  for (std::size_t c = 0; c < K; ++c) {
    std::vector<Eigen::Index>& members = rows[c];
    const auto m = static_cast<Eigen::Index>(members.size());
    require(n_keep[c] <= m, "class " + std::to_string(c) + " has " + std::to_string(m) + " rows; " +
                                std::to_string(n_keep[c]) + " can't be kept");
    if (n_keep[c] < m) {
      // A partial Fisher-Yates shuffle: the first n_keep[c] are a uniform draw.
      Rng rng(seed, c);
      for (Eigen::Index i = 0; i < n_keep[c]; ++i) {
        const auto j = i + static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(m - i)));
        std::swap(members[static_cast<std::size_t>(i)], members[static_cast<std::size_t>(j)]);
      }
    }
    for (Eigen::Index i = 0; i < n_keep[c]; ++i) kept[static_cast<std::size_t>(members[static_cast<std::size_t>(i)])] = 1;
  }
  Resampled out;
  out.keep.reserve(static_cast<std::size_t>(detail::total(n_keep)));
  for (Eigen::Index i = 0; i < X.rows(); ++i)
    if (kept[static_cast<std::size_t>(i)]) out.keep.push_back(i);
  out.X_new.resize(0, X.cols());
  out.y_new.resize(0);
  return out;
}

}  // namespace smotelab
