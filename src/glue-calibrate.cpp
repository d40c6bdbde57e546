// Glue for calibration and threshold tuning: calibrators as plain R lists,
// the prefit and prior calibrators of a fitted pipeline, out-of-fold
// probabilities and metric curves over thresholds.
#include "glue-pipeline.h"
#include "smotelab/threshold.hpp"

using Rcpp::List;
using Rcpp::Named;

smotelab::CalibrationMethod glue::calibration_method_from_r(const std::string& method) {
  using M = smotelab::CalibrationMethod;
  return enum_from_r<M>(method, {{"sigmoid", M::sigmoid}, {"isotonic", M::isotonic}, {"prior", M::prior}},
                        "calibration method");
}

namespace {

const char* method_name(smotelab::CalibrationMethod m) {
  switch (m) {
    case smotelab::CalibrationMethod::sigmoid:
      return "sigmoid";
    case smotelab::CalibrationMethod::isotonic:
      return "isotonic";
    default:
      return "prior";
  }
}

List calibrator_to_r(const smotelab::Calibrator& c) {
  return List::create(Named("method") = method_name(c.method), Named("a") = c.sigmoid.a, Named("b") = c.sigmoid.b,
                      Named("x") = Rcpp::wrap(c.isotonic.x), Named("y") = Rcpp::wrap(c.isotonic.y),
                      Named("log_odds_shift") = c.log_odds_shift);
}

smotelab::Calibrator calibrator_from_r(const List& c) {
  smotelab::Calibrator out;
  out.method = glue::calibration_method_from_r(c["method"]);
  out.sigmoid.a = Rcpp::as<double>(c["a"]);
  out.sigmoid.b = Rcpp::as<double>(c["b"]);
  out.isotonic.x = Rcpp::as<std::vector<double>>(c["x"]);
  out.isotonic.y = Rcpp::as<std::vector<double>>(c["y"]);
  out.log_odds_shift = Rcpp::as<double>(c["log_odds_shift"]);
  smotelab::check_stored(
      out.isotonic.x.size() == out.isotonic.y.size() && std::is_sorted(out.isotonic.x.begin(), out.isotonic.x.end()),
      "An isotonic calibrator's points must be sorted pairs.");
  smotelab::check_stored(out.method != smotelab::CalibrationMethod::isotonic || !out.isotonic.x.empty(),
                         "An isotonic calibrator has no points.");
  return out;
}

}  // namespace

List glue::calibration_to_r(const smotelab::FittedPipeline& fitted) {
  List calibrators(fitted.calibrators.size());
  for (std::size_t i = 0; i < fitted.calibrators.size(); ++i) calibrators[i] = calibrator_to_r(fitted.calibrators[i]);
  List members(fitted.members.size());
  for (std::size_t i = 0; i < fitted.members.size(); ++i) members[i] = glue::fitted_to_r(fitted.members[i]);
  return List::create(Named("calibrators") = calibrators, Named("members") = members);
}

void glue::calibration_from_r(const List& calibration, smotelab::FittedPipeline& fitted) {
  const List calibrators = calibration["calibrators"];
  const List members = calibration["members"];
  for (R_xlen_t i = 0; i < calibrators.size(); ++i) fitted.calibrators.push_back(calibrator_from_r(calibrators[i]));
  for (R_xlen_t i = 0; i < members.size(); ++i) fitted.members.push_back(glue::fitted_from_r(members[i]));
  smotelab::check_stored(members.size() == 0 ? calibrators.size() == 1 : members.size() == calibrators.size(),
                         "A calibrated fit must have one calibrator per member.");
}

// A calibrator of `method` fitted on the scores of a fitted pipeline on
// held-out rows (y 0/1), with their case weights (NULL or one positive double
// per row, checked by R): CalibratedClassifierCV(cv = "prefit").
// [[Rcpp::export(rng = false)]]
List calibrate_prefit_cpp(const List& state, const List& columns, const Eigen::Map<Eigen::VectorXi> y,
                          const std::string& method, int n_threads, SEXP case_weights = R_NilValue) {
  const smotelab::FittedPipeline fitted = glue::fitted_from_r(state);
  const smotelab::Calibrator c = smotelab::calibrate_fitted(
      fitted, glue::calibration_method_from_r(method), glue::columns_from_r(columns, y.size()), y,
      glue::executor(n_threads), glue::case_weights_from_r(case_weights, y.size()));
  return calibrator_to_r(c);
}

