// The stored trees of both tree models, to and from R (glue-tree.cpp).
#pragma once

#include "glue.h"
#include "smotelab/tree.hpp"

namespace glue {
Rcpp::List trees_to_r(const smotelab::TreeEnsemble& trees);
smotelab::TreeEnsemble trees_from_r(const Rcpp::List& trees);
}  // namespace glue
