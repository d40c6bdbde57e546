// SMOTE for categorical predictors: SMOTEN (imbalanced-learn 0.10's SMOTEN,
// imblearn/over_sampling/_smote/base.py, with the value difference metric of
// imblearn/metrics/pairwise.py), and the pipeline's view of factors as blocks
// of dummy columns, which lets SMOTE-NC and SMOTEN run inside the engine.
//
// A pipeline's design holds each factor as a block of 0/1 dummy columns
// against its first level (a logical predictor is a block of one column).
// The engine knows where the blocks are, so a categorical step decodes each
// block back to one level code per row, resamples on the codes, and writes
// the synthetic rows' levels back as exact dummies: no fractional dummies.
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
#include "parallel.hpp"
#include "rng.hpp"
#include "smote.hpp"
#include "smote_variants.hpp"

namespace smotelab {

// The dummy columns [first, first + width) of one categorical predictor with
// width + 1 levels; level 0 (the reference) has every column at 0.
struct CategoricalBlock {
  Eigen::Index first = 0;
  Eigen::Index width = 0;
};

// Level codes 0..n_levels - 1 of every categorical column.
struct LevelCodes {
  Eigen::MatrixXi codes;
  std::vector<int> n_levels;
};

namespace detail {

inline void check_blocks(const std::vector<CategoricalBlock>& blocks, Eigen::Index p) {
  Eigen::Index end = 0;
  for (const CategoricalBlock& b : blocks) {
    require(b.width >= 1 && b.first >= end && b.first + b.width <= p,
            "categorical blocks must be ordered, disjoint, non-empty column ranges of the design");
    end = b.first + b.width;
  }
}

// Design columns outside every block.
inline std::vector<Eigen::Index> numeric_columns(const std::vector<CategoricalBlock>& blocks, Eigen::Index p) {
  std::vector<char> categorical(static_cast<std::size_t>(p), 0);
  for (const CategoricalBlock& b : blocks)
    for (Eigen::Index j = b.first; j < b.first + b.width; ++j) categorical[static_cast<std::size_t>(j)] = 1;
  std::vector<Eigen::Index> out;
  for (Eigen::Index j = 0; j < p; ++j)
    if (!categorical[static_cast<std::size_t>(j)]) out.push_back(j);
  return out;
}

}  // namespace detail

// The level of each row in each block. `unit` (2 x p) holds, per design
// column, the value a dummy 0 and a dummy 1 have become after the steps fitted
// so far (e.g. standardisation); a row takes the level of the block column
// closest to its "1" value, or the reference level when every column is
// closer to its "0" value. Rows made by an earlier interpolating step may hold
// fractional dummies; they get the level they are nearest to.
inline LevelCodes decode_blocks(const Eigen::Ref<const Eigen::MatrixXd>& X, const std::vector<CategoricalBlock>& blocks,
                                const Eigen::Ref<const Eigen::MatrixXd>& unit) {
  detail::check_blocks(blocks, X.cols());
  require(unit.rows() == 2 && unit.cols() == X.cols(), "unit must hold a 0 and a 1 row per design column");
  LevelCodes out{Eigen::MatrixXi(X.rows(), static_cast<Eigen::Index>(blocks.size())), {}};
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const CategoricalBlock& blk = blocks[b];
    out.n_levels.push_back(static_cast<int>(blk.width + 1));
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
      int level = 0;
      double best = 0.0;
      for (Eigen::Index j = 0; j < blk.width; ++j) {
        const Eigen::Index c = blk.first + j;
        // How much closer the value is to the column's 1 than to its 0.
        const double lead = std::abs(X(i, c) - unit(0, c)) - std::abs(X(i, c) - unit(1, c));
        if (lead > best) {
          best = lead;
          level = static_cast<int>(j + 1);
        }
      }
      out.codes(i, static_cast<Eigen::Index>(b)) = level;
    }
  }
  return out;
}

// Synthetic rows given as the `numeric` design columns followed by one level
// code per block, as full design rows: numeric values in their columns, each
// level as the block's dummies (its encoded 0s and 1 from `unit`).
inline Eigen::MatrixXd encode_blocks(const Eigen::Ref<const Eigen::MatrixXd>& made,
                                     const std::vector<Eigen::Index>& numeric,
                                     const std::vector<CategoricalBlock>& blocks,
                                     const Eigen::Ref<const Eigen::MatrixXd>& unit) {
  const auto p_num = static_cast<Eigen::Index>(numeric.size());
  require(made.cols() == p_num + static_cast<Eigen::Index>(blocks.size()),
          "synthetic rows must hold the numeric columns and one code per block");
  Eigen::MatrixXd out(made.rows(), unit.cols());
  for (Eigen::Index j = 0; j < p_num; ++j) out.col(numeric[static_cast<std::size_t>(j)]) = made.col(j);
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const CategoricalBlock& blk = blocks[b];
    for (Eigen::Index j = 0; j < blk.width; ++j) out.col(blk.first + j).setConstant(unit(0, blk.first + j));
    for (Eigen::Index i = 0; i < made.rows(); ++i) {
      const auto level = static_cast<Eigen::Index>(made(i, p_num + static_cast<Eigen::Index>(b)));
      if (level > 0) out(i, blk.first + level - 1) = unit(1, blk.first + level - 1);
    }
  }
  return out;
}

