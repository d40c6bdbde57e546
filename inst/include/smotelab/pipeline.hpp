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
#include <algorithm>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "balanced_forest.hpp"
#include "boost.hpp"
#include "calibration.hpp"
#include "case_weights.hpp"
#include "cleaning.hpp"
#include "cluster_sampling.hpp"
#include "columns.hpp"
#include "errors.hpp"
#include "forest.hpp"
#include "logistic.hpp"
#include "near_miss.hpp"
#include "parallel.hpp"
#include "rng.hpp"
#include "rose.hpp"
#include "sampling.hpp"
#include "smote.hpp"
#include "smote_categorical.hpp"
#include "smote_variants.hpp"
#include "split.hpp"

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
// The cleaning under-samplers (cleaning.hpp, near_miss.hpp): `strategy`
// names the classes they may clean.
struct TomekSpec {
  SamplingStrategy strategy;
};
struct EnnSpec {
  int n_neighbors = 3;
  EnnKind kind = EnnKind::all;
  SamplingStrategy strategy;
};
// The rules built on ENN's vote add one setting each to it.
struct RennSpec : EnnSpec {
  int max_iter = 100;
};
struct AllKnnSpec : EnnSpec {
  bool allow_minority = false;
};
struct NcrSpec : EnnSpec {
  double threshold_cleaning = 0.5;
};
struct OssSpec {
  int n_neighbors = 1;
  int n_seeds_S = 1;
  SamplingStrategy strategy;
};
struct CnnSpec {
  int n_neighbors = 1;
  int n_seeds_S = 1;
  SamplingStrategy strategy;
};
struct NearMissSpec {
  int version = 1;
  int n_neighbors = 3;
  int n_neighbors_ver3 = 3;
  SamplingStrategy strategy;
};
// SMOTE (k_neighbors, strategy), then ENN or Tomek links on every row with
// cleaning_strategy.
struct SmoteCleanSpec {
  SmoteCleaning cleaning = SmoteCleaning::enn;
  int k_neighbors = 5;
  SamplingStrategy strategy;
  int n_neighbors = 3;
  EnnKind kind = EnnKind::all;
  SamplingStrategy cleaning_strategy;
};

// The categorical steps see each factor's dummy block as one variable.
struct SmoteNcSpec {
  int k_neighbors = 5;
  SamplingStrategy strategy;
};
struct SmotenSpec {
  int k_neighbors = 5;
  SamplingStrategy strategy;
};
struct ClusterCentroidsSpec {
  CentroidVoting voting = CentroidVoting::soft;
  SamplingStrategy strategy;
};
struct KMeansSmoteSpec {
  KMeansSmoteOptions options;
  SamplingStrategy strategy;
};
// Replaces the training rows with a smoothed bootstrap; factor dummies are
// copied, not smoothed.
struct RoseSpec {
  RoseOptions options;
};

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
// Instance hardness threshold: `model`'s cross-validated probabilities on
// `cv` stratified folds decide which rows of the target classes stay.
struct IhtSpec {
  ModelSpec model;
  int cv = 5;
  SamplingStrategy strategy;
};
using StepSpec =
    std::variant<ScaleSpec, SmoteSpec, BorderlineSpec, AdasynSpec, RandomOverSpec, RandomUnderSpec, TomekSpec, EnnSpec,
                 RennSpec, AllKnnSpec, NcrSpec, OssSpec, CnnSpec, NearMissSpec, SmoteCleanSpec, IhtSpec, SmoteNcSpec,
                 SmotenSpec, ClusterCentroidsSpec, KMeansSmoteSpec, RoseSpec>;
using StepState = std::variant<ScaleState>;

struct PipelineSpec {
  std::vector<StepSpec> steps;
  ModelSpec model;
  std::vector<std::string> class_names;  // the two outcome levels, for messages
  // SMOTE and the random samplers draw as imbalanced-learn's with
  // random_state = the pipeline's seed (a 32-bit integer), each from a fresh
  // RandomState, as every fit of an imblearn Pipeline does.
  bool numpy_rng = false;
  // A calibrated pipeline (calibrated_pipeline.hpp): fitted as
  // CalibratedClassifierCV(cv = folds, ensemble = True), or with a prior
  // correction.
  struct Calibration {
    CalibrationMethod method = CalibrationMethod::sigmoid;
    int folds = 5;
  };
  std::optional<Calibration> calibration{};
  // Each factor's (and logical's) dummy columns in the design, for the
  // categorical steps.
  std::vector<CategoricalBlock> categorical{};
};

