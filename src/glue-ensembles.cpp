// Glue for the balanced ensembles: the balanced random forest (the forest's
// spec and state plus its under-sampling) and balanced bagging (members are
// pipelines, read and written by the pipeline glue).
#include "glue.h"
#include "glue-pipeline.h"

using Rcpp::List;
using Rcpp::Named;

smotelab::BalancedForestOptions glue::balanced_forest_spec_from_r(const List& model) {
  smotelab::BalancedForestOptions opt;
  opt.forest = glue::forest_spec_from_r(model);
  opt.strategy = glue::strategy_from_r(model["sampling_strategy"]);
  opt.replacement = Rcpp::as<bool>(model["replacement"]);
  return opt;
}

List glue::balanced_forest_state_to_r(const smotelab::BalancedForestFit& f) {
  List out = glue::forest_state_to_r(f.forest);
  out["type"] = "balanced_forest";
  out["keep"] = Rcpp::IntegerVector(f.keep.begin(), f.keep.end());
  // Two rows (the classes) by one column per tree.
  Rcpp::IntegerMatrix bag(2, static_cast<int>(f.forest.bag_counts.size() / 2));
  std::copy(f.forest.bag_counts.begin(), f.forest.bag_counts.end(), bag.begin());
  out["bag_counts"] = bag;
  return out;
}

smotelab::BalancedForestFit glue::balanced_forest_state_from_r(const List& s) {
  smotelab::BalancedForestFit f;
  f.forest = glue::forest_state_from_r(s);
  f.keep = Rcpp::as<std::vector<Eigen::Index>>(s["keep"]);
  return f;
}

smotelab::BaggingOptions glue::bagging_spec_from_r(const List& model) {
  smotelab::BaggingOptions opt;
  opt.member = std::make_shared<const smotelab::PipelineSpec>(glue::spec_from_r(model["member"]));
  opt.n_estimators = Rcpp::as<int>(model["n_estimators"]);
  opt.max_samples = Rcpp::as<double>(model["max_samples"]);
  opt.bootstrap = Rcpp::as<bool>(model["bootstrap"]);
  return opt;
}

List glue::bagging_state_to_r(const smotelab::BaggingFit& f) {
  List members(f.members.size());
  for (std::size_t t = 0; t < f.members.size(); ++t) members[t] = glue::fitted_to_r(*f.members[t]);
  return List::create(Named("type") = "balanced_bagging", Named("members") = members);
}

smotelab::BaggingFit glue::bagging_state_from_r(const List& s) {
  smotelab::BaggingFit f;
  const List members = s["members"];
  for (R_xlen_t t = 0; t < members.size(); ++t)
    f.members.push_back(std::make_shared<const smotelab::FittedPipeline>(glue::fitted_from_r(members[t])));
  return f;
}
