// Glue for the pipeline's resampling steps run alone (step_resample()).
#include "glue.h"
#include "glue-pipeline.h"
#include "smotelab/resample.hpp"

using Rcpp::List;
using Rcpp::Named;

// `spec` is a pipeline spec as spec_to_core() makes it; its model is ignored.
// `columns` are finite double vectors (checked by R). Returns the resampled
// predictor columns (original rows first, as the engine keeps them) and 0/1
// labels.
// [[Rcpp::export(rng = false)]]
List pipeline_resample_cpp(const List& spec, const List& columns, const Eigen::Map<Eigen::VectorXi> y, double seed,
                           int n_threads) {
  smotelab::Columns X = glue::columns_from_r(columns, y.size());
  const smotelab::ResampledRows rows = glue::allocating(0, "the resampled rows", [&] {
    return smotelab::resample_rows(glue::spec_from_r(spec), X.checked_finite(), y, glue::seed_from_r(seed),
                                   glue::executor(n_threads));
  });
  List out(rows.X.cols());
  for (Eigen::Index j = 0; j < rows.X.cols(); ++j) {
    out[j] = Rcpp::NumericVector(rows.X.col(j).data(), rows.X.col(j).data() + rows.X.rows());
  }
  return List::create(Named("columns") = out,
                      Named("y") = Rcpp::IntegerVector(rows.y.data(), rows.y.data() + rows.y.size()));
}

// fit_model_after_steps(): `spec` holds a model and no steps; `steps` is the
// number of resampling steps of the pipeline whose model stream to draw.
// [[Rcpp::export(rng = false)]]
List pipeline_fit_model_cpp(const List& spec, const List& columns, const Eigen::Map<Eigen::VectorXi> y, double seed,
                            int steps, int n_threads) {
  smotelab::Columns X = glue::columns_from_r(columns, y.size());
  const smotelab::FittedPipeline fitted = glue::allocating(0, "the model", [&] {
    return smotelab::fit_model_after_steps(glue::spec_from_r(spec), X.checked_finite(), y, glue::seed_from_r(seed),
                                           static_cast<std::size_t>(steps), glue::executor(n_threads));
  });
  return glue::fitted_to_r(fitted);
}
