// ROSE, random over-sampling examples (Menardi and Torelli, 2014), as the ROSE
// package's ROSE() and themis's step_rose() use it: a smoothed bootstrap that
// replaces the data with a new, wholly synthetic sample of a binary outcome.
//
// The new sample has N = floor(2 * n_majority * over_ratio) rows; the number
// of minority rows is Binomial(N, minority_prop), the rest are majority rows.
// Each new row copies a row of its class drawn uniformly with replacement and
// adds Gaussian noise to the smoothed columns: column j gets sd
// smoothness * (4 / ((q + 2) n))^(1 / (q + 4)) * s_j, Silverman's rule for q
// smoothed columns and a class of n rows with standard deviation s_j (divisor
// n - 1); other columns (categorical ones) are copied.
#pragma once

#include <Eigen/Dense>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "columns.hpp"
#include "errors.hpp"
#include "parallel.hpp"
#include "rng.hpp"
#include "sampling.hpp"
#include "smote.hpp"

namespace smotelab {

struct RoseOptions {
  double over_ratio = 1.0;
  double minority_prop = 0.5;
  double minority_smoothness = 1.0;
  double majority_smoothness = 1.0;
};

// The smoothed bootstrap of a binary outcome y (codes 0 and 1). `smooth[j]`
// says whether column j gets noise. The majority is the class with more rows
// (the first on ties). The result keeps no original row: X_new holds the new
// sample, majority rows first, then minority rows; seed_row gives the row
// each one copies. Stream 0 draws the class counts; block b of new rows draws
// from stream b + 1, so the result does not depend on the number of threads.
inline Resampled rose(const Columns& X, const std::vector<char>& smooth, const Eigen::Ref<const Eigen::VectorXi>& y,
                      const RoseOptions& opt, std::uint64_t seed, const Executor& exec = serial_executor(),
                      const std::vector<std::string>& class_names = {}) {
  require(X.rows() == y.size(), "X and y must have the same number of rows");
  require(static_cast<Eigen::Index>(smooth.size()) == X.cols(), "smooth must have one flag per column");
  require(opt.over_ratio > 0 && std::isfinite(opt.over_ratio), "over_ratio must be positive");
  require(opt.minority_prop >= 0 && opt.minority_prop <= 1, "minority_prop must lie in [0, 1]");
  require(opt.minority_smoothness >= 0 && opt.majority_smoothness >= 0, "smoothness must not be negative");
  const auto rows = detail::class_rows(y, 2);
  for (std::size_t c = 0; c < 2; ++c)
    if (rows[c].size() < 2)
      fail(kind::too_few_rows,
           "The class " + detail::class_label(c, class_names) + " has " +
               detail::rows_text(static_cast<Eigen::Index>(rows[c].size())) +
               "; ROSE needs at least 2 rows of each class.",
           {"ROSE smooths each class by its standard deviation, which one row does not have."});
  const std::size_t majority = rows[1].size() > rows[0].size() ? 1 : 0;
  const std::size_t minority = 1 - majority;
  const double n_total = std::floor(2.0 * static_cast<double>(rows[majority].size()) * opt.over_ratio);
  if (n_total > 2e9) fail(kind::size, "ROSE can't make more than 2e9 rows; lower `over_ratio`.");
  const auto N = static_cast<Eigen::Index>(n_total);

  Eigen::Index n_minority = 0;
  {
    Rng rng(seed, 0);
    for (Eigen::Index i = 0; i < N; ++i) n_minority += rng.uniform() < opt.minority_prop;
  }
  const Eigen::Index counts[2] = {majority == 0 ? N - n_minority : n_minority,
                                  majority == 0 ? n_minority : N - n_minority};

  Resampled out;
  out.X_new.resize(N, X.cols());
  out.y_new.resize(N);
  out.seed_row.resize(static_cast<std::size_t>(N));
  out.neighbour_row.assign(static_cast<std::size_t>(N), -1);

  Eigen::Index q = 0;
  for (char s : smooth) q += s != 0;
  std::uint64_t stream = 1;
  Eigen::Index offset = 0;
  for (const std::size_t c : {majority, minority}) {
    const Eigen::Index n_c = counts[c];
    const std::vector<Eigen::Index>& members = rows[c];
    const Eigen::MatrixXd Xc = detail::gather_rows(X, members);
    const auto n = static_cast<double>(members.size());
    const double smoothness = c == minority ? opt.minority_smoothness : opt.majority_smoothness;
    const double factor =
        q > 0 ? smoothness * std::pow(4.0 / ((static_cast<double>(q) + 2.0) * n), 1.0 / (static_cast<double>(q) + 4.0))
              : 0.0;
    Eigen::VectorXd h = Eigen::VectorXd::Zero(X.cols());
    for (Eigen::Index j = 0; j < X.cols(); ++j) {
      if (!smooth[static_cast<std::size_t>(j)]) continue;
      const double mean = Xc.col(j).mean();
      h(j) = factor * std::sqrt((Xc.col(j).array() - mean).square().sum() / (n - 1.0));
    }
    const Eigen::Index class_offset = offset;
    out.y_new.segment(offset, n_c).setConstant(static_cast<int>(c));
    stream +=
        detail::for_each_synthetic_block(n_c, seed, stream, exec, [&](Rng& rng, Eigen::Index start, Eigen::Index len) {
          for (Eigen::Index t = 0; t < len; ++t) {
            const auto i = static_cast<Eigen::Index>(rng.below(members.size()));
            const Eigen::Index at = class_offset + start + t;
            for (Eigen::Index j = 0; j < X.cols(); ++j)
              out.X_new(at, j) = smooth[static_cast<std::size_t>(j)] ? Xc(i, j) + h(j) * rng.normal() : Xc(i, j);
            out.seed_row[static_cast<std::size_t>(at)] = members[static_cast<std::size_t>(i)];
          }
        });
    offset += n_c;
  }
  return out;
}

}  // namespace smotelab
