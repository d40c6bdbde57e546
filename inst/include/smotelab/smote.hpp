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
//
// The *_numpy versions reproduce imbalanced-learn 0.10 with an integer
// random_state draw for draw (numpy's legacy RandomState): the draws are
// serial, the neighbour search and the arithmetic stay parallel.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "columns.hpp"
#include "errors.hpp"
#include "knn.hpp"
#include "memory.hpp"
#include "numpy_random.hpp"
#include "parallel.hpp"
#include "rng.hpp"
#include "sampling.hpp"

namespace smotelab {

// What every resampler returns: the original rows kept, in their original
// order (all of them for over-samplers), and the rows added after them.
// seed_row / neighbour_row say where each added row came from: for SMOTE the
// seed and the neighbour it was interpolated between, for random
// over-sampling the row it copies (neighbour -1). gap holds each
// interpolated row's gap (empty for copies), so that a case weight can be
// interpolated as its features were.
struct Resampled {
  std::vector<Eigen::Index> keep;
  Eigen::MatrixXd X_new;
  Eigen::VectorXi y_new;
  std::vector<Eigen::Index> seed_row, neighbour_row;
  std::vector<double> gap;
};

namespace detail {

constexpr Eigen::Index kSyntheticBlock = 4096;

// Calls make(rng, start, len) for the n new rows of one class in blocks of
// kSyntheticBlock rows, [start, start + len), on the executor; block b draws
// from Rng(seed, first_stream + b), so the rows do not depend on the number
// of threads. Returns the number of streams used.
template <typename Make>
std::uint64_t for_each_synthetic_block(Eigen::Index n, std::uint64_t seed, std::uint64_t first_stream,
                                       const Executor& exec, const Make& make) {
  const Eigen::Index n_blocks = (n + kSyntheticBlock - 1) / kSyntheticBlock;
  exec(static_cast<std::size_t>(n_blocks), 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t blk = begin; blk < end; ++blk) {
      Rng rng(seed, first_stream + blk);
      const Eigen::Index start = static_cast<Eigen::Index>(blk) * kSyntheticBlock;
      make(rng, start, std::min(kSyntheticBlock, n - start));
    }
  });
  return static_cast<std::uint64_t>(n_blocks);
}

// Row indices of each class; checks the codes against the number of classes.
inline std::vector<std::vector<Eigen::Index>> class_rows(const Eigen::Ref<const Eigen::VectorXi>& y, std::size_t K) {
  std::vector<std::vector<Eigen::Index>> rows(K);
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    require(y(i) >= 0 && static_cast<std::size_t>(y(i)) < K, "class codes must lie in 0.." + std::to_string(K - 1) +
                                                                 "; row " + std::to_string(i) + " has " +
                                                                 std::to_string(y(i)));
    rows[static_cast<std::size_t>(y(i))].push_back(i);
  }
  return rows;
}

