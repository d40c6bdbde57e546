// Case weights through a resampler: the one rule the pipeline engine and the
// standalone resamplers share.
//
// A kept row keeps its weight and a copy copies its seed's. A synthetic row
// made by interpolation (seed + gap * (neighbour - seed)) gets its seed's and
// neighbour's weights interpolated with the same gap, so a weight that is a
// linear function of the features stays one. Alternatives considered: the
// seed's weight (ignores the neighbour, although the new row lies between
// both) and the mean of the class's weights (loses where in the class the row
// was made).
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cstddef>
#include <vector>

#include "errors.hpp"

namespace smotelab {

// Refuses case weights where a resampler makes rows from no single original
// row (soft-voting cluster centroids); callers that know it beforehand check
// before the resampler runs.
inline void check_followable(bool followable) {
  check(followable, kind::argument, "This resampling step makes rows that no case weight can follow.",
        {"Case weights pass through steps whose new rows copy or interpolate original rows (SMOTE and its "
         "variants, random over-sampling) and through the under-samplers; soft-voting cluster centroids make new "
         "rows from k-means centres."});
}

// `w`: the weights of the rows the resampler saw. `keep`: the rows it kept,
// in output order; then `n_new` new rows, each made from `seed_row[t]`
// (negative: from no single row) and, when interpolated, `neighbour_row[t]`
// (negative or absent: a copy) with gap `gap[t]` (absent: copies).
inline std::vector<double> carry_case_weights(const std::vector<double>& w, const std::vector<Eigen::Index>& keep,
                                              std::size_t n_new, const std::vector<Eigen::Index>& seed_row,
                                              const std::vector<Eigen::Index>& neighbour_row,
                                              const std::vector<double>& gap) {
  // New rows that are not made from one original row (k-means centroids,
  // a smoothed bootstrap's replacement of every row) have no weight to carry.
  const bool traceable =
      seed_row.size() == n_new && std::all_of(seed_row.begin(), seed_row.end(), [](Eigen::Index i) { return i >= 0; });
  check_followable(traceable);
  const auto n = static_cast<Eigen::Index>(w.size());
  const auto at = [&](Eigen::Index i) {
    require(i >= 0 && i < n, "a resampled row refers to a row outside the data");
    return w[static_cast<std::size_t>(i)];
  };
  std::vector<double> out;
  out.reserve(keep.size() + n_new);
  for (Eigen::Index k : keep) out.push_back(at(k));
  for (std::size_t t = 0; t < n_new; ++t) {
    const double seed = at(seed_row[t]);
    const bool copy = neighbour_row.empty() || neighbour_row[t] < 0 || gap.empty();
    out.push_back(copy ? seed : seed + gap[t] * (at(neighbour_row[t]) - seed));
  }
  return out;
}

// The weights of `rows`, in their order; none when there are no weights.
inline std::vector<double> weights_of_rows(const double* case_weight, const std::vector<Eigen::Index>& rows) {
  std::vector<double> out;
  if (case_weight == nullptr) return out;
  out.reserve(rows.size());
  for (Eigen::Index i : rows) out.push_back(case_weight[i]);
  return out;
}

// The summed case weights of the rows of each class (y holds 0/1): entry 1
// the events'.
inline std::vector<double> class_weight_totals(const Eigen::Ref<const Eigen::VectorXi>& y, const double* case_weight) {
  std::vector<double> total(2, 0.0);
  for (Eigen::Index i = 0; i < y.size(); ++i) total[y(i) == 1] += case_weight[i];
  return total;
}

}  // namespace smotelab
