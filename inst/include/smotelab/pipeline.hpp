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
#include <variant>
#include <vector>

#include "columns.hpp"
#include "errors.hpp"
#include "logistic.hpp"
#include "parallel.hpp"

namespace smotelab {

// Standardisation as scikit-learn's StandardScaler: training mean and
// population standard deviation; a constant column is centred, not scaled.
struct ScaleSpec {};

struct ScaleState {
  Eigen::VectorXd center;
  Eigen::VectorXd scale;
};

using StepSpec = std::variant<ScaleSpec>;
using StepState = std::variant<ScaleState>;
using ModelSpec = std::variant<LogisticOptions>;
using ModelState = std::variant<LogisticFit>;

struct PipelineSpec {
  std::vector<StepSpec> steps;
  ModelSpec model;
};

struct FittedPipeline {
  std::vector<StepState> steps;
  ModelState model;
};

namespace detail {

inline ScaleState fit_scale(const Eigen::Ref<const Eigen::MatrixXd>& X) {
  const Eigen::Index n = X.rows();
  ScaleState state;
  state.center = X.colwise().mean().transpose();
  state.scale.resize(X.cols());
  for (Eigen::Index j = 0; j < X.cols(); ++j) {
    const double sd = std::sqrt((X.col(j).array() - state.center(j)).square().sum() / static_cast<double>(n));
    // Same rule as scikit-learn: a spread at rounding level means constant.
    const double floor = 10 * std::numeric_limits<double>::epsilon() * std::max(1.0, std::abs(state.center(j)));
    state.scale(j) = sd < floor ? 1.0 : sd;
  }
  return state;
}

inline void apply_scale(const ScaleState& state, Eigen::MatrixXd& X) {
  require(X.cols() == state.center.size(), "the data have a different number of columns than at fit time");
  X.rowwise() -= state.center.transpose();
  X.array().rowwise() /= state.scale.transpose().array();
}

struct StepFitter {
  Eigen::MatrixXd& X;
  StepState operator()(const ScaleSpec&) const {
    ScaleState state = fit_scale(X);
    apply_scale(state, X);
    return state;
  }
};

struct StepApplier {
  Eigen::MatrixXd& X;
  void operator()(const ScaleState& state) const { apply_scale(state, X); }
};

struct ModelFitter {
  const Columns& X;
  const Eigen::Ref<const Eigen::VectorXi>& y;
  const Executor& exec;
  ModelState operator()(const LogisticOptions& opt) const { return fit_logistic(X, y, opt, exec); }
};

struct ModelPredictor {
  const Columns& X;
  Eigen::Ref<Eigen::VectorXd> prob;
  const Executor& exec;
  void operator()(const LogisticFit& fit) const { predict_logistic(fit, X, prob, exec); }
};

}  // namespace detail

inline FittedPipeline fit_pipeline(const PipelineSpec& spec, const Columns& X, const Eigen::Ref<const Eigen::VectorXi>& y,
                                   const Executor& exec = serial_executor()) {
  require(X.rows() == y.size(), "X and y must have the same number of rows");
  FittedPipeline fitted;
  if (spec.steps.empty()) {
    fitted.model = std::visit(detail::ModelFitter{X, y, exec}, spec.model);
    return fitted;
  }
  Eigen::MatrixXd Xt = X.to_matrix();
  Eigen::VectorXi yt = y;
  for (const auto& step : spec.steps) fitted.steps.push_back(std::visit(detail::StepFitter{Xt}, step));
  fitted.model = std::visit(detail::ModelFitter{Columns::of(Xt), yt, exec}, spec.model);
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
                                   const Eigen::Ref<const Eigen::VectorXi>& y, const Executor& exec = serial_executor()) {
  return fit_pipeline(spec, Columns::of(X), y, exec);
}

inline void predict_pipeline(const FittedPipeline& fitted, const Eigen::Ref<const Eigen::MatrixXd>& X,
                             Eigen::Ref<Eigen::VectorXd> prob, const Executor& exec = serial_executor()) {
  predict_pipeline(fitted, Columns::of(X), prob, exec);
}

}  // namespace smotelab
