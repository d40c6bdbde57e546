// The one engine that runs pipelines.
//
// A pipeline is data: an ordered list of step specs and one model spec.
// fit_pipeline() fits each transform on the rows it is given (the training
// rows), applies it, resamples those rows where a step says so, then fits the
// model. predict_pipeline() applies the fitted transforms and the model; it never
// resamples. Cross-validation and grid search call these two functions per
// (grid point x fold) task with a serial executor.
#pragma once

#include <Eigen/Dense>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "balanced_forest.hpp"
#include "boost.hpp"
#include "columns.hpp"
#include "errors.hpp"
#include "forest.hpp"
#include "logistic.hpp"
#include "parallel.hpp"
#include "rng.hpp"
#include "sampling.hpp"
#include "smote.hpp"
#include "smote_variants.hpp"

namespace smotelab {

// Standardisation as scikit-learn's StandardScaler: training mean and
// population standard deviation; a constant column is centred, not scaled.
struct ScaleSpec {};

struct ScaleState {
  Eigen::VectorXd center;
  Eigen::VectorXd scale;
};

// Resampling steps change the training rows only; they leave no state.
struct SmoteSpec {
  int k_neighbors = 5;
  SamplingStrategy strategy;
};
struct BorderlineSpec {
  int k_neighbors = 5;
  int m_neighbors = 10;
  BorderlineKind kind = BorderlineKind::borderline_1;
  SamplingStrategy strategy;
};
struct AdasynSpec {
  int n_neighbors = 5;
  SamplingStrategy strategy;
};
struct RandomOverSpec {
  SamplingStrategy strategy;
};
struct RandomUnderSpec {
  SamplingStrategy strategy;
};

using StepSpec = std::variant<ScaleSpec, SmoteSpec, BorderlineSpec, AdasynSpec, RandomOverSpec, RandomUnderSpec>;
using StepState = std::variant<ScaleState>;

struct PipelineSpec;
struct FittedPipeline;

// imbalanced-learn's BalancedBaggingClassifier: `n_estimators` members, each
// a pipeline (a sampler step, then a model) fitted on its own draw of the
// rows; the ensemble predicts the mean of their probabilities. bagging.hpp
// fits and predicts it.
struct BaggingOptions {
  std::shared_ptr<const PipelineSpec> member;
  int n_estimators = 10;
  double max_samples = 1.0;  // rows per member: a share of the rows when at most 1, else a count
  bool bootstrap = true;     // draw with replacement
};
struct BaggingFit {
  std::vector<std::shared_ptr<const FittedPipeline>> members;
};

using ModelSpec = std::variant<LogisticOptions, ForestOptions, BoostOptions, BalancedForestOptions, BaggingOptions>;
using ModelState = std::variant<LogisticFit, ForestFit, BoostFit, BalancedForestFit, BaggingFit>;

struct PipelineSpec {
  std::vector<StepSpec> steps;
  ModelSpec model;
  std::vector<std::string> class_names;  // the two outcome levels, for messages
  // SMOTE and the random samplers draw as imbalanced-learn's with
  // random_state = the pipeline's seed (a 32-bit integer), each from a fresh
  // RandomState, as every fit of an imblearn Pipeline does.
  bool numpy_rng = false;
};

struct FittedPipeline {
  std::vector<StepState> steps;
  ModelState model;
  std::vector<Eigen::Index> fit_counts;  // rows per class the model saw, after resampling
};

namespace detail {

// Each column is first brought to [-1, 1) by a power of two, which is exact:
// the mean and sd are those of the column itself, bit for bit, but squares
// can neither overflow (|x| > 1e154) nor underflow (|x| < 1e-162). A column
// is constant when its variance is within the rounding error of the
// two-pass computation (Chan, Golub and LeVeque's bound, as scikit-learn's
// StandardScaler uses): a relative test, so a feature's unit never decides.
inline ScaleState fit_scale(const Eigen::Ref<const Eigen::MatrixXd>& X) {
  const double n = static_cast<double>(X.rows());
  const double eps = std::numeric_limits<double>::epsilon();
  ScaleState state;
  state.center.resize(X.cols());
  state.scale.resize(X.cols());
  for (Eigen::Index j = 0; j < X.cols(); ++j) {
    const double largest = X.col(j).cwiseAbs().maxCoeff();
    if (largest == 0) {
      state.center(j) = 0;
      state.scale(j) = 1;
      continue;
    }
    // Two factors, since 2^-exponent alone may not be a double (subnormal
    // columns need up to 2^1074).
    const int exponent = std::ilogb(largest) + 1;
    const Eigen::VectorXd z = X.col(j) * std::ldexp(1.0, -exponent / 2) * std::ldexp(1.0, -exponent + exponent / 2);
    const double mean = z.mean();
    const double var = (z.array() - mean).square().sum() / n;
    const double bound = n * eps * var + (n * mean * eps) * (n * mean * eps);
    state.center(j) = std::ldexp(mean, exponent);
    state.scale(j) = var <= bound ? 1.0 : std::ldexp(std::sqrt(var), exponent);
  }
  return state;
}

inline void apply_scale(const ScaleState& state, Eigen::MatrixXd& X) {
  check_stored(X.cols() == state.center.size(), "The data have a different number of columns than at fit time.");
  X.rowwise() -= state.center.transpose();
  X.array().rowwise() /= state.scale.transpose().array();
}

// Training rows as they flow through the steps, with their case weights
// (empty when there are none).
struct Rows {
  Eigen::MatrixXd X;
  Eigen::VectorXi y;
  std::vector<double> w;
};

inline std::vector<Eigen::Index> class_counts(const Eigen::Ref<const Eigen::VectorXi>& y) {
  const Eigen::Index events = y.sum();
  return {y.size() - events, events};
}

inline void append(Rows& rows, const Resampled& r) {
  Rows out{Eigen::MatrixXd(static_cast<Eigen::Index>(r.keep.size()) + r.X_new.rows(), rows.X.cols()),
           Eigen::VectorXi(static_cast<Eigen::Index>(r.keep.size()) + r.y_new.size()),
           {}};
  // An under-sampler may keep every row yet reorder them (numpy streams).
  bool all_kept = static_cast<Eigen::Index>(r.keep.size()) == rows.X.rows();
  for (std::size_t i = 0; all_kept && i < r.keep.size(); ++i) all_kept = r.keep[i] == static_cast<Eigen::Index>(i);
  if (all_kept) {
    out.X.topRows(rows.X.rows()) = rows.X;
    out.y.head(rows.y.size()) = rows.y;
  } else {
    for (std::size_t i = 0; i < r.keep.size(); ++i) {
      out.X.row(static_cast<Eigen::Index>(i)) = rows.X.row(r.keep[i]);
      out.y(static_cast<Eigen::Index>(i)) = rows.y(r.keep[i]);
    }
  }
  out.X.bottomRows(r.X_new.rows()) = r.X_new;
  out.y.tail(r.y_new.size()) = r.y_new;
  // A kept row keeps its weight, a copy copies it, and an interpolated row
  // gets its seed's and neighbour's weights interpolated with the gap of
  // its features.
  if (!rows.w.empty()) {
    out.w.reserve(r.keep.size() + static_cast<std::size_t>(r.X_new.rows()));
    for (Eigen::Index k : r.keep) out.w.push_back(rows.w[static_cast<std::size_t>(k)]);
    for (std::size_t t = 0; t < static_cast<std::size_t>(r.X_new.rows()); ++t) {
      const double seed = rows.w[static_cast<std::size_t>(r.seed_row[t])];
      const bool copy = r.neighbour_row.empty() || r.neighbour_row[t] < 0 || r.gap.empty();
      out.w.push_back(copy ? seed : seed + r.gap[t] * (rows.w[static_cast<std::size_t>(r.neighbour_row[t])] - seed));
    }
  }
  rows = std::move(out);
}

struct StepFitter {
  Rows& rows;
  std::uint64_t seed;
  const std::vector<std::string>& class_names;
  const Executor& exec;
  bool numpy_rng = false;