inline void check_resample_input(Eigen::Index n_rows, const Eigen::Ref<const Eigen::VectorXi>& y,
                                 const std::vector<Eigen::Index>& per_class) {
  require(n_rows == y.size(), "X and y must have the same number of rows");
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

inline std::string rows_text(Eigen::Index n) { return std::to_string(n) + (n == 1 ? " row" : " rows"); }

// A class that grows needs k same-class neighbours for each of its rows. A
// class of one row has no neighbour at all, so no k can help it.
inline void check_class_sizes(const std::vector<std::vector<Eigen::Index>>& rows,
                              const std::vector<Eigen::Index>& n_new, int k, const std::string& method,
                              const std::string& param, const std::vector<std::string>& class_names = {}) {
  for (std::size_t c = 0; c < rows.size(); ++c) {
    const auto m = static_cast<Eigen::Index>(rows[c].size());
    if (n_new[c] == 0 || m >= k + 1) continue;
    const std::string headline = "The class " + class_label(c, class_names) + " has " + rows_text(m) + "; " + method +
                                 " with " + param + " = " + std::to_string(k) + " needs at least " +
                                 std::to_string(k + 1) + ".";
    if (m <= 1)
      fail(kind::too_few_rows, headline,
           {"The class is too small for " + method +
            ", which interpolates between two rows of a class; leave it out "
            "of `sampling_strategy` or copy its rows with random over-sampling."});
    fail(kind::too_few_rows, headline,
         {"Lower `" + param + "` to at most " + std::to_string(m - 1) +
          ", or leave this class out of `sampling_strategy`."});
  }
}

// The rows of each class, once the input and the class sizes have passed
// SMOTE's checks (both streams make the same ones).
inline std::vector<std::vector<Eigen::Index>> smote_class_rows(Eigen::Index n_rows,
                                                               const Eigen::Ref<const Eigen::VectorXi>& y,
                                                               const std::vector<Eigen::Index>& n_new, int k_neighbors,
                                                               const std::vector<std::string>& class_names) {
  check_resample_input(n_rows, y, n_new);
  require(k_neighbors >= 1, "k_neighbors must be at least 1");
  auto rows = class_rows(y, n_new.size());
  check_class_sizes(rows, n_new, k_neighbors, "SMOTE", "k_neighbors", class_names);
  return rows;
}

// The listed rows of X, in that order.
inline Eigen::MatrixXd gather_rows(const Eigen::Ref<const Eigen::MatrixXd>& X, const std::vector<Eigen::Index>& rows) {
  const auto m = static_cast<Eigen::Index>(rows.size());
  Eigen::MatrixXd out(m, X.cols());
  for (Eigen::Index j = 0; j < X.cols(); ++j)
    for (Eigen::Index i = 0; i < m; ++i) out(i, j) = X(rows[static_cast<std::size_t>(i)], j);
  return out;
}

// Calls grow(c, members, n_c, offset) for every class c that gets n_c > 0
// new rows, in class order; members are its rows and offset the first of its
// rows in the output, the classes' new rows standing one after the other.
template <typename Grow>
void for_each_growing_class(const std::vector<std::vector<Eigen::Index>>& rows, const std::vector<Eigen::Index>& n_new,
                            Grow grow) {
  Eigen::Index offset = 0;
  for (std::size_t c = 0; c < n_new.size(); ++c) {
    if (n_new[c] == 0) continue;
    grow(c, rows[c], n_new[c], offset);
    offset += n_new[c];
  }
}

// An over-sampler's output: every original row kept, room for n_total new ones.
inline Resampled start_output(Eigen::Index n_rows, Eigen::Index n_total, Eigen::Index p) {
  Resampled out;
  out.keep = all_rows(n_rows);
  out.X_new.resize(n_total, p);
  prefer_huge_pages(out.X_new.data(), static_cast<std::size_t>(out.X_new.size()) * sizeof(double));
  out.y_new.resize(n_total);
  out.seed_row.resize(static_cast<std::size_t>(n_total));
  out.neighbour_row.resize(static_cast<std::size_t>(n_total));
  out.gap.resize(static_cast<std::size_t>(n_total));
  return out;
}

inline Eigen::MatrixXd gather_rows(const Columns& X, const std::vector<Eigen::Index>& rows) { return X.rows_of(rows); }

// Writes n synthetic rows of class cls into out at rows [offset, offset + n).
// Row t picks a seed row i of `from` (fixed_seed[t] if given, else uniformly),
// one of its nn.k neighbours j (rows of `to`) uniformly, and a gap
// u = step * uniform[0, 1), and is from_i + u * (to_j - from_i);
// from_rows / to_rows give the original row numbers reported in seed_row and
// neighbour_row. Rows are made in blocks with streams first_stream, ...;
// returns the number of streams used.
inline std::uint64_t interpolate(const Eigen::MatrixXd& from, const Eigen::MatrixXd& to, const Neighbours& nn,
                                 const std::vector<Eigen::Index>& from_rows, const std::vector<Eigen::Index>& to_rows,
                                 const std::vector<Eigen::Index>* fixed_seed, double step, Eigen::Index n, int cls,
                                 Eigen::Index offset, std::uint64_t seed, std::uint64_t first_stream,
                                 const Executor& exec, Resampled& out) {
  if (n == 0) return 0;
  const Eigen::Index p = from.cols();
  const auto n_from = static_cast<std::uint64_t>(from.rows());
  const auto k = static_cast<std::uint64_t>(nn.k);
  // Each synthetic row reads one seed row and one neighbour row whole, so
  // the rows are copied to be contiguous.
  const RowMajor from_data = from;
  RowMajor to_copy;
  if (&to != &from) to_copy = to;
  const RowMajor& to_data = &to != &from ? to_copy : from_data;
  out.y_new.segment(offset, n).setConstant(cls);
  return for_each_synthetic_block(n, seed, first_stream, exec, [&](Rng& rng, Eigen::Index start, Eigen::Index len) {
    std::vector<Eigen::Index> a(static_cast<std::size_t>(len)), b(static_cast<std::size_t>(len));
    std::vector<double> gap(static_cast<std::size_t>(len));
    for (Eigen::Index t = 0; t < len; ++t) {
      const Eigen::Index i = fixed_seed != nullptr ? (*fixed_seed)[static_cast<std::size_t>(start + t)]
                                                   : static_cast<Eigen::Index>(rng.below(n_from));
      const auto j = static_cast<std::size_t>(rng.below(k));
      a[t] = i;
      b[t] = nn.index[static_cast<std::size_t>(i) * static_cast<std::size_t>(k) + j];
      gap[t] = step * rng.uniform();
      const auto at = static_cast<std::size_t>(offset + start + t);
      out.seed_row[at] = from_rows[static_cast<std::size_t>(a[t])];
      out.neighbour_row[at] = to_rows[static_cast<std::size_t>(b[t])];
      out.gap[at] = gap[t];
    }
    double* dst = out.X_new.data() + offset + start;
    const auto ld = static_cast<std::size_t>(out.X_new.rows());
    for (Eigen::Index t = 0; t < len; ++t) {
      const double* xa = from_data.row(a[t]).data();
      const double* xb = to_data.row(b[t]).data();
      for (Eigen::Index col = 0; col < p; ++col) {
        const double v = xa[col];
        dst[static_cast<std::size_t>(col) * ld + static_cast<std::size_t>(t)] = v + gap[t] * (xb[col] - v);
      }
    }
  });
}

}  // namespace detail

