// Glue for the data family: synthetic imbalanced data, on smotelab's streams and on numpy's.
#include "glue.h"
#include "smotelab/make_classification.hpp"
#include "smotelab/memory.hpp"

namespace {

// make_classification()'s parameters as R passes them, for both streams.
smotelab::ClassificationSpec classification_spec(int n_samples, int n_features, int n_informative, int n_redundant,
                                                 int n_repeated, int n_clusters_per_class,
                                                 const Rcpp::NumericVector& weights, double flip_y, double class_sep) {
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
  return spec;
}

}  // namespace

// [[Rcpp::export(rng = false)]]
Rcpp::List make_imbalanced_cpp(int n_samples, int n_features, int n_informative, int n_redundant, int n_repeated,
                               int n_clusters_per_class, Rcpp::NumericVector weights, double flip_y, double class_sep,
                               double seed) {
  const smotelab::ClassificationSpec spec = classification_spec(
      n_samples, n_features, n_informative, n_redundant, n_repeated, n_clusters_per_class, weights, flip_y, class_sep);

  const smotelab::Classification data = smotelab::make_classification(spec, glue::seed_from_r(seed));

  Rcpp::NumericMatrix x(n_samples, n_features);
  std::copy(data.x.data(), data.x.data() + data.x.size(), x.begin());
  Rcpp::IntegerVector y(data.y.begin(), data.y.end());
  Rcpp::LogicalVector flipped(data.flipped.begin(), data.flipped.end());
  Rcpp::IntegerVector roles(n_features);
  for (int j = 0; j < n_features; ++j) roles[j] = static_cast<int>(data.roles[j]);
  return Rcpp::List::create(Rcpp::Named("x") = x, Rcpp::Named("y") = y, Rcpp::Named("flipped") = flipped,
                            Rcpp::Named("roles") = roles);
}

// [[Rcpp::export(rng = false)]]
Rcpp::List make_imbalanced_numpy_cpp(int n_samples, int n_features, int n_informative, int n_redundant, int n_repeated,
                                     int n_clusters_per_class, Rcpp::NumericVector weights, double flip_y,
                                     double class_sep, double seed) {
  const smotelab::ClassificationSpec spec = classification_spec(
      n_samples, n_features, n_informative, n_redundant, n_repeated, n_clusters_per_class, weights, flip_y, class_sep);
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
  const smotelab::Classification data = smotelab::make_classification_numpy(spec, glue::numpy_seed_from_r(seed), out);

  Rcpp::IntegerVector roles(n_features);
  for (int j = 0; j < n_features; ++j) roles[j] = static_cast<int>(data.roles[j]);
  return Rcpp::List::create(Rcpp::Named("columns") = columns,
                            Rcpp::Named("y") = Rcpp::IntegerVector(data.y.begin(), data.y.end()),
                            Rcpp::Named("flipped") = Rcpp::LogicalVector(data.flipped.begin(), data.flipped.end()),
                            Rcpp::Named("roles") = roles);
}
