// Glue for case weights through the standalone resamplers: the rows a
// resampler returned (1-based, as the resampler glue hands them to R) go
// through the engine's own rule, smotelab::carry_case_weights().
#include "glue.h"
#include "smotelab/case_weights.hpp"

namespace {

// 1-based R rows (NA for none) to 0-based rows (-1 for none).
std::vector<Eigen::Index> zero_based(SEXP rows) {
  if (Rf_isNull(rows)) return {};
  const Rcpp::IntegerVector r(rows);
  std::vector<Eigen::Index> out(static_cast<std::size_t>(r.size()));
  for (R_xlen_t i = 0; i < r.size(); ++i) out[static_cast<std::size_t>(i)] = r[i] == NA_INTEGER ? -1 : r[i] - 1;
  return out;
}

}  // namespace

// The weights of a resampler's output rows from the weights `w` of its input
// rows. `keep`: the kept rows in output order, or NULL for all rows in order;
// `seed_row`, `neighbour_row` (NULL or NA for copies) and `gap` (NULL for
// copies) describe the new rows after them.
// [[Rcpp::export(rng = false)]]
Rcpp::NumericVector carry_case_weights_cpp(const std::vector<double>& w, SEXP keep, SEXP seed_row,
                                           SEXP neighbour_row = R_NilValue, SEXP gap = R_NilValue) {
  std::vector<Eigen::Index> kept;
  if (Rf_isNull(keep)) {
    kept.resize(w.size());
    for (std::size_t i = 0; i < w.size(); ++i) kept[i] = static_cast<Eigen::Index>(i);
  } else {
    kept = zero_based(keep);
  }
  const std::vector<Eigen::Index> seeds = zero_based(seed_row);
  const std::vector<double> gaps = Rf_isNull(gap) ? std::vector<double>() : Rcpp::as<std::vector<double>>(gap);
  const std::vector<double> out =
      smotelab::carry_case_weights(w, kept, seeds.size(), seeds, zero_based(neighbour_row), gaps);
  return Rcpp::NumericVector(out.begin(), out.end());
}
