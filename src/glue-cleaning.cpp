// Glue for the cleaning under-samplers, NearMiss and SMOTE + cleaning. Class
// codes cross as 0-based integers; kept rows go back to R 1-based, in their
// original order.
#include "glue-cleaning.h"
#include "glue-pipeline.h"
#include "glue.h"
#include "smotelab/cleaning.hpp"
#include "smotelab/knn.hpp"
#include "smotelab/near_miss.hpp"
#include "smotelab/sampling.hpp"

using Rcpp::List;
using Rcpp::Named;

namespace {

Rcpp::IntegerVector kept_to_r(const smotelab::Resampled& r) { return glue::one_based_rows(r.keep); }

smotelab::KnnAlgorithm algorithm(const std::string& name) {
  using Algorithm = smotelab::KnnAlgorithm;
  return glue::enum_from_r<Algorithm>(
      name, {{"auto", Algorithm::automatic}, {"kd_tree", Algorithm::kd_tree}, {"brute_force", Algorithm::brute_force}},
      "knn algorithm");
}

smotelab::Columns predictors(const List& columns, const Eigen::Map<Eigen::VectorXi>& y) {
  return glue::columns_from_r(columns, y.size());
}

// The output's predictor columns: each column's kept rows, then its kept
// synthetic values, written once into the R vectors, so that no R matrix of
// the synthetic rows and no R-side subsets and concatenations of every column
// are alive beside the result.
List kept_and_new_columns(const List& columns, const smotelab::Resampled& r) {
  const auto n_kept = static_cast<R_xlen_t>(r.keep.size());
  const R_xlen_t n_new = r.X_new.rows();
  List out(columns.size());
  for (R_xlen_t j = 0; j < columns.size(); ++j) {
    const Rcpp::NumericVector original = columns[j];
    Rcpp::NumericVector whole(Rcpp::no_init(n_kept + n_new));
    double* to = whole.begin();
    for (const Eigen::Index i : r.keep) *to++ = original[i];
    const double* added = r.X_new.col(static_cast<Eigen::Index>(j)).data();
    std::copy(added, added + n_new, to);
    out[j] = whole;
  }
  out.names() = columns.names();
  return out;
}

}  // namespace

// One entry point for the rules without randomness; `method` names the rule
// and `params` holds its options, as the R wrappers lay them out.
// [[Rcpp::export(rng = false)]]
Rcpp::IntegerVector cleaning_cpp(const std::string& method, const List& columns, const Eigen::Map<Eigen::VectorXi> y,
                                 int n_classes, const List& strategy, const List& params, int n_threads,
                                 const std::string& knn, const std::vector<std::string>& class_names) {
  const smotelab::Columns X = predictors(columns, y);
  const smotelab::SamplingStrategy s = glue::strategy_from_r(strategy);
  const auto K = static_cast<std::size_t>(n_classes);
  const smotelab::Executor exec = glue::executor(n_threads);
  const smotelab::KnnAlgorithm alg = algorithm(knn);
  const auto integer = [&](const char* name) { return Rcpp::as<int>(params[name]); };
  const auto kind = [&] { return glue::enn_kind_from_r(Rcpp::as<std::string>(params["kind_sel"])); };
  return glue::allocating(0, "the cleaning rule's neighbour search", [&] {
    if (method == "tomek") return kept_to_r(smotelab::tomek_links(X, y, K, s, exec, alg));
    if (method == "enn")
      return kept_to_r(smotelab::edited_nearest_neighbours(X, y, K, s, integer("n_neighbors"), kind(), exec, alg));
    if (method == "renn")
      return kept_to_r(smotelab::repeated_enn(X, y, K, s, integer("n_neighbors"), kind(), integer("max_iter"), false,
                                              false, exec, alg));
    if (method == "all_knn")
      return kept_to_r(smotelab::repeated_enn(X, y, K, s, integer("n_neighbors"), kind(), 0, true,
                                              Rcpp::as<bool>(params["allow_minority"]), exec, alg));
    if (method == "ncr")
      return kept_to_r(smotelab::neighbourhood_cleaning_rule(
          X, y, K, s, integer("n_neighbors"), kind(), Rcpp::as<double>(params["threshold_cleaning"]), exec, alg));
    if (method == "oss")
      return kept_to_r(smotelab::one_sided_selection(X, y, K, s, integer("n_neighbors"), integer("n_seeds_S"),
                                                     glue::seed_from_r(Rcpp::as<double>(params["seed"])), exec, alg,
                                                     class_names));
    if (method == "cnn")
      return kept_to_r(smotelab::condensed_nearest_neighbour(X, y, K, s, integer("n_neighbors"), integer("n_seeds_S"),
                                                             glue::seed_from_r(Rcpp::as<double>(params["seed"])),
                                                             class_names));
    throw smotelab::internal_error("unknown cleaning method \"" + method + "\"");
  });
}

