// Glue for the resamplers and nearest neighbours. Class codes cross as 0-based
// integers; row numbers go back to R 1-based.
#include "glue.h"
#include "glue-pipeline.h"
#include "smotelab/knn.hpp"
#include "smotelab/memory.hpp"
#include "smotelab/sampling.hpp"
#include "smotelab/smote.hpp"
#include "smotelab/smote_variants.hpp"

using Rcpp::List;
using Rcpp::Named;

namespace {

std::vector<Eigen::Index> index_vector(const Rcpp::IntegerVector& v) { return {v.begin(), v.end()}; }

// Bytes the synthetic rows of an over-sampler need at the least: their values
// and class codes.
double synthetic_bytes(const Rcpp::IntegerVector& n_new, R_xlen_t n_columns) {
  double rows = 0;
  for (int n : n_new) rows += n;
  return rows * (8.0 * static_cast<double>(n_columns) + 4.0);
}

smotelab::KnnAlgorithm algorithm_from_r(const std::string& name) {
  using Algorithm = smotelab::KnnAlgorithm;
  return glue::enum_from_r<Algorithm>(
      name, {{"auto", Algorithm::automatic}, {"kd_tree", Algorithm::kd_tree}, {"brute_force", Algorithm::brute_force}},
      "knn algorithm");
}

List resampled_to_r(const smotelab::Resampled& r) {
  return List::create(Named("x_new") = Rcpp::wrap(r.X_new), Named("y_new") = Rcpp::wrap(r.y_new),
                      Named("seed_row") = glue::one_based_rows(r.seed_row),
                      Named("neighbour_row") = glue::one_based_rows(r.neighbour_row), Named("gap") = Rcpp::wrap(r.gap));
}

// An over-sampler's output as whole predictor columns: each of `columns`
// followed by its synthetic values, built here so that R does not
// concatenate two copies of every column.
List resampled_columns_to_r(const List& columns, const smotelab::Resampled& r) {
  const R_xlen_t n_new = r.X_new.rows();
  List out(columns.size());
  for (R_xlen_t j = 0; j < columns.size(); ++j) {
    const Rcpp::NumericVector original = columns[j];
    Rcpp::NumericVector whole(Rcpp::no_init(original.size() + n_new));
    smotelab::prefer_huge_pages(whole.begin(), static_cast<std::size_t>(whole.size()) * sizeof(double));
    std::copy(original.begin(), original.end(), whole.begin());
    const double* added = r.X_new.col(static_cast<Eigen::Index>(j)).data();
    std::copy(added, added + n_new, whole.begin() + original.size());
    out[j] = whole;
  }
  out.names() = columns.names();
  return List::create(Named("columns") = out, Named("y_new") = Rcpp::wrap(r.y_new),
                      Named("seed_row") = glue::one_based_rows(r.seed_row),
                      Named("neighbour_row") = glue::one_based_rows(r.neighbour_row), Named("gap") = Rcpp::wrap(r.gap));
}

smotelab::Columns predictor_columns(const List& columns, const Eigen::Map<Eigen::VectorXi>& y) {
  return glue::columns_from_r(columns, y.size());
}

}  // namespace

// [[Rcpp::export(rng = false)]]
Rcpp::IntegerVector sampling_counts_cpp(const List& strategy, const Rcpp::IntegerVector& class_counts,
                                        const std::vector<std::string>& class_names, bool over) {
  const smotelab::SamplingStrategy s = glue::strategy_from_r(strategy);
  const std::vector<Eigen::Index> n = index_vector(class_counts);
  const std::vector<Eigen::Index> out =
      over ? smotelab::rows_to_add(s, n, class_names) : smotelab::rows_to_keep(s, n, class_names);
  return Rcpp::IntegerVector(out.begin(), out.end());
}

// [[Rcpp::export(rng = false)]]
List smote_cpp(const List& columns, const Eigen::Map<Eigen::VectorXi> y, const Rcpp::IntegerVector& n_new,
               int k_neighbors, double seed, int n_threads, const std::string& algorithm,
               const std::vector<std::string>& class_names) {
  return glue::allocating(synthetic_bytes(n_new, columns.size()), "the synthetic rows", [&] {
    return resampled_columns_to_r(
        columns,
        smotelab::smote(predictor_columns(columns, y), y, index_vector(n_new), k_neighbors, glue::seed_from_r(seed),
                        glue::executor(n_threads), algorithm_from_r(algorithm), class_names));
  });
}

