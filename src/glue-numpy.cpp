// Glue for numpy-exact streams (options(smotelab.rng = "numpy")): the
// split and the folds drawn as scikit-learn draws them (the data generator is
// in glue-data.cpp), and raw draws for the tests. The samplers sit in glue-sample.cpp.
// Seeds arrive as doubles holding integers in [0, 2^32).
#include "glue.h"
#include "smotelab/make_classification.hpp"
#include "smotelab/memory.hpp"
#include "smotelab/numpy_random.hpp"
#include "smotelab/split.hpp"

// The first n draws of RandomState(seed) of one kind: "random_sample",
// "standard_normal", "randint" (in [low, high)) or "permutation" (of 0..n-1).
// [[Rcpp::export(rng = false)]]
Rcpp::NumericVector numpy_draws_cpp(double seed, const std::string& kind, int n, double low, double high) {
  using smotelab::NumpyRandomState;
  using Fill = void (*)(NumpyRandomState&, Rcpp::NumericVector&, std::int64_t, std::int64_t);
  const Fill fill = glue::enum_from_r<Fill>(
      kind,
      {{"random_sample",
        [](NumpyRandomState& rs, Rcpp::NumericVector& out, std::int64_t, std::int64_t) {
          for (double& x : out) x = rs.random_sample();
        }},
       {"standard_normal",
        [](NumpyRandomState& rs, Rcpp::NumericVector& out, std::int64_t, std::int64_t) {
          for (double& x : out) x = rs.standard_normal();
        }},
       {"randint",
        [](NumpyRandomState& rs, Rcpp::NumericVector& out, std::int64_t lo, std::int64_t hi) {
          for (double& x : out) x = static_cast<double>(rs.randint(lo, hi));
        }},
       {"permutation",
        [](NumpyRandomState& rs, Rcpp::NumericVector& out, std::int64_t, std::int64_t) {
          const std::vector<std::int64_t> perm = rs.permutation(static_cast<std::size_t>(out.size()));
          std::copy(perm.begin(), perm.end(), out.begin());
        }}},
      "numpy draw kind");
  NumpyRandomState rs(glue::numpy_seed_from_r(seed));
  Rcpp::NumericVector out(n);
  fill(rs, out, static_cast<std::int64_t>(low), static_cast<std::int64_t>(high));
  return out;
}

// 1-based training and test rows, in scikit-learn's order.
// [[Rcpp::export(rng = false)]]
Rcpp::List split_stratified_numpy_cpp(Rcpp::IntegerVector y, int n_classes, double n_test, double seed) {
  const smotelab::SplitRows rows =
      smotelab::stratified_split_numpy(y.begin(), static_cast<std::size_t>(y.size()), n_classes,
                                       static_cast<std::size_t>(n_test), glue::numpy_seed_from_r(seed));
  auto one_based = [](const std::vector<std::size_t>& v) {
    Rcpp::IntegerVector out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) out[i] = static_cast<int>(v[i] + 1);
    return out;
  };
  return Rcpp::List::create(Rcpp::Named("train") = one_based(rows.train), Rcpp::Named("test") = one_based(rows.test));
}

// [[Rcpp::export(rng = false)]]
Rcpp::IntegerMatrix folds_stratified_numpy_cpp(Rcpp::IntegerVector y, int n_classes, int v, int repeats, double seed) {
  Rcpp::IntegerMatrix folds(y.size(), repeats);
  smotelab::stratified_folds_numpy(y.begin(), static_cast<std::size_t>(y.size()), n_classes,
                                   static_cast<std::size_t>(v), static_cast<std::size_t>(repeats),
                                   glue::numpy_seed_from_r(seed), folds.begin());
  return folds;
}
