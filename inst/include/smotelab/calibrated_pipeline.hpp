// Calibrated pipelines on the one engine (included at the end of
// pipeline.hpp, whose fit_pipeline() and predict_pipeline() dispatch here).
//
// A pipeline spec with a calibration is fitted as scikit-learn's
// CalibratedClassifierCV(cv = k, ensemble = True): the rows are cut into k
// stratified folds as StratifiedKFold(k) without shuffling does; the whole
// pipeline, resampling included, is fitted on the other folds and a
// calibrator on the fold's scores; a prediction is the mean of the k
// calibrated members. So cross-validating or grid-searching a calibrated
// pipeline calibrates inside every training fold, without leakage.
//
// With the prior method the pipeline is fitted once and its log-odds are
// shifted from the event share its model trained at (after resampling, and
// after class weights: the weighted share) to the share of the rows given.
//
// Case weights follow scikit-learn's CalibratedClassifierCV.fit(X, y,
// sample_weight): each member's pipeline fits with the weights of its
// training rows (which follow them through resampling), each calibrator with
// those of its held-out rows. With the prior method an event share is a
// share of weight: the model's after resampling and class weights, the
// data's for the target.
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <variant>
#include <vector>

#include "calibration.hpp"
#include "case_weights.hpp"
#include "columns.hpp"
#include "errors.hpp"
#include "parallel.hpp"
#include "pipeline.hpp"
#include "rng.hpp"