struct FittedPipeline {
  std::vector<StepState> steps;
  ModelState model;
  std::vector<Eigen::Index> fit_counts;  // rows per class the model saw, after resampling
  std::vector<double> fit_weights;       // their case-weight totals per class; empty without case weights
  // Calibration: one calibrator applied to this fit's scores, or, for the
  // cross-validated ensemble, one per member (and no steps or model here).
  std::vector<FittedPipeline> members;
  std::vector<Calibrator> calibrators;
};

namespace detail {
inline FittedPipeline fit_calibrated(const PipelineSpec& spec, const Columns& X,
                                     const Eigen::Ref<const Eigen::VectorXi>& y, std::uint64_t seed,
                                     const Executor& exec, const double* case_weight);
inline void predict_calibrated(const FittedPipeline& fitted, const Columns& X, Eigen::Ref<Eigen::VectorXd> prob,
                               const Executor& exec);
}  // namespace detail

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
  if (!rows.w.empty())
    out.w = carry_case_weights(rows.w, r.keep, static_cast<std::size_t>(r.X_new.rows()), r.seed_row, r.neighbour_row,
                               r.gap);
  rows = std::move(out);
}

struct StepFitter {
  Rows& rows;
  std::uint64_t seed;
  const std::vector<std::string>& class_names;
  const Executor& exec;
  bool numpy_rng = false;
  const std::vector<CategoricalBlock>* blocks = nullptr;
  // What a dummy 0 (row 0) and 1 (row 1) of each column have become after
  // the transforms fitted so far.
  const Eigen::MatrixXd* unit = nullptr;

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
      append(rows, smote(Columns::of(rows.X), rows.y, n_new, spec.k_neighbors, seed, exec, KnnAlgorithm::automatic,
                         class_names));
    }
    return std::nullopt;
  }
  std::optional<StepState> operator()(const BorderlineSpec& spec) const {
    const auto n_new = rows_to_add(spec.strategy, class_counts(rows.y), class_names);
    append(rows, borderline_smote(Columns::of(rows.X), rows.y, n_new, spec.k_neighbors, spec.m_neighbors, spec.kind,
                                  seed, exec, KnnAlgorithm::automatic, class_names));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const AdasynSpec& spec) const {
    const auto n_new = rows_to_add(spec.strategy, class_counts(rows.y), class_names);
    append(rows, adasyn(Columns::of(rows.X), rows.y, n_new, spec.n_neighbors, seed, exec, KnnAlgorithm::automatic,
                        class_names));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const RandomOverSpec& spec) const {
    const auto n_new = rows_to_add(spec.strategy, class_counts(rows.y), class_names);
    append(rows, numpy_rng
                     ? random_oversample_numpy(Columns::of(rows.X), rows.y, n_new, static_cast<std::uint32_t>(seed))
                     : random_oversample(Columns::of(rows.X), rows.y, n_new, seed));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const RandomUnderSpec& spec) const {
    const auto counts = class_counts(rows.y);
    const auto n_keep = rows_to_keep(spec.strategy, counts, class_names);
    append(rows, numpy_rng ? random_undersample_numpy(Columns::of(rows.X), rows.y, n_keep,
                                                      under_sampling_targets(spec.strategy, counts),
                                                      static_cast<std::uint32_t>(seed))
                           : random_undersample(Columns::of(rows.X), rows.y, n_keep, seed));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const TomekSpec& spec) const {
    append(rows, tomek_links(Columns::of(rows.X), rows.y, 2, spec.strategy, exec));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const EnnSpec& spec) const {
    append(rows,
           edited_nearest_neighbours(Columns::of(rows.X), rows.y, 2, spec.strategy, spec.n_neighbors, spec.kind, exec));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const RennSpec& spec) const {
    append(rows, repeated_enn(Columns::of(rows.X), rows.y, 2, spec.strategy, spec.n_neighbors, spec.kind, spec.max_iter,
                              false, false, exec));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const AllKnnSpec& spec) const {
    append(rows, repeated_enn(Columns::of(rows.X), rows.y, 2, spec.strategy, spec.n_neighbors, spec.kind, 0, true,
                              spec.allow_minority, exec));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const NcrSpec& spec) const {
    append(rows, neighbourhood_cleaning_rule(Columns::of(rows.X), rows.y, 2, spec.strategy, spec.n_neighbors, spec.kind,
                                             spec.threshold_cleaning, exec));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const OssSpec& spec) const {
    append(rows, one_sided_selection(Columns::of(rows.X), rows.y, 2, spec.strategy, spec.n_neighbors, spec.n_seeds_S,
                                     seed, exec, KnnAlgorithm::automatic, class_names));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const CnnSpec& spec) const {
    append(rows, condensed_nearest_neighbour(Columns::of(rows.X), rows.y, 2, spec.strategy, spec.n_neighbors,
                                             spec.n_seeds_S, seed, class_names));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const NearMissSpec& spec) const {
    const auto counts = class_counts(rows.y);
    append(rows, near_miss(Columns::of(rows.X), rows.y, rows_to_keep(spec.strategy, counts, class_names),
                           under_sampling_targets(spec.strategy, counts), spec.version, spec.n_neighbors,
                           spec.n_neighbors_ver3, exec, KnnAlgorithm::automatic, class_names));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const SmoteCleanSpec& spec) const {
    const auto n_new = rows_to_add(spec.strategy, class_counts(rows.y), class_names);
    append(rows,
           smote_then_clean(Columns::of(rows.X), rows.y, n_new, spec.k_neighbors, spec.cleaning, spec.cleaning_strategy,
                            spec.n_neighbors, spec.kind, seed, exec, KnnAlgorithm::automatic, class_names));
    return std::nullopt;
  }
  // Defined after the model fitters it uses.
  std::optional<StepState> operator()(const IhtSpec& spec) const;
  std::optional<StepState> operator()(const SmoteNcSpec& spec) const {
    const auto n_new = rows_to_add(spec.strategy, class_counts(rows.y), class_names);
    append(rows, smote_blocks(CategoricalSmote::nc, rows.X, rows.y, *blocks, *unit, n_new, spec.k_neighbors, seed, exec,
                              class_names));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const SmotenSpec& spec) const {
    const auto n_new = rows_to_add(spec.strategy, class_counts(rows.y), class_names);
    append(rows, smote_blocks(CategoricalSmote::n, rows.X, rows.y, *blocks, *unit, n_new, spec.k_neighbors, seed, exec,
                              class_names));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const ClusterCentroidsSpec& spec) const {
    check_followable(rows.w.empty() || spec.voting == CentroidVoting::hard);
    const auto n_keep = rows_to_keep(spec.strategy, class_counts(rows.y), class_names);
    append(rows, cluster_centroids(Columns::of(rows.X), rows.y, n_keep, spec.voting, seed, exec, kClusterCentroidsInit,
                                   class_names));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const KMeansSmoteSpec& spec) const {
    const auto n_new = rows_to_add(spec.strategy, class_counts(rows.y), class_names);
    append(rows, kmeans_smote(Columns::of(rows.X), rows.y, n_new, spec.options, seed, exec, class_names));
    return std::nullopt;
  }
  std::optional<StepState> operator()(const RoseSpec& spec) const {
    std::vector<char> smooth(static_cast<std::size_t>(rows.X.cols()), 1);
    for (const CategoricalBlock& b : *blocks)
      for (Eigen::Index j = b.first; j < b.first + b.width; ++j) smooth[static_cast<std::size_t>(j)] = 0;
    append(rows, rose(Columns::of(rows.X), smooth, rows.y, spec.options, seed, exec, class_names));
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
                              std::uint64_t seed, const Executor& exec, const double* case_weight);
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
    return fit_forest(X, y, opt, seed, exec, nullptr, case_weight);
  }
  ModelState operator()(const BoostOptions& opt) const { return fit_boost(X, y, opt, seed, exec, case_weight); }
  ModelState operator()(const BalancedForestOptions& opt) const {
    return fit_balanced_forest(X, y, opt, seed, exec, class_names ? *class_names : std::vector<std::string>{},
                               case_weight);
  }
  ModelState operator()(const BaggingOptions& opt) const { return fit_bagging(opt, X, y, seed, exec, case_weight); }
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