// n_new[c] synthetic rows for class c (0 leaves the class alone).
inline Resampled smote(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                       const std::vector<Eigen::Index>& n_new, int k_neighbors, std::uint64_t seed,
                       const Executor& exec = serial_executor(), KnnAlgorithm algorithm = KnnAlgorithm::automatic,
                       const std::vector<std::string>& class_names = {}) {
  const auto rows = detail::smote_class_rows(X.rows(), y, n_new, k_neighbors, class_names);
  Resampled out = detail::start_output(X.rows(), detail::total(n_new), X.cols());
  std::uint64_t stream = 0;  // block streams run on across classes
  detail::for_each_growing_class(
      rows, n_new, [&](std::size_t c, const std::vector<Eigen::Index>& members, Eigen::Index n_c, Eigen::Index offset) {
        const Eigen::MatrixXd Xc = detail::gather_rows(X, members);
        const Neighbours nn = knn_self(Xc, k_neighbors, exec, algorithm);
        stream += detail::interpolate(Xc, Xc, nn, members, members, nullptr, 1.0, n_c, static_cast<int>(c), offset,
                                      seed, stream, exec, out);
      });
  return out;
}

namespace detail {

// n_new[c] copies of rows of class c, in class order. draw_for(c) gives the
// draw of class c: a callable that returns a position in [0, m) among the
// class's m rows. The two random over-samplers differ only in that draw.
template <typename DrawFor>
Resampled copy_class_rows(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                          const std::vector<Eigen::Index>& n_new, DrawFor draw_for) {
  check_resample_input(X.rows(), y, n_new);
  const std::size_t K = n_new.size();
  const auto rows = class_rows(y, K);
  Resampled out;
  out.keep = all_rows(X.rows());
  const Eigen::Index n_total = total(n_new);
  out.y_new.resize(n_total);
  out.seed_row.reserve(static_cast<std::size_t>(n_total));
  out.neighbour_row.assign(static_cast<std::size_t>(n_total), -1);
  for (std::size_t c = 0; c < K; ++c) {
    if (n_new[c] == 0) continue;
    require(!rows[c].empty(), "class " + std::to_string(c) + " has no rows to copy");
    auto draw = draw_for(c);
    const auto m = static_cast<std::uint64_t>(rows[c].size());
    for (Eigen::Index t = 0; t < n_new[c]; ++t) {
      out.y_new(static_cast<Eigen::Index>(out.seed_row.size())) = static_cast<int>(c);
      out.seed_row.push_back(rows[c][static_cast<std::size_t>(draw(m))]);
    }
  }
  out.X_new.resize(n_total, X.cols());
  for (Eigen::Index j = 0; j < X.cols(); ++j) {
    const double* col = X.col(j).data();
    for (Eigen::Index t = 0; t < n_total; ++t) out.X_new(t, j) = col[out.seed_row[static_cast<std::size_t>(t)]];
  }
  return out;
}

}  // namespace detail

