// Pipeline specs from R, shared by fit/predict and cross-validation glue.
#pragma once

#include "glue.h"
#include "smotelab/pipeline.hpp"

namespace glue {
smotelab::PipelineSpec spec_from_r(const Rcpp::List& spec);
}
