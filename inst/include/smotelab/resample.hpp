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
  check(detail::fit_steps(spec, rows, seed, exec).empty(), kind::argument,
        "A step that transforms predictors can't run as a resampler.");
  return {std::move(rows.X), std::move(rows.y)};
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
  detail::fit_model(spec, X, y, derive_seed(seed, steps), exec, nullptr, fitted);
  return fitted;
}

}  // namespace smotelab