namespace smotelab {

// StratifiedKFold(k, shuffle = False)'s fold of each row (0-based): the
// sorted labels are dealt to folds in turn, which fixes how many rows of each
// class a fold gets; each class's rows then fill the folds in row order.
inline std::vector<int> stratified_kfold_unshuffled(const Eigen::Ref<const Eigen::VectorXi>& y, int k) {
  const std::size_t n = static_cast<std::size_t>(y.size());
  const std::size_t v = static_cast<std::size_t>(k);
  std::size_t n0 = 0;
  for (std::size_t i = 0; i < n; ++i) n0 += y(static_cast<Eigen::Index>(i)) == 0;
  std::vector<std::size_t> per_class[2] = {std::vector<std::size_t>(v), std::vector<std::size_t>(v)};
  for (std::size_t f = 0; f < v; ++f) {
    const std::size_t all = n > f ? (n - f + v - 1) / v : 0;
    const std::size_t zeros = n0 > f ? (n0 - f + v - 1) / v : 0;
    per_class[0][f] = zeros;
    per_class[1][f] = all - zeros;
  }
  std::vector<int> fold(n);
  std::size_t next[2] = {0, 0}, used[2] = {0, 0};
  for (std::size_t i = 0; i < n; ++i) {
    const int c = y(static_cast<Eigen::Index>(i)) == 1;
    while (next[c] < v && used[c] == per_class[c][next[c]]) {
      ++next[c];
      used[c] = 0;
    }
    fold[i] = static_cast<int>(next[c]);
    ++used[c];
  }
  return fold;
}

// The event share a model trained at, given the rows per class it saw and,
// with case weights, their weight per class (`mass`; without, each row
// weighs 1): class weights move it as resampling would. A class weight
// multiplies each row's case weight, so the share is c1 m1 / (c1 m1 + c0 m0)
// with class weights c and class masses m; "balanced" class weights are
// n / (2 n_k) from the row counts, as scikit-learn's, which makes the share
// 1/2 without case weights and m1/n1 / (m1/n1 + m0/n0) with them.
struct EffectiveEventShare {
  const std::vector<Eigen::Index>& counts;
  const std::vector<double>* mass = nullptr;
  double m(std::size_t c) const { return mass == nullptr ? double(counts[c]) : (*mass)[c]; }
  double raw() const { return m(1) / (m(0) + m(1)); }
  // Class weights n / (2 n_k): the constant n / 2 cancels.
  double balanced() const {
    const double per_row[2] = {m(0) / double(counts[0]), m(1) / double(counts[1])};
    return per_row[1] / (per_row[0] + per_row[1]);
  }
  double operator()(const LogisticOptions& o) const { return o.balanced ? balanced() : raw(); }
  double operator()(const ForestOptions& o) const {
    return o.class_weight == ForestClassWeight::none ? raw() : balanced();
  }
  double operator()(const BoostOptions& o) const {
    const double events = o.scale_pos_weight * m(1);
    return events / (events + m(0));
  }
  // Every tree grows on the rows its under-sampling keeps, drawn without
  // regard to weight: each class keeps its mean weight per row.
  double operator()(const BalancedForestOptions& o) const {
    const std::vector<Eigen::Index> kept = rows_to_keep(o.strategy, counts);
    if (mass == nullptr) return EffectiveEventShare{kept}(o.forest);
    const std::vector<double> kept_mass = {double(kept[0]) * (m(0) / double(counts[0])),
                                           double(kept[1]) * (m(1) / double(counts[1]))};
    return EffectiveEventShare{kept, &kept_mass}(o.forest);
  }
  // Each member resamples by its own step: no one prior describes them.
  double operator()(const BaggingOptions&) const {
    fail(kind::argument, "The prior correction is not defined for a balanced bagging ensemble.",
         {"Calibrate it with method = \"sigmoid\" or \"isotonic\" instead."});
  }
};

// `fit_weights`: the case-weight totals per class the model saw, or empty
// without case weights.
inline double effective_event_share(const ModelSpec& model, const std::vector<Eigen::Index>& fit_counts,
                                    const std::vector<double>& fit_weights = {}) {
  require(fit_counts.size() == 2, "fit_counts must have two entries");
  require(fit_weights.empty() || fit_weights.size() == 2, "fit_weights must be empty or have two entries");
  return std::visit(EffectiveEventShare{fit_counts, fit_weights.empty() ? nullptr : &fit_weights}, model);
}

namespace detail {

// What CalibratedClassifierCV calibrates: the decision value of a model that
// has a decision function (logistic regression), else the probability.
struct ScorePredictor {
  const Columns& X;
  double* out;  // X.rows() scores
  const Executor& exec;
  bool operator()(const LogisticFit& fit) const {
    check_stored(X.cols() == fit.coef.size(), "The data have a different number of columns than the fitted model.");
    std::vector<Eigen::Index> all(static_cast<std::size_t>(X.cols()));
    for (Eigen::Index j = 0; j < X.cols(); ++j) all[static_cast<std::size_t>(j)] = j;
    exec(static_cast<std::size_t>(X.rows()), kLogisticBlock, [&](std::size_t begin, std::size_t end) {
      Eigen::MatrixXd Z;
      for (std::size_t first = begin; first < end; first += kLogisticBlock) {
        const Eigen::Index rows = static_cast<Eigen::Index>(std::min(end - first, kLogisticBlock));
        X.gather(static_cast<Eigen::Index>(first), rows, all, Z);
        Eigen::Map<Eigen::VectorXd>(out + first, rows) = (Z * fit.coef).array() + fit.intercept;
      }
    });
    return true;
  }
  // Every other model calibrates its probability, predicted as the pipeline does.
  template <typename Fit>
  bool operator()(const Fit& fit) const {
    ModelPredictor{X, Eigen::Map<Eigen::VectorXd>(out, X.rows()), exec}(fit);
    return false;
  }
};

}  // namespace detail

// The uncalibrated scores of a fitted pipeline (not an ensemble); returns
// whether they are log-odds.
inline bool pipeline_scores(const FittedPipeline& fitted, const Columns& X, Eigen::Ref<Eigen::VectorXd> out,
                            const Executor& exec = serial_executor()) {
  check_stored(fitted.members.empty(), "A calibrated ensemble has no scores of its own.");
  require(out.size() == X.rows(), "the output has the wrong length");
  if (fitted.steps.empty()) return std::visit(detail::ScorePredictor{X, out.data(), exec}, fitted.model);
  Eigen::MatrixXd Xt = X.to_matrix();
  for (const auto& state : fitted.steps) std::visit(detail::StepApplier{Xt}, state);
  return std::visit(detail::ScorePredictor{Columns::of(Xt), out.data(), exec}, fitted.model);
}

// A calibrator fitted on held-out rows (CalibratedClassifierCV(cv =
// "prefit")); y holds 0/1; `case_weight` is none or one weight per row.
inline Calibrator calibrate_fitted(const FittedPipeline& fitted, CalibrationMethod method, const Columns& X,
                                   const Eigen::Ref<const Eigen::VectorXi>& y, const Executor& exec,
                                   const double* case_weight = nullptr) {
  require(X.rows() == y.size(), "X and y must have the same number of rows");
  Eigen::VectorXd scores(X.rows());
  pipeline_scores(fitted, X, scores, exec);
  return fit_calibrator(method, scores.data(), y.data(), static_cast<std::size_t>(y.size()), case_weight);
}

// The event share of rows with labels y: their weight share with case
// weights, else their row share.
inline double event_share(const Eigen::Ref<const Eigen::VectorXi>& y, const double* case_weight = nullptr) {
  if (case_weight == nullptr) {
    const auto counts = detail::class_counts(y);
    return double(counts[1]) / double(y.size());
  }
  const std::vector<double> mass = class_weight_totals(y, case_weight);
  return mass[1] / (mass[0] + mass[1]);
}

inline Calibrator prior_calibrator(double target_share, double trained_share) {
  Calibrator c;
  c.method = CalibrationMethod::prior;
  c.log_odds_shift = prior_shift(target_share, trained_share);
  return c;
}

namespace detail {

inline void fit_member(const PipelineSpec& inner, CalibrationMethod method, const Columns& X,
                       const Eigen::Ref<const Eigen::VectorXi>& y, const std::vector<int>& fold, int f,
                       std::uint64_t seed, const double* case_weight, FittedPipeline& out);

inline FittedPipeline fit_calibrated(const PipelineSpec& spec, const Columns& X,
                                     const Eigen::Ref<const Eigen::VectorXi>& y, std::uint64_t seed,
                                     const Executor& exec, const double* case_weight) {
  PipelineSpec inner = spec;
  inner.calibration.reset();
  const auto counts = class_counts(y);
  const auto method = spec.calibration->method;
  if (method == CalibrationMethod::prior) {
    FittedPipeline fitted = fit_pipeline(inner, X, y, seed, exec, case_weight);
    const double trained = effective_event_share(spec.model, fitted.fit_counts, fitted.fit_weights);
    fitted.calibrators = {prior_calibrator(event_share(y, case_weight), trained)};
    return fitted;
  }
  const int k = spec.calibration->folds;
  require(k >= 2, "calibration needs at least 2 folds");
  for (int c = 0; c < 2; ++c) {
    check(
        counts[static_cast<std::size_t>(c)] >= k, kind::too_few_rows,
        "Calibration with " + std::to_string(k) + " folds needs at least " + std::to_string(k) + " rows of each class.",
        {"Class \"" + spec.class_names[static_cast<std::size_t>(c)] + "\" has " +
         std::to_string(counts[static_cast<std::size_t>(c)]) + " rows here."});
  }
  const std::vector<int> fold = stratified_kfold_unshuffled(y, k);
  FittedPipeline out;
  out.fit_counts = counts;
  out.members.resize(static_cast<std::size_t>(k));
  out.calibrators.resize(static_cast<std::size_t>(k));
  // One member per task, each on one thread, as cross-validation runs folds.
  exec(static_cast<std::size_t>(k), 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t t = begin; t < end; ++t)
      fit_member(inner, method, X, y, fold, static_cast<int>(t), seed, case_weight, out);
  });
  return out;
}

