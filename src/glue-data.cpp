// Glue for the data family: synthetic imbalanced data.
#include "glue.h"
#include "smotelab/make_classification.hpp"

// [[Rcpp::export(rng = false)]]
Rcpp::List make_imbalanced_cpp(int n_samples, int n_features, int n_informative,
                                int n_redundant, int n_repeated, int n_clusters_per_class,
                                Rcpp::NumericVector weights, double flip_y, double class_sep,
                                double seed) {
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

  const smotelab::Classification data =
      smotelab::make_classification(spec, glue::seed_from_r(seed));

  Rcpp::NumericMatrix x(n_samples, n_features);
  std::copy(data.x.data(), data.x.data() + data.x.size(), x.begin());
  Rcpp::IntegerVector y(data.y.begin(), data.y.end());
  Rcpp::LogicalVector flipped(data.flipped.begin(), data.flipped.end());
  Rcpp::IntegerVector roles(n_features);
  for (int j = 0; j < n_features; ++j) roles[j] = static_cast<int>(data.roles[j]);
  return Rcpp::List::create(Rcpp::Named("x") = x, Rcpp::Named("y") = y,
                            Rcpp::Named("flipped") = flipped, Rcpp::Named("roles") = roles);
}