// n_new[c] copies of rows of class c drawn uniformly with replacement, class
// c from its own stream Rng(seed, c).
inline Resampled random_oversample(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                   const std::vector<Eigen::Index>& n_new, std::uint64_t seed) {
  return detail::copy_class_rows(X, y, n_new, [seed](std::size_t c) {
    return [rng = Rng(seed, c)](std::uint64_t m) mutable { return rng.below(m); };
  });
}

// Keeps n_keep[c] rows of class c, drawn without replacement; the kept rows
// stay in their original order.
inline Resampled random_undersample(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                    const std::vector<Eigen::Index>& n_keep, std::uint64_t seed) {
  detail::check_resample_input(X.rows(), y, n_keep);
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
    for (Eigen::Index i = 0; i < n_keep[c]; ++i)
      kept[static_cast<std::size_t>(members[static_cast<std::size_t>(i)])] = 1;
  }
  Resampled out;
  out.keep.reserve(static_cast<std::size_t>(detail::total(n_keep)));
  for (Eigen::Index i = 0; i < X.rows(); ++i)
    if (kept[static_cast<std::size_t>(i)]) out.keep.push_back(i);
  out.X_new.resize(0, X.cols());
  out.y_new.resize(0);
  return out;
}

// imbalanced-learn's SMOTE(k_neighbors, random_state = seed).fit_resample():
// classes in code order; each class that grows draws from a fresh
// RandomState(seed) (imbalanced-learn builds one per class), first n indices
// into the (row, neighbour) table, then n gaps. A neighbour list here
// excludes the row by index, where imbalanced-learn drops the first column
// of a search that includes it; the two agree unless distinct rows tie in
// distance (exact duplicates agree, having the same coordinates).
inline Resampled smote_numpy(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                             const std::vector<Eigen::Index>& n_new, int k_neighbors, std::uint32_t seed,
                             const Executor& exec = serial_executor(), KnnAlgorithm algorithm = KnnAlgorithm::automatic,
                             const std::vector<std::string>& class_names = {}) {
  const auto rows = detail::smote_class_rows(X.rows(), y, n_new, k_neighbors, class_names);
  const Eigen::Index p = X.cols();
  Resampled out = detail::start_output(X.rows(), detail::total(n_new), p);
  std::vector<double> gap;
  detail::for_each_growing_class(
      rows, n_new, [&](std::size_t c, const std::vector<Eigen::Index>& members, Eigen::Index n_c, Eigen::Index offset) {
        const Eigen::MatrixXd Xc = detail::gather_rows(X, members);
        const Neighbours nn = knn_self(Xc, k_neighbors, exec, algorithm);
        const detail::RowMajor Xr = Xc;  // each synthetic row reads two rows whole
        const auto k = static_cast<std::int64_t>(nn.k);
        const auto cells = static_cast<std::int64_t>(members.size()) * k;

        NumpyRandomState rs(seed);
        Eigen::Index* a = out.seed_row.data() + offset;
        Eigen::Index* b = out.neighbour_row.data() + offset;
        for (Eigen::Index t = 0; t < n_c; ++t) {
          const std::int64_t cell = rs.randint(0, cells);
          a[t] = static_cast<Eigen::Index>(cell / k);
          b[t] = nn.index[static_cast<std::size_t>(cell)];
        }
        gap.resize(static_cast<std::size_t>(n_c));
        for (double& g : gap) g = rs.random_sample();
        std::copy(gap.begin(), gap.end(), out.gap.begin() + offset);

        out.y_new.segment(offset, n_c).setConstant(static_cast<int>(c));
        const auto ld = static_cast<std::size_t>(out.X_new.rows());
        const Eigen::Index n_blocks = (n_c + detail::kSyntheticBlock - 1) / detail::kSyntheticBlock;
        exec(static_cast<std::size_t>(n_blocks), 1, [&](std::size_t begin, std::size_t end) {
          for (std::size_t blk = begin; blk < end; ++blk) {
            const Eigen::Index first = static_cast<Eigen::Index>(blk) * detail::kSyntheticBlock;
            const Eigen::Index last = std::min(n_c, first + detail::kSyntheticBlock);
            for (Eigen::Index t = first; t < last; ++t) {
              const double* xa = Xr.row(a[t]).data();
              const double* xb = Xr.row(b[t]).data();
              const double g = gap[static_cast<std::size_t>(t)];
              double* dst = out.X_new.data() + offset + t;
              for (Eigen::Index col = 0; col < p; ++col) {
                const double v = xa[col];
                dst[static_cast<std::size_t>(col) * ld] = v + g * (xb[col] - v);
              }
            }
          }
        });
        for (Eigen::Index t = 0; t < n_c; ++t) {
          a[t] = members[static_cast<std::size_t>(a[t])];
          b[t] = members[static_cast<std::size_t>(b[t])];
        }
      });
  return out;
}

