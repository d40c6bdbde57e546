#pragma once
// The resampling steps of a pipeline run on their own: the rows a pipeline's
// model would be fitted on, for a caller that fits its model elsewhere (the
// recipes step step_resample()). Each step is the engine's own StepFitter,
// seeded as fit_pipeline() seeds it, so the rows equal the engine's.
#include <cstdint>
#include <utility>
#include <variant>

#include "errors.hpp"
#include "pipeline.hpp"

namespace smotelab {

struct ResampledRows {
  Eigen::MatrixXd X;
  Eigen::VectorXi y;
};

// `spec.model` is not used. A step that fits a transform (scaling) instead of
// changing the rows is refused: applying it would need its state at predict
// time, which the caller does not keep.
inline ResampledRows resample_rows(const PipelineSpec& spec, const Columns& X,
                                   const Eigen::Ref<const Eigen::VectorXi>& y, std::uint64_t seed,
                                   const Executor& exec = serial_executor()) {
  require(X.rows() == y.size(), "X and y must have the same number of rows");
  detail::Rows rows{X.to_matrix(), y, {}};
  Eigen::MatrixXd unit(2, X.cols());
  unit.row(0).setZero();
  unit.row(1).setOnes();
  for (std::size_t i = 0; i < spec.steps.size(); ++i) {
    const bool numpy_step = spec.numpy_rng && (std::holds_alternative<SmoteSpec>(spec.steps[i]) ||
                                               std::holds_alternative<RandomOverSpec>(spec.steps[i]) ||
                                               std::holds_alternative<RandomUnderSpec>(spec.steps[i]));
    const detail::StepFitter fitter{
        rows, numpy_step ? seed : derive_seed(seed, i), spec.class_names, exec, numpy_step, &spec.categorical, &unit};
    check(!std::visit(fitter, spec.steps[i]).has_value(), kind::argument,
          "A step that transforms predictors can't run as a resampler.");
  }
  return {std::move(rows.X), std::move(rows.y)};
}

inline ResampledRows resample_rows(const PipelineSpec& spec, const Eigen::Ref<const Eigen::MatrixXd>& X,
                                   const Eigen::Ref<const Eigen::VectorXi>& y, std::uint64_t seed,
                                   const Executor& exec = serial_executor()) {
  return resample_rows(spec, Columns::of(X), y, seed, exec);
}

// The model of `spec` alone, on rows resampled elsewhere, drawing the stream
// fit_pipeline() gives the model of a pipeline with `steps` resampling steps
// fitted with `seed`: rows from resample_rows() and this model together are
// that pipeline's fit.
inline FittedPipeline fit_model_after_steps(const PipelineSpec& spec, const Columns& X,
                                            const Eigen::Ref<const Eigen::VectorXi>& y, std::uint64_t seed,
                                            std::size_t steps, const Executor& exec = serial_executor()) {
  require(X.rows() == y.size(), "X and y must have the same number of rows");
  require(spec.steps.empty() && !spec.calibration, "the spec must hold a model only");
  FittedPipeline fitted;
  fitted.model = std::visit(detail::ModelFitter{X, y, derive_seed(seed, steps), exec, &spec.class_names}, spec.model);
  fitted.fit_counts = detail::class_counts(y);
  return fitted;
}

}  // namespace smotelab
