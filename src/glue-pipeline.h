// Pipeline specs from R, shared by fit/predict and cross-validation glue.
#pragma once

#include "glue.h"
#include "smotelab/pipeline.hpp"

namespace glue {
smotelab::PipelineSpec spec_from_r(const Rcpp::List& spec);

// Fitted pipelines <-> R lists (glue-pipeline.cpp); their calibration
// (glue-calibrate.cpp).
Rcpp::List fitted_to_r(const smotelab::FittedPipeline& fitted);
smotelab::FittedPipeline fitted_from_r(const Rcpp::List& state);
smotelab::CalibrationMethod calibration_method_from_r(const std::string& method);
Rcpp::List calibration_to_r(const smotelab::FittedPipeline& fitted);
void calibration_from_r(const Rcpp::List& calibration, smotelab::FittedPipeline& fitted);

// Per-model conversions, each in its model's glue file.
smotelab::LogisticOptions logistic_spec_from_r(const Rcpp::List& model);
Rcpp::List logistic_state_to_r(const smotelab::LogisticFit& fit);
smotelab::LogisticFit logistic_state_from_r(const Rcpp::List& state);
smotelab::ForestOptions forest_spec_from_r(const Rcpp::List& model);
Rcpp::List forest_state_to_r(const smotelab::ForestFit& fit);
smotelab::ForestFit forest_state_from_r(const Rcpp::List& state);
smotelab::BoostOptions boost_spec_from_r(const Rcpp::List& model);
Rcpp::List boost_state_to_r(const smotelab::BoostFit& fit);
smotelab::BoostFit boost_state_from_r(const Rcpp::List& state);
smotelab::BalancedForestOptions balanced_forest_spec_from_r(const Rcpp::List& model);
Rcpp::List balanced_forest_state_to_r(const smotelab::BalancedForestFit& fit);
smotelab::BalancedForestFit balanced_forest_state_from_r(const Rcpp::List& state);
smotelab::BaggingOptions bagging_spec_from_r(const Rcpp::List& model);
Rcpp::List bagging_state_to_r(const smotelab::BaggingFit& fit);
smotelab::BaggingFit bagging_state_from_r(const Rcpp::List& state);

// A fitted pipeline (steps, model, fit_counts) to and from R; bagging
// members are fitted pipelines too.
Rcpp::List fitted_to_r(const smotelab::FittedPipeline& fitted);
smotelab::FittedPipeline fitted_from_r(const Rcpp::List& state);

// Shared by borderline_smote() and its pipeline step.
inline smotelab::BorderlineKind borderline_kind_from_r(const std::string& kind) {
  using Kind = smotelab::BorderlineKind;
  return enum_from_r<Kind>(kind, {{"borderline-1", Kind::borderline_1}, {"borderline-2", Kind::borderline_2}},
                           "borderline kind");
}

// Shared by the cluster-based samplers and their pipeline steps
// (glue-oversample.cpp).
smotelab::CentroidVoting centroid_voting_from_r(const std::string& voting);
smotelab::KMeansSmoteOptions kmeans_smote_from_r(const Rcpp::List& params);
smotelab::RoseOptions rose_from_r(const Rcpp::List& params);
}  // namespace glue
