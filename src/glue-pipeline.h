// Pipeline specs from R, shared by fit/predict and cross-validation glue.
#pragma once

#include "glue.h"
#include "smotelab/pipeline.hpp"

namespace glue {
smotelab::PipelineSpec spec_from_r(const Rcpp::List& spec);
smotelab::BoostOptions boost_spec_from_r(const Rcpp::List& model);
Rcpp::List boost_state_to_r(const smotelab::BoostFit& fit);
smotelab::BoostFit boost_state_from_r(const Rcpp::List& state);
}