  std::optional<StepState> operator()(const ScaleSpec&) const {
    ScaleState state = fit_scale(rows.X);
    apply_scale(state, rows.X);
    return state;
  }
  std::optional<StepState> operator()(const SmoteSpec& spec) const {
    const auto n_new = rows_to_add(spec.strategy, class_counts(rows.y), class_names);
    if (numpy_rng) {
      append(rows, smote_numpy(Columns::of(rows.X), rows.y, n_new, spec.k_neighbors, static_cast<std::uint32_t>(seed),
                               exec, KnnAlgorithm::automatic, class_names));
    } else {
      append(rows, smote(rows.X, rows.y, n_new, spec.k_neighbors, seed, exec, KnnAlgorithm::automatic, class_names));
    }
    return std::nullopt;
  }
  std::optional<StepState> operator()(const BorderlineSpec& spec) const {
    const auto n_new = rows_to_add(spec.strategy, class_counts(rows.y), class_names);
    append(rows, borderline_smote(rows.X, rows.y, n_new, spec.k_neighbors, spec.m_neighbors, spec.kind, seed, exec,
                                  KnnAlgorithm::automatic, class_names));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const AdasynSpec& spec) const {
    const auto n_new = rows_to_add(spec.strategy, class_counts(rows.y), class_names);
    append(rows, adasyn(rows.X, rows.y, n_new, spec.n_neighbors, seed, exec, KnnAlgorithm::automatic, class_names));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const RandomOverSpec& spec) const {
    const auto n_new = rows_to_add(spec.strategy, class_counts(rows.y), class_names);
    append(rows, numpy_rng ? random_oversample_numpy(rows.X, rows.y, n_new, static_cast<std::uint32_t>(seed))
                           : random_oversample(rows.X, rows.y, n_new, seed));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const RandomUnderSpec& spec) const {
    const auto counts = class_counts(rows.y);
    const auto n_keep = rows_to_keep(spec.strategy, counts, class_names);
    append(rows, numpy_rng
                     ? random_undersample_numpy(rows.X, rows.y, n_keep, under_sampling_targets(spec.strategy, counts),
                                                static_cast<std::uint32_t>(seed))
                     : random_undersample(rows.X, rows.y, n_keep, seed));
    return std::nullopt;
  }
};

struct StepApplier {
  Eigen::MatrixXd& X;
  void operator()(const ScaleState& state) const { apply_scale(state, X); }
};

// Models that draw random numbers (bootstrap, row and column sampling) use
// `seed`, which fit_pipeline() derives after the steps' seeds.
inline BaggingFit fit_bagging(const BaggingOptions& opt, const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                              std::uint64_t seed, const Executor& exec);
inline void predict_bagging(const BaggingFit& fit, const Columns& X, Eigen::Ref<Eigen::VectorXd> prob,
                            const Executor& exec);

struct ModelFitter {
  const Columns& X;
  const Eigen::Ref<const Eigen::VectorXi>& y;
  std::uint64_t seed;
  const Executor& exec;
  const std::vector<std::string>* class_names = nullptr;
  const double* case_weight = nullptr;  // one per row, or none
  ModelState operator()(const LogisticOptions& opt) const { return fit_logistic(X, y, opt, exec, case_weight); }
  ModelState operator()(const ForestOptions& opt) const {
    unweighted("The random forest");
    return fit_forest(X, y, opt, seed, exec);
  }
  ModelState operator()(const BoostOptions& opt) const { return fit_boost(X, y, opt, seed, exec, case_weight); }
  ModelState operator()(const BalancedForestOptions& opt) const {
    unweighted("The balanced random forest");
    return fit_balanced_forest(X, y, opt, seed, exec, class_names ? *class_names : std::vector<std::string>{});
  }
  ModelState operator()(const BaggingOptions& opt) const {
    unweighted("Balanced bagging");
    return fit_bagging(opt, X, y, seed, exec);
  }
  void unweighted(const std::string& model) const {
    check(case_weight == nullptr, kind::argument, model + " can't use case weights yet.",
          {"Case weights work with model_logistic() and model_boost()."});
  }
};

struct ModelPredictor {
  const Columns& X;
  Eigen::Ref<Eigen::VectorXd> prob;
  const Executor& exec;
  void operator()(const LogisticFit& fit) const { predict_logistic(fit, X, prob, exec); }
  void operator()(const ForestFit& fit) const { predict_forest(fit, X, prob, exec); }
  void operator()(const BoostFit& fit) const { predict_boost(fit, X, prob, exec); }
  void operator()(const BalancedForestFit& fit) const { predict_balanced_forest(fit, X, prob, exec); }
  void operator()(const BaggingFit& fit) const { predict_bagging(fit, X, prob, exec); }
};

}  // namespace detail

// `seed` feeds the resampling steps, step i with derive_seed(seed, i) (with
// spec.numpy_rng, SMOTE and the random samplers take `seed` itself, as an
// imblearn random_state), and the model with derive_seed(seed, number of
// steps). `case_weight`, when given, holds a positive weight per row for the
// model; they follow the rows through the resampling steps (see append()).
inline FittedPipeline fit_pipeline(const PipelineSpec& spec, const Columns& X,
                                   const Eigen::Ref<const Eigen::VectorXi>& y, std::uint64_t seed,
                                   const Executor& exec = serial_executor(), const double* case_weight = nullptr) {
  require(X.rows() == y.size(), "X and y must have the same number of rows");
  FittedPipeline fitted;
  const std::uint64_t model_seed = derive_seed(seed, spec.steps.size());
  if (spec.steps.empty()) {
    fitted.model = std::visit(detail::ModelFitter{X, y, model_seed, exec, &spec.class_names, case_weight}, spec.model);
    fitted.fit_counts = detail::class_counts(y);
    return fitted;
  }
  detail::Rows rows{X.to_matrix(), y, {}};
  if (case_weight != nullptr) rows.w.assign(case_weight, case_weight + X.rows());
  for (std::size_t i = 0; i < spec.steps.size(); ++i) {
    const bool numpy_step = spec.numpy_rng && (std::holds_alternative<SmoteSpec>(spec.steps[i]) ||
                                               std::holds_alternative<RandomOverSpec>(spec.steps[i]) ||
                                               std::holds_alternative<RandomUnderSpec>(spec.steps[i]));
    const detail::StepFitter fitter{rows, numpy_step ? seed : derive_seed(seed, i), spec.class_names, exec, numpy_step};
    if (auto state = std::visit(fitter, spec.steps[i])) fitted.steps.push_back(std::move(*state));
  }
  fitted.model = std::visit(detail::ModelFitter{Columns::of(rows.X), rows.y, model_seed, exec, &spec.class_names,
                                                rows.w.empty() ? nullptr : rows.w.data()},
                            spec.model);
  fitted.fit_counts = detail::class_counts(rows.y);
  return fitted;
}

inline void predict_pipeline(const FittedPipeline& fitted, const Columns& X, Eigen::Ref<Eigen::VectorXd> prob,
                             const Executor& exec = serial_executor()) {
  if (fitted.steps.empty()) {
    std::visit(detail::ModelPredictor{X, prob, exec}, fitted.model);
    return;
  }
  Eigen::MatrixXd Xt = X.to_matrix();
  for (const auto& state : fitted.steps) std::visit(detail::StepApplier{Xt}, state);
  std::visit(detail::ModelPredictor{Columns::of(Xt), prob, exec}, fitted.model);
}

inline FittedPipeline fit_pipeline(const PipelineSpec& spec, const Eigen::Ref<const Eigen::MatrixXd>& X,
                                   const Eigen::Ref<const Eigen::VectorXi>& y, std::uint64_t seed,
                                   const Executor& exec = serial_executor(), const double* case_weight = nullptr) {
  return fit_pipeline(spec, Columns::of(X), y, seed, exec, case_weight);
}

inline void predict_pipeline(const FittedPipeline& fitted, const Eigen::Ref<const Eigen::MatrixXd>& X,
                             Eigen::Ref<Eigen::VectorXd> prob, const Executor& exec = serial_executor()) {
  predict_pipeline(fitted, Columns::of(X), prob, exec);
}

}  // namespace smotelab

#include "bagging.hpp"  // the bagging members are pipelines: their fit comes after fit_pipeline()