// imbalanced-learn's InstanceHardnessThreshold on a binary outcome: the
// rows are dealt to `cv` stratified folds (stream derive_seed(seed, 0)); the
// model fitted on the other folds (seed derive_seed(seed, 1 + f) for fold f,
// on one thread; the folds run in parallel) gives each row the probability
// of its own class; hardness_selection() keeps the rows. n_keep and targets
// as for an under-sampler.
inline Resampled instance_hardness_threshold(const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                             const std::vector<Eigen::Index>& n_keep, const std::vector<char>& targets,
                                             const ModelSpec& model, int cv, std::uint64_t seed,
                                             const Executor& exec = serial_executor(),
                                             const std::vector<std::string>& class_names = {}) {
  require(X.rows() == y.size(), "X and y must have the same number of rows");
  require(n_keep.size() == 2 && targets.size() == 2, "instance hardness needs a binary outcome");
  require(cv >= 2, "cv must be at least 2");
  const auto counts = detail::count_classes(y, 2);
  for (std::size_t c = 0; c < 2; ++c)
    if (counts[c] < cv)
      fail(kind::too_few_rows,
           "The class " + detail::class_label(c, class_names) + " has " + detail::rows_text(counts[c]) +
               "; instance hardness with cv = " + std::to_string(cv) + " folds needs at least " + std::to_string(cv) +
               ".",
           {"Lower `cv` to at most " + std::to_string(counts[c]) + "."});
  const auto n = static_cast<std::size_t>(y.size());
  std::vector<int> fold(n);
  stratified_folds(y.data(), n, 2, static_cast<std::size_t>(cv), 1, derive_seed(seed, 0), fold.data());
  std::vector<double> prob(n);
  exec(static_cast<std::size_t>(cv), 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t f = begin; f < end; ++f) {
      std::vector<Eigen::Index> train, test;
      for (std::size_t i = 0; i < n; ++i)
        (fold[i] == static_cast<int>(f) ? test : train).push_back(static_cast<Eigen::Index>(i));
      const Eigen::MatrixXd X_train = X.rows_of(train), X_test = X.rows_of(test);
      Eigen::VectorXi y_train(static_cast<Eigen::Index>(train.size()));
      for (std::size_t i = 0; i < train.size(); ++i) y_train(static_cast<Eigen::Index>(i)) = y(train[i]);
      const Executor serial = serial_executor();
      const ModelState state =
          std::visit(detail::ModelFitter{Columns::of(X_train), y_train, derive_seed(seed, 1 + f), serial}, model);
      Eigen::VectorXd p(X_test.rows());
      std::visit(detail::ModelPredictor{Columns::of(X_test), p, serial}, state);
      for (std::size_t i = 0; i < test.size(); ++i)
        prob[static_cast<std::size_t>(test[i])] = p(static_cast<Eigen::Index>(i));
    }
  });
  for (std::size_t i = 0; i < n; ++i)
    if (y(static_cast<Eigen::Index>(i)) == 0) prob[i] = 1.0 - prob[i];
  return hardness_selection(prob, y, n_keep, targets, X.cols());
}

