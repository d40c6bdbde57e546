// Threshold tuning (scikit-learn 1.5's TunedThresholdClassifierCV) on the
// one engine: out-of-fold probabilities from the same fold fits as
// cross-validation, and a metric of the registry as a function of the
// decision threshold.
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "case_weights.hpp"
#include "columns.hpp"
#include "cv.hpp"
#include "errors.hpp"
#include "metrics.hpp"
#include "parallel.hpp"
#include "pipeline.hpp"

namespace smotelab {

struct FoldPredictions {
  Eigen::VectorXd prob;                 // each row predicted by the fit without its fold
  std::optional<FittedPipeline> refit;  // the pipeline fitted on every row, when asked
};

// Fold f (1-based ids in `folds`, v folds) is fitted with cross-validation's
// seed for it, so these are the fits cross_validate() scores. The refit on
// all rows is one more task of the same parallel run, with `seed` itself,
// as grid_search() refits its best point. `case_weight` (none, or one per
// row) follows each fit's training rows, as in cross-validation.
inline FoldPredictions cv_fold_predictions(const PipelineSpec& spec, const Columns& X,
                                           const Eigen::Ref<const Eigen::VectorXi>& y,
                                           const Eigen::Ref<const Eigen::VectorXi>& folds, int v, std::uint64_t seed,
                                           bool refit, const Executor& exec, const double* case_weight = nullptr) {
  require(folds.size() == X.rows() && y.size() == X.rows(), "folds, X and y must have the same number of rows");
  FoldPredictions out;
  out.prob.resize(X.rows());
  const std::size_t n_tasks = static_cast<std::size_t>(v) + (refit ? 1 : 0);
  exec(n_tasks, 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t t = begin; t < end; ++t) {
      if (t == static_cast<std::size_t>(v)) {
        out.refit = fit_pipeline(spec, X, y, seed, serial_executor(), case_weight);
        continue;
      }
      const int fold = static_cast<int>(t) + 1;
      std::vector<Eigen::Index> train, test;
      for (Eigen::Index i = 0; i < X.rows(); ++i) (folds(i) == fold ? test : train).push_back(i);
      check(!test.empty(), kind::empty, "Fold " + std::to_string(fold) + " has no rows.");
      Eigen::VectorXi y_train(static_cast<Eigen::Index>(train.size()));
      for (std::size_t i = 0; i < train.size(); ++i) y_train(static_cast<Eigen::Index>(i)) = y(train[i]);
      const Eigen::MatrixXd X_train = X.rows_of(train), X_test = X.rows_of(test);
      const std::vector<double> w_train = weights_of_rows(case_weight, train);
      const FittedPipeline fitted =
          fit_pipeline(spec, Columns::of(X_train), y_train, spec.numpy_rng ? seed : task_seed(seed, 0, fold, v),
                       serial_executor(), w_train.empty() ? nullptr : w_train.data());
      Eigen::VectorXd prob(static_cast<Eigen::Index>(test.size()));
      predict_pipeline(fitted, Columns::of(X_test), prob);
      for (std::size_t i = 0; i < test.size(); ++i) out.prob(test[i]) = prob(static_cast<Eigen::Index>(i));
    }
  });
  return out;
}

// Metrics (rows of metrics::kMetrics that need a threshold) at each
// threshold: row k holds their values when the event is predicted for
// prob > thresholds[k]. `weight`: none, or one case weight per row, which
// counts the row that many times.
inline Eigen::MatrixXd threshold_metrics(const int* truth, const double* prob, std::size_t n,
                                         const std::vector<double>& thresholds, const std::vector<std::size_t>& wanted,
                                         const double* weight = nullptr) {
  for (std::size_t id : wanted) require(metrics::kMetrics[id].at_a_threshold(), "the metric needs no threshold");
  Eigen::MatrixXd out(static_cast<Eigen::Index>(thresholds.size()), static_cast<Eigen::Index>(wanted.size()));
  const metrics::Ranking no_ranking{};
  for (std::size_t k = 0; k < thresholds.size(); ++k) {
    const metrics::ClassMetrics cls =
        metrics::class_metrics(metrics::confusion_at(truth, prob, n, thresholds[k], weight));
    for (std::size_t j = 0; j < wanted.size(); ++j)
      out(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j)) =
          metrics::metric_value(wanted[j], cls, no_ranking);
  }
  return out;
}

}  // namespace smotelab