// Member f of a calibrated ensemble: the pipeline fitted without fold f, and
// its calibrator fitted on fold f's scores, each with its rows' case weights.
inline void fit_member(const PipelineSpec& inner, CalibrationMethod method, const Columns& X,
                       const Eigen::Ref<const Eigen::VectorXi>& y, const std::vector<int>& fold, int f,
                       std::uint64_t seed, const double* case_weight, FittedPipeline& out) {
  std::vector<Eigen::Index> train, test;
  for (Eigen::Index i = 0; i < y.size(); ++i) (fold[static_cast<std::size_t>(i)] == f ? test : train).push_back(i);
  Eigen::VectorXi y_train(static_cast<Eigen::Index>(train.size())), y_test(static_cast<Eigen::Index>(test.size()));
  for (std::size_t i = 0; i < train.size(); ++i) y_train(static_cast<Eigen::Index>(i)) = y(train[i]);
  for (std::size_t i = 0; i < test.size(); ++i) y_test(static_cast<Eigen::Index>(i)) = y(test[i]);
  // A cloned imblearn pipeline keeps its integer random_state in every fold.
  const std::uint64_t member_seed = inner.numpy_rng ? seed : derive_seed(seed, static_cast<std::uint64_t>(f));
  const Eigen::MatrixXd X_train = X.rows_of(train);
  const auto m = static_cast<std::size_t>(f);
  const std::vector<double> w_train = weights_of_rows(case_weight, train), w_test = weights_of_rows(case_weight, test);
  out.members[m] = fit_pipeline(inner, Columns::of(X_train), y_train, member_seed, serial_executor(),
                                case_weight != nullptr ? w_train.data() : nullptr);
  const Eigen::MatrixXd X_test = X.rows_of(test);
  out.calibrators[m] = calibrate_fitted(out.members[m], method, Columns::of(X_test), y_test, serial_executor(),
                                        case_weight != nullptr ? w_test.data() : nullptr);
}

inline void predict_calibrated(const FittedPipeline& fitted, const Columns& X, Eigen::Ref<Eigen::VectorXd> prob,
                               const Executor& exec) {
  require(prob.size() == X.rows(), "the output has the wrong length");
  Eigen::VectorXd scores(X.rows());
  if (fitted.members.empty()) {
    check_stored(fitted.calibrators.size() == 1, "A calibrated fit must have one calibrator.");
    const bool log_odds = pipeline_scores(fitted, X, scores, exec);
    for (Eigen::Index i = 0; i < X.rows(); ++i) prob(i) = calibrate_score(fitted.calibrators[0], scores(i), log_odds);
    return;
  }
  check_stored(fitted.members.size() == fitted.calibrators.size(),
               "A calibrated ensemble must have one calibrator per member.");
  prob.setZero();
  for (std::size_t m = 0; m < fitted.members.size(); ++m) {
    const bool log_odds = pipeline_scores(fitted.members[m], X, scores, exec);
    for (Eigen::Index i = 0; i < X.rows(); ++i) prob(i) += calibrate_score(fitted.calibrators[m], scores(i), log_odds);
  }
  prob /= static_cast<double>(fitted.members.size());
}

}  // namespace detail
}  // namespace smotelab
