// Glue for the categorical and cluster-based over- and under-samplers.
// Class codes cross as 0-based integers; row numbers go back to R 1-based.
#include "glue.h"
#include "smotelab/smote_categorical.hpp"

using Rcpp::List;
using Rcpp::Named;

namespace {

std::vector<Eigen::Index> index_vector(const Rcpp::IntegerVector& v) { return {v.begin(), v.end()}; }

Rcpp::IntegerVector one_based_rows(const std::vector<Eigen::Index>& rows) {
  Rcpp::IntegerVector out(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out[i] = rows[i] < 0 ? NA_INTEGER : static_cast<int>(rows[i] + 1);
  return out;
}

double new_rows_bytes(const Rcpp::IntegerVector& n_new, R_xlen_t n_columns) {
  double rows = 0;
  for (int n : n_new) rows += n;
  return rows * (8.0 * static_cast<double>(n_columns) + 12.0);
}

}  // namespace

// [[Rcpp::export(rng = false)]]
List smoten_cpp(const Eigen::Map<Eigen::MatrixXi> codes, const std::vector<int>& n_levels,
                const Eigen::Map<Eigen::VectorXi> y, const Rcpp::IntegerVector& n_new, int k_neighbors, double seed,
                int n_threads, const std::vector<std::string>& class_names) {
  return glue::allocating(new_rows_bytes(n_new, codes.cols()), "the synthetic rows", [&] {
    const smotelab::Resampled r = smotelab::smoten(codes, n_levels, y, index_vector(n_new), k_neighbors,
                                                   glue::seed_from_r(seed), glue::executor(n_threads), class_names);
    return List::create(Named("x_new") = Rcpp::wrap(r.X_new), Named("y_new") = Rcpp::wrap(r.y_new),
                        Named("seed_row") = one_based_rows(r.seed_row));
  });
}