// imbalanced-learn's RandomOverSampler(random_state = seed): one
// RandomState(seed) for all classes, in code order; each class draws its
// copies with choice(rows of the class, n, replace = True).
inline Resampled random_oversample_numpy(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                         const std::vector<Eigen::Index>& n_new, std::uint32_t seed) {
  NumpyRandomState rs(seed);
  return detail::copy_class_rows(X, y, n_new, [&rs](std::size_t) {
    return [&rs](std::uint64_t m) { return rs.randint(0, static_cast<std::int64_t>(m)); };
  });
}

// imbalanced-learn's RandomUnderSampler(random_state = seed): classes in
// code order, each a block of the output; a class the strategy targets
// (targeted[c]) keeps the first n_keep[c] of a permutation of its rows, in
// that order, drawn from one RandomState(seed); the others keep all their
// rows in their order and draw nothing. `keep` is in that order, not sorted.
inline Resampled random_undersample_numpy(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                          const std::vector<Eigen::Index>& n_keep, const std::vector<char>& targeted,
                                          std::uint32_t seed) {
  detail::check_resample_input(X.rows(), y, n_keep);
  const std::size_t K = n_keep.size();
  require(targeted.size() == K, "targeted must have one entry per class");
  const auto rows = detail::class_rows(y, K);
  NumpyRandomState rs(seed);
  Resampled out;
  out.keep.reserve(static_cast<std::size_t>(detail::total(n_keep)));
  for (std::size_t c = 0; c < K; ++c) {
    const std::vector<Eigen::Index>& members = rows[c];
    const auto m = static_cast<Eigen::Index>(members.size());
    require(n_keep[c] <= m, "class " + std::to_string(c) + " has " + std::to_string(m) + " rows; " +
                                std::to_string(n_keep[c]) + " can't be kept");
    if (!targeted[c]) {
      require(n_keep[c] == m, "a class the strategy leaves alone must keep all its rows");
      out.keep.insert(out.keep.end(), members.begin(), members.end());
      continue;
    }
    const std::vector<std::int64_t> perm = rs.permutation(members.size());
    for (Eigen::Index i = 0; i < n_keep[c]; ++i)
      out.keep.push_back(members[static_cast<std::size_t>(perm[static_cast<std::size_t>(i)])]);
  }
  out.X_new.resize(0, X.cols());
  out.y_new.resize(0);
  return out;
}

}  // namespace smotelab
