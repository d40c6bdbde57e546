// Glue for the split family: stratified train/test splits and folds.
// Class labels arrive as 0-based integer codes.
#include "glue.h"
#include "smotelab/split.hpp"

// [[Rcpp::export(rng = false)]]
Rcpp::LogicalVector split_stratified_cpp(Rcpp::IntegerVector y, int n_classes, double n_test, double seed) {
  const std::vector<unsigned char> is_test =
      smotelab::stratified_split(y.begin(), static_cast<std::size_t>(y.size()), n_classes,
                                 static_cast<std::size_t>(n_test), glue::seed_from_r(seed));
  return Rcpp::LogicalVector(is_test.begin(), is_test.end());
}

// [[Rcpp::export(rng = false)]]
Rcpp::IntegerMatrix folds_stratified_cpp(Rcpp::IntegerVector y, int n_classes, int v, int repeats, double seed) {
  Rcpp::IntegerMatrix folds(y.size(), repeats);
  smotelab::stratified_folds(y.begin(), static_cast<std::size_t>(y.size()), n_classes, static_cast<std::size_t>(v),
                             static_cast<std::size_t>(repeats), glue::seed_from_r(seed), folds.begin());
  return folds;
}