// [[Rcpp::export(rng = false)]]
List borderline_smote_cpp(const List& columns, const Eigen::Map<Eigen::VectorXi> y, const Rcpp::IntegerVector& n_new,
                          int k_neighbors, int m_neighbors, const std::string& kind, double seed, int n_threads,
                          const std::string& algorithm, const std::vector<std::string>& class_names) {
  return glue::allocating(synthetic_bytes(n_new, columns.size()), "the synthetic rows", [&] {
    return resampled_columns_to_r(
        columns, smotelab::borderline_smote(predictor_columns(columns, y), y, index_vector(n_new), k_neighbors,
                                            m_neighbors, glue::borderline_kind_from_r(kind), glue::seed_from_r(seed),
                                            glue::executor(n_threads), algorithm_from_r(algorithm), class_names));
  });
}

// [[Rcpp::export(rng = false)]]
Rcpp::LogicalVector borderline_danger_cpp(const Eigen::Map<Eigen::MatrixXd> x, const Eigen::Map<Eigen::VectorXi> y,
                                          int cls, int m_neighbors, int n_threads, const std::string& algorithm) {
  const std::vector<char> d = smotelab::borderline_danger(smotelab::Columns::of(x), y, cls, m_neighbors,
                                                          glue::executor(n_threads), algorithm_from_r(algorithm));
  return Rcpp::LogicalVector(d.begin(), d.end());
}

// [[Rcpp::export(rng = false)]]
List adasyn_cpp(const List& columns, const Eigen::Map<Eigen::VectorXi> y, const Rcpp::IntegerVector& n_new,
                int n_neighbors, double seed, int n_threads, const std::string& algorithm,
                const std::vector<std::string>& class_names) {
  return glue::allocating(synthetic_bytes(n_new, columns.size()), "the synthetic rows", [&] {
    return resampled_columns_to_r(
        columns,
        smotelab::adasyn(predictor_columns(columns, y), y, index_vector(n_new), n_neighbors, glue::seed_from_r(seed),
                         glue::executor(n_threads), algorithm_from_r(algorithm), class_names));
  });
}

// [[Rcpp::export(rng = false)]]
Rcpp::IntegerVector adasyn_allocation_cpp(const Eigen::Map<Eigen::MatrixXd> x, const Eigen::Map<Eigen::VectorXi> y,
                                          int cls, int n_neighbors, int n_samples, int n_threads,
                                          const std::string& algorithm) {
  const std::vector<Eigen::Index> a = smotelab::adasyn_allocation(
      smotelab::Columns::of(x), y, cls, n_neighbors, n_samples, glue::executor(n_threads), algorithm_from_r(algorithm));
  return Rcpp::IntegerVector(a.begin(), a.end());
}

// [[Rcpp::export(rng = false)]]
List smote_nc_cpp(const List& numeric, const Eigen::Map<Eigen::MatrixXi> codes, const std::vector<int>& n_levels,
                  const Eigen::Map<Eigen::VectorXi> y, const Rcpp::IntegerVector& n_new, int k_neighbors, double seed,
                  int n_threads, const std::string& algorithm, const std::vector<std::string>& class_names) {
  return glue::allocating(synthetic_bytes(n_new, numeric.size() + codes.cols()), "the synthetic rows", [&] {
    return resampled_to_r(smotelab::smote_nc(predictor_columns(numeric, y), codes, n_levels, y, index_vector(n_new),
                                             k_neighbors, glue::seed_from_r(seed), glue::executor(n_threads),
                                             algorithm_from_r(algorithm), class_names));
  });
}

// [[Rcpp::export(rng = false)]]
List random_oversample_cpp(const Eigen::Map<Eigen::MatrixXd> x, const Eigen::Map<Eigen::VectorXi> y,
                           const Rcpp::IntegerVector& n_new, double seed) {
  return glue::allocating(synthetic_bytes(n_new, 1), "the new rows", [&] {
    const smotelab::Resampled r =
        smotelab::random_oversample(smotelab::Columns::of(x), y, index_vector(n_new), glue::seed_from_r(seed));
    return List::create(Named("y_new") = Rcpp::wrap(r.y_new), Named("seed_row") = glue::one_based_rows(r.seed_row));
  });
}

