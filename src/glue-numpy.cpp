// Glue for numpy-exact streams (options(smotelab.rng = "numpy")): the data
// generator, the split and the folds drawn as scikit-learn draws them, and
// raw draws for the tests. The numpy samplers sit in glue-sample.cpp.
// Seeds arrive as doubles holding integers in [0, 2^32).
#include "glue.h"
#include "smotelab/make_classification.hpp"
#include "smotelab/memory.hpp"
#include "smotelab/numpy_random.hpp"
#include "smotelab/split.hpp"

namespace {
std::uint32_t numpy_seed(double seed) { return static_cast<std::uint32_t>(seed); }
}  // namespace

// The first n draws of RandomState(seed) of one kind: "random_sample",
// "standard_normal", "randint" (in [low, high)) or "permutation" (of 0..n-1).
// [[Rcpp::export(rng = false)]]
Rcpp::NumericVector numpy_draws_cpp(double seed, const std::string& kind, int n, double low, double high) {
  smotelab::NumpyRandomState rs(numpy_seed(seed));
  Rcpp::NumericVector out(n);
  if (kind == "permutation") {
    const std::vector<std::int64_t> perm = rs.permutation(static_cast<std::size_t>(n));
    std::copy(perm.begin(), perm.end(), out.begin());
    return out;
  }
  for (int i = 0; i < n; ++i) {
    if (kind == "random_sample") out[i] = rs.random_sample();
    else if (kind == "standard_normal") out[i] = rs.standard_normal();
    else if (kind == "randint") out[i] = static_cast<double>(rs.randint(static_cast<std::int64_t>(low), static_cast<std::int64_t>(high)));
    else Rcpp::stop("unknown draw kind '%s'", kind);
  }
  return out;
}

// [[Rcpp::export(rng = false)]]
Rcpp::List make_imbalanced_numpy_cpp(int n_samples, int n_features, int n_informative, int n_redundant,
                                     int n_repeated, int n_clusters_per_class, Rcpp::NumericVector weights,
                                     double flip_y, double class_sep, double seed) {
  smotelab::ClassificationSpec spec;
  spec.n_samples = static_cast<std::size_t>(n_samples);
  spec.n_features = static_cast<std::size_t>(n_features);
  spec.n_informative = static_cast<std::size_t>(n_informative);
  spec.n_redundant = static_cast<std::size_t>(n_redundant);
  spec.n_repeated = static_cast<std::size_t>(n_repeated);
  spec.n_clusters_per_class = static_cast<std::size_t>(n_clusters_per_class);
  spec.weights.assign(weights.begin(), weights.end());
  spec.flip_y = flip_y;
  spec.class_sep = class_sep;
  // The features go straight into the R vectors that become the tibble's
  // columns: at 1e6 x 20 every extra copy costs as much as the draws.
  Rcpp::List columns(n_features);
  std::vector<double*> out(static_cast<std::size_t>(n_features));
  for (int j = 0; j < n_features; ++j) {
    Rcpp::NumericVector col(Rcpp::no_init(n_samples));
    smotelab::prefer_huge_pages(col.begin(), static_cast<std::size_t>(n_samples) * sizeof(double));
    out[static_cast<std::size_t>(j)] = col.begin();
    columns[j] = col;
  }
  const smotelab::Classification data = smotelab::make_classification_numpy(spec, numpy_seed(seed), out);

  Rcpp::IntegerVector roles(n_features);
  for (int j = 0; j < n_features; ++j) roles[j] = static_cast<int>(data.roles[j]);
  return Rcpp::List::create(Rcpp::Named("columns") = columns,
                            Rcpp::Named("y") = Rcpp::IntegerVector(data.y.begin(), data.y.end()),
                            Rcpp::Named("flipped") = Rcpp::LogicalVector(data.flipped.begin(), data.flipped.end()),
                            Rcpp::Named("roles") = roles);
}

// 1-based training and test rows, in scikit-learn's order.
// [[Rcpp::export(rng = false)]]
Rcpp::List split_stratified_numpy_cpp(Rcpp::IntegerVector y, int n_classes, double n_test, double seed) {
  const smotelab::SplitRows rows = smotelab::stratified_split_numpy(
      y.begin(), static_cast<std::size_t>(y.size()), n_classes, static_cast<std::size_t>(n_test), numpy_seed(seed));
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
                                   static_cast<std::size_t>(v), static_cast<std::size_t>(repeats), numpy_seed(seed),
                                   folds.begin());
  return folds;
}