inline std::optional<StepState> detail::StepFitter::operator()(const IhtSpec& spec) const {
  const auto counts = class_counts(rows.y);
  append(rows, instance_hardness_threshold(
                   Columns::of(rows.X), rows.y, rows_to_keep(spec.strategy, counts, class_names),
                   under_sampling_targets(spec.strategy, counts), spec.model, spec.cv, seed, exec, class_names));
  return std::nullopt;
}

namespace detail {

// Runs the steps of `spec` on `rows` in order, step i seeded with
// derive_seed(seed, i) (with spec.numpy_rng, SMOTE and the random samplers
// take `seed` itself, as an imblearn random_state), and returns the states
// of the steps that fitted a transform.
inline std::vector<StepState> fit_steps(const PipelineSpec& spec, Rows& rows, std::uint64_t seed,
                                        const Executor& exec) {
  std::vector<StepState> states;
  // Where 0 and 1 land under the transforms fitted so far: what SMOTE-NC and
  // SMOTEN read a one-hot dummy back from.
  Eigen::MatrixXd unit(2, rows.X.cols());
  unit.row(0).setZero();
  unit.row(1).setOnes();
  for (std::size_t i = 0; i < spec.steps.size(); ++i) {
    const bool numpy_step = spec.numpy_rng && (std::holds_alternative<SmoteSpec>(spec.steps[i]) ||
                                               std::holds_alternative<RandomOverSpec>(spec.steps[i]) ||
                                               std::holds_alternative<RandomUnderSpec>(spec.steps[i]));
    const StepFitter fitter{
        rows, numpy_step ? seed : derive_seed(seed, i), spec.class_names, exec, numpy_step, &spec.categorical, &unit};
    if (auto state = std::visit(fitter, spec.steps[i])) {
      std::visit(StepApplier{unit}, *state);
      states.push_back(std::move(*state));
    }
  }
  return states;
}

// Fits the model of `spec` on X and y (the rows after the steps), drawing
// model_seed, and records the class counts (and case-weight totals) it saw.
inline void fit_model(const PipelineSpec& spec, const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                      std::uint64_t model_seed, const Executor& exec, const double* case_weight,
                      FittedPipeline& fitted) {
  fitted.model = std::visit(ModelFitter{X, y, model_seed, exec, &spec.class_names, case_weight}, spec.model);
  fitted.fit_counts = class_counts(y);
  if (case_weight != nullptr) fitted.fit_weights = class_weight_totals(y, case_weight);
}

}  // namespace detail

