// Glue for boosted trees: options from R, and the fitted state (the trees
// through glue-tree.cpp, plus the record of the rounds) to and from plain R
// data.
#include "glue.h"
#include "glue-pipeline.h"
#include "glue-tree.h"

using Rcpp::List;
using Rcpp::Named;

smotelab::BoostOptions glue::boost_spec_from_r(const List& model) {
  smotelab::BoostOptions opt;
  opt.n_rounds = Rcpp::as<int>(model["n_rounds"]);
  opt.learning_rate = Rcpp::as<double>(model["learning_rate"]);
  opt.max_depth = Rcpp::as<int>(model["max_depth"]);
  opt.scale_pos_weight = Rcpp::as<double>(model["scale_pos_weight"]);
  opt.subsample = Rcpp::as<double>(model["subsample"]);
  opt.colsample = Rcpp::as<double>(model["colsample"]);
  opt.lambda = Rcpp::as<double>(model["lambda"]);
  opt.min_child_weight = Rcpp::as<double>(model["min_child_weight"]);
  opt.max_bins = Rcpp::as<int>(model["max_bins"]);
  opt.early_stopping_rounds = Rcpp::as<int>(model["early_stopping_rounds"]);
  opt.validation = Rcpp::as<double>(model["validation"]);
  using Metric = smotelab::BoostMetric;
  opt.eval_metric = glue::enum_from_r<Metric>(
      model["eval_metric"], {{"logloss", Metric::logloss}, {"auc", Metric::auc}, {"aucpr", Metric::aucpr}},
      "eval_metric");
  return opt;
}

List glue::boost_state_to_r(const smotelab::BoostFit& f) {
  return List::create(Named("type") = "boost", Named("trees") = glue::trees_to_r(f.trees), Named("rounds") = f.rounds,
                      Named("best_iteration") = f.best_iteration, Named("eval_history") = Rcpp::wrap(f.eval_history));
}

smotelab::BoostFit glue::boost_state_from_r(const List& s) {
  smotelab::BoostFit f;
  f.trees = glue::trees_from_r(s["trees"]);
  f.rounds = Rcpp::as<int>(s["rounds"]);
  f.best_iteration = Rcpp::as<int>(s["best_iteration"]);
  return f;
}
