// Glue for the categorical and cluster-based over- and under-samplers.
// Class codes cross as 0-based integers; row numbers go back to R 1-based.
#include "glue.h"
#include "glue-pipeline.h"
#include "smotelab/cluster_sampling.hpp"
#include "smotelab/kmeans.hpp"
#include "smotelab/rose.hpp"
#include "smotelab/smote_categorical.hpp"

using Rcpp::List;
using Rcpp::Named;

// `params` holds over_ratio, minority_prop, minority_smoothness and
// majority_smoothness.
smotelab::RoseOptions glue::rose_from_r(const List& params) {
  smotelab::RoseOptions opt;
  opt.over_ratio = Rcpp::as<double>(params["over_ratio"]);
  opt.minority_prop = Rcpp::as<double>(params["minority_prop"]);
  opt.minority_smoothness = Rcpp::as<double>(params["minority_smoothness"]);
  opt.majority_smoothness = Rcpp::as<double>(params["majority_smoothness"]);
  return opt;
}

namespace {

std::vector<Eigen::Index> index_vector(const Rcpp::IntegerVector& v) { return {v.begin(), v.end()}; }

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
                        Named("seed_row") = glue::one_based_rows(r.seed_row));
  });
}

smotelab::CentroidVoting glue::centroid_voting_from_r(const std::string& voting) {
  using Voting = smotelab::CentroidVoting;
  return glue::enum_from_r<Voting>(voting, {{"soft", Voting::soft}, {"hard", Voting::hard}}, "voting");
}

// `params` holds k_neighbors, kmeans (the cluster count), and
// cluster_balance_threshold and density_exponent, each a number or "auto".
smotelab::KMeansSmoteOptions glue::kmeans_smote_from_r(const List& params) {
  const auto number_or_auto = [&](const char* name) {
    const SEXP v = params[name];
    return Rf_isString(v) ? std::numeric_limits<double>::quiet_NaN() : Rcpp::as<double>(v);
  };
  smotelab::KMeansSmoteOptions opt;
  opt.k_neighbors = Rcpp::as<int>(params["k_neighbors"]);
  opt.n_clusters = Rcpp::as<int>(params["kmeans"]);
  opt.cluster_balance_threshold = number_or_auto("cluster_balance_threshold");
  opt.density_exponent = number_or_auto("density_exponent");
  return opt;
}

namespace {

List cluster_rows_to_r(const smotelab::Resampled& r) {
  return List::create(Named("keep") = glue::one_based_rows(r.keep), Named("x_new") = Rcpp::wrap(r.X_new),
                      Named("y_new") = Rcpp::wrap(r.y_new), Named("seed_row") = glue::one_based_rows(r.seed_row),
                      Named("neighbour_row") = glue::one_based_rows(r.neighbour_row), Named("gap") = Rcpp::wrap(r.gap));
}

}  // namespace

// [[Rcpp::export(rng = false)]]
List kmeans_cpp(const Eigen::Map<Eigen::MatrixXd> x, int n_clusters, int n_init, int max_iter, double tol, double seed,
                int n_threads) {
  smotelab::KMeansOptions opt;
  opt.n_clusters = n_clusters;
  opt.n_init = n_init;
  opt.max_iter = max_iter;
  opt.tol = tol;
  const smotelab::KMeansResult km = smotelab::kmeans(x, opt, glue::seed_from_r(seed), glue::executor(n_threads));
  Rcpp::IntegerVector labels(km.labels.begin(), km.labels.end());
  for (int& l : labels) ++l;
  return List::create(Named("centers") = Rcpp::wrap(km.centers), Named("labels") = labels,
                      Named("inertia") = km.inertia, Named("iterations") = km.iterations);
}

// [[Rcpp::export(rng = false)]]
List cluster_centroids_cpp(const List& columns, const Eigen::Map<Eigen::VectorXi> y, const Rcpp::IntegerVector& n_keep,
                           const std::string& voting, double seed, int n_threads,
                           const std::vector<std::string>& class_names) {
  return cluster_rows_to_r(smotelab::cluster_centroids(
      glue::columns_from_r(columns, y.size()), y, index_vector(n_keep), glue::centroid_voting_from_r(voting),
      glue::seed_from_r(seed), glue::executor(n_threads), smotelab::kClusterCentroidsInit, class_names));
}

// [[Rcpp::export(rng = false)]]
List kmeans_smote_cpp(const List& columns, const Eigen::Map<Eigen::VectorXi> y, const Rcpp::IntegerVector& n_new,
                      const List& params, double seed, int n_threads, const std::vector<std::string>& class_names) {
  const smotelab::KMeansSmoteOptions opt = glue::kmeans_smote_from_r(params);
  return glue::allocating(new_rows_bytes(n_new, columns.size()), "the synthetic rows", [&] {
    return cluster_rows_to_r(smotelab::kmeans_smote(glue::columns_from_r(columns, y.size()), y, index_vector(n_new),
                                                    opt, glue::seed_from_r(seed), glue::executor(n_threads),
                                                    class_names));
  });
}

// `columns`: double vectors, those flagged in `smooth` smoothed, the others
// (categorical codes) copied.
// [[Rcpp::export(rng = false)]]
List rose_cpp(const List& columns, const Rcpp::LogicalVector& smooth, const Eigen::Map<Eigen::VectorXi> y,
              const List& params, double seed, int n_threads, const std::vector<std::string>& class_names) {
  const std::vector<char> flags(smooth.begin(), smooth.end());
  return glue::allocating(0, "the new sample", [&] {
    const smotelab::Resampled r =
        smotelab::rose(glue::columns_from_r(columns, y.size()), flags, y, glue::rose_from_r(params),
                       glue::seed_from_r(seed), glue::executor(n_threads), class_names);
    return List::create(Named("x_new") = Rcpp::wrap(r.X_new), Named("y_new") = Rcpp::wrap(r.y_new),
                        Named("seed_row") = glue::one_based_rows(r.seed_row));
  });
}