// The prior calibrator of a pipeline whose model saw `fit_counts` rows per
// class (with case-weight totals `fit_weights`, NULL without case weights),
// for data whose classes weigh `class_mass` (row counts or weight totals).
// [[Rcpp::export(rng = false)]]
List calibrate_prior_cpp(const List& spec, const Rcpp::IntegerVector& fit_counts, const Rcpp::NumericVector& class_mass,
                         SEXP fit_weights = R_NilValue) {
  const smotelab::PipelineSpec s = glue::spec_from_r(spec);
  const std::vector<Eigen::Index> fit(fit_counts.begin(), fit_counts.end());
  const std::vector<double> weights =
      Rf_isNull(fit_weights) ? std::vector<double>{} : Rcpp::as<std::vector<double>>(fit_weights);
  const double target = class_mass[1] / (class_mass[0] + class_mass[1]);
  return calibrator_to_r(smotelab::prior_calibrator(target, smotelab::effective_event_share(s.model, fit, weights)));
}

// The core calibrators on bare scores (with case weights, NULL or one per
// score), for tests against scikit-learn.
// [[Rcpp::export(rng = false)]]
List calibrator_fit_cpp(const Rcpp::NumericVector& scores, const Rcpp::IntegerVector& y, const std::string& method,
                        SEXP case_weights = R_NilValue) {
  smotelab::require(scores.size() == y.size(), "scores and y differ in length");
  return calibrator_to_r(smotelab::fit_calibrator(glue::calibration_method_from_r(method), scores.begin(), y.begin(),
                                                  static_cast<std::size_t>(scores.size()),
                                                  glue::case_weights_from_r(case_weights, scores.size())));
}

// [[Rcpp::export(rng = false)]]
Rcpp::NumericVector calibrator_predict_cpp(const List& calibrator, const Rcpp::NumericVector& scores, bool log_odds) {
  const smotelab::Calibrator c = calibrator_from_r(calibrator);
  Rcpp::NumericVector out(scores.size());
  for (R_xlen_t i = 0; i < scores.size(); ++i) out[i] = smotelab::calibrate_score(c, scores[i], log_odds);
  return out;
}

// Out-of-fold probabilities of one repeat of folds and, with `refit`, the
// pipeline fitted on all rows (NULL otherwise).
// [[Rcpp::export(rng = false)]]
List cv_predict_cpp(const List& spec, const List& columns, const Eigen::Map<Eigen::VectorXi> y,
                    const Eigen::Map<Eigen::VectorXi> folds, int v, double seed, bool refit, int n_threads,
                    SEXP case_weights = R_NilValue) {
  const smotelab::FoldPredictions out = smotelab::cv_fold_predictions(
      glue::spec_from_r(spec), glue::columns_from_r(columns, y.size()), y, folds, v, glue::seed_from_r(seed), refit,
      glue::executor(n_threads), glue::case_weights_from_r(case_weights, y.size()));
  return List::create(Named("prob") = Rcpp::wrap(out.prob),
                      Named("fit") = out.refit ? static_cast<SEXP>(glue::fitted_to_r(*out.refit)) : R_NilValue);
}

// The mean threshold curves of out-of-fold probabilities (see
// smotelab::threshold_curves()): `thresholds`, `mean` (one column per metric
// name of the registry) and `constant_fold`, the first fold (1-based) whose
// probabilities are all equal, or 0.
// [[Rcpp::export(rng = false)]]
List threshold_curves_cpp(const Rcpp::IntegerVector& truth, const Rcpp::NumericVector& prob,
                          const Rcpp::IntegerVector& folds, int v, const std::vector<std::string>& metrics, int n,
                          SEXP case_weights = R_NilValue) {
  smotelab::require(truth.size() == prob.size() && folds.size() == prob.size(),
                    "truth, prob and folds differ in length");
  smotelab::require(n >= 2, "a curve needs at least two thresholds");
  std::vector<std::size_t> wanted;
  for (const auto& m : metrics) wanted.push_back(smotelab::metrics::metric_index(m));
  const smotelab::ThresholdCurves curves = smotelab::threshold_curves(
      truth.begin(), prob.begin(), folds.begin(), static_cast<std::size_t>(truth.size()), v, wanted,
      static_cast<std::size_t>(n), glue::case_weights_from_r(case_weights, truth.size()));
  Rcpp::NumericMatrix mean = Rcpp::wrap(curves.mean);
  return List::create(Named("thresholds") = Rcpp::wrap(curves.thresholds), Named("mean") = mean,
                      Named("constant_fold") = curves.constant_fold);
}
