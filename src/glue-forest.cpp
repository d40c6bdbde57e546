// Glue for the random forest: its spec from R and its fitted trees to and
// from plain R vectors, so a fitted forest survives saveRDS().
#include "glue.h"
#include "glue-pipeline.h"

using Rcpp::List;
using Rcpp::Named;

smotelab::ForestOptions glue::forest_spec_from_r(const List& model) {
  smotelab::ForestOptions opt;
  opt.n_trees = Rcpp::as<int>(model["n_trees"]);
  opt.mtry = Rcpp::as<int>(model["mtry"]);
  opt.min_node_size = Rcpp::as<int>(model["min_node_size"]);
  opt.max_depth = Rcpp::as<int>(model["max_depth"]);
  using Weight = smotelab::ForestClassWeight;
  opt.class_weight = glue::enum_from_r<Weight>(
      model["class_weight"],
      {{"none", Weight::none}, {"balanced", Weight::balanced}, {"balanced_subsample", Weight::balanced_subsample}},
      "class_weight");
  opt.bootstrap = Rcpp::as<bool>(model["bootstrap"]);
  opt.max_bins = Rcpp::as<int>(model["max_bins"]);
  return opt;
}

List glue::forest_state_to_r(const smotelab::ForestFit& f) {
  return List::create(Named("type") = "forest", Named("n_features") = f.n_features,
                      Named("tree_start") = Rcpp::IntegerVector(f.tree_start.begin(), f.tree_start.end()),
                      Named("feature") = Rcpp::IntegerVector(f.feature.begin(), f.feature.end()),
                      Named("left") = Rcpp::IntegerVector(f.left.begin(), f.left.end()),
                      Named("value") = Rcpp::NumericVector(f.value.begin(), f.value.end()),
                      Named("depth") = Rcpp::IntegerVector(f.depth.begin(), f.depth.end()),
                      Named("leaves") = Rcpp::IntegerVector(f.leaves.begin(), f.leaves.end()),
                      Named("importance") = Rcpp::NumericVector(f.importance.begin(), f.importance.end()));
}

smotelab::ForestFit glue::forest_state_from_r(const List& s) {
  smotelab::ForestFit f;
  f.n_features = Rcpp::as<int>(s["n_features"]);
  f.tree_start = Rcpp::as<std::vector<std::int32_t>>(s["tree_start"]);
  f.feature = Rcpp::as<std::vector<std::int32_t>>(s["feature"]);
  f.left = Rcpp::as<std::vector<std::int32_t>>(s["left"]);
  f.value = Rcpp::as<std::vector<double>>(s["value"]);
  f.depth = Rcpp::as<std::vector<std::int32_t>>(s["depth"]);
  f.leaves = Rcpp::as<std::vector<std::int32_t>>(s["leaves"]);
  f.importance = Rcpp::as<std::vector<double>>(s["importance"]);
  smotelab::validate_forest(f);
  return f;
}
