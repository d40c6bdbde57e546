// Glue for boosted trees: options from R, and the fitted trees as flat
// vectors (plain R data, so a fit survives saveRDS()).
#include "glue.h"
#include "glue-pipeline.h"

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
      model["eval_metric"], {{"logloss", Metric::logloss}, {"auc", Metric::auc}, {"aucpr", Metric::aucpr}}, "eval_metric");
  return opt;
}

List glue::boost_state_to_r(const smotelab::BoostFit& f) {
  return List::create(
      Named("type") = "boost", Named("base_margin") = f.base_margin, Named("tree_start") = Rcpp::wrap(f.tree_start),
      Named("feature") = Rcpp::wrap(f.feature), Named("threshold") = Rcpp::wrap(f.threshold),
      Named("left") = Rcpp::wrap(f.left), Named("right") = Rcpp::wrap(f.right), Named("value") = Rcpp::wrap(f.value),
      Named("rounds") = f.rounds, Named("best_iteration") = f.best_iteration,
      Named("eval_history") = Rcpp::wrap(f.eval_history));
}

// A state read back from R is checked before any tree is walked, so an edited
// or damaged object gives an error rather than a crash.
smotelab::BoostFit glue::boost_state_from_r(const List& s) {
  smotelab::BoostFit f;
  f.base_margin = Rcpp::as<double>(s["base_margin"]);
  f.tree_start = Rcpp::as<std::vector<int>>(s["tree_start"]);
  f.feature = Rcpp::as<std::vector<int>>(s["feature"]);
  f.threshold = Rcpp::as<std::vector<double>>(s["threshold"]);
  f.left = Rcpp::as<std::vector<int>>(s["left"]);
  f.right = Rcpp::as<std::vector<int>>(s["right"]);
  f.value = Rcpp::as<std::vector<double>>(s["value"]);
  f.rounds = Rcpp::as<int>(s["rounds"]);
  f.best_iteration = Rcpp::as<int>(s["best_iteration"]);
  smotelab::validate_boost(f);
  return f;
}