namespace detail {

// The value difference metric between the levels of one column, as
// imbalanced-learn's ValueDifferenceMetric with k = 1, r = 2: the squared L1
// distance between the levels' class distributions P(class | level) over all
// rows. A level no row has gets the all-zero distribution, as there.
inline Eigen::MatrixXd vdm_table(const Eigen::Ref<const Eigen::VectorXi>& codes, int n_levels,
                                 const Eigen::Ref<const Eigen::VectorXi>& y, std::size_t n_classes) {
  Eigen::MatrixXd prob = Eigen::MatrixXd::Zero(n_levels, static_cast<Eigen::Index>(n_classes));
  for (Eigen::Index i = 0; i < codes.size(); ++i) prob(codes(i), y(i)) += 1.0;
  for (int l = 0; l < n_levels; ++l) {
    const double total = prob.row(l).sum();
    if (total > 0) prob.row(l) /= total;
  }
  Eigen::MatrixXd table(n_levels, n_levels);
  for (int a = 0; a < n_levels; ++a)
    for (int b = 0; b < n_levels; ++b) {
      const double l1 = (prob.row(a) - prob.row(b)).cwiseAbs().sum();
      table(a, b) = l1 * l1;
    }
  return table;
}

}  // namespace detail

// The neighbourhood SMOTEN takes the mode over, for each row of the class
// whose rows are `members`: the row itself, then its k nearest other rows of
// the class by the value difference metric, ties by row order. This is
// imbalanced-learn's k + 1 nearest neighbours on the precomputed distances,
// which include the row itself ("expected from the original algorithm");
// with duplicate rows we keep the row itself first, which is one of the
// orders imbalanced-learn's argpartition may produce. Row-major, k + 1 per row.
inline std::vector<Eigen::Index> smoten_neighbourhoods(const Eigen::Ref<const Eigen::MatrixXi>& codes,
                                                       const std::vector<Eigen::MatrixXd>& vdm,
                                                       const std::vector<Eigen::Index>& members, int k,
                                                       const Executor& exec) {
  const std::size_t m = members.size(), kk = static_cast<std::size_t>(k) + 1;
  std::vector<Eigen::Index> out(m * kk);
  exec(m, 64, [&](std::size_t begin, std::size_t end) {
    std::vector<std::pair<double, std::size_t>> dist(m);
    for (std::size_t i = begin; i < end; ++i) {
      const Eigen::Index a = members[i];
      for (std::size_t t = 0; t < m; ++t) {
        const Eigen::Index b = members[t];
        double d = 0.0;
        for (Eigen::Index j = 0; j < codes.cols(); ++j) d += vdm[static_cast<std::size_t>(j)](codes(a, j), codes(b, j));
        // The row itself sorts first whatever its ties.
        dist[t] = {t == i ? -1.0 : d, t};
      }
      std::partial_sort(dist.begin(), dist.begin() + static_cast<std::ptrdiff_t>(kk), dist.end());
      for (std::size_t r = 0; r < kk; ++r) out[i * kk + r] = static_cast<Eigen::Index>(dist[r].second);
    }
  });
  return out;
}

