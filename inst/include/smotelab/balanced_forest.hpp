// The balanced random forest (imbalanced-learn 0.10's
// BalancedRandomForestClassifier) on the forest core: the same trees, each
// grown on its own under-sampled draw of the training rows.
//
// imbalanced-learn fits a RandomUnderSampler per tree on all training rows,
// then scikit-learn bootstraps the rows it kept; `sampling_strategy` and
// `replacement` are the sampler's. The counts each tree keeps depend only on
// the training class counts, so they are resolved once here, and every tree
// draws its rows from its own stream. Case weights go into every tree, as
// scikit-learn hands sample_weight to each tree of the balanced forest.
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <vector>

#include "columns.hpp"
#include "errors.hpp"
#include "forest.hpp"
#include "parallel.hpp"
#include "sampling.hpp"

namespace smotelab {

struct BalancedForestOptions {
  ForestOptions forest;
  SamplingStrategy strategy;
  bool replacement = false;
};

struct BalancedForestFit {
  ForestFit forest;
  std::vector<Eigen::Index> keep;  // rows of each class every tree keeps before its bootstrap
};

inline BalancedForestFit fit_balanced_forest(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                             const BalancedForestOptions& opt, std::uint64_t seed,
                                             const Executor& exec = serial_executor(),
                                             const std::vector<std::string>& class_names = {},
                                             const double* case_weight = nullptr) {
  const Eigen::Index events = y.sum();
  BalancedForestFit fit;
  fit.keep = rows_to_keep(opt.strategy, {y.size() - events, events}, class_names);
  TreeUnderSampling under;
  under.keep[0] = static_cast<std::uint64_t>(fit.keep[0]);
  under.keep[1] = static_cast<std::uint64_t>(fit.keep[1]);
  under.replacement = opt.replacement;
  fit.forest = fit_forest(X, y, opt.forest, seed, exec, &under, case_weight);
  return fit;
}

inline void predict_balanced_forest(const BalancedForestFit& fit, const Columns& X, Eigen::Ref<Eigen::VectorXd> prob,
                                    const Executor& exec = serial_executor()) {
  predict_forest(fit.forest, X, prob, exec);
}

}  // namespace smotelab
