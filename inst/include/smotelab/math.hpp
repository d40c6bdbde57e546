// Small numeric helpers shared by models that should not depend on each other
// (logistic regression and boosting both map margins to probabilities).
#pragma once

#include <cmath>

namespace smotelab {
namespace detail {

// 1 / (1 + exp(-eta)), written so that exp never overflows.
inline double sigmoid(double eta) {
  if (eta >= 0) return 1.0 / (1.0 + std::exp(-eta));
  const double e = std::exp(eta);
  return e / (1.0 + e);
}

}  // namespace detail
}  // namespace smotelab
