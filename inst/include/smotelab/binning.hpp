// Per-feature quantile bins shared by the tree models.
//
// Trees search splits over at most 255 candidate thresholds per feature, so
// each cell of the training design is stored as one byte: its bin. A feature
// with at most `max_bins` distinct values gets one bin per value, with
// thresholds halfway between neighbouring values, so no split is lost; a
// feature with more gets thresholds at its quantiles. A value x falls in bin
// b = #{thresholds < x}, hence "bin <= b" and "x <= threshold[b]" select the
// same rows, and a fitted tree needs only the thresholds to predict new data.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "columns.hpp"
#include "errors.hpp"
#include "parallel.hpp"
#include "rng.hpp"
#include "simd.hpp"

namespace smotelab {

constexpr int kMaxBins = 255;

struct BinMapper {
  // thresholds[j] is ascending; feature j has thresholds[j].size() + 1 bins.
  std::vector<std::vector<double>> thresholds;

  int n_bins(Eigen::Index j) const { return static_cast<int>(thresholds[static_cast<std::size_t>(j)].size()) + 1; }
  double threshold(Eigen::Index j, int bin) const {
    return thresholds[static_cast<std::size_t>(j)][static_cast<std::size_t>(bin)];
  }
};

// The binned design, column-major: column j is codes[j * rows, (j + 1) * rows).
struct BinnedMatrix {
  Eigen::Index rows = 0;
  Eigen::Index cols = 0;
  std::vector<std::uint8_t> codes;

  const std::uint8_t* col(Eigen::Index j) const { return codes.data() + j * rows; }
};

namespace detail {

// Quantile thresholds come from a sample of this many rows at most, as in
// scikit-learn's histogram gradient boosting; it keeps binning linear in n.
constexpr Eigen::Index kBinSampleRows = 200000;

inline std::vector<double> thresholds_of(std::vector<double> values, int max_bins) {
  std::sort(values.begin(), values.end());
  std::vector<double> distinct;
  distinct.reserve(values.size());
  for (double v : values)
    if (distinct.empty() || v != distinct.back()) distinct.push_back(v);

  std::vector<double> out;
  if (static_cast<int>(distinct.size()) <= max_bins) {
    for (std::size_t k = 1; k < distinct.size(); ++k)
      out.push_back(distinct[k - 1] + (distinct[k] - distinct[k - 1]) / 2);
    return out;
  }
  // Cut the sorted sample into max_bins groups of equal size; each cut lies
  // halfway between the last value of one group and the next distinct value.
  const double m = static_cast<double>(values.size());
  for (int b = 1; b < max_bins; ++b) {
    const auto pos = static_cast<std::size_t>(m * b / max_bins);
    const double lo = values[pos - 1];
    const auto next = std::upper_bound(values.begin() + static_cast<std::ptrdiff_t>(pos) - 1, values.end(), lo);
    if (next == values.end()) break;
    const double cut = lo + (*next - lo) / 2;
    if (out.empty() || cut > out.back()) out.push_back(cut);
  }
  return out;
}

}  // namespace detail

// Thresholds for every column of X. Rows are sampled (seeded) when there are
// more than detail::kBinSampleRows; the values must be finite.
inline BinMapper fit_bins(const Columns& X, int max_bins, std::uint64_t seed,
                          const Executor& exec = serial_executor()) {
  require(max_bins >= 2 && max_bins <= kMaxBins, "max_bins must be between 2 and 255");
  const Eigen::Index n = X.rows();
  std::vector<Eigen::Index> sample;
  if (n > detail::kBinSampleRows) {
    Rng rng(seed, 0);
    sample.resize(static_cast<std::size_t>(detail::kBinSampleRows));
    for (auto& i : sample) i = static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(n)));
  }
  BinMapper mapper;
  mapper.thresholds.resize(static_cast<std::size_t>(X.cols()));
  exec(static_cast<std::size_t>(X.cols()), 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t j = begin; j < end; ++j) {
      const auto column = X.col(static_cast<Eigen::Index>(j));
      std::vector<double> values;
      if (sample.empty()) {
        values.assign(column.data(), column.data() + n);
      } else {
        values.reserve(sample.size());
        for (Eigen::Index i : sample) values.push_back(column(i));
      }
      mapper.thresholds[j] = detail::thresholds_of(std::move(values), max_bins);
    }
  });
  return mapper;
}

// A feature's thresholds padded with +inf to 256 = 16 x 16 entries, so that
// a bin is found by counting comparisons without a branch: first which of the
// 16 groups x falls in (the groups whose last threshold is below x), then how
// many of that group's thresholds are below x. This gives #{thresholds < x},
// as a binary search would, without its mispredicted branches.
class BinCounter {
 public:
  explicit BinCounter(const std::vector<double>& thresholds) {
    std::fill(t_, t_ + 256, std::numeric_limits<double>::infinity());
    std::copy(thresholds.begin(), thresholds.end(), t_);
    for (int m = 0; m < 16; ++m) last_[m] = t_[16 * m + 15];
  }

  // The bins of x[0, rows) into codes.
  void operator()(const double* x, std::size_t rows, std::uint8_t* codes) const {
    simd::bin_codes(x, rows, t_, last_, codes);
  }

 private:
  double t_[256];
  double last_[16];
};

inline BinnedMatrix apply_bins(const BinMapper& mapper, const Columns& X, const Executor& exec = serial_executor()) {
  require(static_cast<std::size_t>(X.cols()) == mapper.thresholds.size(),
          "the data have a different number of columns than the bins");
  BinnedMatrix out;
  out.rows = X.rows();
  out.cols = X.cols();
  out.codes.resize(static_cast<std::size_t>(out.rows * out.cols));
  // Work items are (column, block of rows), so two threads share one column.
  constexpr Eigen::Index block = 1 << 16;
  const Eigen::Index blocks = (out.rows + block - 1) / block;
  exec(static_cast<std::size_t>(blocks * out.cols), 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t item = begin; item < end; ++item) {
      const Eigen::Index j = static_cast<Eigen::Index>(item) / blocks;
      const Eigen::Index first = (static_cast<Eigen::Index>(item) % blocks) * block;
      const Eigen::Index last = std::min(out.rows, first + block);
      const BinCounter bin_of(mapper.thresholds[static_cast<std::size_t>(j)]);
      bin_of(X.col(j).data() + first, static_cast<std::size_t>(last - first), out.codes.data() + j * out.rows + first);
    }
  });
  return out;
}

}  // namespace smotelab