// [[Rcpp::export(rng = false)]]
Rcpp::IntegerVector near_miss_cpp(const List& columns, const Eigen::Map<Eigen::VectorXi> y,
                                  const Rcpp::IntegerVector& n_keep, const List& strategy, int version, int n_neighbors,
                                  int n_neighbors_ver3, int n_threads, const std::string& knn,
                                  const std::vector<std::string>& class_names) {
  const std::vector<Eigen::Index> keep(n_keep.begin(), n_keep.end());
  std::vector<Eigen::Index> counts(keep.size(), 0);
  for (Eigen::Index i = 0; i < y.size(); ++i) ++counts[static_cast<std::size_t>(y(i))];
  const std::vector<char> targets = smotelab::under_sampling_targets(glue::strategy_from_r(strategy), counts);
  return kept_to_r(smotelab::near_miss(predictors(columns, y), y, keep, targets, version, n_neighbors, n_neighbors_ver3,
                                       glue::executor(n_threads), algorithm(knn), class_names));
}

// SMOTE then ENN or Tomek links: the kept original rows (1-based) and the
// output's predictor columns (kept original rows, then kept synthetic rows).
// [[Rcpp::export(rng = false)]]
List smote_cleaning_cpp(const std::string& cleaning, const List& columns, const Eigen::Map<Eigen::VectorXi> y,
                        const Rcpp::IntegerVector& n_new, int k_neighbors, const List& cleaning_strategy,
                        int n_neighbors, const std::string& kind_sel, double seed, int n_threads,
                        const std::string& knn, const std::vector<std::string>& class_names) {
  const std::vector<Eigen::Index> add(n_new.begin(), n_new.end());
  const auto which = cleaning == "enn" ? smotelab::SmoteCleaning::enn : smotelab::SmoteCleaning::tomek;
  const smotelab::Resampled r = glue::allocating(0, "the synthetic rows", [&] {
    return smotelab::smote_then_clean(predictors(columns, y), y, add, k_neighbors, which,
                                      glue::strategy_from_r(cleaning_strategy), n_neighbors,
                                      glue::enn_kind_from_r(kind_sel), glue::seed_from_r(seed),
                                      glue::executor(n_threads), algorithm(knn), class_names);
  });
  // The new rows' seeds, neighbours and gaps let case weights follow them.
  return List::create(Named("keep") = kept_to_r(r), Named("columns") = kept_and_new_columns(columns, r),
                      Named("y_new") = Rcpp::wrap(r.y_new), Named("seed_row") = glue::one_based_rows(r.seed_row),
                      Named("neighbour_row") = glue::one_based_rows(r.neighbour_row), Named("gap") = Rcpp::wrap(r.gap));
}

// Instance hardness threshold: `spec` is a pipeline spec without steps whose
// model gives the cross-validated probabilities.
// [[Rcpp::export(rng = false)]]
Rcpp::IntegerVector instance_hardness_cpp(const List& columns, const Eigen::Map<Eigen::VectorXi> y,
                                          const Rcpp::IntegerVector& n_keep, const List& strategy, const List& spec,
                                          int cv, double seed, int n_threads,
                                          const std::vector<std::string>& class_names) {
  const std::vector<Eigen::Index> keep(n_keep.begin(), n_keep.end());
  std::vector<Eigen::Index> counts(keep.size(), 0);
  for (Eigen::Index i = 0; i < y.size(); ++i) ++counts[static_cast<std::size_t>(y(i))];
  const std::vector<char> targets = smotelab::under_sampling_targets(glue::strategy_from_r(strategy), counts);
  smotelab::Columns X = predictors(columns, y);
  return kept_to_r(smotelab::instance_hardness_threshold(X.checked_finite(), y, keep, targets,
                                                         glue::spec_from_r(spec).model, cv, glue::seed_from_r(seed),
                                                         glue::executor(n_threads), class_names));
}