// `seed` feeds the steps (see fit_steps()) and the model, which draws
// derive_seed(seed, number of steps). `case_weight`, when given, holds a
// positive weight per row for the model; they follow the rows through the
// resampling steps (see append()).
inline FittedPipeline fit_pipeline(const PipelineSpec& spec, const Columns& X,
                                   const Eigen::Ref<const Eigen::VectorXi>& y, std::uint64_t seed,
                                   const Executor& exec = serial_executor(), const double* case_weight = nullptr) {
  require(X.rows() == y.size(), "X and y must have the same number of rows");
  if (spec.calibration) return detail::fit_calibrated(spec, X, y, seed, exec, case_weight);
  FittedPipeline fitted;
  const std::uint64_t model_seed = derive_seed(seed, spec.steps.size());
  if (spec.steps.empty()) {
    detail::fit_model(spec, X, y, model_seed, exec, case_weight, fitted);
    return fitted;
  }
  detail::Rows rows{X.to_matrix(), y, {}};
  if (case_weight != nullptr) rows.w.assign(case_weight, case_weight + X.rows());
  fitted.steps = detail::fit_steps(spec, rows, seed, exec);
  detail::fit_model(spec, Columns::of(rows.X), rows.y, model_seed, exec, rows.w.empty() ? nullptr : rows.w.data(),
                    fitted);
  return fitted;
}

inline void predict_pipeline(const FittedPipeline& fitted, const Columns& X, Eigen::Ref<Eigen::VectorXd> prob,
                             const Executor& exec = serial_executor()) {
  if (!fitted.calibrators.empty()) {
    detail::predict_calibrated(fitted, X, prob, exec);
    return;
  }
  if (fitted.steps.empty()) {
    std::visit(detail::ModelPredictor{X, prob, exec}, fitted.model);
    return;
  }
  Eigen::MatrixXd Xt = X.to_matrix();
  for (const auto& state : fitted.steps) std::visit(detail::StepApplier{Xt}, state);
  std::visit(detail::ModelPredictor{Columns::of(Xt), prob, exec}, fitted.model);
}

}  // namespace smotelab

#include "calibrated_pipeline.hpp"
#include "bagging.hpp"  // the bagging members are pipelines: their fit comes after fit_pipeline()