// [[Rcpp::export(rng = false)]]
Rcpp::IntegerVector random_undersample_cpp(const Eigen::Map<Eigen::MatrixXd> x, const Eigen::Map<Eigen::VectorXi> y,
                                           const Rcpp::IntegerVector& n_keep, double seed) {
  return glue::one_based_rows(
      smotelab::random_undersample(smotelab::Columns::of(x), y, index_vector(n_keep), glue::seed_from_r(seed)).keep);
}

// The numpy-exact samplers (imbalanced-learn's with an integer random_state);
// seeds are integers in [0, 2^32).
// [[Rcpp::export(rng = false)]]
List smote_numpy_cpp(const List& columns, const Eigen::Map<Eigen::VectorXi> y, const Rcpp::IntegerVector& n_new,
                     int k_neighbors, double seed, int n_threads, const std::string& algorithm,
                     const std::vector<std::string>& class_names) {
  return resampled_columns_to_r(
      columns, smotelab::smote_numpy(predictor_columns(columns, y), y, index_vector(n_new), k_neighbors,
                                     static_cast<std::uint32_t>(seed), glue::executor(n_threads),
                                     algorithm_from_r(algorithm), class_names));
}

// [[Rcpp::export(rng = false)]]
List random_oversample_numpy_cpp(const Eigen::Map<Eigen::MatrixXd> x, const Eigen::Map<Eigen::VectorXi> y,
                                 const Rcpp::IntegerVector& n_new, double seed) {
  const smotelab::Resampled r = smotelab::random_oversample_numpy(smotelab::Columns::of(x), y, index_vector(n_new),
                                                                  static_cast<std::uint32_t>(seed));
  return List::create(Named("y_new") = Rcpp::wrap(r.y_new), Named("seed_row") = glue::one_based_rows(r.seed_row));
}

// Kept rows in imbalanced-learn's order: by class, a targeted class's rows
// in the order drawn.
// [[Rcpp::export(rng = false)]]
Rcpp::IntegerVector random_undersample_numpy_cpp(const Eigen::Map<Eigen::MatrixXd> x,
                                                 const Eigen::Map<Eigen::VectorXi> y, const Rcpp::IntegerVector& n_keep,
                                                 const List& strategy, double seed) {
  const std::vector<Eigen::Index> keep = index_vector(n_keep);
  std::vector<Eigen::Index> counts(keep.size(), 0);
  for (Eigen::Index i = 0; i < y.size(); ++i) ++counts[static_cast<std::size_t>(y(i))];
  const std::vector<char> targeted = smotelab::under_sampling_targets(glue::strategy_from_r(strategy), counts);
  return glue::one_based_rows(
      smotelab::random_undersample_numpy(smotelab::Columns::of(x), y, keep, targeted, static_cast<std::uint32_t>(seed))
          .keep);
}

// [[Rcpp::export(rng = false)]]
List knn_cpp(const Eigen::Map<Eigen::MatrixXd> ref, const Eigen::Map<Eigen::MatrixXd> query, int k,
             Rcpp::Nullable<Rcpp::IntegerVector> self, int n_threads, const std::string& algorithm) {
  std::vector<Eigen::Index> self_index;
  if (self.isNotNull()) {
    for (int s : Rcpp::IntegerVector(self)) self_index.push_back(s == NA_INTEGER ? -1 : s - 1);
  }
  const smotelab::Neighbours nn = smotelab::knn_query(ref, query, k, self.isNotNull() ? &self_index : nullptr,
                                                      glue::executor(n_threads), algorithm_from_r(algorithm));
  const auto n = static_cast<int>(query.rows());
  Rcpp::IntegerMatrix index(n, k);
  Rcpp::NumericMatrix dist2(n, k);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < k; ++j) {
      index(i, j) = static_cast<int>(nn.index[static_cast<std::size_t>(i) * k + j] + 1);
      dist2(i, j) = nn.dist2[static_cast<std::size_t>(i) * k + j];
    }
  return List::create(Named("index") = index, Named("dist2") = dist2);
}
