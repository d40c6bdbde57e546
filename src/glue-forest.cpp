// Glue for the random forest: its spec from R, and its fitted state (the
// trees through glue-tree.cpp, plus what the forest reports about them) to
// and from plain R data.
#include "glue.h"
#include "glue-pipeline.h"
#include "glue-tree.h"

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
  return List::create(Named("type") = "forest", Named("trees") = glue::trees_to_r(f.trees),
                      Named("depth") = Rcpp::IntegerVector(f.depth.begin(), f.depth.end()),
                      Named("leaves") = Rcpp::IntegerVector(f.leaves.begin(), f.leaves.end()),
                      Named("importance") = Rcpp::NumericVector(f.importance.begin(), f.importance.end()));
}

smotelab::ForestFit glue::forest_state_from_r(const List& s) {
  smotelab::ForestFit f;
  f.trees = glue::trees_from_r(s["trees"]);
  f.depth = Rcpp::as<std::vector<std::int32_t>>(s["depth"]);
  f.leaves = Rcpp::as<std::vector<std::int32_t>>(s["leaves"]);
  f.importance = Rcpp::as<std::vector<double>>(s["importance"]);
  return f;
}
