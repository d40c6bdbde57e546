// Pipeline specs from R, shared by fit/predict and cross-validation glue.
#pragma once

#include "glue.h"
#include "smotelab/pipeline.hpp"

namespace glue {
smotelab::PipelineSpec spec_from_r(const Rcpp::List& spec);

// Per-model conversions, each in its model's glue file.
smotelab::ForestOptions forest_spec_from_r(const Rcpp::List& model);
Rcpp::List forest_state_to_r(const smotelab::ForestFit& fit);
smotelab::ForestFit forest_state_from_r(const Rcpp::List& state);
smotelab::BoostOptions boost_spec_from_r(const Rcpp::List& model);
Rcpp::List boost_state_to_r(const smotelab::BoostFit& fit);
smotelab::BoostFit boost_state_from_r(const Rcpp::List& state);
}