// SMOTEN on categorical columns given as level codes. For each class c,
// n_new[c] rows: each draws a seed row of the class uniformly with
// replacement, and takes, in every column, the most frequent level among the
// seed's neighbourhood (smoten_neighbourhoods()), ties to the lowest level as
// scipy's mode does. X_new holds the codes as doubles; seed_row the seed.
// Rows are made in blocks with a random stream each, so the result does not
// depend on the number of threads.
inline Resampled smoten(const Eigen::Ref<const Eigen::MatrixXi>& codes, const std::vector<int>& n_levels,
                        const Eigen::Ref<const Eigen::VectorXi>& y, const std::vector<Eigen::Index>& n_new,
                        int k_neighbors, std::uint64_t seed, const Executor& exec = serial_executor(),
                        const std::vector<std::string>& class_names = {}) {
  detail::check_resample_input(codes.rows(), y, n_new);
  require(k_neighbors >= 1, "k_neighbors must be at least 1");
  require(codes.cols() >= 1, "SMOTEN needs at least one categorical column");
  detail::check_codes(codes, n_levels);
  const std::size_t K = n_new.size();
  const auto rows = detail::class_rows(y, K);
  detail::check_class_sizes(rows, n_new, k_neighbors, "SMOTEN", "k_neighbors", class_names);
  const Eigen::Index q = codes.cols();
  Resampled out = detail::start_output(codes.rows(), detail::total(n_new), q);
  if (out.y_new.size() == 0) return out;

  std::vector<Eigen::MatrixXd> vdm;
  for (Eigen::Index j = 0; j < q; ++j)
    vdm.push_back(detail::vdm_table(codes.col(j), n_levels[static_cast<std::size_t>(j)], y, K));
  const std::size_t kk = static_cast<std::size_t>(k_neighbors) + 1;

  std::uint64_t stream = 0;
  detail::for_each_growing_class(
      rows, n_new,
      [&](std::size_t c, const std::vector<Eigen::Index>& members, Eigen::Index n_c, Eigen::Index class_offset) {
        const std::vector<Eigen::Index> hood = smoten_neighbourhoods(codes, vdm, members, k_neighbors, exec);
        stream += detail::for_each_synthetic_block(
            n_c, seed, stream, exec, [&](Rng& rng, Eigen::Index start, Eigen::Index len) {
              std::vector<int> tally;
              for (Eigen::Index t = 0; t < len; ++t) {
                const Eigen::Index at = class_offset + start + t;
                const auto s = static_cast<std::size_t>(rng.below(members.size()));
                for (Eigen::Index j = 0; j < q; ++j) {
                  tally.assign(static_cast<std::size_t>(n_levels[static_cast<std::size_t>(j)]), 0);
                  for (std::size_t r = 0; r < kk; ++r)
                    ++tally[static_cast<std::size_t>(codes(members[static_cast<std::size_t>(hood[s * kk + r])], j))];
                  out.X_new(at, j) = static_cast<double>(std::max_element(tally.begin(), tally.end()) - tally.begin());
                }
                out.y_new(at) = static_cast<int>(c);
                out.seed_row[static_cast<std::size_t>(at)] = members[s];
                out.neighbour_row[static_cast<std::size_t>(at)] = -1;
              }
            });
      });
  return out;
}

// The two SMOTE variants for categorical predictors a pipeline step can run.
enum class CategoricalSmote { nc, n };

namespace detail {

// SMOTE-NC needs numeric and categorical columns, SMOTEN categorical ones only.
inline void check_block_design(CategoricalSmote method, std::size_t n_numeric, std::size_t n_blocks,
                               Eigen::Index n_cols) {
  if (method == CategoricalSmote::nc) {
    if (n_blocks == 0)
      fail(kind::type, "`step_smote_nc()` needs at least one factor, character or logical predictor.",
           {"All " + std::to_string(n_cols) + " design columns are numeric.", "Use `step_smote()` for numeric data."});
    if (n_numeric == 0)
      fail(kind::type, "`step_smote_nc()` needs at least one numeric predictor.",
           {"All " + std::to_string(n_blocks) + " predictors are categorical.",
            "Use `step_smoten()` for categorical predictors only."});
    return;
  }
  if (n_numeric > 0)
    fail(kind::type, "`step_smoten()` needs categorical predictors only.",
         {"The design has " + std::to_string(n_numeric) + " numeric column" + (n_numeric == 1 ? "" : "s") + ".",
          "Use `step_smote_nc()` for numeric and categorical predictors."});
  if (n_blocks == 0)
    fail(kind::type, "`step_smoten()` needs at least one factor, character or logical predictor.",
         {"The design has no columns."});
}

}  // namespace detail

// SMOTE-NC or SMOTEN on a pipeline's design: each of `blocks` is one
// categorical column, the columns outside them are numeric. The result is
// smote_nc() on the numeric columns and the codes, or smoten() on the codes,
// with the synthetic rows written back as full design rows.
inline Resampled smote_blocks(CategoricalSmote method, const Eigen::Ref<const Eigen::MatrixXd>& X,
                              const Eigen::Ref<const Eigen::VectorXi>& y, const std::vector<CategoricalBlock>& blocks,
                              const Eigen::Ref<const Eigen::MatrixXd>& unit, const std::vector<Eigen::Index>& n_new,
                              int k_neighbors, std::uint64_t seed, const Executor& exec = serial_executor(),
                              const std::vector<std::string>& class_names = {}) {
  const std::vector<Eigen::Index> numeric = detail::numeric_columns(blocks, X.cols());
  detail::check_block_design(method, numeric.size(), blocks.size(), X.cols());
  const LevelCodes levels = decode_blocks(X, blocks, unit);
  Resampled r;
  if (method == CategoricalSmote::nc) {
    std::vector<const double*> cols;
    for (Eigen::Index j : numeric) cols.push_back(X.col(j).data());
    r = smote_nc(Columns(std::move(cols), X.rows()), levels.codes, levels.n_levels, y, n_new, k_neighbors, seed, exec,
                 KnnAlgorithm::automatic, class_names);
  } else {
    r = smoten(levels.codes, levels.n_levels, y, n_new, k_neighbors, seed, exec, class_names);
  }
  r.X_new = encode_blocks(r.X_new, numeric, blocks, unit);
  return r;
}

}  // namespace smotelab
